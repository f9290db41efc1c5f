"""Formula injection (review8 A6): a label, a note or a violation typed as a formula is written to
every export as text — XLSX cells of string type, CSV cells guarded by an apostrophe — and our own
CSV importer reads the guarded text back as typed. Each file is read back as written."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from handlers.export_cells import csv_text, unguard
from tests.conftest import World
from tests.fakes import FakeClock, joined
from tests.handlers.test_checkin_support import add_sites

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
LINK = '=HYPERLINK("http://x.y","bam")'
TYPED = (LINK, "=1+2", "+84 912", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def _formulas(xlsx: bytes) -> list[str]:
    """The cells stored as formulas (``<f>`` elements) in any sheet of the workbook."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]


@pytest.mark.parametrize("typed", TYPED)
def test_the_csv_guard_and_its_inverse(typed: str) -> None:
    assert csv_text(typed) == "'" + typed and unguard(csv_text(typed)) == typed
    assert csv_text("Nguyễn Văn A") == "Nguyễn Văn A" and csv_text(12) == 12
    assert unguard("'bình thường") == "'bình thường"  # an apostrophe we did not add stays


async def _item_labelled(world: World, label: str) -> None:
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")
    await chat.send("10h 05/12/2026")
    await chat.send(label)
    summary = await chat.send("bỏ qua")
    assert "Đã lưu" in joined(await chat.tap(next(b.text for r in summary for b in r.flat_buttons if "Lưu" in b.text)))


async def test_register_export_in_chat_writes_a_formula_label_as_text(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    await _item_labelled(world, LINK)
    [reply] = await world.chat(world.head_a).send("/theodoi_xuat")
    assert reply.file is not None
    assert _formulas(reply.file.data) == []
    sheet = load_workbook(io.BytesIO(reply.file.data)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == LINK]
    assert cells and all(c.data_type == "s" for c in cells)


async def test_checkin_violation_typed_as_a_formula_is_text_in_xlsx_and_csv(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    clock.set(datetime(2026, 3, 15, 2, 0, tzinfo=UTC))
    chat = world.chat(world.staff_a)
    await chat.send("/kiemsat")
    await chat.tap(sites.a1.name)
    await chat.tap("Hằng ngày")
    for value in ("3", "2", "1", "0", "0"):
        await chat.send(value)
    await chat.tap("Có, liệt kê vi phạm")
    await chat.send("=1+2")
    await chat.send("-buồng 3 ẩm")
    await chat.tap("Xong")
    for _ in range(3):
        await chat.tap("Bỏ qua")
    await chat.send("@ghi chú")
    assert "Đã gửi phiếu kiểm sát" in joined(await chat.tap("Gửi"))
    head = world.chat(world.head_a)
    [xlsx] = await head.send("/xuat 2026-03")
    assert xlsx.file is not None and _formulas(xlsx.file.data) == []
    values = [c for row in load_workbook(io.BytesIO(xlsx.file.data)).worksheets[0].iter_rows() for c in row]
    assert any(isinstance(c.value, str) and c.value.startswith("=1+2") and c.data_type == "s" for c in values)
    [csv_reply] = await head.send("/xuat 2026-03 csv")
    assert csv_reply.file is not None
    rows = list(csv.reader(io.StringIO(csv_reply.file.data.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=1+2") for cell in cells), cells
    assert "'@ghi chú" in cells, cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells

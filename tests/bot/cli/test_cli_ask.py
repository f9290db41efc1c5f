"""``ask`` subcommand: plain text and JSON output, batch files, errors."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.chat.menus import render_numbered
from bot.cli.ask import read_batch, register
from bot.clock import LOCAL_TZ
from tests import REPO_ROOT
from tests.conftest import World

KB_YAML = """
- id: tam_giu_thoi_han
  category: thoi_han
  title: Thời hạn tạm giữ
  questions:
    - tạm giữ được bao nhiêu ngày
    - tạm giữ tối đa mấy ngày
    - thời hạn tạm giữ tính từ khi nào
  answer: Không quá 3 ngày kể từ khi cơ quan điều tra nhận người bị giữ.
  source: BLTTHS 2015, Điều 118 khoản 1
  verified: "yes"
  reviewed: 2026-01-15
- id: tam_giam_dieu_tra_nghiem_trong
  category: thoi_han
  title: Tạm giam để điều tra tội nghiêm trọng
  questions:
    - tạm giam điều tra tội nghiêm trọng bao lâu
    - thời hạn tạm giam tội nghiêm trọng
    - tạm giam tội nghiêm trọng mấy tháng
  answer: Không quá 3 tháng.
  source: BLTTHS 2015, Điều 173 khoản 2
  verified: secondary
  reviewed: 2026-01-15
- id: phuc_tham_chuan_bi
  category: thoi_han
  title: Thời hạn chuẩn bị xét xử phúc thẩm
  questions:
    - chuẩn bị xét xử phúc thẩm bao lâu
    - thời hạn chuẩn bị phúc thẩm
    - tòa phúc thẩm phải mở phiên tòa trong bao lâu
  answer: 60 hoặc 90 ngày tùy cấp tòa theo văn bản trước năm 2025 (chưa kiểm chứng sau khi tổ chức lại tòa án).
  source: BLTTHS 2015, Điều 346
  verified: "no"
  reviewed: 2026-01-15
"""


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "kb_test.yaml").write_text(KB_YAML, encoding="utf-8")
    return folder


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bot")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def ask(data_dir: Path, *argv: str) -> list[str]:
    return ["ask", "--data-dir", str(data_dir), "--today", "2026-03-01", *argv]


def test_plain_answer_shows_source_review_date_and_no_warning(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(ask(data_dir, "thời hạn tạm giữ là bao lâu")) == 0
    out = capsys.readouterr().out
    assert "Không quá 3 ngày" in out
    assert "Căn cứ: BLTTHS 2015, Điều 118 khoản 1" in out
    assert "15/01/2026" in out
    assert "Chưa kiểm chứng" not in out


@pytest.mark.parametrize("query", ["thoi han tam giam toi nghiem trong", "chuan bi xet xu phuc tham bao lau"])
def test_unverified_answers_carry_the_warning(data_dir: Path, capsys: pytest.CaptureFixture[str], query: str) -> None:
    assert run_cli(ask(data_dir, query)) == 0
    out = capsys.readouterr().out
    assert "Căn cứ: BLTTHS 2015" in out
    assert "⚠️ Chưa kiểm chứng" in out


def test_plain_dont_know_and_ask(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(ask(data_dir, "giá vàng hôm nay bao nhiêu")) == 0
    assert "Xin lỗi, tôi chưa có thông tin" in capsys.readouterr().out
    assert run_cli(ask(data_dir, "thoi han tg")) == 0
    out = capsys.readouterr().out
    assert "Có phải anh/chị muốn hỏi:" in out
    assert "1. " in out and "2. " in out


def test_json_answer(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(ask(data_dir, "--json", "thoi han tam giu")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert set(obj) == {"matched", "entry_id", "answer", "source", "suggestions", "score", "reply"}
    assert obj["reply"].startswith("Không quá 3 ngày")  # the chat's text
    assert obj["matched"] is True
    assert obj["entry_id"] == "tam_giu_thoi_han"
    assert obj["answer"].startswith("Không quá 3 ngày")
    assert obj["source"] == "BLTTHS 2015, Điều 118 khoản 1"
    assert obj["suggestions"] == []
    assert isinstance(obj["score"], float)
    assert "ă" in lines[0] or "ô" in lines[0]  # ensure_ascii=False


def test_json_not_matched(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(ask(data_dir, "--json", "thoi han tg")) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["matched"] is False and obj["entry_id"] is None and obj["source"] is None
    assert "Thời hạn tạm giữ" in obj["suggestions"]
    assert run_cli(ask(data_dir, "--json", "cách nấu phở bò")) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["matched"] is False and obj["suggestions"] == []
    assert obj["answer"].startswith("Xin lỗi")


def test_json_batch_keeps_order_and_skips_comments(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "q.txt"
    batch.write_text(
        "# comment\n\nthoi han tam giu\tignored column\ncách nấu phở bò\n   \ntạm giam tội nghiêm trọng\n",
        encoding="utf-8",
    )
    assert run_cli(ask(data_dir, "--json", "--batch", str(batch))) == 0
    objs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["entry_id"] for o in objs] == ["tam_giu_thoi_han", None, "tam_giam_dieu_tra_nghiem_trong"]


def test_read_batch(tmp_path: Path) -> None:
    path = tmp_path / "b.tsv"
    path.write_text("\ufeffa\tb\n#x\n\n  # y\nc\r\n", encoding="utf-8")
    assert list(read_batch(path)) == ["a", "c"]


def test_errors(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(ask(data_dir)) == 2
    assert "Thiếu câu hỏi" in capsys.readouterr().err
    assert run_cli(ask(data_dir, "--json", "--batch", str(tmp_path / "missing.txt"))) == 2
    assert "Không đọc được tệp" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli(["ask", "--data-dir", str(empty), "x"]) == 2
    assert "Không tải được cơ sở tri thức" in capsys.readouterr().err


def test_empty_question_gets_a_hint(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(ask(data_dir, "--json", "???")) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["matched"] is False and "vui lòng nhập câu hỏi" in obj["answer"]


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    """``python -m bot ask --batch … | head``: no BrokenPipeError traceback when the reader stops."""
    questions = tmp_path / "q.txt"
    questions.write_text("thời hạn tạm giữ là bao lâu\n" * 400, encoding="utf-8")  # far more than a pipe holds
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--batch", str(questions)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # what `head -1` does: read a line, then close the pipe
    proc.stdout.close()
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode("utf-8")
    assert first.strip()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert code == 141


def test_a_deadline_in_free_text_is_computed_as_in_the_chat(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's chat examples give the chat's deadline card, not "Xin lỗi, tôi chưa có…"."""
    argv = ["ask", "--today", "2026-12-01", "tam giam 2 thang tu 01/12/2026"]
    assert run_cli(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("TẠM GIAM") and "Ngày cuối cùng: Thứ Sáu 29/01/2027" in out
    assert "Xin lỗi" not in out
    assert run_cli(["ask", "--json", "tạm giữ từ 14h 03/05/2026 hết hạn khi nào"]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert "Trả tự do chậm nhất: 14:00 ngày 06/05/2026" in obj["reply"]


async def test_ask_shows_exactly_what_the_chat_answers(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """The same question through a chat of the test world and through ``ask``: the same text."""
    question = "tạm giữ từ 8 giờ 01/03/2026"
    chat = await world.chat(world.staff_a).send(question)
    day = world.app.services.clock.now().astimezone(LOCAL_TZ).date()
    assert await asyncio.to_thread(run_cli, ["ask", "--today", day.isoformat(), question]) == 0
    assert capsys.readouterr().out.strip() == "\n\n".join(render_numbered(chat)).strip()

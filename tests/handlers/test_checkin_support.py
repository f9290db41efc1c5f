"""Shared set-up for the check-in tests (no tests here): facilities in units A and B and
a helper that walks a check-in through the real dispatcher, tapping the buttons shown."""

from __future__ import annotations

from dataclasses import dataclass

from storage.facilities import Facility, FacilityInput
from tests.conftest import ESTABLISHED, World
from tests.fakes import FakeChat, buttons, joined


@dataclass
class Sites:
    a1: Facility
    a2: Facility
    b1: Facility


async def add_sites(world: World) -> Sites:
    repo = world.app.repos.facilities
    # Facilities that exist long before the tests' clock (never inspected: overdue).
    a1 = await repo.add(
        world.admin_a, FacilityInput("Nhà tạm giữ Công an khu vực A", "nha_tam_giu", "Số 1 đường A"), now=ESTABLISHED
    )
    a2 = await repo.add(world.admin_a, FacilityInput("Trại tạm giam A", "trai_tam_giam", "Xã A2"), now=ESTABLISHED)
    b1 = await repo.add(world.admin_b, FacilityInput("Nhà tạm giữ B", "nha_tam_giu", "Số 2 đường B"), now=ESTABLISHED)
    return Sites(a1, a2, b1)


COUNTS = ("3", "2", "1", "0", "0")
KIND_LABELS = {"hang_ngay": "Hằng ngày", "dinh_ky": "Định kỳ", "dot_xuat": "Đột xuất", "phuc_tra": "Phúc tra"}


async def fill_to_summary(
    chat: FakeChat, facility: Facility, counts: tuple[str, ...] = COUNTS, kind: str = "hang_ngay"
) -> str:
    """From /kiemsat to the summary card, tapping what is shown and skipping every optional
    step; returns the card text."""
    await chat.send("/kiemsat")
    await chat.tap(facility.name)
    await chat.tap(KIND_LABELS[kind])
    for value in counts:
        await chat.send(value)
    await chat.tap("Không có vi phạm")
    await chat.tap("Bỏ qua")  # requests
    await chat.tap("Bỏ qua")  # location
    await chat.tap("Bỏ qua")  # photos
    return joined(await chat.tap("Bỏ qua"))  # notes → summary


def send_button(chat: FakeChat) -> str:
    """The data of the summary's Gửi button, for tests that press it again later (a second tap,
    a redelivery, a stale screen)."""
    last = chat.history[-1][1]
    return next(data for _, data in buttons(last) if data.startswith("ks:send:"))


async def submit_one(
    chat: FakeChat, facility: Facility, counts: tuple[str, ...] = COUNTS, kind: str = "hang_ngay"
) -> int:
    """A whole check-in through the dispatcher; returns the record's id."""
    await fill_to_summary(chat, facility, counts, kind)
    done = joined(await chat.tap("Gửi"))
    assert "Đã gửi phiếu kiểm sát số" in done, done
    return int(done.split("số ", 1)[1].split(":", 1)[0])

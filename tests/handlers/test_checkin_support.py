"""Shared set-up for the check-in tests (no tests here): facilities in units A and B and
a helper that walks a check-in through the real dispatcher with buttons."""

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


async def fill_to_summary(
    chat: FakeChat, facility: Facility, counts: tuple[str, ...] = COUNTS, kind: str = "hang_ngay"
) -> str:
    """From /kiemsat to the summary card, skipping every optional step; returns the card text."""
    assert (facility.name, f"ks:f:{facility.id}") in buttons(await chat.send("/kiemsat"))
    await chat.press(f"ks:f:{facility.id}")
    await chat.press(f"ks:t:{kind}")
    for value in counts:
        await chat.send(value)
    await chat.press("ks:vn")
    await chat.press("ks:skip")  # requests
    await chat.press("ks:skip")  # location
    await chat.press("ks:skip")  # photos
    return joined(await chat.press("ks:skip"))  # notes → summary


def send_button(chat: FakeChat) -> str:
    last = chat.history[-1][1]
    return next(data for _, data in buttons(last) if data.startswith("ks:send:"))


async def submit_one(
    chat: FakeChat, facility: Facility, counts: tuple[str, ...] = COUNTS, kind: str = "hang_ngay"
) -> int:
    """A whole check-in through the dispatcher; returns the record's id."""
    await fill_to_summary(chat, facility, counts, kind)
    done = joined(await chat.press(send_button(chat)))
    assert "Đã gửi phiếu kiểm sát số" in done, done
    return int(done.split("số ", 1)[1].split(":", 1)[0])

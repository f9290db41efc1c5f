"""/guiloi transcripts through the real dispatcher: an admin sees the messages that did not reach
people of their units in the last 7 days (unreachable, failed, uncertain), in Vietnamese, and
nothing of other units; bad input and other roles change nothing."""

from __future__ import annotations

import asyncio

from bot.chat.messages import Reply
from bot.delivery.outbox_worker import DeliveryError, OutboxWorker, Unreachable
from bot.delivery.pace import RateLimiter
from tests.conftest import World
from tests.fakes import FakeClock


class FailingPlatform:
    """Delivers to everyone except the chats given a failure."""

    platforms = ("test",)

    def __init__(self, failures: dict[str, Exception]) -> None:
        self.failures = failures
        self.delivered: list[str] = []

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        if chat_id in self.failures:
            raise self.failures[chat_id]
        self.delivered.extend(r.text for r in replies)


def _worker(world: World, failures: dict[str, Exception]) -> OutboxWorker:
    clock = world.app.services.clock
    assert isinstance(clock, FakeClock)

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(0)
        clock.advance(seconds=seconds)

    limiter = RateLimiter(1000, 0, monotonic=lambda: clock.now().timestamp(), sleep=sleep)
    return OutboxWorker(world.app.repos, FailingPlatform(failures), clock, max_attempts=2, limiter=limiter)


async def _deliver_all(world: World, failures: dict[str, Exception]) -> None:
    """Run the real worker until nothing is pending, moving the clock past every backoff."""
    worker = _worker(world, failures)
    for _ in range(5):
        await worker.run_once()
        world.app.services.clock.advance(minutes=15)  # type: ignore[attr-defined]


async def _problem_world(world: World) -> None:
    clock = world.app.services.clock
    outbox = world.app.repos.outbox
    # Nine days ago: a message that did not arrive, too old to show.
    await outbox.enqueue(key="old", user=world.staff_a, text="Tin cũ tuần trước", now=clock.now())
    await _deliver_all(world, {"staff-a": Unreachable("Forbidden: bot was blocked by the user")})
    clock.advance(days=9)  # type: ignore[attr-defined]
    now = clock.now()
    await outbox.enqueue(key="r1", user=world.head_a, text="Nhắc: báo cáo tháng 3 hạn 05/04", now=now)
    await outbox.enqueue(key="r2", user=world.staff_a, text="Cảnh báo: quá hạn tạm giữ", now=now)
    await outbox.enqueue(key="r3", user=world.staff_b, text="Nhắc: báo cáo thống kê tháng 3", now=now)
    await outbox.enqueue(key="r4", user=world.admin_a, text="Nhắc: báo cáo đã tới", now=now)
    await _deliver_all(
        world,
        {
            "head-a": Unreachable("Forbidden: bot was blocked by the user"),
            "staff-a": DeliveryError("ServerError 502"),
            "staff-b": Unreachable("Bad Request: chat not found"),
        },
    )
    # A send interrupted by a crash: the next start marks it uncertain.
    await outbox.enqueue(key="r5", user=world.head_a, text="Nhắc lần 2: báo cáo tháng 3", now=clock.now())
    [due] = await outbox.due(("test",), clock.now())
    assert await outbox.begin_attempt(due, clock.now()) is not None
    assert await _worker(world, {}).start() == 1


async def test_admin_sees_the_problems_of_their_units_only(world: World) -> None:
    await _problem_world(world)
    text = await world.chat(world.admin_a).text("/guiloi")
    assert text.startswith("Tin chưa tới người nhận trong 7 ngày qua (3):")
    lines = text.splitlines()
    head_line = next(line for line in lines if line.startswith("• Lãnh đạo A") and "không liên lạc được" in line)
    assert "người nhận đã chặn Trợ lý" in head_line
    assert any(
        line.startswith("• Cán bộ A") and "gửi không được (đã thử 2 lần): ServerError 502" in line for line in lines
    )
    assert any(line.startswith("• Lãnh đạo A") and "không rõ đã tới chưa" in line for line in lines)
    assert "«Nhắc: báo cáo tháng 3 hạn 05/04»" in text and "«Cảnh báo: quá hạn tạm giữ»" in text
    assert "Tin cũ tuần trước" not in text  # older than 7 days
    assert "Cán bộ B" not in text and "Quản trị A" not in text  # another unit; a message that arrived
    assert "/start" in text and "không được gửi lại tự động" in text
    # The time of the last attempt, in Hà Nội time: 08:00 02/03, plus 75 minutes of retries, plus 9 days.
    assert "— 09:15 11/03/2026 —" in head_line

    text_b = await world.chat(world.admin_b).text("/guiloi")
    assert "(1):" in text_b and "• Cán bộ B" in text_b and "không tìm thấy cuộc trò chuyện" in text_b
    assert "Lãnh đạo A" not in text_b and "Cán bộ A" not in text_b

    text_p = await world.chat(world.province_admin).text("/guiloi")
    assert "(4):" in text_p and "Cán bộ B" in text_p and "Lãnh đạo A" in text_p


async def test_nothing_to_show_and_bad_input(world: World) -> None:
    chat = world.chat(world.admin_b)
    assert "đều đã gửi được" in await chat.text("/guiloi")
    await _problem_world(world)
    before = await world.app.repos.outbox.count_by_status()
    reply = await chat.text("/guiloi tất cả")
    assert reply == "Lệnh /guiloi không cần thêm gì phía sau. Anh/chị gõ đúng: /guiloi"
    assert await world.app.repos.outbox.count_by_status() == before


async def test_staff_and_heads_may_not_see_delivery_problems(world: World) -> None:
    await _problem_world(world)
    for user in (world.staff_a, world.head_a):
        text = await world.chat(user).text("/guiloi")
        assert "Tin chưa tới" not in text and "Lãnh đạo A" not in text


async def test_only_the_latest_thirty_are_listed(world: World) -> None:
    outbox, clock = world.app.repos.outbox, world.app.services.clock
    for i in range(32):
        await outbox.enqueue(key=f"many-{i}", user=world.staff_b, text=f"Nhắc số {i}", now=clock.now())
        clock.advance(seconds=30)  # type: ignore[attr-defined]
    await _deliver_all(world, {"staff-b": Unreachable("Forbidden: bot was blocked by the user")})
    text = await world.chat(world.admin_b).text("/guiloi")
    assert text.startswith("Tin chưa tới người nhận trong 7 ngày qua (30+):")
    assert text.count("\n• ") == 30 and "(Chỉ hiện 30 tin gần nhất.)" in text
    assert "«Nhắc số 31»" in text and "«Nhắc số 0»" not in text

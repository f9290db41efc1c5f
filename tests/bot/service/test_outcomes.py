"""Updates are counted by the outcome their replies carry (``Reply.outcome``, set by the handler or
the dispatcher), never by the reply's wording: transcripts through the real dispatcher and SQLite,
read back from the Prometheus registry that /metrics serves."""

from __future__ import annotations

from bot.chat import texts
from bot.chat.messages import Outcome, Reply
from bot.service import metrics
from bot.service.metrics import outcome_of
from tests.conftest import World
from tests.fakes import FakeChat

OUTCOMES = ("answered", "asked", "unanswered", "refused", "error", "duplicate")


def counts() -> dict[str, float]:
    return {
        o: metrics.REGISTRY.get_sample_value("trolyvks_updates_total", {"platform": "test", "outcome": o}) or 0.0
        for o in OUTCOMES
    }


def change(before: dict[str, float]) -> dict[str, float]:
    after = counts()
    return {o: after[o] - before[o] for o in OUTCOMES if after[o] != before[o]}


async def test_questions_are_counted_as_answered_asked_or_unanswered(world: World) -> None:
    chat = world.chat(world.staff_a)

    before = counts()
    [answer] = await chat.send("thời hạn tạm giữ là bao lâu")
    assert "Căn cứ:" in answer.text and answer.outcome is Outcome.ANSWERED
    assert change(before) == {"answered": 1}

    before = counts()
    [choices] = await chat.send("thời hạn tạm giam")  # which stage? the assistant asks back
    assert choices.buttons and choices.outcome is Outcome.ASKED
    assert change(before) == {"asked": 1}

    before = counts()
    [unknown] = await chat.send("giá vàng hôm nay bao nhiêu")
    assert unknown.outcome is Outcome.UNANSWERED
    assert change(before) == {"unanswered": 1}


async def test_refusals_are_counted_by_the_dispatchers_mark(world: World) -> None:
    before = counts()
    [group] = await world.chat(world.staff_a).send_incoming(text="/help", group=True)
    assert group.text == texts.GROUP_CHAT and group.outcome is Outcome.REFUSED
    [stranger] = await FakeChat(world.app.dispatcher, "nobody").send("/nguoidung")
    assert stranger.text == texts.NOT_REGISTERED and stranger.outcome is Outcome.REFUSED
    assert change(before) == {"refused": 2}


def test_the_wording_does_not_decide_the_outcome() -> None:
    # A handler quoting the refusal or error wording is still an answer; an error mark always wins.
    assert outcome_of([Reply(texts.NO_PERMISSION)]) == "answered"
    assert outcome_of([Reply(texts.ERROR.format(ref="ABC123"))]) == "answered"
    assert outcome_of([Reply("Đã lưu."), Reply("(chưa lưu chỗ đang làm)", outcome=Outcome.ERROR)]) == "error"
    assert outcome_of([Reply("Chọn:", outcome=Outcome.ASKED), Reply("Xem thêm")]) == "asked"
    assert outcome_of([]) == "duplicate"

"""The flow engine on a small form of its own, through the real dispatcher: the table decides
the order, input functions return where to go, and the engine does back, skip, cancel, detours,
edits from the review step, step-scoped keys and refusing another step's button."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pytest

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import Action, Again, Done, Flow, FlowTexts, NavButton, Next, Outcome, Step
from bot.chat.messages import Button, Reply, reply
from tests.conftest import World
from tests.fakes import FakeChat, joined


class Nav(NavButton, prefix="tf"):
    pass


@dataclass(frozen=True, slots=True)
class Color(CallbackData, prefix="tf", tag="c"):
    color: str


@dataclass(frozen=True, slots=True)
class Fix(CallbackData, prefix="tf", tag="e"):
    step: str


def nav(*actions: Action) -> list[Button]:
    labels = {Action.SKIP: "Bỏ qua", Action.BACK: "Quay lại", Action.CANCEL: "Hủy", Action.DONE: "Xong"}
    return [Button(labels[a], Nav(a).pack()) for a in actions]


async def number(ctx: Context) -> Outcome:
    if not ctx.text.isdigit():
        return Again("Nhập số.")
    ctx.conversation.data["number"] = int(ctx.text)
    return Next()


async def pick(ctx: Context, data: Color) -> Outcome:
    ctx.conversation.data["color"] = data.color
    return Next("shades") if data.color == "many" else Next()


async def shade(ctx: Context) -> Outcome:
    ctx.conversation.data.setdefault("shades", []).append(ctx.text)
    return Again()


async def shades_done(ctx: Context) -> Outcome:
    return Next()


async def note(key: str, ctx: Context) -> Outcome:
    ctx.conversation.data[key] = ctx.text
    return Next()


async def fix(ctx: Context, data: Fix) -> Outcome:
    ctx.conversation.data["editing"] = True
    return Next(data.step)


async def finish(ctx: Context) -> Outcome:
    return Done([Reply(f"Xong: {ctx.conversation.data.get('number')} {ctx.conversation.data.get('color')}")])


async def ask_color(ctx: Context) -> list[Reply]:
    ctx.conversation.data["shown"] = ["red", "many"]
    return [reply("Màu?", [Button("Đỏ", Color("red").pack()), Button("Nhiều", Color("many").pack())], nav(Action.BACK))]


async def ask_review(ctx: Context) -> list[Reply]:
    d = ctx.conversation.data
    return [
        reply(
            f"Xem lại: {d.get('number')} {d.get('color')} {d.get('remark', '')}",
            [Button("Sửa số", Fix("number").pack())],
        )
    ]


FORM = Flow(
    "tf",
    [
        Step("number", reply("Số?", nav(Action.CANCEL)), take=number, numbers=True),
        Step("color", ask_color, press={Color: pick}, keeps=("shown",)),
        Step(
            "shades",
            reply("Sắc độ?", nav(Action.DONE)),
            take=shade,
            actions={Action.DONE: shades_done},
            detour_of="color",
        ),
        Step(
            "tint",
            reply("Độ đỏ?", nav(Action.BACK)),
            take=partial(note, "tint"),
            applies=lambda draft: draft.get("color") == "red",
        ),
        Step("remark", reply("Ghi chú?", nav(Action.SKIP)), take=partial(note, "remark"), optional=True),
        Step("review", ask_review, press={Fix: fix}, actions={Action.SEND: finish}),
    ],
    nav=Nav,
    review="review",
    texts=FlowTexts(lost="Không còn.", cancelled="Đã hủy.", first_step="Bước đầu."),
)


@pytest.fixture
async def chat(world: World) -> FakeChat:
    router = world.app.dispatcher.router

    async def begin(ctx: Context) -> list[Reply]:
        return await FORM.begin(ctx, {})

    router.command("thu", begin)
    FORM.register(router)
    return world.chat(world.staff_a)


async def state(world: World) -> tuple[str | None, dict]:
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    return conv.state, conv.data


async def test_the_table_decides_the_order_and_inputs_return_the_next_step(world: World, chat: FakeChat) -> None:
    assert joined(await chat.send("/thu")) == "Số?"
    assert joined(await chat.send("ba")) == "Nhập số.\nSố?"  # Again: the note, then the question
    assert joined(await chat.send("3")) == "Màu?"
    assert (await state(world))[1]["shown"] == ["red", "many"]
    await chat.tap("Nhiều")  # a detour
    await chat.send("nhạt")
    assert "shown" not in (await state(world))[1]  # the colour step's key went with it
    assert joined(await chat.tap("Xong")) == "Ghi chú?"  # out of the detour: after the colour step
    assert "Bước này không bỏ qua" not in joined(await chat.tap("Bỏ qua"))
    assert joined(chat.history[-1][1]).startswith("Xem lại: 3 many")
    assert joined(await chat.send("gửi")) == "Xong: 3 many"  # a step's own action, typed
    assert await state(world) == (None, {})


async def test_back_skip_cancel_and_edits_from_the_review(world: World, chat: FakeChat) -> None:
    await chat.send("/thu")
    assert joined(await chat.send("quay lại")) == "Bước đầu.\nSố?"
    assert joined(await chat.send("bỏ qua")) == "Bước này không bỏ qua được. Anh/chị vui lòng trả lời câu hỏi:\nSố?"
    await chat.send("4")
    await chat.tap("Nhiều")
    assert joined(await chat.send("Quay lại")) == "Màu?"  # a detour goes back to where it left
    await chat.tap("Đỏ")
    await chat.send("nhạt")  # the tint, asked for red
    await chat.send("ghi chú")
    await chat.tap("Sửa số")
    assert (await state(world))[1]["editing"] is True
    assert joined(await chat.send("7")).startswith("Xem lại: 7 red ghi chú")  # straight back to the review
    assert "editing" not in (await state(world))[1]
    await chat.tap("Sửa số")
    assert joined(await chat.send("quay lai")).startswith("Xem lại: 7")  # back from an edit: the review
    assert joined(await chat.send("hủy")) == "Đã hủy."
    assert await state(world) == (None, {})


async def test_a_button_of_another_step_or_without_a_draft_changes_nothing(world: World, chat: FakeChat) -> None:
    await chat.send("/thu")
    refused = joined(await chat.press(Color("red").pack()))  # the colour step's button, on the number step
    assert refused == "Nút này không hợp lệ. Anh/chị trả lời câu hỏi hiện tại:\nSố?"
    assert joined(await chat.press(Nav(Action.DONE).pack())).startswith("Nút này thuộc một bước khác")
    assert (await state(world))[0] == "tf.number"
    await chat.send("/huy")
    assert joined(await chat.press(Color("red").pack())) == "Không còn."


def test_a_table_with_a_foreign_or_repeated_button_is_refused() -> None:
    with pytest.raises(ValueError):
        Flow("xx", [Step("a", Reply("?"))], nav=Nav, texts=FORM.texts)
    with pytest.raises(ValueError):
        Flow(
            "tf",
            [Step("a", Reply("?"), press={Color: pick}), Step("b", Reply("?"), press={Color: pick})],
            nav=Nav,
            texts=FORM.texts,
        )


async def test_a_step_that_does_not_apply_is_passed_over_both_ways(world: World, chat: FakeChat) -> None:
    await chat.send("/thu")
    await chat.send("5")
    assert joined(await chat.tap("Đỏ")) == "Độ đỏ?"  # asked only for red
    assert joined(await chat.send("đậm")) == "Ghi chú?"
    assert joined(await chat.send("quay lại")) == "Độ đỏ?"
    assert joined(await chat.tap("Quay lại")) == "Màu?"
    await chat.tap("Nhiều")
    await chat.tap("Xong")
    assert (await state(world))[0] == "tf.remark"  # not red: no tint step after the detour
    assert joined(await chat.send("quay lại")) == "Màu?"  # nor on the way back


# -- carried keys, starting at a step, a step's own "Bỏ qua" --------------------------------------
class CarryNav(NavButton, prefix="tc"):
    pass


async def own_skip(ctx: Context) -> Outcome:
    return Done([Reply(f"Bỏ qua, xong: {ctx.conversation.data.get('a')}")])


async def last(ctx: Context) -> Outcome:
    return Done([Reply(f"Xong: {ctx.conversation.data.get('a')} {ctx.text}")])


CARRYING = Flow(
    "tc",
    [
        Step("a", Reply("A?"), take=partial(note, "a")),
        Step("b", Reply("B?"), take=last, optional=True, actions={Action.SKIP: own_skip}),
    ],
    nav=CarryNav,
    texts=FlowTexts(lost="Không còn.", cancelled="Đã hủy.", first_step="Bước đầu."),
    carry=("kept",),
)


@pytest.fixture
async def carrying(world: World) -> FakeChat:
    router = world.app.dispatcher.router

    async def begin(ctx: Context) -> list[Reply]:
        ctx.conversation.data.update({"kept": {"card": 1}, "other": "x"})  # left by earlier messages
        at = ctx.arg_text or None
        return await CARRYING.begin(ctx, {"a": "sẵn"} if at else {}, at=at)

    router.command("mang", begin)
    CARRYING.register(router)
    return world.chat(world.staff_a)


async def test_carried_keys_outlive_the_form_and_nothing_else_does(world: World, carrying: FakeChat) -> None:
    assert joined(await carrying.send("/mang")) == "A?"
    data = (await state(world))[1]
    assert data["kept"] == {"card": 1} and "other" not in data  # a new draft, with what it carries
    await carrying.send("một")
    assert joined(await carrying.send("hai")) == "Xong: một hai"
    assert await state(world) == (None, {"kept": {"card": 1}})
    await carrying.send("/mang")
    assert joined(await carrying.send("hủy")) == "Đã hủy."
    assert await state(world) == (None, {"kept": {"card": 1}})


async def test_a_form_begins_at_a_step_and_a_step_may_decide_its_own_skip(world: World, carrying: FakeChat) -> None:
    assert joined(await carrying.send("/mang b")) == "B?"  # what is known fills the draft
    assert joined(await carrying.send("bỏ qua")) == "Bỏ qua, xong: sẵn"  # the last step: its own skip ends the form
    assert await state(world) == (None, {"kept": {"card": 1}})

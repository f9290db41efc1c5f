"""ANQG asked where it matters, as data of the creation steps (``anqg_matters``): at a kind whose
extensions it changes (tạm giam, điều tra: Đ172 k3, Đ173 k5), and at one the chain turns into such
a kind later — a tạm giữ becomes tạm giam — where the mark then carries through the conversion;
not at a kind it never changes (truy tố, trial preparation)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def test_anqg_asked_at_tam_giu_carries_into_the_detention_extensions(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    asked = joined(await chat.tap("Tạm giữ"))
    assert "Tội xâm phạm an ninh quốc gia?" in asked
    assert "khi chuyển tạm giam hoặc khởi tố: gia hạn theo Điều 172 khoản 3, Điều 173 khoản 5" in asked
    assert "Mốc bắt đầu" in joined(await chat.tap("Có (xâm phạm ANQG)"))
    await chat.send("10h 04/12/2026")
    await chat.send("AN3")
    summary = joined(await chat.tap("Bỏ qua"))
    assert "Tội xâm phạm an ninh quốc gia" in summary
    card = joined(await chat.tap("Lưu"))
    assert "Tội xâm phạm an ninh quốc gia (gia hạn theo Điều 172 khoản 3, Điều 173 khoản 5)" in card
    await chat.tap("Chuyển tạm giam")
    await chat.send("3 tháng")
    converted = joined(await chat.tap("Nghiêm trọng"))
    assert "Hiện tại: Tạm giam (theo thời hạn ghi trong lệnh)" in converted
    assert "Tội xâm phạm an ninh quốc gia" in converted
    await chat.tap("Gia hạn")
    assert "Đã ghi sự kiện" in joined(
        await chat.tap(chat.label("Tối đa")) and await chat.tap("Bỏ qua (không ghi ngày)")
    )  # Đ173 k2 b: 2 months
    # A serious crime's detention is extended once only (k2 b) — unless it infringes national
    # security, which the tạm giữ's mark says: then once more by up to 4 months (k5).
    second = joined(await chat.tap("Gia hạn"))
    assert "Gia hạn lần 2: tối đa 4 tháng (Điều 173 khoản 5" in second, second


async def test_anqg_is_not_asked_where_it_changes_nothing(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Truy tố")
    assert "Mốc bắt đầu" in joined(await chat.tap("Nghiêm trọng"))
    await chat.send("/huy")
    await chat.send("/theodoi_moi")
    await chat.tap("Điều tra vụ án")
    assert "Tội xâm phạm an ninh quốc gia? (gia hạn theo Điều 172 khoản 3" in joined(await chat.tap("Nghiêm trọng"))


async def test_the_extension_prompt_names_who_decides_by_article_172_k5(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Điều tra vụ án")
    await chat.tap("Rất nghiêm trọng")
    await chat.tap("Không")
    await chat.send("01/10/2026")
    await chat.send("DT5")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    await chat.tap("Gia hạn")
    await chat.tap(chat.label("Tối đa"))
    await chat.tap("Hôm nay")  # the decision\'s day
    asked = joined(await chat.tap("Gia hạn"))
    # Rất nghiêm trọng: the second extension is the province's VKS (Đ172 k5 c); after 01/07/2025, to be checked.
    assert "Gia hạn lần 2: tối đa 4 tháng (Điều 172 khoản 2 BLTTHS 2015)" in asked
    assert "Người quyết định: VKSND cấp tỉnh, VKS quân sự cấp quân khu (Điều 172 khoản 5 điểm c)" in asked
    assert "cần đối chiếu văn bản hợp nhất" in asked

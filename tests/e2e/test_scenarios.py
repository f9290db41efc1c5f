"""End to end: the real bot process (``python -m bot run --platform telegram`` with the emulator-aware
request) against the telegram-test-api emulator, set up with the command line like an operator would."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.e2e.bot_process import invite
from tests.e2e.conftest import Workspace
from tests.e2e.harness import checkins_of, register, with_repos

# One bot process on one database serves this module; each test is a different person.


def test_registration_with_an_invite_code(shared: Workspace) -> None:
    emulator, bot, db_path = shared.emulator, shared.bots[0], shared.db_path
    stranger = emulator.user(bot.token, 7001, "Nguyễn Văn A")
    assert "mã mời" in stranger.ask("/start", "mã mời")
    assert "chưa được cấp quyền" in stranger.ask("/kiemsat", "mã mời")

    code = invite(db_path, "HN-KV1", "staff")
    welcome = stranger.ask(f"/start {code}", "Đăng ký")
    assert "Đăng ký thành công" in welcome and "VKSND khu vực 1 - Hà Nội" in welcome
    assert "/kiemsat" in stranger.ask("/help", "/kiemsat")

    # The code is single-use: a second person cannot redeem it.
    other = emulator.user(bot.token, 7002, "Trần Thị B")
    assert "đã được sử dụng" in other.ask(f"/start {code}", "mã")

    user = with_repos(db_path, lambda repos: repos.users.by_platform("telegram", "7001"))
    assert user is not None and user.role.value == "staff" and user.display_name == "Nguyễn Văn A"
    assert with_repos(db_path, lambda repos: repos.users.by_platform("telegram", "7002")) is None


def test_knowledge_answer_shows_its_source(shared: Workspace) -> None:
    user = register(shared.emulator, shared.bots[0], shared.db_path, 7101)
    answer = user.ask("thoi han tam giu la bao lau", "Căn cứ:")
    assert "3 ngày" in answer and "Điều 118" in answer
    related = user.inbox[user.cursor - 1].buttons
    assert related and all(data.startswith("kb:") for _, data in related)
    # A related entry opens through its inline button (a callback query through the emulator).
    assert "Căn cứ:" in user.choose(related[0][0], "Căn cứ:")


def test_deadline_calculator(shared: Workspace) -> None:
    user = register(shared.emulator, shared.bots[0], shared.db_path, 7201)
    user.ask("/tinhhan", lambda m: any("Tạm giữ" in label for label, _ in m.buttons))
    assert "ngày và giờ" in user.choose("Tạm giữ", "ngày và giờ")
    card = user.ask("14h 03/05/2026", "06/05/2026")
    assert "14:00 ngày 06/05/2026" in card and "14:00 ngày 12/05/2026" in card
    # Free text computes directly too.
    card = user.ask("tạm giam 2 tháng từ 04/03/2018", "TẠM GIAM")
    assert "24:00 ngày 02/05/2018" in card, card


def test_a_full_check_in_with_buttons(shared: Workspace) -> None:
    user = register(shared.emulator, shared.bots[0], shared.db_path, 7301)
    user.ask("/kiemsat", "Chọn cơ sở")
    assert "Hình thức" in user.choose("Nhà tạm giữ Công an khu vực 1", "Hình thức")
    user.choose("Đột xuất", "tạm giữ?")
    for value, next_prompt in (
        ("12", "tạm giam?"),
        ("30", "nhận mới"),
        ("2", "ra khỏi"),
        ("1", "quá hạn"),
        ("0", "vi phạm"),
    ):
        user.ask(value, next_prompt)
    user.choose("Có, liệt kê vi phạm", "mỗi tin nhắn một vi phạm")
    assert "Đã ghi 1 vi phạm" in user.ask("Buồng số 3 ẩm thấp", "Đã ghi 1")
    user.choose("Xong", "Kiến nghị")
    user.ask("Kiến nghị khắc phục buồng giam số 3", "Gửi vị trí")
    user.send_location(21.0285, 105.8542)
    user.wait_for("Gửi ảnh")
    user.send_photo("photo-1")
    user.wait_for("Đã nhận 1 ảnh")
    user.choose("Xong", "Ghi chú")
    card = user.choose("Bỏ qua", "kiểm tra lại trước khi gửi")
    for expected in ("Đột xuất", "12", "30", "Buồng số 3 ẩm thấp", "21.02850", "Ảnh: 1"):
        assert expected in card
    done = user.choose("Gửi", "Đã gửi phiếu kiểm sát số")
    assert "Đã gửi phiếu kiểm sát số" in done

    [saved] = with_repos(shared.db_path, lambda repos: checkins_of(repos, 7301))
    c = saved.content
    assert (c.kind, c.held_tam_giu, c.held_tam_giam, c.admitted, c.released, c.overdue) == ("dot_xuat", 12, 30, 2, 1, 0)
    assert c.violations == ("Buồng số 3 ẩm thấp",) and c.requests == "Kiến nghị khắc phục buồng giam số 3"
    assert (c.latitude, c.longitude) == (21.0285, 105.8542) and [p[0] for p in c.photos] == ["photo-1"]


def test_a_head_exports_the_month_as_a_document(shared: Workspace) -> None:
    head = register(shared.emulator, shared.bots[0], shared.db_path, 7302, role="head", name="Lãnh đạo")
    month = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%Y-%m")
    sent = head.ask(f"/xuat {month}", "[sendDocument]")  # quirk 6: the emulator's stand-in for sendDocument
    assert ".xlsx" in sent and "(0 bytes)" not in sent

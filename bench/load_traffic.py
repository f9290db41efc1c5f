"""The load benchmark's traffic: what each simulated user sends, as staff use the assistant
(knowledge questions, the deadline calculator guided and in free text, a whole check-in)."""

from __future__ import annotations

import random
from typing import Any

from bot.chat.messages import Location

QUESTIONS = (
    "thời hạn tạm giữ là bao lâu",
    "thoi han tam giam de dieu tra toi rat nghiem trong",
    "tg tam giu toi da",
    "gia hạn tạm giữ mấy lần",
    "thời hạn kháng cáo bản án sơ thẩm",
    "khang nghi phuc tham cua vks cung cap",
    "thời hạn truy tố vụ án ít nghiêm trọng",
    "chỉ tiêu phát hiện vi phạm trong tạm giữ",
    "phuong cham nam 2026",
    "thoi han giai quyet nguon tin ve toi pham",
    "thòi hạn điều tra vụ án đặc biệt nghiêm trọng",
    "ksv kiểm sát việc tạm giữ thế nào",
    "giám đốc thẩm thời hạn kháng nghị",
    "chủ đề thi đua của ngành",
    "lương hưu của cán bộ nghỉ hưu",
    "thủ tục đăng ký kết hôn",
    "tam giu tu 14h 03/05/2026 het han khi nao",
    "tạm giam 2 tháng từ 04/03/2026 hết hạn khi nào",
    "/hoi thời hạn chuẩn bị xét xử",
    "/thoihan",
)
KINDS = ("question", "calculator", "check-in")


Step = tuple[str, dict[str, Any]]  # (kind, Incoming fields)


def _question(rng: random.Random) -> Step:
    return "question", {"text": rng.choice(QUESTIONS)}


def _calculator(rng: random.Random) -> list[Step]:
    day = rng.randint(1, 28)
    if rng.random() < 0.5:
        return [("calculator", {"text": f"tạm giam 2 tháng từ {day:02d}/03/2026 hết hạn khi nào"})]
    return [
        ("calculator", {"text": "/tinhhan"}),
        ("calculator", {"callback": "dl:k:tam_giu"}),
        ("calculator", {"text": f"{day:02d}/05/2026 {rng.randint(0, 23):02d}:30"}),
    ]


def _checkin(rng: random.Random, facility: int) -> list[Step]:
    counts = [str(rng.randint(0, 40)), str(rng.randint(0, 200)), str(rng.randint(0, 9)), str(rng.randint(0, 5)), "0"]
    steps: list[Step] = [
        ("check-in", {"text": "/kiemsat"}),
        ("check-in", {"callback": f"ks:f:{facility}"}),
        ("check-in", {"callback": "ks:t:hang_ngay"}),
    ]
    steps += [("check-in", {"text": c}) for c in counts]
    steps += [
        ("check-in", {"callback": "ks:vn"}),
        ("check-in", {"text": "Đã kiến nghị khắc phục"}),
        ("check-in", {"location": Location(21.0 + rng.random() / 10, 105.8)}),
        ("check-in", {"callback": "ks:skip"}),  # photos
        ("check-in", {"text": f"Ghi chú {rng.randint(0, 10**6)}"}),
        ("check-in", {"callback": "ks:send:*"}),  # the draft id is read from the summary's button
    ]
    return steps


def plan(index: int, messages: int, facility: int) -> list[Step]:
    """User ``index``'s messages: a deterministic mix of the three kinds."""
    rng = random.Random(index)
    steps: list[Step] = []
    profile = index % 10  # 4 in 10 mostly ask, 3 calculate, 3 inspect
    while len(steps) < messages:
        if profile >= 7 and not any(kind == "check-in" for kind, _ in steps):
            steps += _checkin(rng, facility)
        elif profile >= 4 and rng.random() < 0.6:
            steps += _calculator(rng)
        else:
            steps.append(_question(rng))
    return steps[:messages]

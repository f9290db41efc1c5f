"""What both guided deadline forms take typed, the calculator's (/tinhhan) and the register's
(/theodoi_moi): an order's length and the tạm giữ days deducted from tạm giam, with the question
and the answers to what they refuse, worded once."""

from __future__ import annotations

import re

from bot.chat.flow import TYPED_HINT

LENGTH = re.compile(r"^\s*(?:(\d{1,2})\s*(?:thang|tháng|th|t))?\s*(?:(\d{1,3})\s*(?:ngay|ngày|n|d))?\s*$", re.I)
NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:ngay|ngày)?\s*$", re.I)
MAX_CUSTODY_DAYS = 9  # tạm giữ with both extensions (Đ118): what can be deducted
STOP = " Gõ /huy để dừng."
LENGTH_PROBLEM = "Anh/chị nhập thời hạn theo tháng và/hoặc ngày, ví dụ «2 tháng» hoặc «57 ngày»." + STOP
CUSTODY_QUESTION = (
    "Người này đã bị tạm giữ bao nhiêu ngày (được trừ vào tạm giam)? Nhập số ngày, 0 nếu không bị tạm giữ.\n"
    + TYPED_HINT
)
CUSTODY_PROBLEM = f"Anh/chị nhập số ngày tạm giữ từ 0 đến {MAX_CUSTODY_DAYS}, ví dụ «3»." + STOP
NO_CUSTODY = "Không bị tạm giữ"
CATEGORY_PROBLEM = (
    "Anh/chị bấm nút loại tội, hoặc gõ một loại: «ít nghiêm trọng», «nghiêm trọng», «rất nghiêm trọng», «đặc biệt "
    "nghiêm trọng» (viết tắt: ít NT, NT, RNT, ĐBNT)." + STOP
)


def order_length(text: str) -> tuple[int, int] | None:
    """``2 tháng``, ``57 ngày``, ``1 tháng 15 ngày`` → (months, days); None when it is not a length."""
    match = LENGTH.match(text)
    if not match or not (match.group(1) or match.group(2)):
        return None
    return int(match.group(1) or 0), int(match.group(2) or 0)


def custody_days(text: str) -> int | None:
    """``3``, ``3 ngày`` → 3; None when it is not a number of days from 0 to 9."""
    match = NUMBER.match(text)
    if not match or int(match.group(1)) > MAX_CUSTODY_DAYS:
        return None
    return int(match.group(1))

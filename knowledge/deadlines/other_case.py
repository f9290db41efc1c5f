"""A tạm giữ in another case is not deducted from this tạm giam: "tạm giữ 3 ngày từ 8h 01/02 rồi thả, hôm nay bắt
lại tạm giam 2 tháng trong vụ án khác / về tội khác". TTLT 04/2018 Đ17 k1 deducts the bị can's tạm giữ from the tạm
giam for investigation, and both its examples are one bị can in one case (Ví dụ 2: released, re-arrested in the same
case): a tạm giữ in another case (another crime, another matter) is not one of them. The tạm giam then runs its full
length from its own day, the card says why; when it was counted on from the tạm giữ's end (no day of its own) its
start is asked. Pure; folded text (no diacritics).
"""

from __future__ import annotations

import re

# "vụ án khác", "vụ khác", "vụ việc khác", "tội khác", "tội danh khác", "án khác", "việc khác" …
_OTHER = re.compile(r"(?<![a-z])(?<!nhiem )(?:vu(?: an| viec)?|toi(?: danh)?|an|viec) khac(?![a-z])")
# … unless denied: "không phải vụ khác", "ko phải tội khác".
_DENIED = re.compile(r"(?<![a-z])(?:khong|ko|k|chu khong|cung khong) phai(?: (?:la|trong|ve|o))*\s*$")
_CUSTODY = re.compile(r"(?<![a-z])(?:tam ?|t[./]?\s?)giu(?![a-z])")

OTHER_CASE_NOTE = (
    "Không trừ thời gian tạm giữ: anh/chị cho biết tạm giữ trong vụ án khác (về tội khác), mà chỉ trừ thời gian tạm "
    "giữ trong cùng vụ án (Điều 17 khoản 1 TTLT 04/2018). Nếu thực ra là cùng vụ án, anh/chị hỏi lại không kèm chữ "
    "«vụ án khác» để trợ lý trừ số ngày tạm giữ."
)
OTHER_CASE_START = (
    "Tạm giữ trong vụ án khác (về tội khác) không được trừ vào thời hạn tạm giam này: chỉ trừ thời gian tạm giữ trong "
    "cùng vụ án (Điều 17 khoản 1 TTLT 04/2018), nên tạm giam cũng không tính tiếp từ lúc hết tạm giữ đó. Anh/chị cho "
    "biết ngày bắt đầu ghi trong lệnh tạm giam, ví dụ «tạm giam 2 tháng từ 05/03/2026 thì hết ngày nào»."
)


def other_case_said(folded: str) -> bool:
    """Whether a tạm giữ is named and the question says another case, crime or matter (not denied)."""
    if _CUSTODY.search(folded) is None:
        return False
    return any(_DENIED.search(folded, 0, m.start()) is None for m in _OTHER.finditer(folded))

"""Several dates in one question, each said with what it is, where the one the law counts from is
not among them or two could be: asked, never the first taken silently.

* Tạm giữ runs from when the CQĐT receives the person held or arrested (Đ118 k1; for a person who
  surrenders or confesses, from the decision): "bắt 01/03, đến 03/03 mới ra lệnh tạm giữ" names an
  arrest and a decision on different days, and neither is plainly that moment.
* The investigation runs from the prosecution of the case (Đ172 k1): a question that dates only the
  prosecution of the accused ("khởi tố bị can ngày 10/02") does not give it.
* A retrial protest runs from the VKS's news of the new fact (Đ401 k1): a judgment's date is not it.

Pure; the text is folded (``dateparse.fold_text``) and the dates' spans come from the parser.
"""

from __future__ import annotations

import re

from knowledge.deadlines.date_choice import receipt_said

_BEFORE = r"(?:\s+[a-z]+){0,3}?\s*(?:ngay|luc|tu|vao)?\s*(?:\d{1,2}\s*(?:h|gio)\s*(?:\d{1,2})?\s*(?:ngay)?\s*)?$"
_ARRESTED = re.compile(rf"(?<![a-z])(?<!tam )(?:bi )?(?:bat|giu)(?: nguoi)?(?: khan cap)?{_BEFORE}")
_DECIDED = re.compile(rf"(?<![a-z])(?:ra )?(?:lenh|quyet dinh|qd) tam giu{_BEFORE}")
_DECIDED_AFTER = re.compile(r"^[\s,]*(?:[a-z]+\s+){0,3}?(?:ra )?(?:lenh|quyet dinh|qd) tam giu(?![a-z])")
_ACCUSED = re.compile(rf"(?<![a-z])(?:khoi to|kt) bi can{_BEFORE}")
_CASE = re.compile(r"(?<![a-z])(?:khoi to|kt) vu(?: an)?(?![a-z])")
# "tạm giam (2 tháng, để điều tra tội …) từ <date>": the detention's own start, past no date nor "gia hạn";
# "<date> (ra lệnh) tạm giam": said before it.
DETAINED = re.compile(
    r"(?<![a-z])tam giam(?:[\s,]+(?!gia\b|gh\b)[a-z0-9]+){0,8}?[\s,]+(?:tu|ke tu|bat dau)\s*(?:ngay\s*)?$"
)
DETAINED_AFTER = re.compile(r"^\s*(?:(?:ra lenh|bat dau|thi|moi)\s+)?tam giam(?![a-z])")
CUSTODY = re.compile(r"(?<![a-z])(?:tam giu|t\.?\s?giu|tg)(?![a-z])")
_EVENT = re.compile(
    r"(?<![a-z])(?:khoi to|kt|bat|bi bat|nhan|thu ly|ket luan|tuyen(?: an)?|xet xu|truy to)(?:[\s,]+[a-z]+){0,3}?"
    r"[\s,]*(?:ngay\s*)?$"
)
_PRONOUNCED = re.compile(rf"(?<![a-z])tuyen(?: an)?{_BEFORE}")
# What a retrial protest runs from: the VKS's news of a new fact (Đ401 k1).
_NEWS = re.compile(r"(?<![a-z])(?:tin bao|thong bao|thong tin|tinh tiet moi|phat hien|nhan duoc|nhan)(?![a-z])")
_IN_FORCE = re.compile(r"(?<![a-z])(?:hieu luc|hl)(?![a-z])")


def _fmt(folded: str, span: tuple[int, int]) -> str:
    return folded[span[0] : span[1]]


def ask_which(folded: str, kind: str, dates: list[tuple[int, int]]) -> str | None:
    """What to ask when the dates' own words leave the trigger open; None when they do not."""
    if kind == "tam_giu" and len(dates) > 1 and not receipt_said(folded):  # the receipt said: it is the start
        arrested = [d for d in dates if _ARRESTED.search(folded[: d[0]])]
        decided = [d for d in dates if _DECIDED.search(folded[: d[0]]) or _DECIDED_AFTER.search(folded[d[1] :])]
        if arrested and decided and {_fmt(folded, d) for d in arrested} != {_fmt(folded, d) for d in decided}:
            return (
                f"Câu hỏi có ngày bắt, giữ người ({_fmt(folded, arrested[0])}) và ngày ra quyết định tạm giữ "
                f"({_fmt(folded, decided[0])}). Thời hạn tạm giữ tính từ khi Cơ quan điều tra nhận người bị giữ, bị "
                "bắt (người tự thú, đầu thú: từ khi ra quyết định tạm giữ), Điều 118 khoản 1 BLTTHS 2015, nên trợ lý "
                "không tự chọn. Anh/chị cho biết giờ, ngày Cơ quan điều tra nhận người, ví dụ «tạm giữ từ 14h "
                "01/03/2026 hết lúc nào». Lưu ý: sau khi giữ, bắt người phải quyết định tạm giữ hoặc trả tự do trong "
                "12 giờ (Điều 110 khoản 4, Điều 114)."
            )
    accused_only = not _CASE.search(folded) and all(_ACCUSED.search(folded[:a]) for a, _ in dates)
    if kind == "dieu_tra" and dates and accused_only:
        return (
            "Thời hạn điều tra tính từ khi khởi tố vụ án (Điều 172 khoản 1 BLTTHS 2015), không tính từ ngày khởi "
            "tố bị can. Anh/chị cho biết ngày khởi tố vụ án, ví dụ «khởi tố vụ án ngày 01/02/2026, tội nghiêm "
            "trọng, hạn điều tra đến ngày nào»."
        )
    if kind.startswith("tam_giam") and len(dates) > 1 and not CUSTODY.search(folded):
        own = any(DETAINED.search(folded[:a]) or DETAINED_AFTER.search(folded[b:]) for a, b in dates)
        if not own and _EVENT.search(folded[: dates[0][0]]):  # "khởi tố 01/02, …, 05/02 …": whose is which?
            return (
                "Câu hỏi có nhiều ngày; thời hạn tạm giam tính từ ngày bắt đầu tạm giam ghi trong lệnh (ngày đó là "
                "ngày thứ nhất), nên trợ lý không tự chọn. Anh/chị hỏi lại với ngày đó, ví dụ «tạm giam 2 tháng từ "
                "05/02/2026 hết ngày nào»."
            )
    if kind == "tai_tham" and dates and not _NEWS.search(folded):  # Đ401 k1: from the VKS's news of the new fact
        return (
            "Kháng nghị tái thẩm theo hướng không có lợi cho người bị kết án: không quá 01 năm kể từ ngày Viện kiểm "
            "sát nhận được tin báo về tình tiết mới được phát hiện, và chỉ trong thời hiệu truy cứu trách nhiệm hình "
            "sự (Điều 401 khoản 1 BLTTHS 2015), không tính từ ngày tuyên án hay ngày bản án có hiệu lực; theo hướng "
            "có lợi thì không hạn chế thời gian (khoản 2). Anh/chị cho biết ngày VKS nhận tin báo, ví dụ «VKS nhận "
            "tin báo về tình tiết mới ngày 17/03/2026, hạn kháng nghị tái thẩm»."
        )
    pronounced_only = dates and all(_PRONOUNCED.search(folded[:a]) for a, _ in dates)
    if kind == "giam_doc_tham" and pronounced_only and not _IN_FORCE.search(folded):  # Đ379: from taking effect
        return (
            "Kháng nghị giám đốc thẩm theo hướng bất lợi cho người bị kết án chỉ trong 01 năm kể từ ngày bản án, "
            "quyết định có hiệu lực pháp luật (Điều 379 BLTTHS 2015), không tính từ ngày tuyên án. Anh/chị cho "
            "biết ngày có hiệu lực, ví dụ «bản án có hiệu lực ngày 20/03/2026, hạn kháng nghị giám đốc thẩm»."
        )
    return None

"""A cassation protest (giám đốc thẩm) in the convicted person's favour has no time limit (Điều 379
khoản 2 BLTTHS 2015: "bất cứ lúc nào, cả trong trường hợp người bị kết án đã chết mà cần minh oan"); only
one against them runs 1 year from the judgment's taking effect (k1). A question that says the protest is
in their favour gets that as its headline, never the one-year card. The same for a retrial protest (tái
thẩm, Điều 401 khoản 2; against them: 1 year from the VKS's news of the new fact, k1). Pure; the text is folded.
"""

from __future__ import annotations

import re

from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.result import DeadlineResult
from knowledge.deadlines.validate import fmt_date

_FAVOUR = re.compile(r"(?<![a-z])(?<!khong )(?<!ko )(?<!k )co loi(?![a-z])|(?<![a-z])minh oan(?![a-z])")
_AGAINST = re.compile(r"(?<![a-z])(?:bat loi|khong co loi|ko co loi|lam xau)(?![a-z])")


def in_favour(folded: str) -> bool:
    """Whether the protest asked about is said to be in the convicted person's favour (and not also against)."""
    return _FAVOUR.search(folded) is not None and _AGAINST.search(folded) is None


def favour_answer(against: DeadlineResult | None, kind: str = "giam_doc_tham") -> str:
    """The answer: no time limit; the one-year limit of a protest against them, with its end when known.
    ``kind``: "giam_doc_tham" (Đ379) or "tai_tham" (Đ401: the year runs from the VKS's news of the new fact)."""
    retrial = kind == "tai_tham"
    what, article = ("TÁI THẨM", "Điều 401") if retrial else ("GIÁM ĐỐC THẨM", "Điều 379")
    since = (
        "ngày Viện kiểm sát nhận được tin báo về tình tiết mới, và chỉ trong thời hiệu truy cứu trách nhiệm hình sự"
        if retrial
        else "ngày bản án, quyết định có hiệu lực pháp luật"
    )
    lines = [
        f"KHÁNG NGHỊ {what} THEO HƯỚNG CÓ LỢI CHO NGƯỜI BỊ KẾT ÁN",
        "Không có thời hạn: có thể kháng nghị bất cứ lúc nào, cả trong trường hợp người bị kết án đã chết mà cần "
        f"minh oan ({article} khoản 2 BLTTHS 2015).",
    ]
    if against is not None:
        end = against.base.last_day
        lines.append(
            f"Chỉ kháng nghị theo hướng không có lợi cho người bị kết án mới bị giới hạn 1 năm kể từ {since} "
            f"({article} khoản 1): với ngày anh/chị nêu là đến hết {weekday_vi(end)} {fmt_date(end)}."
        )
    return "\n".join(lines)

"""Lead with what was asked (issue #15 item 6): for every entry whose answer gives one figure per case, a
question naming each case (crime category, superior or same-level procuracy, before or with extensions,
the extension itself, stage, court level, who returned the file, tạm giữ or tạm giam, a complex matter)
must see that case's figure first. Each row is read from the entry's answer and the article it cites;
the reply goes through the real dialogue and renderer, and the first figure of what the user reads
(lead line or answer, not the "Về:" title) is compared. Own phrasings, not evaluation rows."""

from __future__ import annotations

import re
from datetime import date

import pytest

from knowledge.kb.dialogue import Dialogue
from knowledge.kb.reply import render_parts
from knowledge.kb.search import Searcher
from knowledge.kb.store import load_kb

TODAY = date(2026, 12, 7)
_FIGURE = re.compile(r"\b(\d+) (ngày|tháng|năm|giờ)\b")

# (question, the figure the reply must open with)
CASES: tuple[tuple[str, str], ...] = (
    # tạm giữ, Đ118: 3 days, two extensions of ≤ 3 days, 9 in all
    ("thời hạn tạm giữ tối đa bao lâu tính cả gia hạn", "9 ngày"),
    ("thời hạn tạm giữ khi chưa gia hạn", "3 ngày"),
    ("tạm giữ được gia hạn thêm bao lâu", "3 ngày"),
    ("gia hạn tạm giữ tổng cộng tối đa bao nhiêu ngày tính cả gia hạn", "9 ngày"),
    ("gia hạn tạm giữ lần thứ hai được bao lâu", "3 ngày"),
    # Luật 94/2015 Đ13: 1 day before tạm giữ ends, 5 before tạm giam, 10 before an extended tạm giam
    ("trại tạm giam thông báo trước khi hết hạn tạm giam mấy ngày", "5 ngày"),
    ("nhà tạm giữ thông báo trước khi hết hạn tạm giữ mấy ngày", "1 ngày"),
    # Đ173: detention for investigation by category, with and without its extension
    ("tạm giam điều tra tội ít nghiêm trọng tối đa bao lâu tính cả gia hạn", "3 tháng"),
    ("tạm giam điều tra tội nghiêm trọng tối đa bao lâu tính cả gia hạn", "5 tháng"),
    ("tạm giam điều tra tội rất nghiêm trọng tối đa bao lâu tính cả gia hạn", "7 tháng"),
    ("tạm giam điều tra tội ít nghiêm trọng được gia hạn thêm bao lâu", "1 tháng"),
    ("tạm giam điều tra tội nghiêm trọng gia hạn được bao lâu", "2 tháng"),
    ("tạm giam điều tra tội rất nghiêm trọng được gia hạn thêm bao lâu", "3 tháng"),
    ("tạm giam điều tra tội đặc biệt nghiêm trọng được gia hạn thêm bao lâu", "4 tháng"),
    ("tạm giam điều tra tội nghiêm trọng khi chưa gia hạn", "3 tháng"),
    # Đ172: investigation
    ("thời hạn điều tra tội ít nghiêm trọng tối đa bao lâu tính cả gia hạn", "4 tháng"),
    ("thời hạn điều tra tội nghiêm trọng tối đa bao lâu tính cả gia hạn", "8 tháng"),
    ("thời hạn điều tra tội rất nghiêm trọng tối đa bao lâu tính cả gia hạn", "12 tháng"),
    ("thời hạn điều tra tội đặc biệt nghiêm trọng tối đa bao lâu tính cả gia hạn", "20 tháng"),
    ("thời hạn điều tra tội ít nghiêm trọng được gia hạn thêm bao lâu", "2 tháng"),
    ("thời hạn điều tra tội nghiêm trọng gia hạn lần thứ hai được bao lâu", "2 tháng"),
    ("thời hạn điều tra tội rất nghiêm trọng khi chưa gia hạn", "4 tháng"),
    # Đ240: prosecution, 20/30 days, extensions 10/15/30, totals 30/45/60
    ("thời hạn truy tố tội ít nghiêm trọng", "20 ngày"),
    ("thời hạn truy tố tội nghiêm trọng", "20 ngày"),
    ("thời hạn truy tố tội rất nghiêm trọng", "30 ngày"),
    ("thời hạn truy tố tội đặc biệt nghiêm trọng", "30 ngày"),
    ("thời hạn truy tố tối đa bao lâu tính cả gia hạn", "30 ngày"),
    ("thời hạn truy tố tội rất nghiêm trọng tối đa bao lâu tính cả gia hạn", "45 ngày"),
    ("thời hạn truy tố tội đặc biệt nghiêm trọng tối đa bao lâu tính cả gia hạn", "60 ngày"),
    ("gia hạn truy tố tội rất nghiêm trọng được bao lâu", "15 ngày"),
    ("gia hạn truy tố tội đặc biệt nghiêm trọng được bao lâu", "30 ngày"),
    ("gia hạn truy tố được bao nhiêu ngày", "10 ngày"),  # days asked: not the count's clause
    ("thời hạn quyết định truy tố khi chưa gia hạn", "20 ngày"),
    ("thời hạn quyết định truy tố tội rất nghiêm trọng khi chưa gia hạn", "30 ngày"),
    # Đ241: detention during prosecution follows Đ240
    ("tạm giam giai đoạn truy tố tội rất nghiêm trọng", "30 ngày"),
    ("tạm giam giai đoạn truy tố tội rất nghiêm trọng tối đa bao lâu tính cả gia hạn", "45 ngày"),
    ("tạm giam giai đoạn truy tố tội đặc biệt nghiêm trọng tối đa bao lâu tính cả gia hạn", "60 ngày"),
    ("tạm giam giai đoạn truy tố tội rất nghiêm trọng được gia hạn thêm bao lâu", "15 ngày"),
    # Đ277, Đ278: trial preparation, 30/45 days, 2/3 months, extensions 15/30 days
    ("tạm giam chuẩn bị xét xử sơ thẩm tội nghiêm trọng", "45 ngày"),
    ("tạm giam chuẩn bị xét xử sơ thẩm tội rất nghiêm trọng", "2 tháng"),
    ("tạm giam chuẩn bị xét xử tội rất nghiêm trọng được gia hạn thêm bao lâu", "30 ngày"),
    ("chuẩn bị xét xử sơ thẩm tội ít nghiêm trọng được gia hạn thêm bao lâu", "15 ngày"),
    ("chuẩn bị xét xử sơ thẩm tội rất nghiêm trọng được gia hạn thêm bao lâu", "30 ngày"),
    ("thời hạn chuẩn bị xét xử sơ thẩm tội nghiêm trọng khi chưa gia hạn", "45 ngày"),
    ("gia hạn chuẩn bị xét xử tội rất nghiêm trọng được bao lâu", "30 ngày"),
    # Đ147: crime reports, 20 days, 2 months when complex, one extension of 2 months
    ("giải quyết tin báo tội phạm vụ việc phức tạp được bao lâu", "2 tháng"),
    ("giải quyết nguồn tin về tội phạm tối đa bao lâu tính cả gia hạn", "4 tháng"),
    # Đ346 (2015 text): appeal preparation and detention, 60 days provincial, 90 days cấp cao
    ("chuẩn bị xét xử phúc thẩm tòa án cấp cao bao lâu", "90 ngày"),
    ("chuẩn bị xét xử phúc thẩm tòa án cấp tỉnh bao lâu", "60 ngày"),
    ("tạm giam chuẩn bị xét xử phúc thẩm tòa án cấp cao", "90 ngày"),
    ("vks nghiên cứu hồ sơ phúc thẩm ở vks cấp cao bao nhiêu ngày", "20 ngày"),
    # Đ337: protests by the same-level and the superior procuracy
    ("kháng nghị phúc thẩm bản án của vks cấp trên trực tiếp", "30 ngày"),
    ("kháng nghị phúc thẩm bản án của vks cùng cấp", "15 ngày"),
    ("kháng nghị quyết định sơ thẩm của vks cấp trên", "15 ngày"),
    ("kháng nghị quyết định sơ thẩm của vks cùng cấp", "7 ngày"),
    ("kháng nghị bản án rút gọn của vks cấp trên mấy ngày", "30 ngày"),
    # Đ459: detention under the summary procedure by stage
    ("tạm giam rút gọn giai đoạn truy tố bao nhiêu ngày", "5 ngày"),
    ("tạm giam rút gọn giai đoạn điều tra bao nhiêu ngày", "20 ngày"),
    ("tạm giam rút gọn giai đoạn xét xử phúc thẩm bao nhiêu ngày", "22 ngày"),
    # Đ174, Đ179: supplementary investigation returned by the court
    ("thời hạn điều tra bổ sung khi tòa án trả hồ sơ", "1 tháng"),
    ("thời hạn điều tra bổ sung khi vks trả hồ sơ", "2 tháng"),
    ("tạm giam điều tra bổ sung khi tòa án trả hồ sơ", "1 tháng"),
    # Đ75: a request for counsel passed on in 12 h (held, custody) or 24 h (detention)
    ("chuyển đơn yêu cầu người bào chữa của người bị tạm giam trong bao lâu", "24 giờ"),
    # Đ174 k1: resumed investigation by category, its extension
    ("phục hồi điều tra tội đặc biệt nghiêm trọng được gia hạn thêm bao lâu", "3 tháng"),
    ("phục hồi điều tra tội ít nghiêm trọng gia hạn tối đa bao lâu", "1 tháng"),
    ("thời hạn phục hồi điều tra tội rất nghiêm trọng", "3 tháng"),
    # Đ174 k3, k4: investigation again, as the first one by category
    ("vụ án bị hủy để điều tra lại thì thời hạn điều tra tội rất nghiêm trọng bao lâu", "4 tháng"),
    ("điều tra lại tội ít nghiêm trọng thời hạn bao lâu", "2 tháng"),
    # BLHS Đ27: limitation by category
    ("thời hiệu truy cứu trách nhiệm hình sự tội rất nghiêm trọng", "15 năm"),
    # Đ481, Đ277 k3, Đ88 k2 …: the longer limit of a complex matter or an obstacle
    ("giải quyết tố cáo trong tố tụng hình sự vụ việc phức tạp bao lâu", "60 ngày"),
    ("mở phiên tòa sau quyết định đưa vụ án ra xét xử nếu có trở ngại khách quan", "30 ngày"),
    ("chuyển tài liệu điều tra cho vks nếu có trở ngại khách quan thì bao lâu", "15 ngày"),
    ("tòa án trả lời kiến nghị giám đốc thẩm của cơ quan thi hành án vụ án phức tạp bao lâu", "120 ngày"),
    ("vks cấp tỉnh nghiên cứu hồ sơ phúc thẩm vụ án phức tạp bao lâu", "25 ngày"),
    ("giải quyết khiếu nại về tạm giữ cần xác minh thêm thì bao lâu", "3 ngày"),
    # Luật 94/2015 Đ13: an extended tạm giam, 10 days ahead ("trại tạm giam" names the facility, not the measure)
    ("gia hạn tạm giam thì trại tạm giam phải thông báo trước mấy ngày", "10 ngày"),
    # Đ379 k1: against the convicted person, 1 year
    ("thời hạn kháng nghị giám đốc thẩm theo hướng bất lợi", "1 năm"),
)


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(Searcher(load_kb()))


def first_figure(dialogue: Dialogue, question: str) -> str | None:
    """The first figure the user reads: the lead line, else the answer (the "Về:" title is skipped)."""
    shown = render_parts(dialogue.read(question, TODAY), TODAY)
    for line in shown.text.splitlines():
        if line.startswith("Về:"):
            continue
        match = _FIGURE.search(line)
        if match:
            return match.group(0)
    return None


@pytest.mark.parametrize(("question", "figure"), CASES)
def test_the_reply_opens_with_the_figure_of_the_case_asked(dialogue: Dialogue, question: str, figure: str) -> None:
    assert first_figure(dialogue, question) == figure


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Đ379 k2, Đ401 k2: in the convicted person's favour there is no limit, not the 1 year against them
        ("thời hạn kháng nghị giám đốc thẩm theo hướng có lợi", "bất cứ lúc nào"),
        ("kháng nghị tái thẩm theo hướng có lợi cho người bị kết án thời hạn bao lâu", "không hạn chế thời gian"),
    ],
)
def test_no_limit_is_led_with_when_it_is_the_case_asked(dialogue: Dialogue, question: str, said: str) -> None:
    first = render_parts(dialogue.read(question, TODAY), TODAY).text.splitlines()[0]
    assert first.startswith("▶ ") and said in first and not _FIGURE.search(first)

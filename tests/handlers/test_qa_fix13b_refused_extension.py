"""fix13b, finding 1: a custody extension the procuracy refuses. The release at the end of the running term follows
from BLTTHS Điều 118 khoản 2 with khoản 3 (not khoản 2 alone), and after the release another, non-custodial
preventive measure may still be applied where there are grounds (Điều 121–124: tạm hoãn xuất cảnh; for a charged
suspect also cấm đi khỏi nơi cư trú, bảo lĩnh, đặt tiền)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "vks không phê chuẩn gia hạn tạm giữ thì người bị tạm giữ xử lý thế nào",
        "viện kiểm sát ko phê chuẩn gia hạn tạm giữ thì sao",
        "gia hạn tạm giữ được mấy lần",
        "ksv co bao nhieu gio de phe chuan gia han tam giu",
        "anh ơi VKS không đồng ý gia hạn tạm giữ thì phải làm sao ạ",
    ],
)
async def test_a_refused_extension_cites_k2_and_k3_and_other_measures(world: World, question: str) -> None:
    text = await (await world.staff_chat("fix13b-refused")).text(question)
    assert "Điều 118 khoản 2, khoản 3" in text, text
    assert "biện pháp ngăn chặn khác" in text and "Điều 124" in text, text

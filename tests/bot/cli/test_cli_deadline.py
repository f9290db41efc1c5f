"""``python -m bot deadline``, through its own argparse parser."""

from __future__ import annotations

import argparse
import json

import pytest

from bot.cli import deadline as cli_deadline


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="python -m bot")
    cli_deadline.register(parser.add_subparsers(dest="command", required=True))
    try:
        args = parser.parse_args(["deadline", *argv])
        code = args.func(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_for_tam_giu_with_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--json", "tam_giu", "2018-03-01 10:00"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["last_day"], data["end_time"], data["max_last_day"]) == ("2018-03-04", "10:00", "2018-03-10")
    assert "Điều 117" in out  # ensure_ascii=False: Vietnamese stays readable


def test_start_may_be_two_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "tam_giu", "2018-03-05", "14:00"], capsys)
    assert code == 0 and json.loads(out)["steps"][0]["last_day"] == "2018-03-11"


def test_tam_giam_official_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["tam_giam", "2018-03-04", "--months", "2", "--tam-giu-days", "3", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and (data["last_day"], data["end_time"], data["steps"]) == ("2018-04-29", "24:00", [])


def test_card_is_printed_without_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["khang_cao_ban_an", "2024-03-01"], capsys)
    assert code == 0
    assert "KHÁNG CÁO BẢN ÁN SƠ THẨM" in out and "Thứ Hai 18/03/2024" in out and "Căn cứ:" in out


def test_category_and_anqg(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "tam_giam_dieu_tra", "2026-01-01", "--category", "nghiem_trong", "--anqg"], capsys)
    assert code == 0 and len(json.loads(out)["steps"]) == 3


def test_extension_anchor_option(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--json", "dieu_tra", "2025-12-31", "--category", "it_nghiem_trong", "--extension-anchor", "2026-03-02"]
    code, out, _ = run(argv, capsys)
    assert code == 0 and json.loads(out)["steps"][0]["last_day"] == "2026-05-04"


def test_vietnamese_date_format_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "nguon_tin", "04/03/2026"], capsys)
    assert code == 0 and json.loads(out)["last_day"] == "2026-03-24"


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["list"], capsys)
    assert code == 0 and "tam_giu: Tạm giữ" in out and "truy_to" in out
    code, out, _ = run(["list", "--json"], capsys)
    assert code == 0 and any(k["kind"] == "tam_giam" and k["needs_length"] for k in json.loads(out))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["foo", "2026-03-04"], "Không có loại thời hạn “foo”"),
        (["truy_to", "2026-03-04"], "loại tội"),
        (["truy_to", "2026-03-04", "--category", "nang"], "không hợp lệ"),
        (["tam_giu", "2026-03-04"], "giờ bắt đầu"),
        (["tam_giam", "2026-02-30", "--months", "2"], "30/02/2026"),
        (["tam_giam", "2026-03-04"], "--months"),
        (["tam_giam", "2026-03-04", "--months", "x"], "không phải số nguyên"),
        (["tam_giam", "2026-03-04", "--months", "40"], "tối đa 12"),
        (["tam_giam", "2026-03-04", "--months", "-1"], "không được âm"),
        (["tam_giam"], "thiếu ngày bắt đầu"),
        ([], "Thiếu tham số"),
        (["khang_cao_ban_an", "1900-01-01", "--today", "2026-05-01"], "50 năm"),
        (["khang_cao_ban_an", "hôm"], "Không nhận ra ngày"),
        (["dieu_tra", "2026-03-04", "--extension-anchor", "2026/05/03"], "dd/mm/yyyy"),
        (["truy_to", "2026-03-04", "--category", "nang"], "--category MÃ"),  # the flag is named
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err and "error:" not in err


def test_done_when_dbnt_investigation_has_the_vkstc_step(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "dieu_tra", "2026-01-10", "--category", "dac_biet_nghiem_trong"], capsys)
    data = json.loads(out)
    special = [s for s in data["steps"] if s["special"]]
    assert code == 0 and len(special) == 1
    assert "Viện trưởng VKSND tối cao" in special[0]["approver"] and special[0]["basis"].startswith("Điều 172 khoản 3")
    assert data["max_last_day"] == special[0]["last_day"] == "2027-09-10"


def test_done_when_an_unconfirmed_tet_is_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "khang_cao_ban_an", "2027-01-20"], capsys)
    data = json.loads(out)
    assert code == 0 and data["provisional_days_off"][0] == "2027-02-04"
    code, card, _ = run(["khang_cao_ban_an", "2027-01-20"], capsys)
    assert "lịch nghỉ Tết 2027 chưa được công bố chính thức — ngày này có thể thay đổi" in card


def test_list_shows_the_new_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["list"], capsys)
    assert code == 0
    for kind in (
        "tam_giam_truy_to",
        "tam_giam_chuan_bi_xet_xu",
        "phuc_hoi_dieu_tra",
        "truy_to_rut_gon",
        "tam_giam_phuc_tham",
    ):
        assert f"{kind}: " in out


def test_stage_start_caps_the_appeal_detention(capsys: pytest.CaptureFixture[str]) -> None:
    # LEGAL_REVIEW A1 / C15: file received 01/12/2026, order from 20/12 → 30/01/2027, not 17/02/2027.
    code, out, err = run(["--json", "tam_giam_phuc_tham", "2026-12-20", "--stage-start", "01/12/2026"], capsys)
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert (data["last_day"], data["stage_start"], data["stage_cap_unknown"]) == ("2027-01-30", "2026-12-01", False)
    code, out, _ = run(["tam_giam_phuc_tham", "2026-12-20", "--stage-start", "2026-12-01"], capsys)
    assert code == 0 and "Trả tự do chậm nhất: 24:00 ngày 30/01/2027" in out and "17/02/2027" in out


def test_without_stage_start_the_json_flags_the_unknown_cap(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "tam_giam_truy_to", "2026-12-10", "--category", "nghiem_trong"], capsys)
    data = json.loads(out)
    assert code == 0 and data["stage_cap_unknown"] is True and "nhập ngày nhận hồ sơ" in data["stage_warning"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tam_giam_phuc_tham", "2026-12-20", "--stage-start", "32/13/2026"], "Lỗi:"),
        (["tam_giam_phuc_tham", "2026-12-01", "--stage-start", "2026-12-20"], "sớm hơn"),
        (["truy_to", "2026-12-01", "--category", "nghiem_trong", "--stage-start", "2026-11-01"], "chỉ áp dụng cho"),
    ],
)
def test_bad_stage_start_is_refused(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == "" and message in err


def test_list_names_the_stage_start_of_detention_tied_to_a_stage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["list"], capsys)
    line = next(x for x in out.splitlines() if x.startswith("tam_giam_phuc_tham:"))
    assert code == 0 and "--stage-start: ngày Tòa án cấp phúc thẩm nhận hồ sơ vụ án" in line
    code, out, _ = run(["list", "--json"], capsys)
    kinds = {k["kind"]: k for k in json.loads(out)}
    assert kinds["tam_giam_truy_to"]["stage_start_label"] and kinds["tam_giam_dieu_tra"]["stage_start_label"] is None


def test_days_as_the_chat_writes_them(capsys: pytest.CaptureFixture[str]) -> None:
    """dd/mm/yyyy everywhere (START, --today, --extension-anchor), with the same result as ISO."""
    iso = run(
        [
            "--json",
            "dieu_tra",
            "2026-03-04",
            "--category",
            "nghiem_trong",
            "--extension-anchor",
            "2026-07-04",
            "--today",
            "2026-03-05",
        ],
        capsys,
    )
    vn = run(
        [
            "--json",
            "dieu_tra",
            "04/03/2026",
            "--category",
            "nghiem_trong",
            "--extension-anchor",
            "04/07/2026",
            "--today",
            "05/03/2026",
        ],
        capsys,
    )
    assert iso[0] == vn[0] == 0 and iso[1] == vn[1]
    code, shown, _ = run(["--help"], capsys)
    assert code == 0 and "dd/mm/yyyy hoặc 'dd/mm/yyyy hh:mm'" in " ".join(shown.split())

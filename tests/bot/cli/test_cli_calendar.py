"""``python -m bot calendar YEAR``, through its own argparse parser."""

from __future__ import annotations

import argparse
import json

import pytest

from bot.cli import calendar as cli_calendar


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="python -m bot")
    cli_calendar.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["calendar", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_unconfirmed_year_says_so_and_marks_the_guesses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["2027"], capsys)
    assert (code, err) == (0, "")
    assert "CHƯA xác nhận" in out and "lịch nghỉ Tết 2027 chưa được công bố chính thức" in out
    assert "Thứ Năm 04/02/2027: 29 Tết (dự kiến)" in out
    assert "01/01/2027: Tết Dương lịch\n" in out  # a fixed holiday is not a guess


def test_confirmed_year_lists_its_swaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["2026", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["confirmed"] is True
    assert {"date": "2026-01-02", "name": "Nghỉ hoán đổi dịp Tết Dương lịch", "provisional": False} in data["days_off"]
    assert "2026-01-10" in data["working_saturdays"]


def test_a_confirmed_year_marks_the_swap_no_official_text_confirms(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["2026"], capsys)
    assert code == 0 and "đã xác nhận" in out and "chưa có văn bản chính thức để đối chiếu" in out
    assert "Thứ Hai 31/08/2026: Ngày nghỉ (thay cho ngày 22/08/2026) (dự kiến)" in out
    assert "  22/08/2026 (dự kiến)" in out and "  10/01/2026\n" in out
    code, out, _ = run(["2026", "--json"], capsys)
    assert sorted(json.loads(out)["unconfirmed"]) == ["2026-08-22", "2026-08-31"]


@pytest.mark.parametrize("year", ["abc", "20270", "1900"])
def test_bad_year_is_refused_politely(capsys: pytest.CaptureFixture[str], year: str) -> None:
    code, out, err = run([year], capsys)
    assert code == 2 and out == "" and "Lỗi" in err

"""``kb check`` subcommand, registered on a parser of our own (as bot/__main__.py does)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import kb as cli_kb
from knowledge.kb.blhs_category import load_articles
from tests import REPO_ROOT
from tests.knowledge.test_blhs_table import EXCERPT

REPO = REPO_ROOT

GOOD = """\
- id: mot
  category: thoi_han
  title: Thời hạn tạm giữ
  questions: [tam giu bao lau, thoi han tg, tạm giữ mấy ngày]
  answer: Tối đa 3 ngày.
  source: BLTTHS 2015, Điều 118 khoản 1
  verified: "yes"
  reviewed: 2026-11-22
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="test")
    cli_kb.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code = args.func(args)
    return code, capsys.readouterr().out


def test_clean_data_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kb_a.yaml").write_text(GOOD, encoding="utf-8")
    code, out = run(["kb", "check", "--data-dir", str(tmp_path)], capsys)
    assert code == 0
    assert "kb_a.yaml" in out and "Không có lỗi" in out
    assert any(line.split()[:1] == ["thoi_han"] and line.endswith(" 1") for line in out.splitlines())
    assert any(line.split()[:1] == ["yes"] and line.endswith(" 1") for line in out.splitlines())


def test_each_problem_on_its_own_line_and_exit_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kb_a.yaml").write_text(
        GOOD + GOOD.replace("id: mot", "id: hai").replace("Tối đa 3 ngày.", '""'), encoding="utf-8"
    )
    (tmp_path / "kb_b.yaml").write_text("- [không đóng\n", encoding="utf-8")
    code, out = run(["kb", "check", "--data-dir", str(tmp_path)], capsys)
    assert code == 1
    lines = out.splitlines()
    assert "  kb_a.yaml: entry 'hai' field 'answer': trống" in lines
    assert any(line.startswith("  kb_b.yaml: lỗi cú pháp YAML") for line in lines)
    assert "Lỗi (problems): 2" in lines


def test_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["kb", "check", "--data-dir", str(tmp_path / "khong_co")], capsys)
    assert code == 1 and "không tìm thấy thư mục" in out


def test_check_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="test")
    cli_kb.register(parser.add_subparsers(dest="command", required=True))
    with pytest.raises(SystemExit):
        parser.parse_args(["kb"])
    capsys.readouterr()


def test_bundled_data_in_a_fresh_process() -> None:
    script = (
        "import argparse, sys; from bot.cli import kb as cli_kb; p = argparse.ArgumentParser(); "
        "cli_kb.register(p.add_subparsers(dest='c', required=True)); "
        "a = p.parse_args(['kb', 'check']); sys.exit(a.func(a))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kb_thoi_han.yaml" in done.stdout and "Không có lỗi" in done.stdout


def test_blhs_writes_the_table_from_the_code_s_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out_file = tmp_path / "blhs.md", tmp_path / "blhs_categories.yaml"
    source.write_text(EXCERPT, encoding="utf-8")
    code, out = run(["kb", "blhs", str(source), "--out", str(out_file)], capsys)
    assert code == 0 and "2 điều, 5 khoản" in out
    assert load_articles(out_file)[392].clauses == {
        1: "dac_biet_nghiem_trong",
        2: "it_nghiem_trong",
        6: "it_nghiem_trong",
    }


def test_blhs_without_its_text_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "blhs_categories.yaml"
    code, out = run(["kb", "blhs", str(tmp_path / "khong_co.md"), "--out", str(out_file)], capsys)
    assert code == 1 and "Không tìm thấy tệp" in out and not out_file.exists()
    (tmp_path / "other.md").write_text("Điều 16.1.LQ.9. Phân loại tội phạm\n", encoding="utf-8")
    code, out = run(["kb", "blhs", str(tmp_path / "other.md"), "--out", str(out_file)], capsys)
    assert code == 1 and "Không đọc được" in out and not out_file.exists()

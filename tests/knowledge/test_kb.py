"""The knowledge-base loader and validator: bundled data, and every kind of problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.kb.entry import CATEGORIES, VERIFIED_VALUES
from knowledge.kb.store import KnowledgeBase, KnowledgeError, Problem, check_kb, load_kb

# --- bundled data -------------------------------------------------------------------------


def test_bundled_data_loads_cleanly() -> None:
    kb, problems = check_kb()
    assert problems == [], "\n".join(map(str, problems))
    assert kb is not None
    assert len(load_kb()) == len(kb)


def test_bundled_counts() -> None:
    kb = load_kb()
    assert len(kb) >= 70
    summary = kb.summary()
    for category in ("thoi_han", "chi_tieu", "phuong_cham"):
        assert summary[category] >= 5, category
    assert all(summary[c] > 0 for c in CATEGORIES)
    assert sum(summary[c] for c in CATEGORIES) == summary["total"] == len(kb)
    assert sum(summary[v] for v in VERIFIED_VALUES) == len(kb)
    assert summary["yes"] > summary["no"]


def test_bundled_unit_entries_name_their_unit_and_year() -> None:
    kb = load_kb()
    units = [e for e in kb.entries if e.unit]
    assert len(units) >= 6
    for e in units:
        assert e.year is not None, e.id
        assert "không phải" in e.answer or "ví dụ" in e.answer, e.id


def test_bundled_unverified_entries_say_so() -> None:
    kb = load_kb()
    unverified = [e for e in kb.entries if e.verified == "no"]
    assert unverified
    for e in unverified:
        assert e.answer.lower().startswith("chưa kiểm chứng"), e.id


def test_lookup_and_category_order() -> None:
    kb = load_kb()
    entry = kb.get("tam_giu_thoi_han")
    assert entry is not None and entry.file == "kb_thoi_han.yaml"
    assert kb.get("khong_co_muc_nay") is None
    assert "tam_giu_thoi_han" in kb
    by_cat = kb.by_category("thoi_han")
    assert [e.id for e in by_cat] == [e.id for e in kb.entries if e.category == "thoi_han"]
    assert by_cat == kb.by_category("thoi_han")
    assert kb.by_category("khong_ton_tai") == []
    assert set(kb.files) >= {"kb_thoi_han.yaml", "kb_chi_tieu.yaml", "kb_phuong_cham.yaml"}


def test_related_ids_resolve_in_bundled_data() -> None:
    kb = load_kb()
    for e in kb.entries:
        for ref in e.related:
            assert kb.get(ref) is not None, (e.id, ref)


# --- problems in hand-written data --------------------------------------------------------


def valid(entry_id: str, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": entry_id,
        "category": "thoi_han",
        "title": "Tiêu đề",
        "questions": ["câu một", "cau hai", "câu ba"],
        "answer": "3 ngày.",
        "source": "BLTTHS 2015, Điều 118 khoản 1",
        "verified": "yes",
        "reviewed": "2026-11-22",
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not _DROP}


_DROP = object()


def write(folder: Path, name: str, entries: Any) -> None:
    text = entries if isinstance(entries, str) else yaml.safe_dump(entries, allow_unicode=True)
    (folder / name).write_text(text, encoding="utf-8")


def problems_for(folder: Path) -> list[Problem]:
    kb, problems = check_kb(folder)
    assert kb is not None
    return problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_valid_tmp_data_has_no_problem(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot"), valid("hai", related=["mot"], year=2024, unit="VKS X")])
    kb = load_kb(tmp_path)
    assert len(kb) == 2
    hai = kb.get("hai")
    assert hai is not None
    assert hai.reviewed == date(2026, 11, 22)
    assert hai.related == ("mot",)
    assert hai.questions == ("câu một", "cau hai", "câu ba")


def test_plain_yes_and_no_stay_strings(tmp_path: Path) -> None:
    # YAML 1.1 would read these as booleans.
    write(
        tmp_path,
        "kb_a.yaml",
        "- id: mot\n  category: thoi_han\n  title: T\n  questions: [a, b, c]\n"
        "  answer: 3 ngày\n  source: S\n  verified: yes\n  reviewed: 2026-11-22\n",
    )
    entry = load_kb(tmp_path).get("mot")
    assert entry is not None and entry.verified == "yes"


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"answer": ""}, "answer", "trống"),
        ({"answer": "   "}, "answer", "trống"),
        ({"title": ""}, "title", "trống"),
        ({"source": _DROP}, "source", "thiếu"),
        ({"source": ""}, "source", "trống"),
        ({"questions": ["a", "b"]}, "questions", "ít nhất 3"),
        ({"questions": ["a", "b", ""]}, "questions", "trống"),
        ({"questions": ["a", "b", "A"]}, "questions", "trùng"),
        ({"category": "linh_tinh"}, "category", "không hợp lệ"),
        ({"verified": "maybe"}, "verified", "không hợp lệ"),
        ({"reviewed": "22/11/2026"}, "reviewed", "không phải ngày"),
        ({"reviewed": "2026-13-01"}, "reviewed", "không phải ngày"),
        ({"effective_from": "2026-02-30"}, "effective_from", "không phải ngày"),
        ({"effective_from": "2026-07-01", "effective_to": "2025-07-01"}, "effective_from", "sau"),
        ({"year": "2024"}, "year", "số nguyên"),
        ({"year": 20.5}, "year", "số nguyên"),
        ({"unit": "VKS X"}, "year", "năm"),
        ({"related": "mot"}, "related", "danh sách"),
        ({"tags": ["a", 2020]}, "tags", "không phải chuỗi"),
        ({"colour": "xanh"}, "colour", "không được hỗ trợ"),
        ({"verified": "no"}, "answer", "chưa kiểm chứng"),
    ],
)
def test_each_problem_names_file_entry_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str, fragment: str
) -> None:
    write(tmp_path, "kb_a.yaml", [valid("tot"), valid("xau", **changes)])
    problem = only(problems_for(tmp_path))
    assert (problem.file, problem.entry_id, problem.field) == ("kb_a.yaml", "xau", field)
    assert fragment in problem.message
    assert str(problem).startswith(f"kb_a.yaml: entry 'xau' field '{field}': ")


def test_bad_entry_is_left_out_but_good_ones_load(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("tot"), valid("xau", answer="")])
    kb, problems = check_kb(tmp_path)
    assert kb is not None and [e.id for e in kb.entries] == ["tot"]
    assert len(problems) == 1


@pytest.mark.parametrize("bad_id", ["Bad-Id", "co dau cach", "tạm_giữ", ""])
def test_bad_id(tmp_path: Path, bad_id: str) -> None:
    write(tmp_path, "kb_a.yaml", [valid(bad_id)])
    problem = only(problems_for(tmp_path))
    assert problem.field == "id"
    assert "không hợp lệ" in problem.message


def test_missing_id_is_named_by_position(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot"), valid("hai", id=_DROP)])
    problem = only(problems_for(tmp_path))
    assert (problem.entry_id, problem.field) == ("#2", "id")
    assert "thiếu" in problem.message


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("trung")])
    write(tmp_path, "kb_b.yaml", [valid("trung")])
    problem = only(problems_for(tmp_path))
    assert (problem.file, problem.entry_id, problem.field) == ("kb_b.yaml", "trung", "id")
    assert "kb_a.yaml" in problem.message


def test_dangling_related(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot", related=["khong_co"])])
    problem = only(problems_for(tmp_path))
    assert (problem.entry_id, problem.field) == ("mot", "related")
    assert "khong_co" in problem.message


def test_self_related(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot", related=["mot"])])
    assert only(problems_for(tmp_path)).field == "related"


def test_yaml_syntax_error_is_a_file_problem(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot")])
    write(tmp_path, "kb_b.yaml", "- id: hai\n  title: [chưa đóng\n")
    kb, problems = check_kb(tmp_path)
    problem = only(problems)
    assert (problem.file, problem.entry_id, problem.field) == ("kb_b.yaml", None, None)
    assert "cú pháp YAML" in problem.message and "dòng" in problem.message
    assert str(problem).startswith("kb_b.yaml: lỗi cú pháp YAML")
    assert kb is not None and kb.get("mot") is not None


def test_duplicate_key_in_an_entry_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", "- id: mot\n  answer: a\n  answer: b\n")
    problem = only(problems_for(tmp_path))
    assert problem.file == "kb_a.yaml" and "trùng" in problem.message


def test_file_must_be_a_list_of_mappings(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", "id: mot\n")
    write(tmp_path, "kb_b.yaml", "- chỉ là chuỗi\n")
    problems = problems_for(tmp_path)
    assert [(p.file, p.entry_id) for p in problems] == [("kb_a.yaml", None), ("kb_b.yaml", "#1")]


def test_other_yaml_files_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot")])
    write(tmp_path, "synonyms.yaml", "khong: [phai, la: danh sach\n")
    write(tmp_path, "days_off.yaml", {"2026-01-02": "nghỉ"})
    assert problems_for(tmp_path) == []


def test_missing_folder_and_empty_folder(tmp_path: Path) -> None:
    kb, problems = check_kb(tmp_path / "khong_co")
    assert kb is None and "không tìm thấy" in only(problems).message
    kb, problems = check_kb(tmp_path)
    assert kb is None and "kb_*.yaml" in only(problems).message


def test_load_kb_raises_with_all_problems(tmp_path: Path) -> None:
    write(tmp_path, "kb_a.yaml", [valid("mot", answer=""), valid("hai", title="")])
    write(tmp_path, "kb_b.yaml", "- [\n")
    with pytest.raises(KnowledgeError) as info:
        load_kb(tmp_path)
    problems = info.value.problems
    assert {(p.file, p.entry_id, p.field) for p in problems} == {
        ("kb_a.yaml", "mot", "answer"),
        ("kb_a.yaml", "hai", "title"),
        ("kb_b.yaml", None, None),
    }
    assert "kb_a.yaml: entry 'mot' field 'answer': trống" in str(info.value)


def test_summary_counts(tmp_path: Path) -> None:
    write(
        tmp_path,
        "kb_a.yaml",
        [
            valid("a1"),
            valid("a2", category="chi_tieu", verified="secondary"),
            valid("a3", category="chi_tieu", verified="no", answer="Chưa kiểm chứng — cần đối chiếu."),
        ],
    )
    summary = load_kb(tmp_path).summary()
    assert summary["thoi_han"] == 1 and summary["chi_tieu"] == 2 and summary["phuong_cham"] == 0
    assert (summary["yes"], summary["secondary"], summary["no"], summary["total"]) == (1, 1, 1, 3)


def test_knowledge_base_rejects_duplicate_entries() -> None:
    entry = load_kb().entries[0]
    with pytest.raises(ValueError):
        KnowledgeBase([entry, entry])

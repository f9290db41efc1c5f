"""Reading and judging the evaluation sets (no pytest here; ``tests/test_eval.py`` runs them).

Three sets:

* ``tests/eval/questions.tsv`` (``query	expected	slices``): expected is an entry id,
  alternatives separated by ``|``, ``NONE`` (the assistant must not answer) or ``ASK`` (it
  must offer a menu: the question leaves open what decides the figure). Tuned on.
* ``shared/eval/queries.tsv`` (``query	expect``): text groups (`` ; ``) of alternatives
  (`` | ``) that must all appear in the folded answer, or ``NONE``. Tuned on.
* ``tests/eval/heldout.tsv`` (``id	question	expect	kind	note``): written by someone who never
  saw the knowledge base; ``|`` means ALL items must appear; ``turn1 || turn2`` is a
  follow-up judged on the second reply; ``NONE`` must be refused; ``UNVERIFIED`` must not be
  stated as law. Scored blind once each, then tuned on (see README "Evaluation").

A reply is classified as an answer (a source line or a calculator card), a menu, a refusal,
or an answer that first says what it does not cover (a disclaimer). A *confident wrong*
answer is an answer without disclaimer that lacks the expected figures (or answers a
question that had to be refused) — counted apart from a miss, because it is worse.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from knowledge.kb.normalize import has_diacritics, syllables

EVAL_DIR = Path(__file__).resolve().parent
QUESTIONS_TSV = EVAL_DIR / "questions.tsv"
HELDOUT_TSV = EVAL_DIR / "heldout.tsv"
# A second held-out set (120 questions), written later by another writer who read only FACTS.md
# and the codified law: scored blind once, then its misses were tuned on (no longer blind).
HELDOUT2_TSV = EVAL_DIR / "heldout2.tsv"
# Two tuning sets by two more blind writers (130 questions each, same format). tune_b was scored once,
# blind, before any of its failures was read (README "Evaluation"); both are tuned on since.
TUNE_A_TSV = EVAL_DIR / "tune_a.tsv"
TUNE_B_TSV = EVAL_DIR / "tune_b.tsv"
# The third held-out set (150 questions) by a fourth writer who read only FACTS.md and the codified
# law; kept sealed (outside the repository) while search was tuned, scored blind once at the end of
# that work (the honest figure, README "Evaluation"), then its misses were fixed: no longer blind.
HELDOUT3_TSV = EVAL_DIR / "heldout3.tsv"
# Two more tuning sets by two more blind writers (130 each, same format), round 5. Each was scored
# once, blind, before any failure was read (README "Evaluation"); tune_d stayed unread while tune_c
# was tuned on, and was scored again before its own failures were read.
TUNE_C_TSV = EVAL_DIR / "tune_c.tsv"
TUNE_D_TSV = EVAL_DIR / "tune_d.tsv"
TUNE_E_TSV = EVAL_DIR / "tune_e.tsv"
TUNE_F_TSV = EVAL_DIR / "tune_f.tsv"
TUNE_G_TSV = EVAL_DIR / "tune_g.tsv"
HELDOUT5_TSV = EVAL_DIR / "heldout5.tsv"
TUNE_H_TSV = EVAL_DIR / "tune_h.tsv"  # round 8: calculator and two-part weight
TUNE_I_TSV = EVAL_DIR / "tune_i.tsv"  # round 8: follow-ups, BLHS edges, out of scope
# content8: the Code's time limits that no entry's title names, written by the helper who then fixed them
# (not blind: scored once before the fixes, README "Evaluation")
TUNE_J_TSV = EVAL_DIR / "tune_j.tsv"
# Round 8, three more blind writers (150 each; tune8): scored blind once at d23a70d, then tuned on.
TUNE_K_TSV = EVAL_DIR / "tune_k.tsv"
TUNE_L_TSV = EVAL_DIR / "tune_l.tsv"
TUNE_M_TSV = EVAL_DIR / "tune_m.tsv"
# Round 9, four more blind sets retired to tuning ("tune9"): scored blind at 26e04a9, then tuned on.
TUNE_N_TSV = EVAL_DIR / "tune_n.tsv"  # a district prosecutor: tin báo, rút gọn, custody, shorthand
TUNE_O_TSV = EVAL_DIR / "tune_o.tsv"  # a custody supervision deputy head, reports
TUNE_P_TSV = EVAL_DIR / "tune_p.tsv"  # the round-6 sealed set "tune6"
TUNE_Q_TSV = EVAL_DIR / "tune_q.tsv"  # the round-7 sealed set "tune7d"
# Round 9, two more blind sets retired to tuning ("tune9x"): scored blind at 26e04a9, then tuned on.
TUNE_R_TSV = EVAL_DIR / "tune_r.tsv"  # a senior appeal-office prosecutor: chatty, long, no diacritics
TUNE_S_TSV = EVAL_DIR / "tune_s.tsv"  # a unit head relaying colleagues' stories, calculator rows
# Round 11 ("tune10"): heldout8a/8b retired to tuning, and three sets written in the personas of the weakest
# sealed sets; scored blind at 89f480b, then tuned on.
TUNE_T_TSV = EVAL_DIR / "tune_t.tsv"  # heldout8a (Southern speech), sealed rounds 8-9
TUNE_U_TSV = EVAL_DIR / "tune_u.tsv"  # heldout8b (colleagues' stories), sealed rounds 8-9
TUNE_V_TSV = EVAL_DIR / "tune_v.tsv"  # a district head relaying colleagues' stories: calculator, admin
TUNE_W_TSV = EVAL_DIR / "tune_w.tsv"  # a senior appeal-office prosecutor: long chatty no-diacritics edge cases
TUNE_X_TSV = EVAL_DIR / "tune_x.tsv"  # a young prosecutor: ultra-short fragments, two-part, follow-ups
# Round 12 ("tune11"), four blind writers in the personas of the four sealed sets heldout11a-d:
TUNE_11A_TSV = EVAL_DIR / "tune_11a.tsv"  # a regional juvenile/violent-crime prosecutor in a court corridor
TUNE_11B_TSV = EVAL_DIR / "tune_11b.tsv"  # a detention-centre prosecutor on a night shift, calculator-heavy
TUNE_11C_TSV = EVAL_DIR / "tune_11c.tsv"  # a provincial general-office clerk from the South
TUNE_11D_TSV = EVAL_DIR / "tune_11d.tsv"  # a newly appointed, chatty kiểm tra viên
# Round 13 ("tune12"), four blind writers: two in the personas of the sealed heldout12a/b, two new ones.
TUNE_12A_TSV = EVAL_DIR / "tune_12a.tsv"  # a provincial prosecutor of trials and appeals between hearings
TUNE_12B_TSV = EVAL_DIR / "tune_12b.tsv"  # an older Mekong-delta regional prosecutor: Southern shorthand
TUNE_12C_TSV = EVAL_DIR / "tune_12c.tsv"  # a chatty new kiểm tra viên
TUNE_12D_TSV = EVAL_DIR / "tune_12d.tsv"  # a night-shift detention prosecutor, calculator-heavy
# Round 14: heldout11a-d, sealed rounds 12-13 (scored five times, tables only), retired to tuning.
HELDOUT11A_TSV = EVAL_DIR / "heldout11a.tsv"  # a regional juvenile/violent-crime prosecutor in a court corridor
HELDOUT11B_TSV = EVAL_DIR / "heldout11b.tsv"  # a detention-centre prosecutor on a night shift
HELDOUT11C_TSV = EVAL_DIR / "heldout11c.tsv"  # a provincial general-office clerk from the South
HELDOUT11D_TSV = EVAL_DIR / "heldout11d.tsv"  # a newly appointed, chatty kiểm tra viên
# Round 14 ("tune13"): a blind writer in the persona of the weakest new sealed set.
TUNE_13A_TSV = EVAL_DIR / "tune_13a.tsv"  # a regional prosecutor on crime reports, khởi tố, approvals, rút gọn
# Round 15 ("tune14"): blind writers in the personas of the new sealed sets and the weakest older ones.
TUNE_14A_TSV = EVAL_DIR / "tune_14a.tsv"  # a young regional KSV on arrests and custody at night, Telex leftovers
TUNE_14B_TSV = EVAL_DIR / "tune_14b.tsv"  # a provincial office head: reports, indicators, themes
TUNE_14C_TSV = EVAL_DIR / "tune_14c.tsv"  # a Mekong-delta regional deputy head on crime reports, Southern words
TUNE_14D_TSV = EVAL_DIR / "tune_14d.tsv"  # a Central-region provincial prosecutor of trials and appeals
# Round 16 ("tune15"): blind writers in four personas.
TUNE_15A_TSV = EVAL_DIR / "tune_15a.tsv"  # a Central Highlands regional prosecutor of first-instance trials
TUNE_15B_TSV = EVAL_DIR / "tune_15b.tsv"  # a provincial office head: reports, indicators, themes, named units
TUNE_15C_TSV = EVAL_DIR / "tune_15c.tsv"  # a northern regional prosecutor supervising custody, hours
TUNE_15D_TSV = EVAL_DIR / "tune_15d.tsv"  # a young HCMC prosecutor on crime reports, Southern chatty style
TUNE_16A_TSV = EVAL_DIR / "tune_16a.tsv"  # in heldout15a's persona: a Red River delta deputy chief, terse shorthand
TUNE_16B_TSV = EVAL_DIR / "tune_16b.tsv"  # in heldout15b's persona: a new kiểm tra viên, calculator, out of scope
HELDOUT4_TSV = EVAL_DIR / "heldout4.tsv"
DIALOGUES_TSV = EVAL_DIR / "dialogues.tsv"  # own follow-ups and two-part questions (tuned on)


def queries_tsv() -> Path | None:
    """``shared/eval/queries.tsv`` next to the repository (or next to the worktrees' folder)."""
    root = EVAL_DIR.parents[1]
    for base in (root.parent, root.parent.parent):
        path = base / "shared" / "eval" / "queries.tsv"
        if path.exists():
            return path
    return None


@dataclass(frozen=True, slots=True)
class Case:
    query: str
    expected: str  # raw expected column
    slices: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    passed: bool
    got: str
    confident_wrong: bool = False


def header_fold(text: str) -> str:
    """The folding described in the queries.tsv header (punctuation is kept)."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")
    text = re.sub(r"(?<![0-9])0+(?=[0-9])", "", text)
    return " ".join(text.split())


def read_tsv(path: Path) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append((number, line.split("\t")))
    return rows


def derived_slices(query: str, expected: str, known: set[str]) -> frozenset[str]:
    if expected.strip() == "NONE":
        return frozenset({"out_of_scope"})
    slices = {"in_scope", "diacritics" if has_diacritics(query) else "no_diacritics"}
    if any(len(w) >= 3 and w.isalpha() and w not in known for w in syllables(query)):
        slices.add("typo")
    return frozenset(slices)


def load_questions(path: Path) -> list[Case]:
    cases = []
    for number, cols in read_tsv(path):
        if cols[0] == "query":
            continue
        expected = cols[1].strip() if len(cols) > 1 else ""
        slices = {s.strip() for s in cols[2].split(",") if s.strip()} if len(cols) > 2 else set()
        slices.add("out_of_scope" if expected == "NONE" else "in_scope")
        cases.append(Case(cols[0], expected, frozenset(slices), number))
    return cases


def load_queries(path: Path, known: set[str]) -> list[Case]:
    cases = []
    for number, cols in read_tsv(path):
        expected = cols[1].strip() if len(cols) > 1 else ""
        cases.append(Case(cols[0], expected, derived_slices(cols[0], expected, known), number))
    return cases


REFUSING_KINDS = {"out_of_scope", "unknown_unit"}


def load_heldout(path: Path) -> list[Case]:
    """Held-out rows; slices: the row's kind plus in_scope / out_of_scope / unverified."""
    cases = []
    for number, cols in read_tsv(path):
        if cols[0] == "id":
            continue
        query, expected, kind = cols[1], cols[2].strip(), cols[3].strip()
        group = "out_of_scope" if expected == "NONE" else "unverified" if expected == "UNVERIFIED" else "in_scope"
        cases.append(Case(query, expected, frozenset({kind, group}), number))
    return cases


# --- classifying what the user sees -------------------------------------------------------

ANSWER_MARKS = ("can cu:", "moc tinh:")
ASK_MARK = "co phai anh/chi muon hoi"
REFUSAL_MARKS = ("chua co thong tin", "xin loi")
DISCLAIMER_MARKS = ("chua co", "chua tra loi duoc", "khong tim thay")
# A reply in parts that says which part it could not answer is not a confident wrong answer.
PART_MARKS = ("chua tim duoc cau tra loi cho phan nay", "chua ro y phan nay")
# "cần đối chiếu" is how the knowledge base flags a detail to check against the consolidated text
# (e.g. who approves after Luật 99/2025): the 2015 rule stated as such, the later one not as law.
UNVERIFIED_MARKS = ("chua kiem chung", "chua xac minh", "chua duoc xac minh", "can kiem tra", "can doi chieu")


def classify(text: str) -> str:
    """answer / disclaimed (answer after saying what it lacks) / ask / refuse."""
    folded = header_fold(text)
    first = header_fold(text.strip().splitlines()[0]) if text.strip() else ""
    if any(mark in folded for mark in ANSWER_MARKS):
        disclaimed = any(mark in first for mark in DISCLAIMER_MARKS) or any(mark in folded for mark in PART_MARKS)
        return "disclaimed" if disclaimed else "answer"
    if ASK_MARK in folded:
        return "ask"
    return "refuse"


def judge_text(case: Case, text: str) -> Outcome:
    """Judge the reply text a user saw, by the held-out rules (``|`` = all items)."""
    kind = classify(text)
    folded = header_fold(text)
    if case.expected == "NONE":
        return Outcome(case, kind != "answer", kind, confident_wrong=kind == "answer")
    if case.expected == "UNVERIFIED":
        flagged = any(mark in folded for mark in UNVERIFIED_MARKS)
        ok = kind in ("ask", "refuse") or flagged
        return Outcome(case, ok, kind, confident_wrong=not ok)
    items = [header_fold(item) for item in case.expected.split("|") if item.strip()]
    missing = [item for item in items if item not in folded]
    answered = kind in ("answer", "disclaimed")
    passed = answered and not missing
    wrong = kind == "answer" and bool(missing)
    got = kind if not missing else f"{kind}, missing {missing}"
    return Outcome(case, passed, got, confident_wrong=wrong)


# --- tables ------------------------------------------------------------------------------


def table(title: str, outcomes: list[Outcome], floors: dict[str, float]) -> tuple[str, list[str]]:
    """The per-slice table (with the confident-wrong count) and the slices below their floor."""
    names = sorted({s for o in outcomes for s in o.case.slices})
    lines = [title, f"{'slice':<16}{'n':>5}{'pass':>6}{'rate':>8}{'wrong':>7}{'min':>7}"]
    below = []
    for name in names:
        subset = [o for o in outcomes if name in o.case.slices]
        passed = sum(o.passed for o in subset)
        wrong = sum(o.confident_wrong for o in subset)
        rate = passed / len(subset)
        minimum = floors.get(name)
        mark = "" if minimum is None or rate >= minimum else "  <-- below"
        if mark:
            below.append(name)
        floor = f"{minimum:.0%}" if minimum is not None else "-"
        lines.append(f"{name:<16}{len(subset):>5}{passed:>6}{rate:>8.1%}{wrong:>7}{floor:>7}{mark}")
    total_wrong = sum(o.confident_wrong for o in outcomes)
    lines.append(f"confident wrong answers: {total_wrong} of {len(outcomes)}")
    return "\n".join(lines), below


def failures(outcomes: list[Outcome]) -> str:
    bad = [o for o in outcomes if not o.passed]
    lines = ["failures:"] if bad else []
    for o in bad:
        flag = " [CONFIDENT WRONG]" if o.confident_wrong else ""
        lines.append(f"  line {o.case.line}: {o.case.query!r} expected {o.case.expected!r} got {o.got}{flag}")
    return "\n".join(lines)

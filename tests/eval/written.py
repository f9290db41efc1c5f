"""The blind writers' sets scored by ``tests/test_eval.py``: each set's floors (minimum pass rate per slice) and its
cap on confident wrong answers, with how each was measured (README "Evaluation")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.eval.floors import (
    HELDOUT2_FLOORS,
    HELDOUT2_MAX_CONFIDENT_WRONG,
    HELDOUT3_FLOORS,
    HELDOUT3_MAX_CONFIDENT_WRONG,
    HELDOUT4_FLOORS,
    HELDOUT4_MAX_CONFIDENT_WRONG,
    HELDOUT5_FLOORS,
    HELDOUT5_MAX_CONFIDENT_WRONG,
    HELDOUT11A_FLOORS,
    HELDOUT11A_MAX_CONFIDENT_WRONG,
    HELDOUT11B_FLOORS,
    HELDOUT11B_MAX_CONFIDENT_WRONG,
    HELDOUT11C_FLOORS,
    HELDOUT11C_MAX_CONFIDENT_WRONG,
    HELDOUT11D_FLOORS,
    HELDOUT11D_MAX_CONFIDENT_WRONG,
    HELDOUT_FLOORS,
    HELDOUT_MAX_CONFIDENT_WRONG,
    TUNE_11A_FLOORS,
    TUNE_11A_MAX_CONFIDENT_WRONG,
    TUNE_11B_FLOORS,
    TUNE_11B_MAX_CONFIDENT_WRONG,
    TUNE_11C_FLOORS,
    TUNE_11C_MAX_CONFIDENT_WRONG,
    TUNE_11D_FLOORS,
    TUNE_11D_MAX_CONFIDENT_WRONG,
    TUNE_12A_FLOORS,
    TUNE_12A_MAX_CONFIDENT_WRONG,
    TUNE_12B_FLOORS,
    TUNE_12B_MAX_CONFIDENT_WRONG,
    TUNE_12C_FLOORS,
    TUNE_12C_MAX_CONFIDENT_WRONG,
    TUNE_12D_FLOORS,
    TUNE_12D_MAX_CONFIDENT_WRONG,
    TUNE_13A_FLOORS,
    TUNE_13A_MAX_CONFIDENT_WRONG,
    TUNE_14A_FLOORS,
    TUNE_14A_MAX_CONFIDENT_WRONG,
    TUNE_14B_FLOORS,
    TUNE_14B_MAX_CONFIDENT_WRONG,
    TUNE_14C_FLOORS,
    TUNE_14C_MAX_CONFIDENT_WRONG,
    TUNE_14D_FLOORS,
    TUNE_14D_MAX_CONFIDENT_WRONG,
    TUNE_15A_FLOORS,
    TUNE_15A_MAX_CONFIDENT_WRONG,
    TUNE_15B_FLOORS,
    TUNE_15B_MAX_CONFIDENT_WRONG,
    TUNE_15C_FLOORS,
    TUNE_15C_MAX_CONFIDENT_WRONG,
    TUNE_15D_FLOORS,
    TUNE_15D_MAX_CONFIDENT_WRONG,
    TUNE_16A_FLOORS,
    TUNE_16A_MAX_CONFIDENT_WRONG,
    TUNE_16B_FLOORS,
    TUNE_16B_MAX_CONFIDENT_WRONG,
    TUNE_A_FLOORS,
    TUNE_A_MAX_CONFIDENT_WRONG,
    TUNE_B_FLOORS,
    TUNE_B_MAX_CONFIDENT_WRONG,
    TUNE_C_FLOORS,
    TUNE_C_MAX_CONFIDENT_WRONG,
    TUNE_D_FLOORS,
    TUNE_D_MAX_CONFIDENT_WRONG,
    TUNE_E_FLOORS,
    TUNE_E_MAX_CONFIDENT_WRONG,
    TUNE_F_FLOORS,
    TUNE_F_MAX_CONFIDENT_WRONG,
    TUNE_G_FLOORS,
    TUNE_G_MAX_CONFIDENT_WRONG,
    TUNE_H_FLOORS,
    TUNE_H_MAX_CONFIDENT_WRONG,
    TUNE_I_FLOORS,
    TUNE_I_MAX_CONFIDENT_WRONG,
    TUNE_J_FLOORS,
    TUNE_J_MAX_CONFIDENT_WRONG,
    TUNE_K_FLOORS,
    TUNE_K_MAX_CONFIDENT_WRONG,
    TUNE_L_FLOORS,
    TUNE_L_MAX_CONFIDENT_WRONG,
    TUNE_M_FLOORS,
    TUNE_M_MAX_CONFIDENT_WRONG,
    TUNE_N_FLOORS,
    TUNE_N_MAX_CONFIDENT_WRONG,
    TUNE_O_FLOORS,
    TUNE_O_MAX_CONFIDENT_WRONG,
    TUNE_P_FLOORS,
    TUNE_P_MAX_CONFIDENT_WRONG,
    TUNE_Q_FLOORS,
    TUNE_Q_MAX_CONFIDENT_WRONG,
    TUNE_R_FLOORS,
    TUNE_R_MAX_CONFIDENT_WRONG,
    TUNE_S_FLOORS,
    TUNE_S_MAX_CONFIDENT_WRONG,
    TUNE_T_FLOORS,
    TUNE_T_MAX_CONFIDENT_WRONG,
    TUNE_U_FLOORS,
    TUNE_U_MAX_CONFIDENT_WRONG,
    TUNE_V_FLOORS,
    TUNE_V_MAX_CONFIDENT_WRONG,
    TUNE_W_FLOORS,
    TUNE_W_MAX_CONFIDENT_WRONG,
    TUNE_X_FLOORS,
    TUNE_X_MAX_CONFIDENT_WRONG,
)
from tests.eval.judge import (
    HELDOUT2_TSV,
    HELDOUT3_TSV,
    HELDOUT4_TSV,
    HELDOUT5_TSV,
    HELDOUT11A_TSV,
    HELDOUT11B_TSV,
    HELDOUT11C_TSV,
    HELDOUT11D_TSV,
    HELDOUT_TSV,
    TUNE_11A_TSV,
    TUNE_11B_TSV,
    TUNE_11C_TSV,
    TUNE_11D_TSV,
    TUNE_12A_TSV,
    TUNE_12B_TSV,
    TUNE_12C_TSV,
    TUNE_12D_TSV,
    TUNE_13A_TSV,
    TUNE_14A_TSV,
    TUNE_14B_TSV,
    TUNE_14C_TSV,
    TUNE_14D_TSV,
    TUNE_15A_TSV,
    TUNE_15B_TSV,
    TUNE_15C_TSV,
    TUNE_15D_TSV,
    TUNE_16A_TSV,
    TUNE_16B_TSV,
    TUNE_A_TSV,
    TUNE_B_TSV,
    TUNE_C_TSV,
    TUNE_D_TSV,
    TUNE_E_TSV,
    TUNE_F_TSV,
    TUNE_G_TSV,
    TUNE_H_TSV,
    TUNE_I_TSV,
    TUNE_J_TSV,
    TUNE_K_TSV,
    TUNE_L_TSV,
    TUNE_M_TSV,
    TUNE_N_TSV,
    TUNE_O_TSV,
    TUNE_P_TSV,
    TUNE_Q_TSV,
    TUNE_R_TSV,
    TUNE_S_TSV,
    TUNE_T_TSV,
    TUNE_U_TSV,
    TUNE_V_TSV,
    TUNE_W_TSV,
    TUNE_X_TSV,
)


@dataclass(frozen=True)
class WrittenSet:
    """A set by a writer who never saw the knowledge base: its floors, its cap on confident wrong
    answers, and the variable that prints its failing rows (kept unread until its blind score)."""

    path: Path
    title: str
    floors: dict[str, float]
    max_wrong: int
    show: str | None = "EVAL_SHOW_HELDOUT"


WRITTEN = [
    WrittenSet(HELDOUT_TSV, "heldout.tsv (held out, no longer blind)", HELDOUT_FLOORS, HELDOUT_MAX_CONFIDENT_WRONG),
    WrittenSet(HELDOUT2_TSV, "heldout2.tsv (held out, no longer blind)", HELDOUT2_FLOORS, HELDOUT2_MAX_CONFIDENT_WRONG),
    WrittenSet(TUNE_A_TSV, "tune_a.tsv (blind writer; tuned on)", TUNE_A_FLOORS, TUNE_A_MAX_CONFIDENT_WRONG, None),
    WrittenSet(
        TUNE_B_TSV,
        "tune_b.tsv (tuned on after its blind score)",
        TUNE_B_FLOORS,
        TUNE_B_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_B",
    ),
    WrittenSet(HELDOUT3_TSV, "heldout3.tsv (blind once; tuned since)", HELDOUT3_FLOORS, HELDOUT3_MAX_CONFIDENT_WRONG),
    WrittenSet(
        TUNE_C_TSV, "tune_c.tsv (blind writer, round 5)", TUNE_C_FLOORS, TUNE_C_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_C"
    ),
    WrittenSet(
        TUNE_D_TSV, "tune_d.tsv (blind writer, round 5)", TUNE_D_FLOORS, TUNE_D_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_D"
    ),
    WrittenSet(
        TUNE_E_TSV, "tune_e.tsv (blind writer, round 6)", TUNE_E_FLOORS, TUNE_E_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_E"
    ),
    WrittenSet(HELDOUT4_TSV, "heldout4.tsv (blind, scored at the end)", HELDOUT4_FLOORS, HELDOUT4_MAX_CONFIDENT_WRONG),
    WrittenSet(
        TUNE_F_TSV, "tune_f.tsv (blind writer, round 7)", TUNE_F_FLOORS, TUNE_F_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_F"
    ),
    WrittenSet(
        TUNE_G_TSV, "tune_g.tsv (blind writer, round 7)", TUNE_G_FLOORS, TUNE_G_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_G"
    ),
    WrittenSet(HELDOUT5_TSV, "heldout5.tsv (blind, scored at the end)", HELDOUT5_FLOORS, HELDOUT5_MAX_CONFIDENT_WRONG),
    WrittenSet(
        TUNE_H_TSV, "tune_h.tsv (blind writer, round 8)", TUNE_H_FLOORS, TUNE_H_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_H"
    ),
    WrittenSet(
        TUNE_I_TSV, "tune_i.tsv (blind writer, round 8)", TUNE_I_FLOORS, TUNE_I_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_I"
    ),
    WrittenSet(TUNE_J_TSV, "tune_j.tsv (content8's own, not blind)", TUNE_J_FLOORS, TUNE_J_MAX_CONFIDENT_WRONG, None),
    WrittenSet(
        TUNE_K_TSV, "tune_k.tsv (blind writer, round 8)", TUNE_K_FLOORS, TUNE_K_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_K"
    ),
    WrittenSet(
        TUNE_L_TSV, "tune_l.tsv (blind writer, round 8)", TUNE_L_FLOORS, TUNE_L_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_L"
    ),
    WrittenSet(
        TUNE_M_TSV, "tune_m.tsv (blind writer, round 8)", TUNE_M_FLOORS, TUNE_M_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_M"
    ),
    WrittenSet(
        TUNE_N_TSV, "tune_n.tsv (blind writer, round 9)", TUNE_N_FLOORS, TUNE_N_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_N"
    ),
    WrittenSet(
        TUNE_O_TSV, "tune_o.tsv (blind writer, round 9)", TUNE_O_FLOORS, TUNE_O_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_O"
    ),
    WrittenSet(
        TUNE_P_TSV,
        "tune_p.tsv (blind, round 6; tuned round 9)",
        TUNE_P_FLOORS,
        TUNE_P_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_P",
    ),
    WrittenSet(
        TUNE_Q_TSV,
        "tune_q.tsv (blind, round 7; tuned round 9)",
        TUNE_Q_FLOORS,
        TUNE_Q_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_Q",
    ),
    WrittenSet(
        TUNE_R_TSV, "tune_r.tsv (blind writer, round 9)", TUNE_R_FLOORS, TUNE_R_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_R"
    ),
    WrittenSet(
        TUNE_S_TSV, "tune_s.tsv (blind writer, round 9)", TUNE_S_FLOORS, TUNE_S_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_S"
    ),
    WrittenSet(
        TUNE_T_TSV,
        "tune_t.tsv (heldout8a; tuned round 11)",
        TUNE_T_FLOORS,
        TUNE_T_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_T",
    ),
    WrittenSet(
        TUNE_U_TSV,
        "tune_u.tsv (heldout8b; tuned round 11)",
        TUNE_U_FLOORS,
        TUNE_U_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_U",
    ),
    WrittenSet(
        TUNE_V_TSV, "tune_v.tsv (blind writer, round 11)", TUNE_V_FLOORS, TUNE_V_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_V"
    ),
    WrittenSet(
        TUNE_W_TSV, "tune_w.tsv (blind writer, round 11)", TUNE_W_FLOORS, TUNE_W_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_W"
    ),
    WrittenSet(
        TUNE_X_TSV, "tune_x.tsv (blind writer, round 11)", TUNE_X_FLOORS, TUNE_X_MAX_CONFIDENT_WRONG, "EVAL_SHOW_TUNE_X"
    ),
    WrittenSet(
        TUNE_11A_TSV,
        "tune_11a.tsv (blind writer, round 12)",
        TUNE_11A_FLOORS,
        TUNE_11A_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_11A",
    ),
    WrittenSet(
        TUNE_11B_TSV,
        "tune_11b.tsv (blind writer, round 12)",
        TUNE_11B_FLOORS,
        TUNE_11B_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_11B",
    ),
    WrittenSet(
        TUNE_11C_TSV,
        "tune_11c.tsv (blind writer, round 12)",
        TUNE_11C_FLOORS,
        TUNE_11C_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_11C",
    ),
    WrittenSet(
        TUNE_11D_TSV,
        "tune_11d.tsv (blind writer, round 12)",
        TUNE_11D_FLOORS,
        TUNE_11D_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_11D",
    ),
    WrittenSet(
        TUNE_12A_TSV,
        "tune_12a.tsv (blind writer, round 13)",
        TUNE_12A_FLOORS,
        TUNE_12A_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_12A",
    ),
    WrittenSet(
        TUNE_12B_TSV,
        "tune_12b.tsv (blind writer, round 13)",
        TUNE_12B_FLOORS,
        TUNE_12B_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_12B",
    ),
    WrittenSet(
        TUNE_12C_TSV,
        "tune_12c.tsv (blind writer, round 13)",
        TUNE_12C_FLOORS,
        TUNE_12C_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_12C",
    ),
    WrittenSet(
        TUNE_12D_TSV,
        "tune_12d.tsv (blind writer, round 13)",
        TUNE_12D_FLOORS,
        TUNE_12D_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_12D",
    ),
    WrittenSet(
        HELDOUT11A_TSV,
        "heldout11a.tsv (sealed rounds 12-13; retired round 14)",
        HELDOUT11A_FLOORS,
        HELDOUT11A_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_HELDOUT11A",
    ),
    WrittenSet(
        HELDOUT11B_TSV,
        "heldout11b.tsv (sealed rounds 12-13; retired round 14)",
        HELDOUT11B_FLOORS,
        HELDOUT11B_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_HELDOUT11B",
    ),
    WrittenSet(
        HELDOUT11C_TSV,
        "heldout11c.tsv (sealed rounds 12-13; retired round 14)",
        HELDOUT11C_FLOORS,
        HELDOUT11C_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_HELDOUT11C",
    ),
    WrittenSet(
        HELDOUT11D_TSV,
        "heldout11d.tsv (sealed rounds 12-13; retired round 14)",
        HELDOUT11D_FLOORS,
        HELDOUT11D_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_HELDOUT11D",
    ),
    WrittenSet(
        TUNE_13A_TSV,
        "tune_13a.tsv (blind writer, round 14)",
        TUNE_13A_FLOORS,
        TUNE_13A_MAX_CONFIDENT_WRONG,
        "EVAL_SHOW_TUNE_13A",
    ),
    *(
        WrittenSet(path, f"{path.name} (blind writer, round {round_})", floors, wrong, f"EVAL_SHOW_{path.stem.upper()}")
        for round_, path, floors, wrong in (
            (15, TUNE_14A_TSV, TUNE_14A_FLOORS, TUNE_14A_MAX_CONFIDENT_WRONG),
            (15, TUNE_14B_TSV, TUNE_14B_FLOORS, TUNE_14B_MAX_CONFIDENT_WRONG),
            (15, TUNE_14C_TSV, TUNE_14C_FLOORS, TUNE_14C_MAX_CONFIDENT_WRONG),
            (15, TUNE_14D_TSV, TUNE_14D_FLOORS, TUNE_14D_MAX_CONFIDENT_WRONG),
            (16, TUNE_15A_TSV, TUNE_15A_FLOORS, TUNE_15A_MAX_CONFIDENT_WRONG),
            (16, TUNE_15B_TSV, TUNE_15B_FLOORS, TUNE_15B_MAX_CONFIDENT_WRONG),
            (16, TUNE_15C_TSV, TUNE_15C_FLOORS, TUNE_15C_MAX_CONFIDENT_WRONG),
            (16, TUNE_15D_TSV, TUNE_15D_FLOORS, TUNE_15D_MAX_CONFIDENT_WRONG),
            (16, TUNE_16A_TSV, TUNE_16A_FLOORS, TUNE_16A_MAX_CONFIDENT_WRONG),
            (16, TUNE_16B_TSV, TUNE_16B_FLOORS, TUNE_16B_MAX_CONFIDENT_WRONG),
        )
    ),
]

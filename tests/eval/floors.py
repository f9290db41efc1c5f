"""Floors and confident-wrong caps of the evaluation sets, each with how it was measured (README "Evaluation")."""

# Floors (minimum pass rate per slice). The tuned sets keep the old floors; the other sets have
# floors at what was last measured on them (never below), and a cap on confident wrong answers.
TUNED_FLOORS: dict[str, float] = {"in_scope": 0.95, "no_diacritics": 0.90, "typo": 0.85, "out_of_scope": 0.95}
DIALOGUE_FLOORS: dict[str, float] = {"in_scope": 0.9}
# heldout.tsv: 102/120 blind at first, 114/120 after the second round of search work (its misses were
# read then, so it is no longer blind), 116/120, 20/20, 10/10, 0 confident wrong after the third (README).
# Round 5 (no reading of it): 117/120.
# Round 7 (search7): 118/120 (an investigation total asked "kể cả gia hạn").
HELDOUT_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT_MAX_CONFIDENT_WRONG = 0
# heldout2.tsv: scored blind once (94/103, 16/17, 6 confident wrong); its misses were then read and
# tuned on in the third round of search work, so it is NO LONGER BLIND: 102/103, 17/17, 0 wrong.
# Round 5: 103/103, 4/4 unverified flagged (the Đ346 question after the court reorganisation found).
HELDOUT2_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT2_MAX_CONFIDENT_WRONG = 0
# tune_a.tsv / tune_b.tsv (130 each, two more blind writers): tuned on. tune_b was scored blind first
# (100/110, 12/14, 9 confident wrong), again after the tune_a work without reading its failures
# (101/110, 13/14, 7), and only then tuned on. Floors at the end of that work:
TUNE_A_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_A_MAX_CONFIDENT_WRONG = 0
# Round 5: 109/110 (the second ANQG detention extension found).
TUNE_B_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_B_MAX_CONFIDENT_WRONG = 0
# heldout3.tsv (150, a fourth blind writer): sealed outside the repository while search was tuned.
# Scored blind once at the end of that work: 114/125 in scope, 16/16 refused, 7/9 unverified
# flagged, 7 confident wrong (the honest figure, README). Its failures were then read and the
# calculator follow-ups and four other patterns fixed, so it is NO LONGER BLIND: 121/125, 16/16,
# 8/9, 1 confident wrong. Floors at that.
# Round 5: 124/125 (the three subjectless follow-ups asking what the answer says), 8/9, still 1 wrong
# (the two-part question whose second part is unverified).
# Round 7 (search7): 124/125, 9/9 unverified flagged, 0 wrong (QĐ 358's monthly period found).
# Round 8 (calcg): 125/125 (an extension asked after a card now names its basis: an answer, not a refusal).
HELDOUT3_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT3_MAX_CONFIDENT_WRONG = 0

# tune_c.tsv / tune_d.tsv (130 each, two more blind writers, round 5): scored blind once each before
# any failure was read, after the round's first search work (follow-ups asking what the answer says,
# the guard): tune_c 103/108 in scope, 15/15 refused, 7/7 unverified flagged, 1 confident wrong
# (104/108 with the guard off, 103/108 on main); tune_d 97/106, 16/16, 8/8, 3 confident wrong (the
# same with the guard off and on main). After the tune_c work, tune_d still unread: 98/106, 16/16,
# 8/8, 3 confident wrong. Floors at what was measured at the end of the round.
# At the end of the round: tune_c 108/108, 15/15, 7/7, 0 confident wrong; tune_d 103/106, 16/16, 8/8,
# 3 confident wrong (all three calculator: a kháng cáo and kháng nghị asked together with "kc"/"kn" gives
# one card; a detention follow-up that changes the category and the length is answered with the rule).
TUNE_C_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_C_MAX_CONFIDENT_WRONG = 0
# Round 7 (calcf, the calculator's readings): 106/106, 0 confident wrong.
TUNE_D_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_D_MAX_CONFIDENT_WRONG = 0  # after the calculator work (calc2): 105/106, 1

# tune_e.tsv (100, a blind writer, round 6): scored once blind before any failure was read (README):
# 68/85 in scope, 11/11 refused, 4/4 unverified flagged, 6 confident wrong (main: 67/85, 6 wrong).
# Then tuned on (one label corrected, te002): 81/85, 11/11, 4/4, 0 confident wrong. Floors at that.
# Round 7 (calcf): 83/85 (a day that only sets the scene of an approval question; the hourless rule).
TUNE_E_FLOORS: dict[str, float] = {"in_scope": 0.97, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_E_MAX_CONFIDENT_WRONG = 0
# heldout4.tsv: sealed while tuned; blind at the session's start 106/124, 5 wrong; at its end (floors):
# round 7 (search8, chatty/follow-up/scope work, its rows unread): 115/124 (the ANQG story), then 116/124
# (a story told without a question keeps its rút gọn for the next one).
# With search7 (two-part periods, a period for the year asked): 118/124, 18/18, 7/8, 1 confident wrong.
# Round 8 (search9: rg = rút gọn, the measure asked at a stage, "trừ" a modifier, where a period starts
# asked of the answer): 121/124, 18/18, 8/8, 0.
HELDOUT4_FLOORS: dict[str, float] = {"in_scope": 0.97, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT4_MAX_CONFIDENT_WRONG = 0
# tune_f.tsv (130) and tune_g.tsv (110), two blind writers, round 7: scored once blind at 65850c6 before any
# failure was read: tune_f 96/108, 15/15, 7/7, 7 confident wrong; tune_g 63/83, 20/21, 6/6, 4 confident wrong.
# Floors at that blind score; raised as they are tuned on.
# After search8's share (chatty stories, southern spellings, follow-ups, units, the off-topic gate):
# tune_f 100/108, 15/15, 7/7, 6 confident wrong; tune_g 75/83, 21/21, 6/6, 1 confident wrong.
# With the calculator's share (calcf: every calculator row of both sets, 21/21 and 14/14): tune_f 105/108,
# 15/15, 7/7, 3 confident wrong; tune_g 78/83, 21/21, 6/6, 1 confident wrong. search7 alone (two-part
# questions, "mí", totals "tính cả gia hạn", periods, the lead line, Telex typos): tune_f 103/108, 3 wrong;
# tune_g 77/83, 0 wrong. All merged (floors): tune_f 108/108, 15/15, 7/7, 0; tune_g 80/83, 21/21, 6/6, 0.
TUNE_F_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_F_MAX_CONFIDENT_WRONG = 0
# Round 8 (search9, none of its rows read): tune_g 81/83, 21/21, 6/6, 0.
TUNE_G_FLOORS: dict[str, float] = {"in_scope": 0.97, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_G_MAX_CONFIDENT_WRONG = 0
# heldout5.tsv (150, a blind writer): sealed while round 7 tuned; scored blind at the session's start
# (65850c6) 112/123, 20/20, 6/7, 3 confident wrong; at its end (baaec0a) 113/123, 20/20, 6/7, 3 wrong.
# Read after that; two general fixes from it (an age under 18 said as a number; a second part naming its
# own subject answered by its own entry): 114/123, 20/20, 7/7, 1 confident wrong. Floors at that.
# Round 8 (search9: a rate worked out for the length told, a stage asked without a measure): 119/123, 20/20,
# 7/7, 0 confident wrong.
# calcg (the calculator's share) read this set's failures once mid-round; one general fix came from them (an
# order's stated end asked whether it moves off a Sunday: never).
# With calcg merged on top (its calculator share): 121/123, 20/20, 7/7, 0 confident wrong.
HELDOUT5_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT5_MAX_CONFIDENT_WRONG = 0
# tune_h.tsv (130: calculator and two-part weight) and tune_i.tsv (110: follow-ups, BLHS edges, out of scope),
# two blind writers, round 8: scored once blind at 9b6107a before any row was read: tune_h 100/111, 13/13, 6/6,
# 5 confident wrong; tune_i 76/87, 15/17, 6/6, 3 confident wrong (75/87 after 4f661f1). Floors at that.
# search9's share (everything but the date calculations; ti103, ti104 relabelled with their BLHS figures, the
# knowledge base answers them): tune_h 106/111, 13/13, 6/6, 2 confident wrong (both calculator rows);
# tune_i 87/89, 15/15, 6/6, 1 confident wrong (a calculator row).
# The calculator's share alone (calcg, before search9 was merged): tune_h 105/111, 3 confident wrong; tune_i 78/87,
# 2 confident wrong (every calculator row of both sets passing). Both shares (floors): tune_h 111/111, 13/13, 6/6,
# 0 confident wrong; tune_i 89/89, 15/15, 6/6, 0 confident wrong.
TUNE_H_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_H_MAX_CONFIDENT_WRONG = 0
TUNE_I_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_I_MAX_CONFIDENT_WRONG = 0
# tune_j.tsv (40, content8): the Code's time limits that no entry's title named, written by the helper who fixed
# them (not blind). Scored before any entry was added: on main 12/36 in scope, 3/4 refused, 10 confident wrong;
# with the near-miss fixes (hoãn, nghị án, visits refused) 13/36, 4/4, 7; after the new entries (BLTTHS Đ6, 75, 78,
# 88, 140, 141, 183, 384, 499, 506; BLHS Đ41-44) 36/36, 4/4, 0. Floors at that.
TUNE_J_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0}
TUNE_J_MAX_CONFIDENT_WRONG = 0
# tune_k.tsv, tune_l.tsv, tune_m.tsv (150 each, three blind writers, round 8 "tune8"): scored once blind at
# d23a70d before any row was read: tune_k 123/127, 1 confident wrong; tune_l 117/125, 4 confident wrong;
# tune_m 120/124, 17/18 refused, 2 confident wrong. tune8s's share (search: another branch of procedure
# refused, the measure a story names, "gia hạn tiếp được không", a follow-up the answer states, document
# numbers, "gđ"; 7b23 left to content8): tune_k 126/127, 16/16, 7/7, 0 confident wrong; tune_l 119/125,
# 15/15, 10/10, 2 confident wrong; tune_m 123/124, 18/18, 8/8, 0 (every row left a calculator row, tune8c's,
# but tune_l's nguồn tin extension request, content8's). Rebased on tune8c's calculator share (floors):
# tune_k 127/127, 16/16, 7/7, 0; tune_l 124/125, 15/15, 10/10, 0; tune_m 124/124, 18/18, 8/8, 0. With content8
# merged too (its nguồn tin request entry): tune_l 125/125.
TUNE_K_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_K_MAX_CONFIDENT_WRONG = 0
TUNE_L_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_L_MAX_CONFIDENT_WRONG = 0
TUNE_M_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_M_MAX_CONFIDENT_WRONG = 0
# tune_n.tsv (tune9a, 150: a district prosecutor, tin báo, rút gọn, custody, heavy shorthand, Southern),
# tune_o.tsv (tune9b, 150: a custody supervision deputy head, reports), tune_p.tsv (tune6) and tune_q.tsv
# (tune7d), the last two sealed for two rounds; all four retired to tuning in round 9 ("tune9"). Blind at
# 26e04a9: tune_n 103/121 in scope, 20/20 refused, 1 confident wrong; tune_o 115/126, 2; tune_p 117/127, 4;
# tune_q 118/122, 2. Floors at that blind score; raised as they are tuned on.
# tune9s's share (search: shorthand, two-part, follow-ups, knowledge; every row but the calculator's and two menus):
# tune_n 117/121, 20/20, 9/9, 1 confident wrong (a calculator row); tune_o 124/126, 16/16, 8/8, 0; tune_p 124/127,
# 17/17, 6/6, 1 (a calculator row); tune_q 121/122, 20/20, 8/8, 0. Floors at that.
TUNE_N_FLOORS: dict[str, float] = {"in_scope": 0.96, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_N_MAX_CONFIDENT_WRONG = 1
TUNE_O_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_O_MAX_CONFIDENT_WRONG = 0
TUNE_P_FLOORS: dict[str, float] = {"in_scope": 0.97, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_P_MAX_CONFIDENT_WRONG = 1
TUNE_Q_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_Q_MAX_CONFIDENT_WRONG = 0
# tune_r.tsv (tune9g, 150: a senior appeal-office prosecutor, chatty, long, no diacritics, edge cases) and
# tune_s.tsv (tune9h, 150: a unit head relaying colleagues' stories, 32 calculator rows), retired to tuning in
# round 9 ("tune9x"). Blind at 26e04a9: tune_r 111/127 in scope, 18/18 refused, 8 confident wrong; tune_s
# 106/122, 19/20 refused, 9 confident wrong (6 of them calculator rows). After tune9x's calculator share (on
# the trial merge of round 9): tune_r 111/127, 18/18, 5/5, 6 (all search rows); tune_s 111/122, 20/20, 8/8, 2.
TUNE_R_FLOORS: dict[str, float] = {"in_scope": 0.87, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_R_MAX_CONFIDENT_WRONG = 6
TUNE_S_FLOORS: dict[str, float] = {"in_scope": 0.90, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_S_MAX_CONFIDENT_WRONG = 2
# Round 11 ("tune10"): tune_t.tsv (heldout8a) and tune_u.tsv (heldout8b), sealed for rounds 8-9, retired to tuning;
# tune_v.tsv (tune10a: a district head relaying stories, 33 calculator rows), tune_w.tsv (tune10b: a senior
# appeal-office prosecutor, long chatty no-diacritics edge cases), tune_x.tsv (tune10c: a young prosecutor,
# fragments, two-part without a separator, follow-ups), written in the personas of the weakest sealed sets.
# Blind at 89f480b: tune_t 121/127, 16/16, 7/7, 4 confident wrong; tune_u 119/126, 18/18, 6/6, 2; tune_v 108/115,
# 23/23, 12/12, 5; tune_w 104/122, 19/20, 8/8, 3; tune_x 116/123, 19/19, 7/8, 4. Floors at that.
# tune10s's share (search, follow-ups, two-part, shorthand; every row but the calculator's, four left to content10
# and one the calculator reads as a date): tune_t 126/127, 16/16, 7/7, 1 confident wrong (a calculator row); tune_u 124/126,
# 18/18, 6/6, 0; tune_v 109/115, 23/23, 12/12, 4 (all calculator rows); tune_w 111/122, 20/20, 8/8, 1 (a date
# row); tune_x 122/123, 19/19, 8/8, 1 (a calculator follow-up). Floors at that.
TUNE_T_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_T_MAX_CONFIDENT_WRONG = 1
TUNE_U_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_U_MAX_CONFIDENT_WRONG = 0
TUNE_V_FLOORS: dict[str, float] = {"in_scope": 0.94, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_V_MAX_CONFIDENT_WRONG = 4
TUNE_W_FLOORS: dict[str, float] = {"in_scope": 0.90, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_W_MAX_CONFIDENT_WRONG = 1
TUNE_X_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_X_MAX_CONFIDENT_WRONG = 1
# Round 12 ("tune11"): tune_11a-d.tsv (150 each), four blind writers in the personas of the sealed heldout11a-d
# (a regional juvenile/violent-crime prosecutor; a detention-centre night shift; a Southern general-office clerk; a
# chatty new kiểm tra viên). Blind at b8af895: tune_11a 110/117, 21/23 refused, 8/10 unverified, 6 confident wrong;
# tune_11b 106/118, 22/23, 9/9, 5; tune_11c 99/108, 29/30, 12/12, 5; tune_11d 112/116, 25/25, 8/9, 4. After the
# round's shares (tune11s, tune11o, tune11c, left11, merged; floors): tune_11a 117/117, 23/23, 10/10, 0; tune_11b
# 116/118, 23/23, 9/9, 1 (the counts of two levels asked together: only 355 given); tune_11c 107/108, 30/30, 12/12, 0;
# tune_11d 116/116, 25/25, 9/9, 0. left12 (two levels asked together, each counted;
# a 'và' part read as its own question): tune_11b 118/118, 0.
TUNE_11A_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_11A_MAX_CONFIDENT_WRONG = 0
TUNE_11B_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_11B_MAX_CONFIDENT_WRONG = 0
TUNE_11C_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_11C_MAX_CONFIDENT_WRONG = 0
TUNE_11D_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_11D_MAX_CONFIDENT_WRONG = 0
# Round 13 ("tune12"): tune_12a-d.tsv, four blind writers (two in the personas of the sealed heldout12a/b; a chatty
# new kiểm tra viên; a night-shift detention prosecutor). Blind at d3e0bf7: tune_12a 115/119, 2 confident wrong;
# tune_12b 115/118, 0; tune_12c 113/118, 1; tune_12d 116/120, 1. Tuned on in round 13; floors at its end (e00d723).
TUNE_12A_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_12A_MAX_CONFIDENT_WRONG = 0
TUNE_12B_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_12B_MAX_CONFIDENT_WRONG = 0
# source13, guard13 (round 14): tune_12c 117/118, 23/23, 9/9, 0 at the round's end (a tin báo past its limit
# awaiting a valuation: the suspension entry says it; "rút gọn … thuộc loại nào").
TUNE_12C_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_12C_MAX_CONFIDENT_WRONG = 0
TUNE_12D_FLOORS: dict[str, float] = {"in_scope": 1.0, "out_of_scope": 1.0, "unverified": 1.0}  # calc13: 120/120
TUNE_12D_MAX_CONFIDENT_WRONG = 0
# Round 14: heldout11a-d, sealed in rounds 12-13 and scored five times (tables only), retired to tuning. Their last
# sealed score (e00d723): heldout11a 110/118, 20/23, 9/9, 6 confident wrong; heldout11b 107/118, 23/23, 9/9, 5;
# heldout11c 103/108, 28/28, 13/14, 2; heldout11d 101/114, 25/25, 10/11, 5. At the round's end (the merged branches
# lead13, calc13, follow13, guard13, scan13, source13, fix13a, fix13b): heldout11a 117/118, 22/23, 9/9, 1 (the one
# left, "án treo thời gian thử thách tối đa", is answered by BLHS Điều 65 khoản 1, 1 to 5 years: the label NONE is
# disputed); heldout11b 117/118, 23/23, 9/9, 0; heldout11c 106/108, 28/28, 14/14, 0; heldout11d 110/114, 25/25, 11/11, 0.
HELDOUT11A_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 0.95, "unverified": 1.0}
HELDOUT11A_MAX_CONFIDENT_WRONG = 1
HELDOUT11B_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT11B_MAX_CONFIDENT_WRONG = 0
HELDOUT11C_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT11C_MAX_CONFIDENT_WRONG = 0
HELDOUT11D_FLOORS: dict[str, float] = {"in_scope": 0.96, "out_of_scope": 1.0, "unverified": 1.0}
HELDOUT11D_MAX_CONFIDENT_WRONG = 0
# Round 14 ("tune13"): tune_13a.tsv (150), a blind writer in the persona of the weakest new sealed set (a regional
# prosecutor on crime reports, khởi tố, approvals, tạm giữ, rút gọn). Blind at main + one calculator fix (lead13):
# 108/119 in scope, 6 confident wrong. After source13 (the suspension family's menu and branch, the crime report's
# sending steps computed, counts as digits, the unapproved tạm giữ extension, a request after a story): 118/119, 0 (left:
# "hết lý do tạm đình chỉ thì cqđt ra qđ gì || gửi vks mấy ngày" names no branch: a menu, as it should).
TUNE_13A_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_13A_MAX_CONFIDENT_WRONG = 0
# Round 15 ("tune14"): tune_14a-d.tsv (150 each), blind writers scored blind once at main (cfd8945 for 14c/d, c9bfc3b
# for 14a/b), then read and fixed by class. Blind: 14a 115/119, 2 confident wrong; 14b 110/117, 3; 14c 109/118,
# 2; 14d 111/117, 5. At the round's end (45e18d7; README "Round 15"): 14a 118/119, 0; 14b 114/117, 0; 14c 110/118, 1;
# 14d 113/117, 2 (the confident wrong answers left are not fixed yet: said in the README).
TUNE_14A_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_14A_MAX_CONFIDENT_WRONG = 0
TUNE_14B_FLOORS: dict[str, float] = {"in_scope": 0.97, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_14B_MAX_CONFIDENT_WRONG = 0
TUNE_14C_FLOORS: dict[str, float] = {"in_scope": 0.92, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_14C_MAX_CONFIDENT_WRONG = 1
TUNE_14D_FLOORS: dict[str, float] = {"in_scope": 0.96, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_14D_MAX_CONFIDENT_WRONG = 2
# Round 16 ("tune15"): tune_15a-d.tsv (150 each), blind writers scored blind once at 420a2b3, then read and fixed
# by class. Blind: 15a 116/119, 1 confident wrong; 15b 103/114, 6; 15c 110/118, 3; 15d 102/118, 4. At the round's end
# (103fd02; README "Round 16"): 15a 117/119, 0; 15b 113/114, 1 (the monthly statistics period under QĐ 358, a U
# fact, answered with what QĐ 358 is); 15c 116/118, 0; 15d 109/118, 0.
TUNE_15A_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_15A_MAX_CONFIDENT_WRONG = 0
TUNE_15B_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 0.9}
TUNE_15B_MAX_CONFIDENT_WRONG = 1
TUNE_15C_FLOORS: dict[str, float] = {"in_scope": 0.98, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_15C_MAX_CONFIDENT_WRONG = 0
TUNE_15D_FLOORS: dict[str, float] = {"in_scope": 0.92, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_15D_MAX_CONFIDENT_WRONG = 0
# Round 16, second pair ("tune16"): tune_16a/b.tsv (150 each), blind writers in the personas of the new sealed sets,
# scored blind once at 953f6aa: 16a 115/117, 24/24, 9/9, 2 confident wrong; 16b 117/119, 22/23, 8/8, 2. At the
# round's end: 16a 117/117, 0; 16b 119/119, 23/23, 0.
TUNE_16A_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_16A_MAX_CONFIDENT_WRONG = 0
TUNE_16B_FLOORS: dict[str, float] = {"in_scope": 0.99, "out_of_scope": 1.0, "unverified": 1.0}
TUNE_16B_MAX_CONFIDENT_WRONG = 0

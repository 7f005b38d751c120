"""Outcome clauses as a breakdown: what became of the cases handled.

"đã xử lý 9 vụ …, khởi tố 4 vụ, phạt hành chính 4 vụ" — a count after a verb of handling (xử lý, bắt,
thụ lý, tiếp nhận) and, after it, counts of the same thing after verbs of outcome (khởi tố, xử lý hành
chính, đang điều tra). The outcomes are parts of what was handled; they need not name every outcome, so
the list is not exhaustive: its parts stay within the total. The outcomes may continue in a later
sentence when it opens with "Qua đó" or "Trong đó" (the language's ``cues.outcome_openers``), also after
one aside ("bắt 641 vụ … . Số vật chứng thu được gồm … . Qua đó, đã khởi tố 201 vụ …"). Nouns of one
same-kind group count the same thing ("bắt 766 đối tượng …; khởi tố 228 bị can").
"""

from __future__ import annotations


from figcheck.models import Figure
from figcheck.reading.relations.shared import LOOKBACK, Cues, SentenceContext, relation, verb_before, verbs_before

COUNTED = ("count", "measure")


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    in_list = {fid for r in ctx.found if r["kind"] == "breakdown" for fid in r["figures"]}
    out: list[dict] = []
    if not any(w in ctx.lower for w in cues.intake_words):
        return out  # no handling in the sentence: no total whose outcomes could follow
    verbs = verbs_before(cues, text, sf, cues.outcome_verb_index, ctx.verbs)
    later_start, later = _continuation(cues, text, ctx)
    later = later[:LOOKBACK]
    later_verbs = verbs_before(cues, text, later, cues.outcome_verb_index, ctx.verbs)
    totals = [(k, f) for k, f in enumerate(sf) if f.role in COUNTED and f.id not in in_list and verbs[k] in cues.intake]
    kinds = [cues.kind_of(f) for _, f in totals]
    for n, ((k, total), kind) in enumerate(zip(totals, kinds)):
        parts = _outcomes(cues, text, total, kind, total.end, sf[k + 1:k + 1 + LOOKBACK],
                          verbs[k + 1:k + 1 + LOOKBACK], in_list)
        if later and kind not in kinds[n + 1:]:
            # the later sentence's outcomes: of the last handling of that kind ("Qua đó" speaks of what came last)
            parts += _outcomes(cues, text, total, kind, later_start, later, later_verbs, in_list)
        if len(parts) >= 2:
            roles = {"total": total.id, "parts": [p.id for p in parts], "other_parts": []}
            out.append(relation("breakdown", [total] + parts, roles, exhaustive=False, cue=None,
                                evidence="the outcomes of what was handled"))
            in_list |= {total.id} | {p.id for p in parts}
    return out


def _outcomes(cues: Cues, text: str, total: Figure, kind: str | None, prev_end: int, figures: list[Figure],
              verbs: list[str | None], in_list: set[str]) -> list[Figure]:
    """The outcomes of ``total`` among ``figures`` (which follow it), up to a new handling of its kind or a
    clause that does not open with an outcome of it."""
    parts = []
    seen: list[str] = []
    for f, v in zip(figures, verbs):
        same = cues.kind_of(f) == kind
        if v in cues.intake and same:
            break  # a new handling: its own outcomes follow
        if same and v in cues.outcomes and any(v.endswith(u) or u.endswith(v) for u in seen):
            break  # an outcome named again ("đưa ra khởi tố 9 vụ, … ; khởi tố 1 bị can về tội …"): another case's
        if same and v in cues.outcomes:
            seen.append(v)
        if ";" in text[max(prev_end, f.start - 400):f.start] and v not in cues.outcomes:
            if f.role == "delta":
                prev_end = f.end  # "…; tăng 1 vụ so với tháng trước; đã khởi tố 16 vụ": the total's change
                continue
            break  # after ";", the outcomes go on only if the clause opens with one ("…; xử lý hành chính 440 vụ")
        prev_end = f.end
        if f.role in COUNTED and f.unit == total.unit and same and v in cues.outcomes and f.id not in in_list:
            parts.append(f)
    return parts


def _continuation(cues: Cues, text: str, ctx: SentenceContext) -> tuple[int, list[Figure]]:
    """The figures of the later sentence that goes on with the outcomes ("Qua đó, đã khởi tố 201 vụ …"):
    the next one with figures, or the one after it when that one opens with an opener and the one between
    does not ("… . Số vật chứng thu được gồm … . Qua đó, …")."""
    for n, (sentence, figures) in enumerate(ctx.ahead):
        opening = text[sentence.start:figures[0].start].lower().lstrip(" \n.-–")
        if any(opening.startswith(w) for w in cues.outcome_openers):
            return sentence.start, figures
        if any(opening.startswith(w) for w in cues.lang.words("cues.outcome_summary_openers")):
            # "Kết quả xử lý: …" sums up the paragraph's handling: of this sentence's only where it opens the
            # paragraph ("bắt giữ 68 vụ … . Đồng thời, đơn vị bắt 31 vụ … . Kết quả xử lý: …" is of all of them)
            opens = ctx.sentence.start == 0 or text[:ctx.sentence.start].rstrip(" \t").endswith("\n")
            return (sentence.start, figures) if opens else (0, [])
        if n == 0 and verb_before(text, figures[0], cues.outcome_verb_index) is not None:
            return 0, []  # the next sentence handles or settles something of its own
    return 0, []

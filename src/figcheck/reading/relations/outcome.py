"""Outcome clauses as a breakdown: what became of the cases handled.

"đã xử lý 9 vụ …, khởi tố 4 vụ, phạt hành chính 4 vụ" — a count after a verb of handling (xử lý, bắt,
thụ lý, tiếp nhận) and, after it, counts of the same thing after verbs of outcome (khởi tố, xử lý hành
chính, đang điều tra). The outcomes are parts of what was handled; they need not name every outcome, so
the list is not exhaustive: its parts stay within the total. The outcomes may continue in the next
sentence when it opens with "Qua đó" or "Trong đó" (the language's ``cues.outcome_openers``).
"""

from __future__ import annotations

import re

from figcheck.models import Figure
from figcheck.reading.relations.shared import LOOKBACK, Cues, SentenceContext, head_word, relation

COUNTED = ("count", "measure")


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    in_list = {fid for r in ctx.found if r["kind"] == "breakdown" for fid in r["figures"]}
    out = []
    position = {f.id: i for i, f in enumerate(sf)}
    verb_of: dict[str, str | None] = {}  # each figure's verb, found once

    def verb(f: Figure) -> str | None:
        if f.id not in verb_of:
            verb_of[f.id] = _verb_before(cues, text, ctx, f)
        return verb_of[f.id]

    totals = [f for f in sf if f.role in COUNTED and f.id not in in_list and verb(f) in cues.intake]
    for total in totals:
        k = position[total.id]
        later = sf[k + 1:k + 1 + LOOKBACK] + (ctx.following[:LOOKBACK] if _continues(cues, text, ctx) else [])
        parts = []
        prev_end = total.end
        for f in later:
            v = verb(f)
            if v in cues.intake and head_word(f) == head_word(total):
                break  # a new handling: its own outcomes follow
            if ";" in text[prev_end:f.start] and not (v in cues.outcomes and head_word(f) == head_word(total)):
                break  # after ";", the outcomes go on only if the clause opens with one of them
            prev_end = f.end
            if f.role in COUNTED and f.unit == total.unit and head_word(f) == head_word(total) \
                    and v in cues.outcomes and f.id not in in_list:
                parts.append(f)
        if len(parts) >= 2:
            roles = {"total": total.id, "parts": [p.id for p in parts], "other_parts": []}
            out.append(relation("breakdown", [total] + parts, roles, exhaustive=False, cue=None,
                                evidence="the outcomes of what was handled"))
            in_list |= {total.id} | {p.id for p in parts}
    return out


def _verb_before(cues: Cues, text: str, ctx: SentenceContext, f: Figure) -> str | None:
    """The handling or outcome verb right before the figure ("khởi tố 4 vụ" → "khởi tố")."""
    clause = re.split(r"[;,:(]|\.(?!\d)", text[max(0, f.start - 60):f.start].lower())[-1].strip()
    m = cues.outcome_verb_re.search(clause)  # longest first: "xử lý hành chính" before "xử lý"
    return m.group(1) if m else None


def _continues(cues: Cues, text: str, ctx: SentenceContext) -> bool:
    """The next sentence goes on with the outcomes ("Qua đó, đã khởi tố 201 vụ …")."""
    if not ctx.following:
        return False
    ahead = text[ctx.sentence.end:ctx.following[0].start].lower().lstrip(" \n.")
    return any(ahead.startswith(w) for w in cues.outcome_openers)

"""change: a value and its change ("64 vụ, tăng 9 vụ (16,36%)", "5 vụ, giảm 72% so với cùng kỳ") — and the
share a count's percentage states ("2.145 khu dân cư (96,15%)"), read in the same pass because both
consume the figure that follows a count.
"""

from __future__ import annotations

from figcheck.models import Figure
from figcheck.reading.relations.shared import (CLAUSE_END, Cues, SentenceContext, compatible, follows_other_count, gap_after_noun,
                                                head_word, relation)


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    used = {fid for r in ctx.found for fid in r["figures"]}
    out = []
    i = 0
    while i < len(sf) - 1:
        c, d = sf[i], sf[i + 1]
        percent_base = c.unit == "percent" and d.unit in ("percent", "pp") and d.role == "change"
        if c.id in used or (c.role not in ("count", "measure") and not percent_base) \
                or (c.unit == "percent" and not percent_base):
            i += 1
            continue
        gap = gap_after_noun(text, c, d)
        short = not any(ch in gap for ch in ";.") and len(gap.split()) <= 8
        # "tỷ lệ giảm 2,97%": the change of a rate, not of the count before it
        of_rate = any(w in gap.lower() for w in cues.rate_words)
        if short and d.role == "delta" and d.noun and head_word(d) != head_word(c):
            # "726 vụ, 1.222 đối tượng, tăng 103 vụ": the change is of the count with the delta's noun
            c = next((p for p in reversed(sf[:i]) if p.role in ("count", "measure") and p.id not in used
                      and head_word(p) == head_word(d) and not CLAUSE_END.search(text, p.end, d.start)),
                     None)
            if c is None:
                i += 1
                continue
            gap = gap_after_noun(text, c, d)
        if short and d.role == "delta" and (not d.noun or compatible(c, d) or d.unit == c.unit):
            direction = cues.direction(gap) or "increase"
            pct = sf[i + 2] if i + 2 < len(sf) else None
            if pct is not None and pct.unit in ("percent", "pp") and pct.role == "change":
                g2 = gap_after_noun(text, d, pct)
                if not (g2.strip(" ,(").strip() == "" or cues.cue_at_end(g2, cues.share_words)):
                    pct = None
            else:
                pct = None
            roles = {"current": c.id, "delta": d.id, "percent": pct.id if pct and pct.unit == "percent" else None,
                     "previous": None}
            out.append(relation("change", [c, d] + ([pct] if pct else []), roles, direction=direction,
                                cue=direction))
            i += 3 if pct else 2
            continue
        if short and d.unit in ("percent", "pp") and d.role == "change" and not of_rate \
                and not follows_other_count(text, sf, i) and _measures(d, c):
            direction = cues.direction(gap)
            if direction:
                roles = {"current": c.id, "delta": None,
                         "percent": d.id if d.unit == "percent" else None, "previous": None}
                if d.unit == "pp":
                    roles["points"] = d.id
                out.append(relation("change", [c, d], roles, direction=direction, cue=direction))
                i += 2
                continue
        if short and d.unit == "percent" and d.role == "share" and cues.share_gap(gap) and not of_rate \
                and not follows_other_count(text, sf, i) and _measures(d, c):
            out.append(relation("share", [c, d], {"part": c.id, "percent": d.id, "whole": None}))
            i += 2
            continue
        i += 1
    return out


def _measures(percent: Figure, count: Figure) -> bool:
    """A percentage followed by a noun of its own ("giảm 40,94% số vụ") measures that noun: it belongs to a
    count of the same thing only."""
    if not percent.noun:
        return True
    words = [w for w in percent.noun.lower().split() if w not in ("số", "tổng", "các")]
    return not words or head_word(count) == words[0]

"""pair: two linked counts of different things ("14 tổ với 27 thành viên", "49 vụ = 77 đối tượng")."""

from __future__ import annotations

from figcheck.reading.relations.shared import CLAUSE_END, Cues, SentenceContext, compatible, gap_after_noun, relation


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    out = []
    for a, b in zip(sf, sf[1:]):
        if a.role != "count" or b.role != "count" or a.unit != "count" or b.unit != "count":
            continue
        gap = gap_after_noun(text, a, b)
        if CLAUSE_END.search(gap) or len(gap.split()) > 12:
            continue
        link = cues.cue_at_end(gap, _links(cues))
        if link is None or compatible(a, b):
            continue
        out.append(relation("pair", [a, b], {"first": a.id, "second": b.id}, cue=link))
    return out


def _links(cues: Cues) -> list[str]:
    """The pair links but "gồm" (which opens a breakdown), listed once a language, not once a pair of figures."""
    found = getattr(cues, "_pair_links_but_breakdown", None)
    if found is None:
        found = cues._pair_links_but_breakdown = [w for w in cues.pair_links if w != "gồm"]
    return found

"""breakdown: a total and its parts ("64 vụ (58 vụ đường bộ, 6 vụ đường thủy)", "N … gồm: …").

``exhaustive`` is false for lists with an open tail ("nhiều …", "…", "v.v.") or introduced as examples
("như", "tiêu biểu như"); parts in another unit than the total are listed apart as ``other_parts`` (they
cannot be summed) and make the list non-exhaustive. A single part is a subset (same noun) or a pair.
"""

from __future__ import annotations

from figcheck.reading.relations.shared import Cues, SentenceContext, compatible, gap_after_noun, relation


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    in_change = {fid for r in ctx.found if r["kind"] in ("change", "share") for fid in r["figures"]}
    out = []
    i = 0
    while i < len(sf) - 1:
        t = sf[i]
        if t.role not in ("count", "measure") or t.id in in_change:
            i += 1
            continue
        first = sf[i + 1]
        gap = gap_after_noun(text, t, first)
        low = gap.lower()
        if any(ch in gap for ch in ";.") or len(gap.split()) > 10 or any(c in low for c in cues.subset_cues):
            i += 1
            continue
        bracket = low.rstrip().endswith("(")
        cue_m = cues.breakdown_re.search(low)
        cue = cue_m.group(0) if cue_m else None
        if not (bracket or cue or low.rstrip().endswith(":")):
            i += 1
            continue
        if first.role not in ("count", "measure"):
            i += 1
            continue
        end_limit = s.end
        if bracket:
            close = text.find(")", first.start, s.end)
            end_limit = close if close >= 0 else s.end
        else:
            semi = text.find(";", first.start, s.end)
            end_limit = semi if semi >= 0 else s.end
        parts = [f for f in sf[i + 1:] if f.start < end_limit and f.role in ("count", "measure")]
        # a list stops at a figure that is not separated by a list separator from the previous one
        kept = [parts[0]]
        for a, b in zip(parts, parts[1:]):
            between = text[a.end:b.start]
            if not cues.list_sep_re.search(between) or len(between.split()) > 8:
                break
            kept.append(b)
        parts = kept
        region_end = min(end_limit, max(p.end for p in parts) + 60)
        tail = text[parts[-1].end:region_end].lower()
        tail = tail.split(";")[0]
        same = [p for p in parts if p.unit == t.unit]
        others = [p for p in parts if p.unit != t.unit]
        open_tail = bool(cues.open_tail_re.search(tail)) or any(w in tail for w in cues.open_tail_marks)
        examples = bool(cues.example_re.search(low))
        exhaustive = not (open_tail or examples or others)
        if len(parts) == 1:
            if compatible(t, parts[0]):
                out.append(relation("subset", [t, parts[0]], {"whole": t.id, "part": parts[0].id},
                                    cue=cue or "("))
            elif cue and not bracket:
                out.append(relation("pair", [t, parts[0]], {"first": t.id, "second": parts[0].id}, cue=cue))
            i += 2
            continue
        roles = {"total": t.id, "parts": [p.id for p in same], "other_parts": [p.id for p in others]}
        out.append(relation("breakdown", [t] + parts, roles, exhaustive=exhaustive, cue=cue or "(",
                            end=region_end if open_tail else None))
        i += 1 + len(parts)
    return out

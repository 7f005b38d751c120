"""breakdown: a total and its parts ("64 vụ (58 vụ đường bộ, 6 vụ đường thủy)", "N … gồm: …").

``exhaustive`` is false for lists with an open tail ("nhiều …", "…", "v.v.") or introduced as examples
("như", "tiêu biểu như"); parts in another unit than the total are listed apart as ``other_parts`` (they
cannot be summed) and make the list non-exhaustive. A single part is a subset (same noun) or a pair.
"""

from __future__ import annotations

from figcheck.reading.relations.shared import (Cues, SentenceContext, compatible, follows_other_count, gap_after_noun,
                                                head_word, relation)


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
        # "5.871 người (bảo vệ dân phố 253 người; …)": a bracket right after the noun opens the list too
        bracket = low.rstrip().endswith("(") or (low.lstrip().startswith("(") and ")" not in low)
        cue_m = cues.breakdown_re.search(low)
        cue = cue_m.group(0) if cue_m else None
        colon = low.rstrip().endswith(":")
        if not (bracket or cue or colon):
            i += 1
            continue
        # the bracket or colon opens t's own list only when it follows t's noun: "(7 vụ), cơ sở khác (9 vụ)"
        # and "thành phố A 21, huyện B: 14" open the list of another phrase
        lead = low[:low.find("(")] if bracket and not cue else low.rstrip()[:-1] if colon and not cue \
            else low[:cue_m.start()] if cue else low
        if "," in lead and not cue or ")" in lead:
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
        cut = len(kept) < len(parts)  # the list may go on past what was read: it cannot be complete
        parts = kept
        region_end = min(end_limit, max(p.end for p in parts) + 60)
        tail = text[parts[-1].end:region_end].lower()
        tail = tail.split(";")[0]
        open_tail = bool(cues.open_tail_re.search(tail)) or any(w in tail for w in cues.open_tail_marks)
        examples = bool(cues.example_re.search(low))
        if follows_other_count(text, sf, i) and len(parts) > 1:
            # "37 vụ, 68 đối tượng, gồm 20 vụ, 39 đối tượng … và 17 vụ, 29 đối tượng": parallel totals,
            # each the sum of the parts that count what it counts
            totals = [sf[i - 1], t]
            for total in totals:
                mine = [p for p in parts if p.unit == total.unit and head_word(p) == head_word(total)]
                rest = [p for p in parts if p not in mine]
                if not mine:
                    continue
                roles = {"total": total.id, "parts": [p.id for p in mine], "other_parts": [p.id for p in rest]}
                out.append(relation("breakdown", [total] + mine, roles, exhaustive=not (open_tail or examples or cut),
                                    cue=cue or "("))
            i += 1 + len(parts)
            continue
        # parts count what the total counts (a part with no noun of its own counts it too); the others
        # cannot be summed with it and leave the list open
        same = [p for p in parts if p.unit == t.unit]
        if any(head_word(p) == head_word(t) for p in same):  # else a generic total: "300 đơn vị vũ khí gồm …"
            same = [p for p in same if head_word(p) in (None, head_word(t))]
        others = [p for p in parts if p not in same]
        exhaustive = not (open_tail or examples or others or cut)
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

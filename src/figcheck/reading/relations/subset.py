"""subset: "4.340 nguồn tin; trong đó 4.000 tin có giá trị" — also across a sentence ("… 1.200 tin.
Trong đó, 782 tin …"); a cue inside brackets scopes to them."""

from __future__ import annotations

from figcheck.reading.relations.shared import Cues, SentenceContext, compatible, relation


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, s, sf, prev = ctx.text, ctx.sentence, ctx.figures, ctx.previous
    out = []
    counted = [f for f in sf if f.role in ("count", "measure", "denominator")]
    for m in cues.subset_re.finditer(text, s.start, s.end):
        p = m.start()
        before = [f for f in counted if f.end <= p]
        # a cue inside brackets scopes to them: "660 mô hình (trong đó có 144 …, 5 …)"
        open_br = text.rfind("(", s.start, p)
        inside = open_br >= 0 and text.rfind(")", open_br, p) < 0
        scope_end = s.end
        if inside:
            close = text.find(")", p, s.end)
            scope_end = close if close >= 0 else s.end
        if before:
            whole = before[-1]
        elif not text[s.start:p].strip(" ,.;:–-“\"").strip() or text[s.start:p].strip(" ,").lower() in cues.openers:
            cands = [f for f in prev if f.role in ("count", "measure")]
            if not cands:
                continue
            whole = cands[-1]
        else:
            continue
        parts = [f for f in sf if m.end() <= f.start < scope_end and f.role in ("count", "measure")
                 and compatible(whole, f)]
        for part in parts:
            out.append(relation("subset", [whole, part], {"whole": whole.id, "part": part.id},
                                cue=m.group(0).lower(), start=min(whole.start, m.start())))
    return out

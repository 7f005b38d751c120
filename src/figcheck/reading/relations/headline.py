"""headline: a figure of the title and the body figure it summarises (the nearest in value, then the one
whose wording matches the title best)."""

from __future__ import annotations

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import Cues, compatible, content_words, relation


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    title_figs = [f for f in article.figures if f.sentence == -1]
    body = [f for f in article.figures if f.sentence >= 0 and f.role not in ("delta",)]
    out = []
    for t in title_figs:
        cands = [b for b in body if compatible(t, b) and b.role == t.role]
        if not cands:
            continue

        def distance(b: Figure) -> float:
            lo, hi = b.low if b.low is not None else float("-inf"), b.high if b.high is not None else float("inf")
            tlo, thi = t.low if t.low is not None else float("-inf"), t.high if t.high is not None else float("inf")
            return max(0.0, lo - thi, tlo - hi)

        t_words = content_words(f"{t.noun or ''} {t.after}")

        def closeness(b: Figure) -> int:
            return -len(t_words & content_words(f"{b.noun or ''} {b.after}"))

        # the nearest in value, then the one whose wording matches the title best
        best = min(cands, key=lambda b: (distance(b), closeness(b), b.start))
        r = relation("headline", [t, best], {"title": t.id, "body": best.id})
        r["start"], r["end"], r["sentence"] = best.start, best.end, best.sentence
        out.append(r)
    return out

"""headline: a figure of the title and the body figure it summarises (the nearest in value, then the one
whose wording matches the title best)."""

from __future__ import annotations

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import _LETTERS, CLAUSE_END, Cues, compatible, content_words, head_word, relation


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    title_figs = [f for f in article.figures if f.sentence == -1]
    body = [f for f in article.figures if f.sentence >= 0]
    out = []
    for t in title_figs:
        # the same kind of figure counting the same thing ("1.936 tổ" is no headline of "1 Công an xã")
        # (the part of "252/284 cơ quan" counts them as "250 cơ quan" does)
        cands = [b for b in body if compatible(t, b) and _same_role(b, t) and head_word(b) == head_word(t)]
        if not cands and not t.noun and t.unit != "count":
            # "Tốc độ tăng trưởng trồng trọt ước đạt 3,89%" over "tốc độ tăng trưởng của ngành trồng trọt ước đạt
            # 3,89%": a percentage or a measure with no noun is named by the words before it
            cands = _named_before(t, body, set(cues.lang.words("cues.headline_insertions")))
            # (the body states the title's value itself: that is what the title summarises — "thiệt hại 18,6 tỷ
            # đồng" in the title, "… 18,6 tỷ đồng" in the body, not "khoảng 12 tỷ đồng" named by the same words)
            equal = [b for b in body if b.unit == t.unit and b.value is not None and b.value == t.value
                     and b.qualifier == t.qualifier]
            if cands and equal and cands[0] not in equal:
                cands = equal[:1]
            if cands:
                best = cands[0]
                r = relation("headline", [t, best], {"title": t.id, "body": best.id},
                             evidence="the title names the figure with the words before it in the body")
                r["start"], r["end"], r["sentence"] = best.start, best.end, best.sentence
                out.append(r)
            continue
        if not cands:
            continue
        if t.qualifier is None and t.value is not None and not any(b.value == t.value for b in cands):
            run = _summed_run(article.text, by_sentence, t)
            if run:
                # "15 vụ cháy, nổ" over "14 vụ cháy, 1 vụ nổ": the title is the sum of the body's figures
                roles = {"total": t.id, "parts": [p.id for p in run], "other_parts": []}
                r = relation("breakdown", [t] + run, roles, exhaustive=True, cue=None,
                             evidence="the title's figure is the sum of the body's")
                r["start"], r["end"], r["sentence"] = run[0].start, run[-1].end, run[0].sentence
                out.append(r)
                continue

        def distance(b: Figure) -> float:
            lo, hi = b.low if b.low is not None else float("-inf"), b.high if b.high is not None else float("inf")
            tlo, thi = t.low if t.low is not None else float("-inf"), t.high if t.high is not None else float("inf")
            return max(0.0, lo - thi, tlo - hi)

        t_words = content_words(f"{t.noun or ''} {t.after}")

        def closeness(b: Figure) -> int:
            return -len(t_words & content_words(f"{b.noun or ''} {b.after}"))

        if t.unit == "percent" and _after_excess_word(cues, t):
            # "Thu ngân sách vượt 5,5% dự toán" over "đạt 105,5% dự toán": how far past the target, of a ratio to it
            cands = [b for b in cands if b.value is None or b.value <= 100]
            if not cands:
                continue
        # the nearest in value, then the one whose wording matches the title best
        best = min(cands, key=lambda b: (distance(b), closeness(b), b.start))
        if distance(best) > 0 and any(distance(b) == 0 and b.unit == t.unit and _same_role(b, t) for b in body):
            # "Hơn 18.600 người nộp hồ sơ" over "tiếp nhận 18.642 hồ sơ … 2.134 người đã tìm được việc làm": the body
            # gives the title's value counted in other words; the title summarises that, not the count of its noun
            continue
        r = relation("headline", [t, best], {"title": t.id, "body": best.id})
        r["start"], r["end"], r["sentence"] = best.start, best.end, best.sentence
        out.append(r)
    return out


def _after_excess_word(cues: Cues, f: Figure) -> bool:
    """A word that says by how much a target was passed stands right before ``f`` ("vượt 5,5% dự toán")."""
    before, written = " ".join(f.before.lower().split()), f.text.lower()
    # (the word may be read as the figure's qualifier: "vượt 5,5%" is "more than 5,5 %" too)
    return any(before == w or before.endswith(" " + w) or written.startswith(w + " ")
               for w in cues.lang.words("cues.excess_words"))


def _summed_run(text: str, by_sentence: dict[int, list[Figure]], t: Figure) -> list[Figure]:
    """Two or more counts of what the title counts, side by side in one sentence, that add up to it."""
    for figs in by_sentence.values():
        for i, first in enumerate(figs):
            if first.unit != t.unit or first.role != t.role or head_word(first) != head_word(t):
                continue
            run = [first]
            for f in figs[i + 1:]:
                gap = text[run[-1].end:f.start]
                if f.unit != t.unit or f.role != t.role or head_word(f) != head_word(t) or CLAUSE_END.search(gap) \
                        or len(gap.split()) > 6:
                    break
                run.append(f)
                if sum(x.value or 0 for x in run) == t.value:
                    return run
    return []


def _same_role(b: Figure, t: Figure) -> bool:
    """Both count things: a count, or the part of a fraction ("252/284 cơ quan")."""
    counted = ("count", "numerator")
    return b.role == t.role or b.role in counted and t.role in counted


def _named_before(t: Figure, body: list[Figure], insertions: set[str]) -> list[Figure]:
    """The body figures of the title figure's unit (and, for a percentage, of its kind: a share or a change)
    that the words before them name as the title's words do (:func:`_names_alike`; at least two content
    words) — the nearest in value first."""
    t_words = _LETTERS.findall(t.before.lower())
    if len(content_words(t.before)) < 2:
        return []
    scored = []
    for b in body:
        if b.unit != t.unit or b.noun or (t.unit == "percent" and (b.role == "change") != (t.role == "change")):
            continue
        if _names_alike(t_words, _LETTERS.findall(b.before.lower()), insertions):
            scored.append((abs((b.value or 0) - (t.value or 0)), b.start, b))
    scored.sort(key=lambda x: x[:2])
    return [x[2] for x in scored]


def _names_alike(title: list[str], body: list[str], insertions: set[str]) -> bool:
    """The body's words end with the title's, in order, with at most words of ``insertions`` between them
    ("tốc độ tăng trưởng [của ngành] trồng trọt ước đạt"; "tỷ lệ hộ cận nghèo" is no "tỷ lệ hộ nghèo")."""
    k = len(body)
    for w in reversed(title):
        while k and body[k - 1] != w:
            k -= 1
            if body[k] not in insertions:
                return False
        if not k:
            return False
        k -= 1
    return True

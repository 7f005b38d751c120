"""plans: counts each stated with its percentage of a plan, a total and its parts — the plans they imply.

    Chín tháng, tỉnh đón 331.624 lượt khách, đạt 78% kế hoạch cả năm. Trong đó, khách quốc tế có 97.678
    lượt, đạt 85% kế hoạch cả năm; khách nội địa có 234.216 lượt, đạt 76% kế hoạch cả năm.

Each "A đạt p% kế hoạch" implies a plan of A/p. The parts' plans (97.678/85% + 234.216/76%) make the total's
(331.624/78%) where the parts make the total, and stay within it otherwise. A ``breakdown`` with ``cue:
"plans"``, no total or parts of its own, and the (count, percentage) pairs of the total (``plan_of_total``)
and of the parts (``plans_of_parts``); the tables give each pair the interval of plans its rounding allows.
Checked as info: a plan of the parts need not add up to the plan of the whole.

A total's pairs (one a plan: "bằng 28,4% dự toán được Trung ương giao, bằng 19,2% dự toán do tỉnh giao")
are the first count's of its sentence; its parts' pairs follow in the next sentence with figures, opened
by a subset cue ("Trong đó"), or after a subset or breakdown cue in its own sentence — at least two parts,
each with one percentage of the total's plan, in the total's unit: a relation for each plan.
"""

from __future__ import annotations

import re
import weakref

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import Cues, gap_after_noun, relation, word_alternation

CUE = "plans"
_CUES: "weakref.WeakKeyDictionary[Cues, tuple]" = weakref.WeakKeyDictionary()


def _plan_cues(cues: Cues):
    got = _CUES.get(cues)
    if got is None:
        nouns = [w.lower() for w in cues.lang.words("cues.plan_nouns")]
        joins = "|".join(re.escape(w) for w in sorted(cues.list_and + cues.increase + cues.decrease, key=len, reverse=True))
        # a plan's phrase ends at a mark, or where "và" or a change word begins ("78% kế hoạch cả năm và tăng 25%")
        phrase_end = re.compile(rf"[,;:.()\[\]]|\s(?:{joins})(?![^\W_])")
        got = _CUES[cues] = (nouns, word_alternation(cues.subset_cues + cues.breakdown_cues), phrase_end)
    return got


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    nouns, opener_re, phrase_end = _plan_cues(cues)
    nouns = (nouns, phrase_end)
    text = article.text
    low_text = text.lower()
    if not any(n in low_text for n in nouns[0]):
        return []  # no plan named: nothing to read
    sentences = [s for s in article.sentences if s.index >= 0 and by_sentence.get(s.index)]
    pairs = [_pairs(cues, nouns, text, by_sentence[s.index]) for s in sentences]
    out = []
    for n, s in enumerate(sentences):
        here = pairs[n]
        if not here:
            continue
        total = here[0][0]
        totals = [pr for pr in here if pr[0] is total]
        parts: list[tuple[Figure, Figure]] = []
        rest = here[len(totals):]
        if len(rest) >= 2 and all(pr[0] is not total for pr in rest) \
                and opener_re.search(low_text, totals[-1][1].end, rest[0][0].start):
            parts = rest
        elif not rest and n + 1 < len(sentences) and len(pairs[n + 1]) >= 2:
            nxt = sentences[n + 1]
            opening = low_text[nxt.start:nxt.start + 20].lstrip(" \n-–")
            if any(opening.startswith(c) and not opening[len(c):len(c) + 1].isalnum() for c in cues.subset_cues):
                parts = pairs[n + 1]
        counts = list(dict.fromkeys(c.id for c, _ in parts))
        for _, plan in totals:
            name = _plan_of(nouns, text, plan)
            mine = [pr for pr in parts if _plan_of(nouns, text, pr[1]) == name]
            # every part once, with a percentage of the same plan, in the total's unit
            if len(mine) < 2 or [c.id for c, _ in mine] != counts or any(c.unit != total.unit for c, _ in mine):
                continue
            values = [c.value for c, _ in mine]
            exhaustive = total.value is not None and None not in values and abs(sum(values) - total.value) < 1e-9
            figs = [total, plan] + [f for pair in mine for f in pair]
            roles = {"total": None, "parts": [], "other_parts": [], "plan_of_total": [[total.id, plan.id]],
                     "plans_of_parts": [[c.id, p.id] for c, p in mine]}
            out.append(relation("breakdown", figs, roles, exhaustive=exhaustive, cue=CUE,
                                evidence=f"each count with its percentage of the {name}: the plans they imply"))
    return out


def _pairs(cues: Cues, nouns, text: str, sf: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The (count, percentage of a plan) pairs of a sentence: "97.678 lượt, đạt 85% kế hoạch"."""
    found = []
    for i, (a, b) in enumerate(zip(sf, sf[1:])):
        if a.unit in ("percent", None) or a.role not in ("count", "measure") or a.qualifier is not None \
                or a.value is None or a.value <= 0:
            continue
        if not _plan_percent(b) or not cues.share_gap(gap_after_noun(text, a, b)) or _plan_of(nouns, text, b) is None:
            continue
        found.append((a, b))
        # "2.433 tỷ đồng, bằng 28,4% dự toán được Trung ương giao, bằng 19,2% dự toán do tỉnh giao": two plans
        prev = b
        for c in sf[i + 2:i + 2 + 4]:
            if not _plan_percent(c) or not cues.share_gap(text[prev.end:c.start]) or _plan_of(nouns, text, c) is None:
                break
            found.append((a, c))
            prev = c
    return found


def _plan_percent(f: Figure) -> bool:
    return f.unit == "percent" and f.qualifier is None and f.value is not None and f.value > 0


def _plan_of(nouns: tuple[list[str], re.Pattern[str]], text: str, pct: Figure) -> str | None:
    """The plan a percentage is of, the words after it to the end of its phrase: "85% kế hoạch cả năm, …" →
    "kế hoạch cả năm"; None unless it opens with a plan noun (``nouns``: the plan nouns and the phrase end)."""
    plan_nouns, phrase_end = nouns
    phrase = " ".join(phrase_end.split(text[pct.end:pct.end + 60], maxsplit=1)[0].lower().split())
    return phrase if any(phrase == n or phrase.startswith(n + " ") for n in plan_nouns) else None

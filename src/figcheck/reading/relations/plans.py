"""plans: counts each stated with its percentage of a plan, a total and its parts — the plans they imply.

    Chín tháng, tỉnh đón 331.624 lượt khách, đạt 78% kế hoạch cả năm. Trong đó, khách quốc tế có 97.678
    lượt, đạt 85% kế hoạch cả năm; khách nội địa có 234.216 lượt, đạt 76% kế hoạch cả năm.

Each "A đạt p% kế hoạch" implies a plan of A/p. The parts' plans (97.678/85% + 234.216/76%) make the total's
(331.624/78%) where the parts make the total, and stay within it otherwise. A ``breakdown`` with ``cue:
"plans"``, no total or parts of its own, and the (count, percentage) pairs of the total (``plan_of_total``)
and of the parts (``plans_of_parts``); the tables give each pair the interval of plans its rounding allows.
Checked as info: a plan of the parts need not add up to the plan of the whole.

A total's pair is the only one of its sentence, or the first before a subset or breakdown cue; its parts'
pairs follow in the next sentence with figures, opened by a subset cue ("Trong đó"), or after the cue in
its own sentence — at least two, each of the same unit and plan noun as the total's.
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
        total, plan = here[0]
        parts: list[tuple[Figure, Figure]] = []
        if len(here) >= 3 and opener_re.search(low_text, here[0][1].end, here[1][0].start):
            parts = here[1:]
        elif len(here) == 1 and n + 1 < len(sentences) and len(pairs[n + 1]) >= 2:
            nxt = sentences[n + 1]
            opening = low_text[nxt.start:nxt.start + 20].lstrip(" \n-–")
            if any(opening.startswith(c) and not opening[len(c):len(c) + 1].isalnum() for c in cues.subset_cues):
                parts = pairs[n + 1]
        if len(parts) < 2 or any(c.unit != total.unit or _plan_of(nouns, text, p) != _plan_of(nouns, text, plan) for c, p in parts):
            continue
        values = [c.value for c, _ in parts]
        exhaustive = total.value is not None and None not in values and sum(values) == total.value
        figs = [total, plan] + [f for pair in parts for f in pair]
        roles = {"total": None, "parts": [], "other_parts": [], "plan_of_total": [[total.id, plan.id]],
                 "plans_of_parts": [[c.id, p.id] for c, p in parts]}
        out.append(relation("breakdown", figs, roles, exhaustive=exhaustive, cue=CUE,
                            evidence=f"each count with its percentage of the {_plan_of(nouns, text, plan)}: the plans they imply"))
    return out


def _pairs(cues: Cues, nouns, text: str, sf: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The (count, percentage of a plan) pairs of a sentence: "97.678 lượt, đạt 85% kế hoạch"."""
    found = []
    for a, b in zip(sf, sf[1:]):
        if a.unit in ("percent", None) or a.role not in ("count", "measure") or a.qualifier is not None \
                or a.value is None or a.value <= 0:
            continue
        if b.unit != "percent" or b.qualifier is not None or b.value is None or b.value <= 0:
            continue
        if not cues.share_gap(gap_after_noun(text, a, b)) or _plan_of(nouns, text, b) is None:
            continue
        found.append((a, b))
    return found


def _plan_of(nouns: tuple[list[str], re.Pattern[str]], text: str, pct: Figure) -> str | None:
    """The plan a percentage is of, the words after it to the end of its phrase: "85% kế hoạch cả năm, …" →
    "kế hoạch cả năm"; None unless it opens with a plan noun (``nouns``: the plan nouns and the phrase end)."""
    plan_nouns, phrase_end = nouns
    phrase = " ".join(phrase_end.split(text[pct.end:pct.end + 60], maxsplit=1)[0].lower().split())
    return phrase if any(phrase == n or phrase.startswith(n + " ") for n in plan_nouns) else None

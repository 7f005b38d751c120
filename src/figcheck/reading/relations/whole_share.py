"""whole_share: percentages of a stated whole whose part counts are not printed beside them.

Runs after ``share`` and reads, clause by clause (clauses end at ";"), the lists of shares a report
writes after stating its whole:

- "ghi nhận 14 vụ cháy, 1 vụ nổ. Về nguyên nhân, các vụ cháy gồm: do chập điện chiếm 71,43% số vụ": the
  percentage names its noun ("số vụ"); where two earlier counts carry that noun, the thing the sentence
  says it breaks down ("các vụ cháy gồm") picks the one;
- "chọn đủ 60 đại biểu. … ; đại biểu có trình độ đại học chiếm 95%": the clause's subject before
  "chiếm" is the noun of one earlier count;
- "do đốt chiếm 7,14%; khu vực nông thôn 42,9%": a percentage alone in the next clause of the same list,
  with no noun of its own, is a share of the same whole.

The part count is not printed, so only the granularity of the whole can be tested (GRIM): p% of N must
be a whole number at the printed precision. A whole is taken where one count fits. Where a percentage's
noun fits exactly two counts ("57,1% số vụ" after "14 vụ cháy, 1 vụ nổ"), the share lists both as
``wholes`` and is checked under each reading and their sum: an error only when every reading fails.
Where more fit, no relation is made.
"""

from __future__ import annotations

import re
import weakref

from figcheck.models import Figure
from figcheck.reading.relations.share import _contains, a_part_named_otherwise
from figcheck.reading.relations.shared import (LOOKBACK, Cues, SentenceContext, baseline_in_brackets, names_a_subject,
                                                names_another, singled_out,
                                                on_a_list_line, relation)

COUNTED = ("count", "measure")
_DROP = ("số", "tổng", "các", "những")
_WORDS = re.compile(r"[^\W\d_]+")
_SEMI = re.compile(";")
_WORDS_OF: "weakref.WeakKeyDictionary[Cues, tuple[list[str], list[str]]]" = weakref.WeakKeyDictionary()


def _words(cues: Cues) -> tuple[list[str], list[str]]:
    """The language's share cues before a bare percentage, and the words that make a label a rate."""
    got = _WORDS_OF.get(cues)
    if got is None:
        got = _WORDS_OF[cues] = (cues.lang.words("cues.bare_percent_before"),
                                 cues.rate_words + cues.increase + cues.decrease)
    return got


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf, s = ctx.text, ctx.figures, ctx.sentence
    if not any(_lone_percent(f) for f in sf):
        return []  # quick exit: each share below is of a lone percentage
    in_relation = {fid for r in ctx.found for fid in r["figures"]}
    # counts with a percentage of their own are sibling parts, never the whole of another
    parts = {r["roles"].get("part") for r in ctx.found if r["kind"] == "share"}
    whole_of = {r["roles"]["percent"]: r["roles"].get("whole") for r in ctx.found
                if r["kind"] == "share" and r["roles"].get("part") is None}
    topic = _topic(cues, text, s.start, s.end)
    out: list[dict] = []
    chain: tuple[Figure, ...] = ()  # the whole (or the two readings of it) of the list the previous clause is in
    position = {f.id: i for i, f in enumerate(sf)}
    by_id = {f.id: f for f in ctx.previous + sf}
    k = 0  # the figures are in text order: one pass over them with the clauses
    for c0, c1 in _clauses(text, s.start, s.end):
        while k < len(sf) and sf[k].start < c0:
            k += 1
        figs = []
        while k < len(sf) and sf[k].start < c1:
            figs.append(sf[k])
            k += 1
        if not figs:
            continue  # "còn lại là chưa xác định": the list goes on
        if len(figs) != 1 or not _lone_percent(figs[0]):
            chain = ()
            continue
        pct = figs[0]
        if pct.id in whole_of:
            chain = (by_id[whole_of[pct.id]],) if whole_of[pct.id] in by_id else ()
            continue
        if pct.id in in_relation:
            chain = ()
            continue
        at = position[pct.id]
        before = [f for f in sf[max(0, at - LOOKBACK):at] if f.id not in parts]
        # (a line of a list before the sentence is one item, not the whole it names: "- Huyện Nhơn Trạch: 486 ca;
        # Bốn địa phương trên chiếm 69,4% tổng số ca mắc toàn tỉnh")
        before = [f for f in before if not cues.is_average(text, f)]  # (an average is no whole)
        # (nor a value of another period in brackets: "So với năm 2025 (57 giải), số giải tăng 4 giải; số giải nhất,
        # nhì chiếm 31,1% tổng số giải" — the total is this year's)
        before = [f for f in before if not (text.rfind("(", max(0, f.start - 30), f.start) >= 0
                                            and baseline_in_brackets(cues, text, f))]
        pools = (before, [f for f in ctx.previous[-LOOKBACK:] if not on_a_list_line(text, f) and not cues.is_average(text, f)
                          and not (pct.noun and a_part_named_otherwise(cues, text, ctx, f, pct))])
        if pct.noun and pct.noun.lower().split()[0] not in _DROP and names_a_subject(text, pct, c0):
            pools = (before,)  # (a subject of its own: "Trường THPT chuyên Lê Quý Đôn có 99,5% thí sinh tốt nghiệp")
        whole: tuple[Figure, ...] = ()
        evidence = None
        if pct.noun:
            words = [w for w in pct.noun.lower().split() if w not in _DROP]
            whole = _one_whole(cues, text, pools, lambda f: bool(words) and _names(f, words), topic, readings=2)
            evidence = f"the percentage names its whole: {pct.noun}" if len(whole) == 1 else \
                f"the percentage's noun ({pct.noun}) fits two counts: each, and both together, is a reading"
        else:
            subject = _subject(cues, text, c0, pct)
            if subject:
                whole = _one_whole(cues, text, pools, lambda f: _subject_counts(subject, f), None)
                evidence = f"the clause's subject is what the whole counts: {subject}"
            if not whole and chain and _label_only(cues, text, c0, pct):
                whole, evidence = chain, "a share in the same list as the one before, of the same whole"
        chain = whole
        if len(whole) == 1:
            out.append(relation("share", [pct, whole[0]], {"part": None, "percent": pct.id, "whole": whole[0].id},
                                evidence=evidence))
        elif len(whole) == 2:
            out.append(relation("share", [pct, *whole], {"part": None, "percent": pct.id, "whole": None,
                                                         "wholes": [w.id for w in whole]}, evidence=evidence))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence's clauses, split at ";"."""
    cuts = [m.start() for m in _SEMI.finditer(text, start, end)]
    return list(zip([start] + [c + 1 for c in cuts], cuts + [end]))


def _lone_percent(f: Figure) -> bool:
    return f.unit == "percent" and f.role in ("share", "percent") and f.qualifier is None \
        and f.value is not None and 0 < f.value <= 100


def _names(f: Figure, words: list[str]) -> bool:
    """Count ``f`` counts the noun ``words`` ("vụ" for "14 vụ cháy", "cơ sở" in "tổ chức cơ sở đoàn")."""
    head = _WORDS.findall((f.noun or f.classifier or "").lower())
    return bool(head) and (head[0] == words[0] or _contains(f.noun, words[:2])) and not names_another(words, f.noun)


def _one_whole(cues: Cues, text: str, pools, fits, topic: str | None, readings: int = 1) -> tuple[Figure, ...]:
    """The one count of the first pool that has any count that fits, narrowed by the sentence's topic
    where several fit: ``(whole,)`` — what a word singles out of what came before is none ("… có 146 sản phẩm … .
    Riêng năm 2026 có thêm 24 sản phẩm … . Sản phẩm 4 sao trở lên chiếm 19,2% tổng số sản phẩm OCOP"). Where two of different values remain and ``readings`` is 2, both
    counting two kinds of it (the check tries each and their sum); else ``()``."""
    for pool in pools:
        # (a whole of one is no whole a percentage divides: "Một đối tượng …" is "a suspect")
        same = [f for f in pool if f.role in COUNTED and f.unit == "count" and f.qualifier is None and f.value
                and f.value > 1 and fits(f) and not singled_out(cues, text, f)]
        if not same:
            continue
        if len({f.value for f in same}) > 1 and topic:
            same = [f for f in same if (f.noun or "").lower() == topic] or same
        by_value = {f.value: f for f in same}
        if len(by_value) == 1:
            return (same[-1],)
        pair = sorted(by_value.values(), key=lambda f: f.start)
        if len(by_value) == 2 and readings == 2 and len(same) == 2 and (pair[0].noun or "").lower() != (pair[1].noun or "").lower():
            # "14 vụ cháy, 1 vụ nổ": two kinds of one thing, so "số vụ" is either or both; the same noun
            # twice ("14 vụ cháy năm nay, 12 vụ cháy năm trước") is two periods or places: no reading is safe
            return tuple(pair)
        return ()
    return ()


def _topic(cues: Cues, text: str, start: int, end: int) -> str | None:
    """The noun a sentence says it breaks down: "Về nguyên nhân, các vụ cháy gồm: …" → "vụ cháy"."""
    m = cues.back_ref_re.search(text, start, min(end, start + 120))
    return m.group("noun").lower() if m else None


def _subject(cues: Cues, text: str, c0: int, pct: Figure) -> str | None:
    """The clause's words before a share cue that ends right before the percentage ("đại biểu nữ chiếm")."""
    gap = text[c0:pct.start]
    cue = cues.cue_at_end(gap, _words(cues)[0])
    if cue is None or any(ch.isdigit() for ch in gap):
        return None
    head = gap.lower().rstrip(" ,:(")[:-len(cue)].strip(" ,:-–+\n")
    return head or None


def _subject_counts(subject: str, f: Figure) -> bool:
    """The subject opens with the whole's noun: "đại biểu có trình độ đại học" counts "đại biểu"."""
    noun = (f.noun or "").lower()
    return bool(noun) and (subject == noun or subject.startswith(noun + " "))


def _label_only(cues: Cues, text: str, c0: int, pct: Figure) -> bool:
    """A clause that is a short label and the percentage ("khu vực nông thôn 42,9%", "do đốt chiếm 7,14%"),
    not a rate or a change ("tỷ lệ tái nghèo 2%", "giảm 5%")."""
    gap = text[c0:pct.start]
    if any(ch.isdigit() for ch in gap) or not 0 < len(gap.split()) <= 10 or ":" in gap or pct.noun:
        return False
    low = " " + " ".join(_WORDS.findall(gap.lower())) + " "
    return not any(f" {w} " in low for w in _words(cues)[1])

"""ranking: percentages the text ranks, from the highest.

    Xếp theo thứ tự, xã có tỷ lệ cao nhất là xã A với 35,2%; kế đến là xã B với 34,4%; xã C với 25,1%;
    thấp nhất là xã D với 1,9%.
    Huyện A đạt tỷ lệ 88,5% (…), dẫn đầu toàn tỉnh. Xếp liền sau là huyện B với tỷ lệ 88,2%, huyện C 85%.

A ``ranking`` relation holds the percentages in the order written (``ranked``), the one a leader cue names
(``first``: "cao nhất", "đứng đầu", "dẫn đầu" — before it, or after it in its clause, then in the sentence
before a follower cue) and the one "thấp nhất" names (``last``). Items are the percentages a follower cue
("kế đến", "xếp liền sau", "bám sát phía sau") opens, or that follow an item in the next clause or after a
comma with no other figure and only a short label between ("; huyện C với 25,1%", ", huyện C 85%"). Every
item is at most the first and at least the last. Only where the text says it lists them in order ("Xếp
theo thứ tự") is each item at most the one before it: a ``ranking`` of each adjacent pair, ``cue: "in order"``,
checked as a warning (the values may be right and only their order swapped).
"""

from __future__ import annotations

import re
import weakref

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import BRACKETED, Cues, SentenceContext, relation, word_alternation

_CLAUSE_END = re.compile(r"[.;](?![\d])")
_CUES: "weakref.WeakKeyDictionary[Cues, _RankCues]" = weakref.WeakKeyDictionary()
IN_ORDER = "in order"  # the cue of the pairs of a list the text says is in order
_MAX_LABEL = 8  # words of a label between two items of one list ("; huyện Chợ Mới với")


class _RankCues:
    def __init__(self, cues: Cues) -> None:
        words = cues.lang.data["cues"].get("ranking", {})
        self.first = [w.lower() for w in words.get("first", [])]
        self.follow = [w.lower() for w in words.get("follow", [])]
        self.last = [w.lower() for w in words.get("last", [])]
        self.in_order = [w.lower() for w in words.get("in_order", [])]
        self.first_re = word_alternation(self.first)
        self.follow_re = word_alternation(self.follow)
        self.last_re = word_alternation(self.last)
        self.in_order_re = word_alternation(self.in_order)
        self.any_re = word_alternation(self.first + self.follow + self.last)
        # one plain scan first (no word bounds): most sentences have none of these
        self.quick = re.compile("|".join(re.escape(w) for w in self.first + self.follow + self.last))
        self.changes = word_alternation(cues.increase + cues.decrease + cues.compared)
        self.whole_area = [w.lower() for w in words.get("whole_area", [])]
        self.rate = [w.lower() for w in cues.rate_words]
        self.measure_words = word_alternation(cues.rate_words + cues.share_words)
        self.periods = word_alternation(cues.lang.words("duration_units") + cues.compared)


def _rank_cues(cues: Cues) -> _RankCues:
    got = _CUES.get(cues)
    if got is None:
        got = _CUES[cues] = _RankCues(cues)
    return got


def _item(f: Figure) -> bool:
    return f.unit == "percent" and f.role in ("share", "percent") and f.value is not None


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    rc = _rank_cues(cues)
    low = ctx.lower
    if not rc.quick.search(low) or not rc.any_re.search(low):
        return []  # no ranking cue in the sentence: nothing to read
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    out: list[dict] = []
    ordered = rc.in_order_re.search(low) is not None
    rankings: list[dict] = []
    cur: dict | None = None
    prev_end = s.start  # the end of the figure before the next one
    for k, f in enumerate(sf):
        gap = text[prev_end:f.start].lower()
        prev_end = f.end
        if not _item(f):
            continue
        before = text[max(s.start, f.start - 120):f.start].lower()
        before = _CLAUSE_END.split(before)[-1]
        after = _after(text, f, s.end)
        if _ends_with(rc.first_re, before, rc) or rc.first_re.match(after):
            cur = {"first": f, "items": [f], "last": None, "cue": _cue(rc.first_re, before) or _cue(rc.first_re, after)}
            rankings.append(cur)
            continue
        if _ends_with(rc.last_re, before, rc):
            if cur is not None:
                cur["items"].append(f)
                cur["last"] = f
            cur = None  # the last is the end of the list
            continue
        if _ends_with(rc.follow_re, before, rc, words=24):
            if cur is None and k == _first_item(sf) and rc.follow_re.match(_opening(text, s)):
                leader = _leader_before(rc, text, ctx.previous)
                if leader is not None:
                    cur = {"first": leader, "items": [leader], "last": None, "cue": "dẫn đầu"}
                    rankings.append(cur)
            if cur is not None:
                cur["items"].append(f)
            continue
        if cur is not None and _continues(rc, gap):
            cur["items"].append(f)
            continue
        cur = None
    for r in rankings:
        # every item a percentage of the same thing: the words after each are the first's ("… 35,22%; … 30,1%;
        # thấp nhất là … 40,5% hộ cận nghèo" ranks another measure last, "85% vốn năm 2021 … 90% vốn năm 2020"
        # other periods) — the list stops before the first item that says otherwise
        tails = [_tail(rc, text, f, s.end) for f in r["items"]]
        # (an item with no words after it takes the first's: "đứng đầu với 71,43% học sinh thi đậu, … trên 70%.")
        keep = next((n for n, t in enumerate(tails) if t and t != tails[0]), len(tails))
        if keep < len(tails):
            r["items"] = r["items"][:keep]
            if r["last"] is not None and r["last"] not in r["items"]:
                r["last"] = None
        items = r["items"]
        if len(items) < 2:
            continue
        roles = {"first": r["first"].id, "last": r["last"].id if r["last"] else None, "ranked": [f.id for f in items]}
        roles["overall"] = None  # see detect_overall
        out.append(relation("ranking", items, roles, cue=r["cue"], direction="decreasing",
                            evidence=f"a ranking from '{r['cue']}'"))
        if ordered:
            order_cue = _cue(rc.in_order_re, low)
            for a, b in zip(items, items[1:]):
                out.append(relation("ranking", [a, b], {"first": a.id, "last": b.id, "ranked": [a.id, b.id]},
                                    cue=IN_ORDER, direction="decreasing",
                                    evidence=f"listed in order ('{order_cue}'): each at most the one before"))
    return out


_TAIL_END = re.compile(r"[,;:()]|\.(?!\d)")


def _tail(rc: _RankCues, text: str, f: Figure, end: int) -> str:
    """What a percentage is of, as written after it in its clause ("40,5% hộ cận nghèo" → "hộ cận nghèo"), up to
    a ranking cue ("88,5%, dẫn đầu toàn tỉnh" → "")."""
    rest = text[f.end:min(end, f.end + 80)]
    stop = _TAIL_END.search(rest)
    words = rest[:stop.start() if stop else len(rest)].lower()
    cue = rc.any_re.search(words)
    return " ".join((words[:cue.start()] if cue else words).split())


def _ends_with(pattern: re.Pattern[str], before: str, rc: _RankCues, words: int = 12) -> bool:
    """The clause before a figure holds the cue, and after it no other figure or change word, and at most
    ``words`` words."""
    m = None
    for m in pattern.finditer(before):
        pass
    if m is None:
        return False
    rest = before[m.end():]
    return not any(ch.isdigit() for ch in rest) and not rc.changes.search(rest) and len(rest.split()) <= words


def _cue(pattern: re.Pattern[str], s: str) -> str | None:
    m = pattern.search(s)
    return m.group(0) if m else None


def _after(text: str, f: Figure, end: int) -> str:
    """The words after a figure in its clause, a bracket right after it skipped: "88,5%(…), dẫn đầu"."""
    rest = text[f.end:min(end, f.end + 300)]
    m = BRACKETED.match(rest.lstrip())
    if m:
        rest = rest.lstrip()[m.end():]
    return rest.lower().lstrip(" ,")


def _continues(rc: _RankCues, gap: str) -> bool:
    """A next item: after ", " or "; " a short label and no figure or change word ("; huyện C với")."""
    g = gap.strip()
    if not g or g[0] not in ",;" or any(ch.isdigit() for ch in g) or "." in g.replace("...", ""):
        return False
    label = g[1:]
    # a rate or share word opens another measure ("; tỷ lệ khá giỏi đạt 75%"), not the next item
    return len(label.split()) <= _MAX_LABEL and ";" not in label and "," not in label and not rc.changes.search(label) \
        and not rc.measure_words.search(label)


def _first_item(sf: list[Figure]) -> int:
    return next((k for k, f in enumerate(sf) if _item(f)), -1)


def _opening(text: str, s) -> str:
    return text[s.start:s.start + 40].lower().lstrip(" \n-–")


def _leader_before(rc: _RankCues, text: str, previous: list[Figure]) -> Figure | None:
    """The one percentage of the sentence before that a leader cue follows in its clause ("88,5% (…), dẫn
    đầu toàn quốc.")."""
    found = [f for f in previous if _item(f) and f.qualifier is None and rc.first_re.match(_after(text, f, len(text)))]
    return found[0] if len(found) == 1 else None


def _measure(rc: _RankCues, low: str, first_cue: str | None) -> str | None:
    """The measure a ranking ranks, named between a rate word and its leader cue: "địa phương có tỷ lệ hộ
    nghèo cao nhất là …" → "hộ nghèo"."""
    if not first_cue:
        return None
    at = low.find(first_cue)
    for w in rc.rate:
        i = low.rfind(w + " ", 0, at) if at > 0 else -1
        if i >= 0:
            words = low[i + len(w):at].split()
            return " ".join(words) if 0 < len(words) <= 4 else None
    return None


OVERALL_REACH = 4  # sentences with figures before a ranking where the rate of its whole may stand


def detect_overall(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    """The rate of the whole area a ranking from its highest to its lowest ranks the parts of, stated in one
    of the few sentences before it: a percentage whose clause names the whole area ("toàn tỉnh") and the
    measure the ranking ranks ("tổng số hộ nghèo toàn tỉnh … chiếm tỷ lệ 19,93%" before "tỷ lệ hộ nghèo cao
    nhất là …"). One such percentage, or none: a ranking of it (``overall``) with the first and the last."""
    ranks = [r for r in done if r["kind"] == "ranking" and r["roles"].get("last") and r.get("cue") != IN_ORDER]
    if not ranks:
        return []
    rc = _rank_cues(cues)
    text = article.text
    order = [s.index for s in article.sentences if s.index >= 0 and by_sentence.get(s.index)]
    out: list[dict] = []
    lower = {s.index: s.text.lower() for s in article.sentences if s.index >= 0}
    for r in ranks:
        measure = _measure(rc, lower.get(r["sentence"], ""), r["cue"])
        if not measure:
            continue
        pattern = re.compile(rf"(?<![^\W_]){re.escape(measure)}(?![^\W_])")
        at = order.index(r["sentence"]) if r["sentence"] in order else 0
        found = []
        for si in order[max(0, at - OVERALL_REACH):at]:
            for f in by_sentence[si]:
                if not _item(f) or f.qualifier is not None:
                    continue
                clause = _CLAUSE_END.split(text[max(0, f.start - 160):f.start].lower())[-1]
                # the whole area named with no other period beside it ("… toàn tỉnh năm trước là 25%")
                areas = [seg for seg in clause.split(",") if any(w in seg for w in rc.whole_area)]
                if pattern.search(clause) and areas and not any(rc.periods.search(seg) for seg in areas):
                    found.append(f)
        if len(found) == 1:
            by_id = {f.id: f for f in article.figures}
            first, last = by_id[r["roles"]["first"]], by_id[r["roles"]["last"]]
            out.append(relation("ranking", [found[0], first, last],
                                {"first": first.id, "last": last.id, "ranked": [first.id, last.id], "overall": found[0].id},
                                cue=r["cue"], direction="decreasing",
                                evidence=f"the rate of the whole ({found[0].text}) and the highest and lowest of its "
                                         "parts a ranking names"))
    return out

"""share_list: the shares of one whole listed one after another, which together are (at most) the whole.

Runs after every other detector (it reads the shares ``share``, ``whole_share`` and ``form`` found) and
makes a ``breakdown`` whose parts are percentages and whose ``total`` is none (the whole is 100 %), with
``cue: "shares"``. The shares must be of one whole (the same whole count, or the same two readings of it),
stand in consecutive clauses or form lines with no other figure between them, and carry no qualifier.

- **complete** (``exhaustive``: the shares add up to 100 % within their rounding) only where the parts are
  provably the whole partition: exactly two shares whose labels are complementary — one the other with a
  negation ("Phiếu hợp lệ" / "Phiếu không hợp lệ") or a pair of ``cues.complements`` ("khu vực thành thị" /
  "khu vực nông thôn");
- **open** (the shares add up to at most 100 %) where the text says the list divides the whole — a
  breakdown cue or a ``cues.share_list_openers`` phrase before it ("các vụ cháy gồm: …", "Xét theo loại
  công trình, …") — and names the rest after it ("…; còn lại là chưa xác định"): the rest takes what is left.

A list of shares with neither (attributes that overlap: "đại biểu nữ chiếm 30%; đại biểu trẻ chiếm 15%;
đại biểu có trình độ đại học chiếm 95%") makes no relation.

``detect_unstated_whole``: counts of one kind, each "chiếm (tỷ lệ) p%" of a whole the sentence names
("Toàn địa bàn …") but does not count, imply one whole (a ``breakdown`` with ``cue: "one whole"`` and the
pairs in ``one_whole``; checked as info).
"""

from __future__ import annotations

import re
import weakref

from figcheck.models import Article, Figure
from figcheck.reading.relations.form import _label
from figcheck.reading.relations.shared import Cues, relation, word_alternation

CUE = "shares"
ONE_WHOLE = "one whole"  # the cue of counts each with its share of one whole the text does not count
# what may stand between two shares of one list: a clause end, a line break, blanks, bullets and labels
_SENTENCE_END = re.compile(r"\.(?![\w%])")
_SEPARATOR = re.compile(r"[;\n]")
_WORDS = re.compile(r"[^\W\d_]+")
_GAP = 160  # characters between two shares of one list, at most
_LOOK_BACK = 200  # characters before a list where its opener is looked for
_CUES: "weakref.WeakKeyDictionary[Cues, _ListCues]" = weakref.WeakKeyDictionary()


class _ListCues:
    def __init__(self, cues: Cues) -> None:
        lang = cues.lang
        self.negations = lang.words("cues.negation")
        self.complements = {frozenset(w.lower() for w in pair) for pair in lang.data["cues"].get("complements", [])
                            if len(pair) == 2}
        self.opener_re = word_alternation(lang.words("cues.share_list_openers") + cues.breakdown_cues)
        self.remainder = [w.lower() for w in cues.remainder]
        self.trailing = sorted(set(lang.words("cues.bare_percent_before") + cues.share_words), key=len, reverse=True)
        self.share_cues = lang.words("cues.bare_percent_before")  # "chiếm", "chiếm tỷ lệ"
        self.whole_area = [w.lower() for w in lang.data["cues"].get("ranking", {}).get("whole_area", [])]
        self.place_re = word_alternation(cues.place_prefixes)


def _list_cues(cues: Cues) -> _ListCues:
    got = _CUES.get(cues)
    if got is None:
        got = _CUES[cues] = _ListCues(cues)
    return got


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    shares = [r for r in done if r["kind"] == "share" and r["roles"].get("percent")]
    if len(shares) < 2:
        return []  # nothing to read: no list of shares
    text = article.text
    by_id = {f.id: f for f in article.figures}
    body = sorted((f for f in article.figures if f.field == "text" and f.sentence >= 0), key=lambda f: f.start)
    order = {f.id: i for i, f in enumerate(body)}
    items = []
    for r in shares:
        pct = by_id.get(r["roles"]["percent"])
        part = by_id.get(r["roles"].get("part")) if r["roles"].get("part") else None
        key = _whole_key(r)
        if pct is None or pct.field != "text" or pct.qualifier is not None or pct.value is None or key is None \
                or pct.id not in order or (part is not None and part.id not in order):
            continue
        items.append((pct, part, key, r))
    items.sort(key=lambda it: it[0].start)
    lc = _list_cues(cues)
    out: list[dict] = []
    run: list[tuple] = []
    for it in items + [None]:
        if it is not None and run and _continues(text, body, order, run[-1], it):
            run.append(it)
            continue
        if len(run) >= 2:
            made = _read_list(cues, lc, text, body, order, run)
            if made is not None:
                out.append(made)
        run = [it] if it is not None else []
    return out


def _whole_key(r: dict) -> tuple | None:
    roles = r["roles"]
    if roles.get("whole"):
        return (roles["whole"],)
    if roles.get("wholes"):
        return tuple(roles["wholes"])
    return None


def _first(it) -> Figure:
    pct, part, _, _ = it
    return part if part is not None and part.start < pct.start else pct


def _continues(text: str, body: list[Figure], order: dict[str, int], prev, nxt) -> bool:
    """``nxt`` is the next share of the list ``prev`` is in: the same whole, the same noun (or none), the
    next clause or line, and no other figure between them."""
    p_pct, _, p_key, _ = prev
    n_pct, _, n_key, _ = nxt
    if p_key != n_key or (n_pct.noun and p_pct.noun and n_pct.noun.lower() != p_pct.noun.lower()):
        return False
    start = _first(nxt)
    if order[start.id] != order[p_pct.id] + 1:
        return False  # another figure stands between them
    gap = text[p_pct.end:start.start]
    return len(gap) <= _GAP and len(_SEPARATOR.findall(gap)) == 1 and not _SENTENCE_END.search(gap)


def _read_list(cues: Cues, lc: _ListCues, text: str, body: list[Figure], order: dict[str, int], run: list[tuple]) -> dict | None:
    labels = [_label_of(lc, text, it) for it in run]
    pcts = [it[0] for it in run]
    wholes = list(run[0][2])
    figures = pcts + [f for f in body if f.id in wholes]
    roles = {"total": None, "parts": [p.id for p in pcts], "other_parts": []}
    roles["whole" if len(wholes) == 1 else "wholes"] = wholes[0] if len(wholes) == 1 else wholes
    if len(run) == 2 and all(labels) and _complementary(lc, labels[0], labels[1]):
        return relation("breakdown", figures, roles, exhaustive=True, cue=CUE,
                        evidence=f"shares of one whole under complementary labels: {labels[0]} / {labels[1]}")
    last = pcts[-1]
    if not _remainder_after(lc, text, body, order, last):
        return None
    first = _first(run[0])
    lo = max(0, first.start - _LOOK_BACK)
    sentence_start = max(text.rfind(".\n", lo, first.start), text.rfind(". ", lo, first.start), lo)
    opener = lc.opener_re.search(text.lower(), sentence_start, first.start)
    if opener is None:
        return None
    return relation("breakdown", figures, roles, exhaustive=False, cue=CUE,
                    evidence=f"shares of one whole after '{opener.group(0)}', the rest named after them")


def _label_of(lc: _ListCues, text: str, it) -> str | None:
    """What a share is of: a form field's label, or the clause's words before the percentage (its cue
    word dropped): "Xét theo địa bàn, khu vực thành thị chiếm 57,1%" → "khu vực thành thị"."""
    _, part, _, _ = it
    if part is not None:
        label = _label(text, part)
        if label:
            return label
    first = _first(it)
    lo = max(0, first.start - 80)
    cut = max([text.rfind(mark, lo, first.start) for mark in (";", "\n", ",", ":", ". ")])
    seg = text[(cut + 1) if cut >= 0 else lo:first.start].lower().strip(" +-•*\t.")
    for cue in lc.trailing:
        if seg == cue or seg.endswith(" " + cue):
            seg = seg[:-len(cue)].rstrip()
            break
    words = _WORDS.findall(seg)
    return " ".join(words) if words and len(words) <= 8 else None


def _complementary(lc: _ListCues, a: str, b: str) -> bool:
    """Two labels name the two sides of one division: "phiếu hợp lệ" / "phiếu không hợp lệ", "khu vực thành
    thị" / "khu vực nông thôn" (the words they share dropped)."""
    wa, wb = a.split(), b.split()
    while wa and wb and wa[0] == wb[0]:
        wa, wb = wa[1:], wb[1:]
    x, y = " ".join(wa), " ".join(wb)
    if x and y and any(y == f"{n} {x}" or x == f"{n} {y}" for n in lc.negations):
        return True
    while wa and wb and wa[-1] == wb[-1]:
        wa, wb = wa[:-1], wb[:-1]
    return bool(wa and wb) and frozenset((" ".join(wa), " ".join(wb))) in lc.complements


def _remainder_after(lc: _ListCues, text: str, body: list[Figure], order: dict[str, int], last: Figure) -> bool:
    """The clause after the list's last share names the rest, with no figure: "…; còn lại là chưa xác định"."""
    nxt = body[order[last.id] + 1].start if order[last.id] + 1 < len(body) else len(text)
    gap = text[last.end:min(nxt, last.end + 120)]
    m = _SEPARATOR.search(gap)
    if m is None or _SENTENCE_END.search(gap[:m.start()]):
        return False
    clause = _SENTENCE_END.split(gap[m.end():], maxsplit=1)[0]
    clause = _SEPARATOR.split(clause, maxsplit=1)[0].strip().lower()
    return any(clause == w or clause.startswith(w + " ") for w in lc.remainder)


def detect_unstated_whole(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    """Counts of one kind each with its percentage of a whole the sentence names but does not count ("Toàn
    địa bàn còn 1.589 hộ nghèo, chiếm tỷ lệ 9,17%; … 1.299 hộ cận nghèo, chiếm tỷ lệ 7,5%"): the wholes they
    imply (1.589/9,17%, 1.299/7,5%) are one. A ``breakdown`` with ``cue: "one whole"`` and the (count,
    percentage) pairs in ``one_whole``, checked as info (the text may mean two wholes)."""
    lc = _list_cues(cues)
    open_shares = [r for r in done if r["kind"] == "share" and r["roles"].get("part") and r["roles"].get("percent")
                   and not r["roles"].get("whole") and not r["roles"].get("wholes") and not r["roles"].get("pooled_parts")]
    if len(open_shares) < 2:
        return []  # nothing to read
    text = article.text
    by_id = {f.id: f for f in article.figures}
    sentences = {s.index: s for s in article.sentences}
    groups: dict[tuple, list[tuple[Figure, Figure]]] = {}
    for r in open_shares:
        part, pct = by_id.get(r["roles"]["part"]), by_id.get(r["roles"]["percent"])
        if part is None or pct is None or part.unit != "count" or part.qualifier or pct.qualifier \
                or pct.value is None or not 0 < pct.value < 100 or part.sentence != pct.sentence:
            continue
        cue = cues.cue_at_end(text[part.end:pct.start], lc.share_cues)
        if cue is None:
            continue
        groups.setdefault((part.sentence, cues.kind_of(part)), []).append((part, pct))
    out = []
    for (si, _), pairs in groups.items():
        s = sentences.get(si)
        if s is None or len(pairs) < 2 or len({p.id for p, _ in pairs}) != len(pairs):
            continue
        first = min(p.start for p, _ in pairs)
        named = text[s.start:first].lower()
        area = next((w for w in lc.whole_area if w in named), None)
        if area is None:
            continue
        pairs.sort(key=lambda pp: pp[0].start)
        between = text[pairs[0][1].end:pairs[-1][0].start].lower()
        if lc.place_re.search(between):
            continue  # "…; huyện A có 300 hộ nghèo, chiếm 12%": a share of another place's whole
        out.append(relation("breakdown", [f for pp in pairs for f in pp],
                            {"total": None, "parts": [], "other_parts": [], "one_whole": [[p.id, q.id] for p, q in pairs]},
                            exhaustive=False, cue=ONE_WHOLE,
                            evidence=f"counts of one kind each with its share of the whole '{area}' names"))
    return out

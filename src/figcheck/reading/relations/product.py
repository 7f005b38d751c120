"""product: a number of units, an amount per unit and their total — "1.936 tổ … mỗi tổ có 3 thành viên …
với tổng số 5.808 người" (``cue: each``), and an area, its yield and the output, "gieo trồng 24.442,3ha
…, năng suất bình quân 59,6 tạ/ha; sản lượng … hơn 145.723 tấn" (``cue: yield``: tạ/ha × ha = tạ, and 10
tạ = 1 tấn; which yield units, areas and outputs go together is in the language file, ``products``).

Both are read inside one sentence and only where the words state them: "mỗi <unit>" before the amount
per unit, a count of that unit before it and a "tổng số" before the total; "năng suất" before the yield
and "sản lượng" before the output.
"""

from __future__ import annotations

import re

from figcheck.reading.relations.shared import CLAUSE_END, Cues, SentenceContext, head_word, in_brackets, relation

def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    words = _words(cues)
    low = ctx.lower
    if not any(w in low for w in words["each"]) and not any(y in low for y in words["yields"]):
        return []  # neither cue in the sentence: nothing to read
    return _each(cues, ctx, words) + _yields(ctx, words)


def _each(cues: Cues, ctx: SentenceContext, words: dict) -> list[dict]:
    text, sf, s = ctx.text, ctx.figures, ctx.sentence
    out = []
    for k, rate in enumerate(sf):
        if rate.role != "count" or rate.unit != "count":
            continue
        before = text[max(s.start, rate.start - 50):rate.start].lower()
        m = _each_re(words).search(before)
        if m is None or CLAUSE_END.search(before, m.start()):
            continue
        unit = m.group("unit")
        if any(w in before for w in words["average"]) or words["range_re"].match(text, rate.end, s.end) \
                or before.rstrip().endswith(tuple(words["range_from"])):
            continue  # "bình quân mỗi tổ có 3 người" is rounded; "mỗi tổ có từ 3 đến 5 người" is a range
        # the units counted: the nearest count of them before, not one inside an aside ("(mỗi thôn có 1 tổ)")
        factor = next((f for f in reversed(sf[:k]) if f.role == "count" and f.unit == "count" and head_word(f) == unit
                       and not in_brackets(text, f)), None)
        # the total: the first count after the amount per unit, past the bracket that details it, after "tổng số"
        after = rate.end + (len(rate.noun) + 1 if rate.noun and text.startswith(rate.noun, rate.end + 1) else 0)
        close = text.find(")", after, s.end) if text[after:s.end].lstrip()[:1] == "(" else after
        product = next((f for f in sf[k + 1:] if f.start > close), None) if close >= 0 else None
        lead = text[max(s.start, product.start - 30):product.start].lower().rstrip() if product else ""
        if factor is None or product is None or product.role != "count" or product.unit != "count" \
                or CLAUSE_END.search(text, rate.end, product.start) \
                or not any(lead.endswith(w) for w in words["totals"]) or any(lead.endswith(w) for w in cues.out_of) \
                or not _same_thing(rate, product, words["people"]):
            continue  # (another clause, or "trong tổng số 60 cán bộ": a whole of its own)
        between = text[rate.end:product.start].lower()
        if rate.qualifier is not None or factor.qualifier is not None or CLAUSE_END.search(between) \
                or words["each_any"].search(between) \
                or _more_after(text, product, s.end, words) or _says_more(rate, product):
            # "ít nhất 3 thành viên" bounds the total only; "…; năm 2022 tổng số …" is another clause; "mỗi xe chở
            # 30 khách mỗi ngày" multiplies again; "tổng số 1.600 con, trong đó 100 con dự phòng", "kể cả tình
            # nguyện viên" hold more; "3 thành viên chính thức" counts only some of the people of the total
            continue
        out.append(relation("product", [factor, rate, product],
                            {"factor": factor.id, "rate": rate.id, "product": product.id}, cue="each",
                            evidence=f"mỗi {unit}: the amount per {unit} times the {unit} counted is the total"))
    return out


def _yields(ctx: SentenceContext, words: dict) -> list[dict]:
    text, sf, s = ctx.text, ctx.figures, ctx.sentence
    out = []
    for k, rate in enumerate(sf):
        spec = next((v for u, v in words["yields"].items() if (rate.noun or "").lower().startswith(u)), None)
        if spec is None or rate.role not in ("count", "rate") or rate.qualifier is not None:
            continue  # ("năng suất bình quân ước 80,2 tạ/ha": an estimate, read with a count's rounding)
        yw = _cue_before(text, max(s.start, rate.start - 30), rate.start, words["yield_words"])
        if yw is None or not _linked(text, yw, rate.start, words["figure_links"]):
            continue  # "năng suất vụ mùa 55 tạ/ha": of another season than the area
        factor = next((f for f in reversed(sf[:k]) if f.role == "measure" and f.unit == spec["area"]), None)
        later = sf[k + 1:]
        product = next((f for f in later if f.role == "measure" and f.unit == spec["output"]), None)
        if factor is None or product is None \
                or any(f.start < product.start and (f.noun or "").lower().startswith(tuple(words["yields"])) for f in later) \
                or not any(w in text[max(s.start, product.start - 40):product.start].lower() for w in words["output_words"]):
            continue
        ow = _cue_before(text, max(s.start, product.start - 40), product.start, words["output_words"])
        if ow is None or not _linked(text, ow, product.start, words["figure_links"]):
            continue  # "sản lượng cả năm", "sản lượng lương thực": another period or more crops than the area's
        # the output in the next clause ("…; sản lượng cả năm …") may be of another season or crop: checked as info
        apart = CLAUSE_END.search(text, rate.end, product.start) is not None
        out.append(relation("product", [factor, rate, product],
                            {"factor": factor.id, "rate": rate.id, "product": product.id}, cue="yield",
                            evidence="the area times its yield is the output", **({"implied": True} if apart else {})))
    return out


def _more_after(text: str, product, end: int, words: dict) -> bool:
    clause = text[product.end:end]
    stop = CLAUSE_END.search(clause)
    rest = clause[:stop.start() if stop else len(clause)].lower()
    return any(re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", rest) for w in words["total_includes"])


def _says_more(rate, product) -> bool:
    """The amount per unit names more than its head word and the total does not ("3 thành viên chính thức" against
    "6.500 người"): the total may count others too."""
    r = (rate.noun or "").lower().split()
    p = (product.noun or "").lower().split()
    return len(r) > 2 and r[:len(p)] != p if p else len(r) > 2


def _linked(text: str, start: int, figure_start: int, links: list[str]) -> bool:
    """Only link words ("bình quân", "đạt", …) between a cue's end and its figure."""
    rest = " ".join(text[start:figure_start].lower().split())
    while rest:
        w = next((w for w in sorted(links, key=len, reverse=True) if rest == w or rest.startswith(w + " ")), None)
        if w is None:
            return False
        rest = rest[len(w):].lstrip()
    return True


def _same_thing(a, b, people: set[str]) -> bool:
    """Two counts of one thing: the same head word, or both of people ("3 thành viên", "5.808 người")."""
    def of_people(f) -> bool:
        noun = (f.noun or "").lower()
        return any(noun == w or noun.startswith(w + " ") for w in people)

    return head_word(a) == head_word(b) or of_people(a) and of_people(b)


def _cue_before(text: str, start: int, end: int, cues: list[str]) -> int | None:
    """Where the last of ``cues`` in text[start:end] ends, or None."""
    low = text[start:end].lower()
    found = [low.rfind(w) + len(w) for w in cues if w in low]
    return start + max(found) if found else None


def _each_re(words: dict) -> re.Pattern[str]:
    return words["each_re"]


def _words(cues: Cues) -> dict:
    found = getattr(cues, "_product_words", None)
    if found is None:
        spec = cues.lang.data.get("products") or {}
        each = [str(w).lower() for w in spec.get("each", [])]
        alt = "|".join(re.escape(w) for w in sorted(each, key=len, reverse=True)) or "(?!)"
        found = cues._product_words = {
            "each": each,
            "each_re": re.compile(rf"(?<![^\W_])(?:{alt})\s++(?P<unit>[^\W\d_]++)(?:[\s,]++[^\W\d_]++){{0,4}}?\s*+$"),
            "totals": [str(w).lower() for w in spec.get("totals", [])],
            "average": [str(w).lower() for w in spec.get("average", [])],
            "range_from": [" " + str(w).lower() for w in spec.get("range_from", [])],
            "range_re": re.compile(r"(?<=\d)\s*+(?:[^\W\d_]++\s++){0,3}?(?:" + "|".join(
                re.escape(str(w).lower()) for w in spec.get("range_to", [])) + r")\s*+\d", re.IGNORECASE),
            "people": {str(w).lower() for w in spec.get("people", [])},
            "yields": {str(k).lower(): v for k, v in (spec.get("yields") or {}).items()},
            "yield_words": [str(w).lower() for w in spec.get("yield_words", [])],
            "output_words": [str(w).lower() for w in spec.get("output_words", [])],
            "figure_links": [str(w).lower() for w in spec.get("figure_links", [])],
            "total_includes": [str(w).lower() for w in spec.get("total_includes", [])],
            "each_any": re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])"),
        }
    return found

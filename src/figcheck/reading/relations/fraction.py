"""fraction: "87/92 vụ" (a out of b) — and, after it, the share it states ("58/61 vụ, đạt 95,1%").

Measures on each side of the slash ("369.882,4 ha/392.069 ha, đạt 94,34% kế hoạch") are done out of
planned: the done may pass the plan, so they make no fraction, only the share the percentage after them states.

A slash pair followed by a change word compares two periods instead ("2.418/2.530 vụ, giảm 4,43%"):
that is a change with ``current`` and ``previous``.
"""

from __future__ import annotations

import re

from figcheck.models import Figure
from figcheck.reading.relations.shared import (QUOTED, LOOKBACK, in_brackets, CLAUSE_END, total_first_words, Cues, SentenceContext, baseline_in_brackets, gap_after_noun, head_word, relation,
                                               word_alternation)


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    out = []
    for i, f in enumerate(sf[:-1]):
        d = sf[i + 1]
        if f.role != "numerator" or d.role != "denominator":
            continue
        nxt = sf[i + 2] if i + 2 < len(sf) else None
        gap = gap_after_noun(text, d, nxt) if nxt else text[d.end:d.end + 60]
        direction = cues.direction(gap)
        in_order = _pairs_after_their_deltas(cues, text, sf, i)
        if in_order == ():
            continue  # a bracket of pairs after as many changes, which this one does not follow: none read
        before = in_order or _change_before(cues, text, sf, i) or _periods_pair(cues, text, sf, i)
        if before is not None and before[0] is not None and before[0].unit != f.unit:
            # "thiệt hại 112 tỷ đồng, tăng 34 tỷ đồng so với … (112/78)": the pair compares the periods in another scale
            # than the delta's — neither a change the reader can test nor a part out of a whole
            continue
        if before is not None:
            # "tăng 13 vụ (51/38), tức tăng 34,21%", "giảm 5,83% (3.389/3.599 vụ)": the pair compares two periods
            delta, pct, direction = before
            if pct is None and nxt is not None and nxt.unit == "percent" and cues.direction(gap):
                pct = nxt
            roles = {"current": f.id, "previous": d.id, "percent": pct.id if pct else None,
                     "delta": delta.id if delta else None}
            figs = [x for x in (delta, pct) if x] + [f, d] + ([nxt] if pct is nxt and nxt is not None else [])
            out.append(relation("change", figs, roles, direction=direction, cue=direction,
                                evidence="the pair in brackets after a change compares two periods"))
            continue
        if (direction or any(c in gap.lower() for c in cues.compared)) and not (nxt is not None and nxt.role == "delta") \
                and _pair_changes(cues, text, sf, i, gap, nxt):
            # ("56/188 xã … được công nhận, tăng 9 xã": a part of a whole, whose part grew — no two periods)
            pct = nxt if nxt is not None and nxt.unit == "percent" and direction else None
            roles = {"current": f.id, "previous": d.id, "percent": pct.id if pct else None, "delta": None}
            out.append(relation("change", [f, d] + ([pct] if pct else []), roles, direction=direction or None,
                                cue=direction))
            continue
        if f.unit == "count" and f.qualifier is None and nxt is not None and nxt.unit == "percent" \
                and f.value is not None and d.value is not None and f.value > d.value \
                and (_names_a_plan(cues, nxt) or _is_their_ratio(f, d, nxt)) \
                and not CLAUSE_END.search(text, d.end, nxt.start) and len(text[d.end:nxt.start].split()) <= 14:
            # ("21.406/21.000 người, đạt 101,93%", "412/380 cuộc thanh tra, kiểm tra tại trụ sở …, đạt 108,4% kế hoạch")
            # "174/160 đối tượng, đạt 108,75% kế hoạch": done out of planned, which the done may pass — their ratio
            out.append(relation("share", [f, d, nxt], {"part": f.id, "whole": d.id, "percent": nxt.id}, cue="a/b",
                                evidence="done out of planned: the percentage of the plan"))
            continue
        if f.unit == "count" and f.qualifier is None:
            # ("hoàn thành và vượt 18/18 chỉ tiêu": the word before the pair is a verb, no bound of its part)
            out.append(relation("fraction", [f, d], {"part": f.id, "whole": d.id}))
        # "369.882,4 ha/392.069 ha": measures, done out of planned, and the done may pass the plan — no fraction
        if nxt is not None and nxt.role in ("count", "delta") and nxt.unit == d.unit \
                and _shortfall(cues, text[d.end:nxt.start]):
            # "bầu được 5.232/5.294 đại biểu (thiếu 64 đại biểu)": the whole is the part and the shortfall
            roles = {"total": d.id, "parts": [f.id, nxt.id], "other_parts": []}
            out.append(relation("breakdown", [d, f, nxt], roles, exhaustive=True, cue="thiếu",
                                evidence="a/b and the shortfall b − a"))
        if nxt is not None and nxt.unit != "percent" and i + 3 < len(sf) and sf[i + 3].unit == "percent" \
                and nxt.role == "count" and head_word(nxt) != head_word(f) \
                and not CLAUSE_END.search(text, d.end, sf[i + 3].start) and ":" not in text[d.end:nxt.start] \
                and not (sf[i + 3].noun and not _measures_the_pair(cues, sf[i + 3], f)) \
                and not cues.subset_re.search(text, d.end, nxt.start):
            # "khám phá 35/37 vụ, xác định rõ 67 đối tượng, đạt tỷ lệ 94,5%": the rate is of the fraction — not after a
            # list it opens, nor a rate that names another thing ("2/3 người ứng cử trúng cử, gồm: ông A được 21.467
            # phiếu, đạt 77,24% số phiếu hợp lệ"; nor of a part after "trong đó": "55/92 người trúng cử, trong đó 17 đại
            # biểu là nữ (chiếm 30,91%)")
            gap, nxt = gap_after_noun(text, nxt, sf[i + 3]), sf[i + 3]
        # ("77/89 xã đạt chuẩn nông thôn mới (86,5%)": a bare percentage in brackets after the pair's description)
        bare = nxt is not None and nxt.unit == "percent" and nxt.role == "percent" and not nxt.noun \
            and text[nxt.end:nxt.end + 1] == ")" and _bracketed_share_after_description(cues, gap)
        # ("174 xã …, tăng 12 xã so với năm 2024 (174/203 xã đạt chuẩn), chiếm 85,71% tổng số xã": the pair in brackets
        # restates the value out of its whole, and the share after the bracket is theirs)
        closed = gap.replace(")", " ", 1) if gap.count(")") == 1 and "(" not in gap and in_brackets(text, f, reach=80) \
            else gap
        if nxt is not None and nxt.unit == "percent" and not (nxt.role == "percent" and f.unit == "count" and not bare) \
                and nxt.role != "threshold" and (cues.share_gap(closed) or _bracketed_share_after_description(cues, gap)
                                                 or _share_after_description(cues, closed)) \
                and not (f.unit == "count" and nxt.noun and not _names_a_plan(cues, nxt) and not _measures_the_pair(cues, nxt, f)
                         and not text[nxt.end:nxt.end + 12].lower().split()[:1] == ["tổng"]):
            # (not a rate of another thing in each: "42/45 trường đạt tỷ lệ 100% học sinh tham gia BHYT")
            # (not a bar each failed: "Còn 6/18 địa phương chưa đạt 90% đối tượng")
            # ("9/14 chỉ tiêu đạt 100% kế hoạch năm": each reached its plan — a ratio to a target, no share of 9/14)
            if nxt.noun and text[nxt.end:nxt.end + 12].lower().split()[:1] and \
                    text[nxt.end:nxt.end + 12].lower().split()[0] in total_first_words(cues) \
                    or _vote_words(cues).search(text, d.end, nxt.start):
                # "452/466 đại biểu có mặt tán thành, chiếm 94,56% tổng số đại biểu Quốc hội": a percentage of the
                # total it names, which the pair's own whole need not be — a share of the part alone
                vote = _vote_words(cues).search(text, d.end, nxt.start) is not None
                out.append(relation("share", [f, nxt], {"part": f.id, "whole": None, "percent": nxt.id},
                                    evidence="a vote's percentage is of all the members" if vote
                                    else "the percentage names a total of its own"))
                continue
            out.append(relation("share", [f, d, nxt], {"part": f.id, "whole": d.id, "percent": nxt.id}, cue="a/b"))
    return out


def _is_their_ratio(f: Figure, d: Figure, pct: Figure) -> bool:
    """The percentage is 100·f/d at its printed precision: the pair's own ratio."""
    if pct.value is None or not d.value:
        return False
    return abs(float(f.value) * 100 / float(d.value) - float(pct.value)) <= 0.5 * 10 ** -(pct.decimals or 0) + 1e-9


def _names_a_plan(cues: Cues, pct: Figure) -> bool:
    """The percentage is of a plan or a target ("108,75% kế hoạch", "đạt 104% chỉ tiêu")."""
    noun = (pct.noun or "").lower()
    return any(noun == w or noun.startswith(w + " ") for w in cues.lang.words("cues.plan_nouns"))


def _bracketed_share_after_description(cues: Cues, gap: str) -> bool:
    """A description of what the pair counts, then its share in brackets: "86/112 xã, phường, thị trấn đạt Bộ tiêu
    chí quốc gia về y tế xã giai đoạn đến năm 2030 (chiếm 78,6%)" — one clause, no other figure, "chiếm" (a share
    of a whole, nothing else) opening the bracket, or the percentage alone in it after a few words."""
    if CLAUSE_END.search(gap) or len(gap.split()) > 25 or gap.count("(") != 1:
        return False
    head, _, inside = gap.rpartition("(")
    inside = " ".join(inside.lower().split())
    # (or the bare percentage after a short description: "462/510 trường mầm non và phổ thông đạt chuẩn quốc gia (94,2%)")
    return ")" not in head and (inside in cues.share_of_a_whole or not inside and len(head.split()) <= 12)


def _share_after_description(cues: Cues, gap: str) -> bool:
    """A longer description of what the pair counts — more nouns after a comma, a quoted name — then a share word:
    "98/152 xã, phường, thị trấn không có ma túy, chiếm 64,47%", "147/152 khu dân cư đạt danh hiệu “An toàn về an
    ninh, trật tự”, chiếm 96,71%" (one clause, no bracket, at most 12 words, a quoted name one of them)."""
    plain = QUOTED.sub("“…”", gap)
    if CLAUSE_END.search(plain) or "(" in plain or len(plain.split()) > 12:
        return False
    if any(w in plain.lower() for w in cues.rate_words):
        return False  # "45/50 vụ …, tỷ lệ thu hồi tài sản đạt 90%": a rate the words name, perhaps of another thing
    return cues.cue_at_end(plain, cues.share_words) is not None


def _measures_the_pair(cues: Cues, pct: Figure, f: Figure) -> bool:
    """A percentage's noun names what the pair counts ("đạt 94,5% số vụ" of "35/37 vụ"), the words for "all" and
    "number of" aside."""
    words = [w for w in (pct.noun or "").lower().split() if w not in cues.whole_name_fillers]
    return not words or words[0] == head_word(f)


def _vote_words(cues: Cues) -> re.Pattern[str]:
    found = getattr(cues, "_vote_words_re", None)
    if found is None:
        found = cues._vote_words_re = re.compile(word_alternation(cues.lang.words("cues.vote_words")).pattern, re.IGNORECASE)
    return found




def _change_before(cues: Cues, text: str, sf: list, i: int):
    """The change a bracketed pair follows: (delta, percent, direction), or None. "tăng 13 vụ (51/38)",
    "giảm 5,83% (3.389/3.599 vụ)", "giảm 165 vụ, giảm 45,96% (194/359 vụ)"."""
    if i == 0 or not text[sf[i - 1].end:sf[i].start].rstrip().endswith("("):
        return None
    if cues.compared_re.search(text, sf[i - 1].end, sf[i].start) and baseline_in_brackets(cues, text, sf[i]) \
            and not _pair_goes_the_change_s_way(cues, text, sf, i):
        # "tăng 12 khu so với năm 2024 (174/203 khu)": the period named after the change, then its fraction — not
        # two periods ("so với cùng kỳ năm 2022 giảm 43 (391/434)" is)
        return None
    delta = pct = None
    k = i - 1
    if sf[k].unit == "percent" and sf[k].role == "change":
        pct, k = sf[k], k - 1
    if k >= 0 and sf[k].role == "delta" and (pct is None or not CLAUSE_END.search(text, sf[k].end, pct.start)):
        delta = sf[k]
    first = delta or pct
    if first is None:
        return None
    direction = _direction_before(cues, text, first)
    return (delta, pct, direction) if direction else None


def _pairs_after_their_deltas(cues: Cues, text: str, sf: list, i: int):
    """A bracket of several pairs right after as many changes, each pair this period against that one for its change,
    in order: "giảm 3 vụ, giảm 2 người chết và tăng 1 người bị thương (7/10 vụ, 5/7 người chết, 6/5 người bị thương)",
    "giảm 6 vụ nhưng tăng 4 đối tượng so với cùng kỳ (58/64 vụ, 64/60 đối tượng)". Returns (delta, None, direction)
    for the pair at ``i``; ``()`` where the bracket is such a list but this pair does not fit its change (another
    noun, or against its way) — read as neither; None where the bracket holds one pair or is no such list."""
    f = sf[i]
    opened = text.rfind("(", max(0, f.start - 200), f.start)
    if opened < 0 or ")" in text[opened:f.start]:
        return None
    close = text.find(")", f.end, f.end + 400)
    # (the figures near the pair only: linear on a long sentence of pairs)
    near = sf[max(0, i - 2 * LOOKBACK):i + 2 * LOOKBACK]
    inside = [g for g in near if opened < g.start and (close < 0 or g.end <= close)]
    if len(inside) < 4 or len(inside) % 2 or any(g.role != ("numerator" if k % 2 == 0 else "denominator")
                                                for k, g in enumerate(inside)):
        return None
    pairs = [(inside[k], inside[k + 1]) for k in range(0, len(inside), 2)]
    k = next((n for n, (num, _) in enumerate(pairs) if num is f), None)
    if k is None:
        return None
    before = [g for g in near if g.end <= opened]
    deltas = []
    for g in reversed(before):
        if g.role != "delta":
            break
        deltas.insert(0, g)
    deltas = deltas[-len(pairs):]
    if len(deltas) != len(pairs) or CLAUSE_END.search(text, deltas[0].start, opened):
        return None
    delta = deltas[k]
    num, den = pairs[k]
    noun = head_word(den) or head_word(num)
    direction = None
    for d in deltas[:k + 1]:
        # (a delta joined to the one before by "và" or a comma keeps its change word: "tăng 21 vụ và 38 đối tượng")
        direction = _direction_before(cues, text, d, reach=25) or direction
    if noun is not None and head_word(delta) is not None and noun != head_word(delta) or num.unit != delta.unit \
            or num.value is None or den.value is None or direction is None \
            or not ((direction == "increase" and num.value > den.value) or (direction == "decrease" and num.value < den.value)):
        return ()
    return (delta, None, direction)


def _periods_pair(cues: Cues, text: str, sf: list, i: int):
    """A bracketed pair whose first value repeats a count stated before it in the sentence, after a change word, and
    goes the change's way: "bắt 19 vụ, 32 đối tượng …, tăng 5 vụ và 9 đối tượng so với cùng kỳ (19/14 vụ, 32/23 đối
    tượng)", "bắt 64 vụ, 98 đối tượng, tăng 11 vụ … (64/53) và 17 đối tượng (98/81)" — this period against that one,
    not a part out of its whole. (delta, None, direction): the delta is the count of the pair's noun between the
    value and the pair, else None; None where the pair is no such thing."""
    f, d = sf[i], sf[i + 1]
    if f.value is None or d.value is None or f.unit != d.unit or not in_brackets(text, f, reach=80):
        return None
    opened = text.rfind("(", max(0, f.start - 80), f.start)
    inside = text[opened + 1:f.start]
    if inside.strip() and not (inside.rstrip().endswith(",") and all(g.role in ("numerator", "denominator")
                                                                    for g in sf[:i] if g.start > opened)):
        return None  # (the pair opens the bracket, or follows other pairs in it)
    stated = [p for p in sf[max(0, i - LOOKBACK):i] if p.value == f.value and p.unit == f.unit and p.role in ("count", "measure")
              and p.start < opened and not in_brackets(text, p, reach=80)]
    if len(stated) != 1:
        return None
    value = stated[0]
    changes = list(cues.change_word_re.finditer(text, value.end, opened))
    if not changes:
        return None
    direction = cues.direction(changes[-1].group(0).lower()) if len(changes) == 1 else \
        cues.direction(changes[0].group(0).lower())
    if direction not in ("increase", "decrease") or \
            not ((direction == "increase" and f.value > d.value) or (direction == "decrease" and f.value < d.value)):
        return None
    head = head_word(value)
    deltas = [p for p in sf[max(0, i - LOOKBACK):i] if value.end <= p.start < opened and p.unit == f.unit and p.role in ("delta", "count")
              and head_word(p) == head]
    return (deltas[-1] if deltas else None, None, direction)


def _pair_goes_the_change_s_way(cues: Cues, text: str, sf: list, i: int) -> bool:
    """The bracketed pair after "so với <period>" goes the way of the change before it — first above second after
    an increase, below after a decrease ("tăng 3 vụ so với cùng kỳ năm 2024 (17/14)"): this period against that one,
    not a part out of a whole (which cannot be above its whole)."""
    first, second = sf[i], sf[i + 1]
    k = i - 1
    while k >= 0 and sf[k].role != "delta" and not (sf[k].unit == "percent" and sf[k].role == "change"):
        k -= 1
    if k < 0 or i - k > 2 or first.value is None or second.value is None or first.unit != second.unit \
            or CLAUSE_END.search(text, sf[k].end, first.start):
        return False
    direction = _direction_before(cues, text, sf[k])
    return (direction == "increase" and first.value > second.value) or (direction == "decrease" and first.value < second.value)


def _direction_before(cues: Cues, text: str, f, reach: int = 20) -> str | None:
    """The change word ending the clause right before ``f`` ("tăng 13 vụ"): increase, decrease or None."""
    return cues.direction(re.split(r"[,;(]|\.(?!\d)", text[max(0, f.start - reach):f.start])[-1].lower().rstrip())


def _shortfall(cues: Cues, gap: str) -> bool:
    """The words after a fraction name what is missing from its whole: "(thiếu 64", ", còn thiếu 3"."""
    low = gap.lower()
    if CLAUSE_END.search(low) or len(low.split()) > 12:
        return False
    return any(low.rstrip(" (,:").endswith(w) for w in cues.shortfall)


def detect_in_words(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A fraction written in words: "77 trong tổng số 89 làng, khu dân cư" — a count, then only the words
    of ``cues.out_of``, then the whole (the part takes the whole's noun); and the rate right after it ("…, đạt 86,5%"),
    a share of the two."""
    text, sf = ctx.text, ctx.figures
    used = {fid for r in ctx.found for fid in r["figures"]}
    out = []
    for k, (a, b) in enumerate(zip(sf, sf[1:])):
        if a.id in used or b.id in used or a.role != "count" or b.role != "count" or a.unit != b.unit:
            continue
        words = " ".join(gap_after_noun(text, a, b).lower().split())
        cue = words if words in cues.out_of else _described_then_out_of(cues, words)
        if cue and (not a.noun or head_word(a) == head_word(b)):
            words = cue
            out.append(relation("fraction", [a, b], {"part": a.id, "whole": b.id}, cue=words))
            used |= {a.id, b.id}
            pct = sf[k + 2] if k + 2 < len(sf) else None
            if pct is not None and pct.id not in used and _rate_of_the_pair(cues, text, a, b, pct):
                # "1.245 hộ tham gia … trên tổng số 1.380 hộ dân, đạt 90,2%": the rate the pair in words gives
                out.append(relation("share", [a, b, pct], {"part": a.id, "whole": b.id, "percent": pct.id}, cue="a/b",
                                    evidence="the percentage right after a part out of its whole in words"))
                used.add(pct.id)
    return out


def _rate_of_the_pair(cues: Cues, text: str, part: Figure, whole: Figure, pct: Figure) -> bool:
    """The percentage right after a fraction in words is its rate: a share (no bound, change or plan), a share word
    word ending the words between them (", đạt", "đạt chuẩn, chiếm"; one clause, no "trong đó"), and no noun of its own but the pair's ("đạt 90,2% số hộ")."""
    if pct.unit != "percent" or pct.role != "share" or pct.qualifier is not None or part.qualifier is not None \
            or whole.qualifier is not None or _names_a_plan(cues, pct):
        return False
    gap = gap_after_noun(text, whole, pct)
    return cues.share_gap(gap) and not cues.subset_re.search(gap) \
        and (not pct.noun or _measures_the_pair(cues, pct, part))


def _described_then_out_of(cues: Cues, words: str) -> str | None:
    """"… 2.145 hộ gia đình đạt danh hiệu “Gia đình văn hóa” trên tổng số 2.231 hộ": a short description of the
    part (one clause, at most 12 words), then the words of ``cues.out_of`` right before the whole."""
    found = getattr(cues, "_total_out_of", None)
    if found is None:  # (the cues that name a total, longest first, and their ends: built once a language)
        totals = [cue for cue in sorted(cues.out_of, key=len, reverse=True) if " tổng" in " " + cue]
        found = cues._total_out_of = (totals, tuple(" " + cue for cue in totals))
    totals, ends = found
    if not words.endswith(ends):
        return None  # (one C test first: most gaps end with none of them)
    for cue in totals:
        if words.endswith(" " + cue):
            lead = words[:-len(cue)]
            if len(lead.split()) <= 12 and not CLAUSE_END.search(lead) and "," not in lead:
                return cue
    return None


def _pair_changes(cues: Cues, text: str, sf: list, i: int, gap: str, nxt) -> bool:
    """The change word after a slash pair speaks of the pair ("2.418/2.530 vụ, giảm 4,43%"): right after it, not
    after the words of another subject ("8/10 huyện, thành phố chỉ tiêu thu tăng trên 5%"), not as a change in
    points of a rate whose fraction the pair gives in brackets ("đạt 72,7% (612.480/842.600 người), tăng 4,3
    điểm phần trăm")."""
    if nxt is not None and nxt.unit == "pp":
        return False
    if i and sf[i - 1].unit == "percent" and text[sf[i - 1].end:sf[i].start].strip() == "(":
        return False  # the rate's own fraction in brackets
    words = [w for w in _WORDS.findall(gap.lower()) if w not in _change_words(cues)]
    return len(words) <= 3


_WORDS = re.compile(r"[^\W\d_]+")


def _change_words(cues: Cues) -> frozenset[str]:
    found = getattr(cues, "_pair_change_words", None)
    if found is None:
        found = cues._pair_change_words = frozenset(
            w for phrase in (*cues.increase, *cues.decrease, *cues.compared) for w in phrase.split())
    return found


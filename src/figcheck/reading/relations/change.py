"""change: a value and its change ("64 vụ, tăng 9 vụ (16,36%)", "5 vụ, giảm 72% so với cùng kỳ") — and the
share a count's percentage states ("2.145 khu dân cư (96,15%)"), read in the same pass because both
consume the figure that follows a count.
"""

from __future__ import annotations

import re

from figcheck.models import Figure
from figcheck.reading.relations.shared import (_LETTERS, CLAUSE_END, after_a_verb_and_another_count, baseline_in_brackets, LOOKBACK, Cues, described, described_words, SentenceContext, compatible,
                                                follows_other_count, gap_after_noun, head_word, in_brackets, last_of_a_list, relation, value_of_a_name, from_value_pattern,
                                                label_before, name_before_number, on_a_list_line, singled_out, stands_for, state_before, states_differ, after_out_of_words, right_after, state_groups)


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    used = {fid for r in ctx.found for fid in r["figures"]}
    out = _past_a_target_aside(cues, text, sf, used) if len(sf) >= 4 else []
    used |= {fid for r in out for fid in r["figures"]}
    i = 0
    while i < len(sf) - 1:
        c, d = sf[i], sf[i + 1]
        if i + 2 < len(sf) and c.id not in used and c.role in ("count", "measure") and d.role in ("count", "measure"):
            compared = _compared_before_its_change(cues, text, sf, i, used)
            if compared is not None:
                out.append(compared)
                i += len(compared["figures"])
                continue
        joined = _next_delta_of_a_list(cues, text, sf, i, out, used) if out and c.role == "count" and c.noun else None
        if joined is not None:
            # "bắt 186 vụ, 297 đối tượng, tăng 21 vụ (+12,73%) và 38 đối tượng (+14,67%)": the second delta of one
            # change word, of the earlier count of its noun — never a value with a change of its own
            if joined:
                out.append(joined)
                used |= set(joined["figures"])
                i += 2 if joined["roles"]["percent"] else 1
            else:
                i += 1
            continue
        if c.role == "share" and d.role == "delta" and i >= 1 and sf[i - 1].id not in used \
                and _change_after_its_share(cues, text, sf[i - 1], c, d):
            # "930.483 người tham gia BHYT, đạt tỷ lệ bao phủ 94,8% dân số, tăng 13.362 người so với năm 2024": the
            # share is an aside; what changed is the count before it
            c = sf[i - 1]
        # (a ratio to a target has no change of its own here: "bằng 91,2% dự toán năm, giảm 8,4%" is the value's)
        percent_base = c.unit == "percent" and d.unit in ("percent", "pp") and d.role == "change" \
            and not (c.role == "percent" and c.noun and c.noun.lower().startswith(cues.target_nouns))
        if c.id in used or d.id in used or (c.role not in ("count", "measure") and not percent_base) \
                or (c.unit == "percent" and not percent_base):
            i += 1
            continue
        if baseline_in_brackets(cues, text, c):  # (after the cheap tests above: both only pass over c)
            i += 1  # "So với năm 2025 (63 giải), số giải tăng 8 giải": 63 is the earlier value, not the current one
            continue
        if d.role == "delta" and i >= 2 and _whole_of_a_share(text, sf[i - 2], sf[i - 1], c):
            # "còn 3.486 hộ nghèo, chiếm 34,0% tổng số hộ (10.240 hộ), giảm 829 hộ": the bracket restates the
            # share's whole, an aside; what changed is the count the sentence is about
            c = sf[i - 2]
        gap = gap_after_noun(text, c, d) if c is sf[i] else text[sf[i].end:d.start]
        short = not CLAUSE_END.search(gap) and len(gap.split()) <= 8
        if percent_base and _new_subject(cues, gap):
            # "số vụ cháy tăng 11,15%, số người chết tăng 100%": two changes side by side, not one of the other
            i += 1
            continue
        # "tỷ lệ giảm 2,97%": the change of a rate, not of the count before it
        low_gap = gap.lower()
        of_rate = any(w in low_gap for w in cues.rate_words)
        # (a delta counted by the value's classifier counts the same: "1.246.800 lượt khách, tăng 164.400 lượt")
        if short and d.role == "delta" and d.noun and (head_word(d) != head_word(c) or _compound_differs(c, d)) \
                and not (c.classifier and d.noun.lower() == c.classifier.lower()) and not stands_for(cues, d, c):
            # "726 vụ, 1.222 đối tượng, tăng 103 vụ": the change is of the count with the delta's noun ("213 tác phẩm
            # của 94 tác giả, tăng 45 tác phẩm": not of the authors)
            c = next((p for p in reversed(sf[max(0, i - LOOKBACK):i]) if p.role in ("count", "measure") and p.id not in used
                      and head_word(p) == head_word(d) and not _compound_differs(p, d)
                      and not CLAUSE_END.search(text, p.end, d.start)),
                     None)
            if c is None:
                i += 1
                continue
            gap = gap_after_noun(text, c, d)
        if short and d.unit in ("percent", "pp", c.unit) and d.role in ("delta", "change") \
                and (last_of_a_list(cues, ctx, sf, c) or _singled_out_of_another(cues, text, sf, c)):
            i += 1  # "14.318 thí sinh, gồm 7.486 nữ và 6.832 nam, tăng 612 thí sinh": of the total or the part, unsaid
            continue
        if short and d.role == "delta" and (_of_another_period(cues, text, ctx.sentence.start, c)
                                            or _compared_with(cues, text, c)):
            # "Cùng kỳ năm trước phát hiện 118 vụ; … tăng 14 vụ", "chỉ còn 11 vụ so với 27 vụ của năm 2024, tức giảm 16
            # vụ": the value of the period compared with has no change of its own — the value before "so với" has
            earlier_value = c
            c = sf[i - 1] if i >= 1 and c is sf[i] and sf[i - 1].unit == c.unit and sf[i - 1].role in ("count", "measure") \
                and head_word(sf[i - 1]) == head_word(c) and sf[i - 1].id not in used \
                and _compared_with(cues, text, earlier_value) \
                and not CLAUSE_END.search(text, sf[i - 1].end, earlier_value.start) else None
            if c is None:
                i += 1
                continue
            direction = cues.direction(text[earlier_value.end:d.start]) or "increase"
            pct = sf[i + 2] if i + 2 < len(sf) and _percent_of_delta(cues, text, d, sf[i + 2]) else None
            roles = {"current": c.id, "delta": d.id, "percent": pct.id if pct else None, "previous": earlier_value.id}
            out.append(relation("change", [c, earlier_value, d] + ([pct] if pct else []), roles, direction=direction,
                                cue=direction, evidence="the value, and the one it is compared with after \"so với\""))
            i += 3 if pct else 2
            continue
        if short and d.role == "delta" and d.unit == c.unit and not _is_times(cues, c) \
                and (not d.noun or compatible(c, d) or d.unit == c.unit):
            # ("gấp 2 lần (tăng 6.000 tấn)": a multiple is no value, and tấn no change of it)
            direction = cues.direction(gap) or "increase"
            if direction == "increase" and i + 2 < len(sf) and signed_direction(sf[i + 2]) == "decrease":
                direction = "decrease"  # "giảm" stood before the delta, "(-53%)" says so again
            pct = sf[i + 2] if i + 2 < len(sf) else None
            if pct is None or not _percent_of_delta(cues, text, d, pct):
                pct = None
            k = i + (3 if pct else 2)
            # "208 bài, tăng 45 bài so với năm trước (168 bài)": the earlier value, stated beside its change
            earlier = sf[k] if k < len(sf) and (_bracketed_earlier(cues, text, c, sf[k], used)
                                                or stands_for(cues, sf[k], c) and _bracketed_earlier(cues, text, d, sf[k], used)) \
                else None
            roles = {"current": c.id, "delta": d.id, "percent": pct.id if pct and pct.unit == "percent" else None,
                     "previous": earlier.id if earlier else None}
            out.append(relation("change", [c, d] + ([pct] if pct else []) + ([earlier] if earlier else []), roles,
                                direction=direction, cue=direction))
            i = k + (1 if earlier else 0)
            continue
        if short and d.unit in ("percent", "pp") and d.role == "change" and not of_rate \
                and not follows_other_count(text, sf, i) and not _object_of_another_count(text, sf, i, c) \
                and not _runs_side_by_side(cues, text, sf, i) \
                and _measures(cues, text, d, c) \
                and not _of_a_named_item(cues, gap) and not _closes_before(gap) \
                and not (i and _where_the_count_before_is(cues, text, sf[i - 1], c, sources=True)) \
                and not _of_another_period(cues, text, ctx.sentence.start, c):
            # (nor of the count a source is counted of: "2.846 căn hộ mở bán mới từ 9 dự án, tăng 48%")
            # (not out of a bracket the count stands in: "(… của 3 đợt điều chỉnh giá) và bưu chính (giảm 0,06%)")
            direction = cues.direction(gap) or signed_direction(d)
            if direction:
                roles = {"current": c.id, "delta": None,
                         "percent": d.id if d.unit == "percent" else None, "previous": None}
                if d.unit == "pp":
                    roles["points"] = d.id
                # "117,02 tỷ USD, tăng 0,8% (tương ứng tăng 904 triệu USD)": the change restated in brackets
                delta = sf[i + 2] if i + 2 < len(sf) and d.unit == "percent" else None
                if delta is not None and (delta.id in used or delta.role != "delta" or delta.unit != c.unit
                                          or head_word(delta) not in (None, head_word(c))
                                          or not _delta_of_percent(cues, text, d, delta)
                                          or cues.direction(text[d.end:delta.start].strip(" (")) != direction
                                          or _other_period(cues, text, delta)):
                    delta = None
                if delta is not None:
                    roles["delta"] = delta.id
                earlier = sf[i + 2] if delta is None and i + 2 < len(sf) else None
                if earlier is not None and _bracketed_earlier(cues, text, c, earlier, used) and d.unit == "percent":
                    # "1.284.000 lượt, tăng 18,5% so với cùng kỳ năm 2024 (1.126.000 lượt)": the earlier value
                    roles["previous"] = earlier.id
                    delta = earlier
                out.append(relation("change", [c, d] + ([delta] if delta else []), roles, direction=direction,
                                    cue=direction))
                i += 3 if delta else 2
                continue
        if short and d.unit == "percent" and (cues.respectively_re.search(low_gap) or _list_against_list(cues, text, sf, i)):
            i += 1  # "486 … và 64 …, lần lượt chiếm 14,2% và 1,9%": each percentage is of its own count (share.py)
            continue
        if short and d.unit == "percent" and d.role == "share" and cues.share_gap(gap) and i \
                and _out_of_before(cues, text, sf[i - 1], c):
            # "bầu đủ 45 đại biểu trong tổng số 74 người ứng cử (60,8%)": the count after "trong tổng số" is the
            # whole, the one before it the part
            out.append(relation("share", [sf[i - 1], c, d], {"part": sf[i - 1].id, "percent": d.id, "whole": c.id},
                                evidence="the count after the words for 'out of' is the whole"))
            i += 2
            continue
        if short and d.unit == "percent" and d.role == "share" and cues.share_gap(gap) \
                and not _named_rate_before(cues, low_gap) \
                and not follows_other_count(text, sf, i) and not _object_of_another_count(text, sf, i, c) \
                and _measures(cues, text, d, c) and not _rate_named_of_another(cues, text, ctx.sentence.start, c) \
                and not _bracket_of_another_phrase(gap) and not _count_of_the_percentage_before(text, sf, i, gap) \
                and not after_out_of_words(cues, text, c) and not _last_of_listed_counts(cues, text, sf, i) \
                and not (i and not d.noun and after_a_verb_and_another_count(text, sf[i - 1], c)) \
                and not value_of_a_name(text, d) and not (i and _where_the_count_before_is(cues, text, sf[i - 1], c)):
            # ("làm rõ 88 vụ, bắt 142 đối tượng, đạt 92,6%": the rate may be of either count)
            out.append(relation("share", [c, d], {"part": c.id, "percent": d.id, "whole": None}))
            # (a change of the count right after its share: read next, from the share — see above)
            i += 1 if i + 2 < len(sf) and _change_after_its_share(cues, text, c, d, sf[i + 2]) else 2
            continue
        i += 1
    out += _rate_changes(cues, ctx, used | {fid for r in out for fid in r["figures"]})
    out += _multiples(cues, ctx, used | {fid for r in out for fid in r["figures"]})
    _from_and_to(cues, ctx, out, used)
    out += _after_a_semicolon(cues, ctx, used | {fid for r in out for fid in r["figures"]})
    respective = _respective_changes(cues, ctx, used | {fid for r in out for fid in r["figures"]})
    found = out + _against_bracketed_baseline(cues, ctx, used | {fid for r in out for fid in r["figures"]}, respective)
    return [_without_points_in_doubt(text, sf, r) for r in found]


def _where_the_count_before_is(cues: Cues, text: str, before: Figure, c: Figure, sources: bool = False) -> bool:
    """``c`` counts the places the count before it is in ("486 trẻ ở hai huyện Hướng Hóa và Đakrông, chiếm
    62,8%") — or, with ``sources``, where it comes from or whose it is ("2.846 căn hộ … từ 9 dự án", "1.482 chuyến
    bay của 12 hãng"): the share or change after them is of that count, not of these."""
    gap = " " + " ".join(gap_after_noun(text, before, c).lower().split())
    if CLAUSE_END.search(gap) or "," in gap or len(gap.split()) > 5:
        return False
    words = cues.lang.words("cues.locatives") + (cues.lang.words("cues.source_words") if sources else [])
    return any(gap.endswith(" " + w) for w in words)


def _closes_before(gap: str) -> bool:
    """A bracket the first figure stands in closes in the gap, and another opens after it: the percentage in that
    one is of what is named between ("(… 3 đợt điều chỉnh giá) và bưu chính (giảm 0,06%)"; not "(từ 11 người
    xuống 9 người), giảm 18,18%")."""
    close = gap.find(")")
    return close >= 0 and "(" not in gap[:close] and "(" in gap[close:]


def _of_a_named_item(cues: Cues, gap: str) -> bool:
    """A percentage in brackets after names the count introduces ("Hai nhóm giảm là giao thông (giảm 0,84% …)"):
    the named item's change, not the count's."""
    low = " " + " ".join(gap.lower().split())
    opened = low.rfind("(")
    if opened < 0 or ")" in low[opened:] or len(low[opened + 1:].split()) > 2:
        return False
    return any(f" {w} " in low[:opened] for w in cues.lang.words("cues.naming_words"))


def _past_a_target_aside(cues: Cues, text: str, sf: list[Figure], used: set[str]) -> list[dict]:
    """A value, its ratio to a target (perhaps with the target in brackets), then the value's change: "giải ngân
    4.812,6 tỷ đồng vốn đầu tư công, đạt 67,3% kế hoạch vốn … giao (7.150,0 tỷ đồng), tăng 712,4 tỷ đồng so với
    cùng kỳ năm 2025 (4.200,2 tỷ đồng)", "thu 12.486,4 tỷ đồng, bằng 110,9% dự toán năm và tăng 17,1% so với cùng
    kỳ năm 2024 (10.662,9 tỷ đồng)" — the change (a delta, or a percentage) is of the value, past the aside, with
    the earlier value in brackets after it when there is one."""
    out = []
    for k in range(1, len(sf) - 1):
        value, f = sf[k - 1], sf[k]
        if f.unit != "percent" or f.role != "percent" or not f.noun or not f.noun.lower().startswith(cues.target_nouns) \
                or value.role not in ("count", "measure") or value.id in used or f.id in used \
                or text[max(0, value.start - 2):value.start].rstrip().endswith("("):
            continue  # (a value in brackets is another target's: "bằng 108,6% dự toán … (6.893 tỷ đồng) và bằng …")
        lead = gap_after_noun(text, value, f)
        if CLAUSE_END.search(lead) or not cues.share_gap(lead.split(",")[-1]) or lead.count(",") > 1:
            continue
        at, after = k + 1, f.end  # the change's figure, and where the aside ends
        target = sf[at]
        opened = text[f.end:target.start]
        if target.unit == value.unit and opened.rstrip().endswith("(") and opened.count("(") == 1 \
                and not any(ch.isdigit() or ch in ";.)" for ch in opened):
            closed = text.find(")", target.end, target.end + 40)
            if closed < 0 or text[target.end:closed].strip(" " + (target.noun or "")).strip():
                continue
            at, after = at + 1, closed + 1
        if at >= len(sf):
            continue
        d = sf[at]
        between = gap_after_noun(text, f, d) if at == k + 1 else text[after:d.start]
        percent = d.unit == "percent" and d.role == "change"
        if d.id in used or not (d.role == "delta" and d.unit == value.unit or percent) \
                or "(" in between or ")" in between or CLAUSE_END.search(between):
            continue
        words = between.strip(" ,").split()
        # the direction word ends the words between; before it, more of the target's name and a list word at most
        # ("… dự toán năm và tăng 17,1%", "… dự toán Trung ương giao và tăng 18,6%")
        direction = cues.direction(words[-1]) if words else None
        lead = words[:-1]
        if lead and lead[-1].lower() in cues.list_and:
            lead = lead[:-1]
        if direction is None or len(lead) > 4 or any(not w.isalpha() for w in lead) or "," in between.strip(" ,"):
            continue
        earlier = sf[at + 1] if at + 1 < len(sf) and _bracketed_earlier(cues, text, value, sf[at + 1], used) else None
        roles = {"current": value.id, "delta": None if percent else d.id, "percent": d.id if percent else None,
                 "previous": earlier.id if earlier else None}
        out.append(relation("change", [value, d] + ([earlier] if earlier else []), roles, direction=direction,
                            cue=direction, evidence="the change of the value before its ratio to the target"))
        used = used | {value.id, f.id, d.id} | ({earlier.id} if earlier else set())
    return out


def _multiples(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """A value, a multiple of the value of another period or thing, and that value in brackets after it ("đạt 72
    triệu đồng/năm, gấp 3 lần so với năm 2015 (24 triệu đồng)", "480.000 lượt, gấp 1,6 lần năm 2025 (300.000
    lượt)"): the current value, the multiple, the compared value (``previous``) — each of one thing, in one unit."""
    text, sf = ctx.text, ctx.figures
    if not any(w in ctx.lower for w in _multiple_words(cues)):
        return []  # quick exit: no word of a multiple
    out = []
    for k in range(1, len(sf) - 1):
        c, t = sf[k - 1], sf[k]
        p = _compared_value_after(cues, text, sf, k)
        if p is None or not _is_times(cues, t) or t.qualifier or c.qualifier or p.qualifier or used & {c.id, t.id, p.id} \
                or c.role not in ("count", "measure", "rate") or p.role not in ("count", "measure", "rate"):
            continue
        gap = " ".join(gap_after_noun(text, c, t).lower().split())
        # (right after the value, its words and a comma: "…, gấp 3 lần", "1,26 tỷ USD vốn FDI, gấp 2,5 lần"; not "số
        # vụ gấp 2 lần …" of a count before it)
        described, _, word = gap.rpartition(",")
        if CLAUSE_END.search(gap) or word.strip() not in _multiple_words(cues) \
                or any(ch.isdigit() for ch in described) or described.count("(") != described.count(")"):
            continue
        if not _counts_alike(c, p) and k >= 2 and _counts_alike(sf[k - 2], p) \
                and _joined(text, sf[k - 2], c) and sf[k - 2].id not in used:
            # "bắt giữ 38 vụ, 61 đối tượng …, gấp 3 lần năm 2025 (19 vụ)": of the count the bracket counts, in a run
            c = sf[k - 2]
        if not _counts_alike(c, p) or _described_further(text, c, p):
            continue
        out.append(relation("change", [c, t, p], {"current": c.id, "delta": None, "percent": None, "previous": p.id,
                                                  "times": t.id},
                            direction="increase", cue="increase",
                            evidence="a multiple of the value in brackets after what it is compared with"))
        used = used | {c.id, t.id, p.id}
    return out


def _compared_value_after(cues: Cues, text: str, sf: list[Figure], k: int) -> Figure | None:
    """The value in brackets after what a multiple ``sf[k]`` compares with, in its clause: after a period ("gấp 3
    lần so với năm 2015 (24 triệu đồng)"), or after "so với" and what it names ("gấp 2,4 lần so với trồng 2 vụ lúa
    đơn thuần (45,6 triệu đồng/ha/năm)") — the bracket holding that value alone."""
    t = sf[k]
    for p in sf[k + 1:k + 4]:
        between = text[t.end:p.start]
        if CLAUSE_END.search(between) or ")" in between:
            return None
        if "(" not in between:
            continue  # ("2 vụ lúa": a number of what is compared, before its bracket)
        if between.count("(") != 1 or not between.rstrip().endswith("(") \
                or not text[p.end:p.end + 40].lstrip(" ").startswith((p.noun or p.classifier or "") + ")") \
                and not text[p.end:p.end + 2].lstrip(" ").startswith(")"):
            return None
        named = " ".join(between.lower().split()).startswith(_compared_words(cues))
        return p if baseline_in_brackets(cues, text, p) or named else None
    return None


def _joined(text: str, a: Figure, b: Figure) -> bool:
    """Two counts side by side, only a comma between: "38 vụ, 61 đối tượng"."""
    return a.role == b.role == "count" and gap_after_noun(text, a, b).strip() == ","


def _multiple_words(cues: Cues) -> tuple[str, ...]:
    found = getattr(cues, "_multiple_words", None)
    if found is None:
        found = cues._multiple_words = tuple(cues.lang.words("cues.multiple_words"))
    return found


def _counts_alike(a: Figure, b: Figure) -> bool:
    """Two values of one thing in one unit: the same unit and head word, or the second counted by the first's
    classifier or an amount of the first's unit with no noun; or an amount and a rate of that amount a unit of time ("72 triệu đồng/năm" and "24 triệu đồng")."""
    if a.unit == b.unit and (head_word(a) == head_word(b) and (a.unit != "count" or a.noun)
                             or b.noun and (b.noun or "").lower() == (a.classifier or "").lower()
                             or a.unit != "count" and not b.noun):
        # (counted by the classifier: "455.000 lượt khách" … "(350.000 lượt)"; an amount of a unit, described or not:
        # "1,26 tỷ USD vốn FDI" … "(0,70 tỷ USD)")
        return True
    for rate, amount in ((a, b), (b, a)):
        if rate.role == "rate" and amount.role == "measure" and rate.noun \
                and rate.noun.lower().startswith(amount.unit.lower() + "/") and not amount.noun:
            return True
    return False


def _rate_changes(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """A price or another amount per unit and its change in the same unit ("98.500 đồng/kg, giảm 6.200 đồng/kg so
    với tháng trước (104.700 đồng/kg)", "… so với mức 103.700 đồng/kg"): the change of the rate, with the earlier
    rate when it is stated right after the change."""
    text, sf = ctx.text, ctx.figures
    if sum(1 for f in sf if f.role == "rate") < 2:
        return []  # quick exit: no two rates
    out = []
    for k in range(len(sf) - 1):
        c, d = sf[k], sf[k + 1]
        if c.role != "rate" or d.role != "rate" or not c.noun or (d.noun or "").lower() != c.noun.lower() \
                or c.id in used or d.id in used or c.qualifier or d.qualifier:
            continue
        gap = gap_after_noun(text, c, d)
        if CLAUSE_END.search(gap) or "(" in gap or len(gap.split()) > 3:
            continue
        direction = cues.direction(gap.strip(" ,"))
        if direction is None:
            continue
        earlier = sf[k + 2] if k + 2 < len(sf) else None
        if earlier is not None:
            between = " ".join(gap_after_noun(text, d, earlier).lower().split())
            if earlier.role != "rate" or (earlier.noun or "").lower() != c.noun.lower() or earlier.id in used \
                    or earlier.qualifier or CLAUSE_END.search(between) \
                    or not (baseline_in_brackets(cues, text, earlier) and between.endswith("(")
                            or cues.compared_re.match(between) and len(between.split()) <= 4
                            and not any(ch.isdigit() for ch in between)):
                earlier = None
        roles = {"current": c.id, "delta": d.id, "percent": None, "previous": earlier.id if earlier else None}
        out.append(relation("change", [c, d] + ([earlier] if earlier else []), roles, direction=direction,
                            cue=direction, evidence="a rate and its change in the same unit"))
        used = used | {c.id, d.id} | ({earlier.id} if earlier else set())
    return out


def _from_and_to(cues: Cues, ctx: SentenceContext, found: list[dict], used: set[str]) -> None:
    """"số vụ giảm từ 124 vụ xuống còn 98 vụ, giảm 24 vụ": the value after "từ" is the earlier one of the change
    whose current value follows "xuống còn" (or "lên"), in the same unit and counting the same thing — it
    becomes that change's previous value."""
    text, sf = ctx.text, ctx.figures
    pattern = from_value_pattern(cues)
    by_id = {f.id: f for f in sf}
    position = {f.id: k for k, f in enumerate(sf)}  # (by id, not ``sf.index``: linear in the sentence's changes)
    for r in found:
        current = by_id.get(r["roles"].get("current"))
        if current is None or r["roles"].get("previous") is not None:
            continue
        k = position[current.id]
        if k == 0:
            continue
        earlier = sf[k - 1]
        # a rate ("tỷ lệ hộ nghèo giảm từ 3,25% xuống còn 2,14%, giảm 1,11 điểm phần trăm") changes from a rate
        roles = ("percent", "share") if current.unit == "percent" else ("count", "measure")
        if earlier.id in used or earlier.unit != current.unit or earlier.role not in roles \
                or earlier.qualifier is not None or head_word(earlier) not in (None, head_word(current)):
            continue
        before = text[max(ctx.sentence.start, earlier.start - 30):earlier.start].lower()
        direction = r.get("direction")
        m = pattern.search(before)
        if m is None or cues.direction(m.group("dir")) != direction \
                or not _TO_GAP.match(text, earlier.end, current.start) \
                or not any(text[earlier.end:current.start].lower().rstrip().endswith(" " + w) for w in cues.lang.words("cues.change_to")):
            continue
        delta = by_id.get(r["roles"].get("delta"))
        if delta is not None and _another_period_between(cues, text, current, delta):
            continue  # "giảm từ 124 vụ xuống còn 64 vụ, riêng năm 2025 giảm 15 vụ": the delta is of one year
        r["roles"]["previous"] = earlier.id
        r["figures"].append(earlier.id)
        r["start"] = min(r["start"], earlier.start)


def _another_period_between(cues: Cues, text: str, current: Figure, delta: Figure) -> bool:
    """Between a value and its delta, a period's name or a word that singles one out ("…, riêng năm 2025 giảm
    15 vụ"): the delta is of that period, not of the span the values before it cover."""
    between = text[current.end:delta.start].lower()
    # (the current value's own period in brackets after it: "xuống còn 1.986 hộ (năm 2025), giảm 1.526 hộ")
    between = _OWN_BRACKET.sub(" ", between, count=1)
    return any(r.search(between) for r in cues.lang.period_regexes) \
        or any(f" {w} " in f" {between} " for w in cues.lang.words("cues.singled_out"))


_OWN_BRACKET = re.compile(r"^[^\W\d_\s]*+(?:\s++[^\W\d_\s]++){0,3}?\s*+\([^()]{0,40}\)")  # its noun, then "(…)"
_TO_GAP = re.compile(r"[^\d,;.()]{0,40}")  # only words between the earlier value and the current one


def _after_a_semicolon(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """"Năm 2025 xảy ra 128 vụ tai nạn giao thông, làm 61 người chết; giảm 14 vụ so với năm 2024 (142 vụ)": a
    clause that opens with the change word after ";" changes the count of the delta's own noun before it —
    read only where the earlier value is printed in brackets after the delta, so that all three values are
    stated, and where the clause before holds one count of that noun."""
    text, sf = ctx.text, ctx.figures
    if ";" not in ctx.lower:
        return []  # (no clause after a ";" in the sentence)
    out = []
    for k, d in enumerate(sf):
        if d.role != "delta" or d.id in used or k == 0 or k + 1 >= len(sf):
            continue
        semi = text.rfind(";", ctx.sentence.start, d.start)
        if semi < 0 or sf[k - 1].start > semi:
            continue  # the delta is not the clause's first figure
        direction = cues.direction(text[semi + 1:d.start])
        if direction is None or len(text[semi + 1:d.start].split()) > 2:
            continue
        start = text.rfind(";", ctx.sentence.start, semi) + 1 or ctx.sentence.start
        same = [c for c in sf[:k] if start <= c.start < semi and c.role in ("count", "measure") and c.unit == d.unit
                and head_word(c) == head_word(d) and not _compound_differs(c, d) and not singled_out(cues, text, c)]
        if len(same) != 1 or same[0].id in used:
            continue
        c = same[0]
        pct = sf[k + 1] if _percent_of_delta(cues, text, d, sf[k + 1]) else None
        at = k + (2 if pct else 1)
        earlier = sf[at] if at < len(sf) and _bracketed_earlier(cues, text, c, sf[at], used) else None
        if earlier is None:
            continue
        roles = {"current": c.id, "delta": d.id, "percent": pct.id if pct else None, "previous": earlier.id}
        out.append(relation("change", [c, d] + ([pct] if pct else []) + [earlier], roles, direction=direction,
                            cue=direction, evidence="the change after ';' of the count of its noun, with the earlier "
                                                    "value in brackets"))
        used = used | {c.id, d.id, earlier.id}
    return out


def _without_points_in_doubt(text: str, sf: list[Figure], r: dict) -> dict:
    """A change whose percentage stands in brackets after its delta, in a sentence that gave a rate before the
    delta ("So với cuối năm 2023 (12.164 hộ nghèo, tỷ lệ 3,89%), số hộ nghèo giảm 2.318 hộ (0,77%)"): the
    percentage may be the rate's change in points as well as the count's change in per cent, so it is not read."""
    roles = r["roles"]
    if r["kind"] != "change" or not roles.get("percent") or not roles.get("delta"):
        return r
    by_id = {f.id: f for f in sf}
    d, pct = by_id.get(roles["delta"]), by_id.get(roles["percent"])
    if d is None or pct is None or pct.start < d.end or not text[d.end:pct.start].rstrip().endswith("(") \
            or CLAUSE_END.search(text, d.end, pct.start) or text.count(")", d.end, pct.start):
        return r
    if any(f.unit == "percent" and f.role in ("share", "percent") and f.end <= d.start for f in sf):
        roles["percent"] = None
        r["figures"] = [fid for fid in r["figures"] if fid != pct.id]
    return r


def _counts_by_its_noun(current: Figure, delta: Figure) -> bool:
    """The delta counts by the current value's noun, or by its first words ("214 hộ nghèo" … "giảm 61 hộ")."""
    mine, theirs = (current.noun or "").lower().split(), (delta.noun or "").lower().split()
    return bool(theirs) and mine[:len(theirs)] == theirs


def _against_bracketed_baseline(cues: Cues, ctx: SentenceContext, used: set[str], respective: list[dict]) -> list[dict]:
    """"So với năm 2024 (1.824,5 tỷ đồng), tổng thu tăng 322,3 tỷ đồng, tương đương 15,3%": the earlier value,
    the change and its percentage, all in one sentence that opens with the comparison — the percentage is the
    change over the earlier value, whatever the current value; "(384 vụ, 548 đối tượng), số vụ tăng 42 vụ
    (+10,9%), số đối tượng tăng 64 đối tượng": each change takes the earlier value of its own noun. The changes
    read across sentences (``respective``) are returned too: one of these changes keeps its current value, with
    the earlier value beside it, only where that value stands in the sentence just before, counts by the
    delta's own noun and agrees with both ("Năm nay xảy ra 62 vụ. So với cùng kỳ (71 vụ), giảm 9 vụ"); else it
    is dropped ("… 3 ủy viên Thường trực. So với khóa XV (88 vị), số ủy viên tăng 8 vị") — the sentence states
    what it needs itself, and a current value in doubt is no evidence against it."""
    text, sf = ctx.text, ctx.figures
    if not _opens_with_comparison(cues, text, ctx):
        return respective
    found = _bracketed_baseline_changes(cues, text, sf, used)
    if not found:
        return respective
    near = {f.id for f in ctx.previous} | {f.id for f in sf}
    by_id = {f.id: f for f in ctx.previous + sf}
    out = [r for r in respective if not any(r["roles"].get("delta") == d.id or pct is not None
                                            and r["roles"].get("percent") == pct.id for _, d, pct, _ in found)]
    for b, d, pct, direction in found:
        mine = relation("change", [b, d] + ([pct] if pct else []),
                        {"current": None, "delta": d.id, "percent": pct.id if pct else None, "previous": b.id},
                        direction=direction, cue=direction,
                        evidence="the earlier value in brackets after the period compared with")
        for r in respective:
            cur = by_id.get(r["roles"].get("current"))
            if r["roles"].get("delta") == d.id and cur is not None and cur.id in near \
                    and r.get("direction") == direction and _counts_by_its_noun(cur, d) \
                    and _agrees(cur, b, d, direction):
                r["roles"]["previous"] = b.id
                r["figures"].append(b.id)
                r["start"] = min(r["start"], b.start)
                mine = r
        out.append(mine)
    return out


def _named_rate_before(cues: Cues, gap: str) -> bool:
    """The gap names a rate of its own, whose value the bracket gives ("2 chỉ tiêu chưa đạt gồm tỷ lệ đô thị hóa
    (đạt 31,2%"): the percentage is that rate, not the count's share — unlike "đạt tỷ lệ 97,9%"."""
    opened = gap.rfind("(")
    if opened < 0:
        return False
    lead = gap[:opened]
    for w in cues.rate_words:
        at = lead.rfind(w)
        if at >= 0 and lead[at + len(w):].strip():
            return True
    return False


def _singled_out_of_another(cues: Cues, text: str, sf: list[Figure], c: Figure) -> bool:
    """``c`` is singled out of a count of its kind before it ("Năm 2025 xảy ra 214 vụ; riêng tháng 12 xảy ra 24
    vụ, giảm 14 vụ so với năm 2024 (228 vụ)"): a change after it may be of either."""
    return singled_out(cues, text, c) and any(
        f.start < c.start and f.unit == c.unit and f.role in ("count", "measure") and head_word(f) == head_word(c)
        for f in sf)


def _agrees(current: Figure, previous: Figure, delta: Figure, direction: str) -> bool:
    """The current value read across sentences, the earlier one and the delta agree: where they do not, which
    value the sentence before means is in doubt ("… 612.400 lượt khách lưu trú, trong đó khách quốc tế 138.600
    lượt. So với tháng 9 (586.200 lượt), tổng lượt khách tăng 26.200 lượt"), so no current value is read."""
    if current.value is None or previous.value is None or delta.value is None:
        return False
    sign = 1 if direction == "increase" else -1
    return abs((current.value - previous.value) * sign - delta.value) <= 1e-9 * max(1.0, abs(current.value))


def _bracketed_baseline_changes(cues: Cues, text: str, sf: list[Figure], used: set[str]) -> list[tuple]:
    """The earlier values in the bracket after the period compared with, and after it, each delta (with its
    percentage, if one follows) with the earlier value of its own noun: (earlier, delta, percent, direction).
    None where a delta's noun fits no earlier value, or two."""
    bases = [b for b in sf if b.id not in used and b.role in ("count", "measure") and b.qualifier is None
             and baseline_in_brackets(cues, text, b)]
    if not bases:
        return []
    close = text.find(")", bases[-1].end)
    if close < 0 or CLAUSE_END.search(text, bases[0].end, close):
        return []
    out = []
    after = [f for f in sf if f.start > close]
    for k, d in enumerate(after):
        if d.role != "delta" or d.id in used or d.qualifier is not None:
            continue
        mine = [b for b in bases if b.unit == d.unit and (b.unit != "count" or not d.noun or not b.noun
                                                          or head_word(b) == head_word(d) and not _compound_differs(b, d))]
        if len(mine) != 1:
            return []
        pct = after[k + 1] if k + 1 < len(after) else None
        if pct is not None and (pct.id in used or pct.unit != "percent" or not _percent_of_delta(cues, text, d, pct)):
            pct = None
        if pct is None and not out and len(bases) == 1 and mine[0].unit != "count":
            return []  # (a measure's change with no percentage: nothing to test but the current value, unread)
        direction = cues.direction(text[max(close + 1, (after[k - 1].end if k else close + 1)):d.start]) \
            or (signed_direction(pct) if pct else None)
        if direction is None:
            return []
        out.append((mine[0], d, pct, direction))
    return out


def _change_after_its_share(cues: Cues, text: str, count: Figure, pct: Figure, delta: Figure) -> bool:
    """``count``, its share ``pct`` right after it (a share word between), then at once a change word and
    ``delta`` of the count's own unit and head word, all in one clause: the delta is the count's."""
    if pct.unit != "percent" or count.role not in ("count", "measure") or count.unit != delta.unit \
            or count.qualifier is not None or (delta.noun and head_word(delta) != head_word(count)) \
            or CLAUSE_END.search(text, count.end, delta.start) or "(" in text[count.end:delta.start]:
        return False
    if not cues.share_gap(gap_after_noun(text, count, pct)):
        return False
    after = text[pct.end:delta.start]
    return len(after.split()) <= 5 and cues.direction(after.rsplit(",", 1)[-1]) is not None \
        and "," in after


def _whole_of_a_share(text: str, part: Figure, pct: Figure, f: Figure) -> bool:
    """``f`` is in brackets right after the share ``pct`` of ``part`` names its whole ("3.486 hộ nghèo, chiếm
    34,0% tổng số hộ (10.240 hộ)")."""
    # (of amounts too: "18.600 ha, chiếm 30,0% tổng diện tích rừng trồng (62.000 ha), tăng 2.400 ha")
    return pct.unit == "percent" and part.role in ("count", "measure") and part.unit == f.unit != "percent" \
        and text.rfind("(", pct.end, f.start) >= 0 and not re.search(r"[;.)]|\d", text[pct.end:f.start]) \
        and (head_word(part) == head_word(f) or part.unit != "count") and in_brackets(text, f) \
        and not CLAUSE_END.search(text, part.end, pct.start)


def _out_of_before(cues: Cues, text: str, part: Figure, whole: Figure) -> bool:
    """``part``, its noun and a few words, then the words for "out of" right before ``whole`` ("45 đại biểu trong
    tổng số 74 người ứng cử"): counts in one unit, in one clause."""
    if part.role != "count" or whole.role != "count" or part.unit != whole.unit or part.id == whole.id \
            or part.value is None or whole.value is None or part.value > whole.value:
        return False
    words = " ".join(gap_after_noun(text, part, whole).lower().split())
    return not CLAUSE_END.search(words) and "," not in words and len(words.split()) <= 12 \
        and any(words == w or words.endswith(" " + w) for w in cues.out_of)


def _compound_differs(a: Figure, b: Figure) -> bool:
    """Both nouns are compounds that share their first word only: "tác phẩm" and "tác giả", "người chết" and
    "người bị thương" — two things, though one head word."""
    x, y = (a.noun or "").lower().split(), (b.noun or "").lower().split()
    return len(x) >= 2 and len(y) >= 2 and x[0] == y[0] and x[1] != y[1]


def _compared_before_its_change(cues: Cues, text: str, sf: list[Figure], i: int, used: set[str]) -> dict | None:
    """"xảy ra 21 vụ trộm cắp, so với cùng kỳ năm 2024 (29 vụ) giảm 8 vụ": the period compared with and its value
    in brackets stand between the value and its change — the value, its change (and its percentage) and the earlier
    value, or None."""
    c, earlier, delta = sf[i], sf[i + 1], sf[i + 2]
    if delta.id in used or delta.role != "delta" or delta.unit != c.unit \
            or (delta.noun and head_word(delta) != head_word(c)) or not _bracketed_earlier(cues, text, c, earlier, used):
        return None
    between = text[c.end:earlier.start]
    if CLAUSE_END.search(between) or not cues.compared_re.search(between):
        return None
    close = text.find(")", earlier.end, delta.start)
    after = text[close + 1:delta.start] if close >= 0 else ""
    direction = cues.direction(after) if after.strip() and len(after.split()) <= 3 else None
    if direction is None:
        return None
    pct = sf[i + 3] if i + 3 < len(sf) and sf[i + 3].unit == "percent" and _percent_of_delta(cues, text, delta, sf[i + 3]) \
        else None
    roles = {"current": c.id, "delta": delta.id, "percent": pct.id if pct else None, "previous": earlier.id}
    return relation("change", [c, delta] + ([pct] if pct else []) + [earlier], roles, direction=direction, cue=direction)


def _bracketed_earlier(cues: Cues, text: str, c: Figure, earlier: Figure, used: set[str]) -> bool:
    """``earlier`` is the value of the period ``c`` is compared with, in brackets after that period
    ("… so với cùng kỳ năm 2024 (1.126.000 lượt)"): a plain value of the same thing in the same unit."""
    return earlier.id not in used and earlier.role in ("count", "measure") and earlier.unit == c.unit \
        and not _compound_differs(c, earlier) \
        and (head_word(earlier) in (None, head_word(c)) or (earlier.noun or "").lower() == (c.classifier or "").lower()) \
        and earlier.qualifier is None and baseline_in_brackets(cues, text, earlier) \
        and not _described_further(text, c, earlier)


def _described_further(text: str, c: Figure, f: Figure) -> bool:
    """Words after a bracketed value's noun, in its bracket, narrow what it counts ("(năm 2024 có 11 vụ do đốt
    nương rẫy)": the fires of one cause, no earlier value of all fires), or its noun does ("(năm 2024 có 4 vụ cháy
    lớn)" after "31 vụ cháy rừng": neither noun begins the other)."""
    mine, theirs = (c.noun or "").lower().split(), (f.noun or "").lower().split()
    if mine and len(theirs) > 1 and theirs[:len(mine)] != mine and mine[:len(theirs)] != theirs:
        return True
    rest = text[f.end:f.end + 120]
    stop = min((k for k in (rest.find(")"), rest.find(","), rest.find(";")) if k >= 0), default=-1)
    if stop < 0:
        return False
    rest = rest[:stop].strip()
    noun = (f.noun or "").strip()
    if noun and rest.startswith(noun):
        rest = rest[len(noun):].strip()
    return bool(rest)


_CLAUSE_BEFORE = re.compile(r"[;,(]|\.(?!\d)")  # what ends the clause a change word before a figure stands in


def _respective_changes(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """Changes stated after their values, across a clause or from the next sentence: "xảy ra 1.250 vụ,
    làm chết 552 người; so với cùng kỳ giảm 55 vụ (-4,2%), giảm 35 người chết (-6%)". Each delta goes to
    the latest earlier count of the same thing — the same noun, or the same head word when only one
    earlier noun has it; where that is ambiguous, to none.
    """
    text, sf = ctx.text, ctx.figures
    if not any(d.unit == "percent" and d.role in ("change", "share", "percent") or d.role == "delta" and d.noun
               and d.unit == "count" for d in sf):
        return []  # quick exit: no figure a change could be read from (the loop below takes none)
    out = []
    in_order = _in_order(cues, ctx, used)
    carried: tuple[Figure, str] | None = None  # the last percentage change whose noun named what changed
    for k, d in enumerate(sf):
        # "số vụ cháy tăng 11,15%"; and the next of a list after one change word ("giảm 40,94% số vụ, 37,9% …")
        bare_percent = d.unit == "percent" and (d.role == "change" or carried is not None and d.role in ("share", "percent"))
        if d.id in used or not (bare_percent or d.role == "delta" and d.noun and d.unit == "count"):
            continue
        # (from the figure before it at the most: "số vụ giảm hai vụ nhưng số người mắc tăng 46 người")
        # (a bound is part of the name: "số bài đạt từ 8 điểm tăng 33.662 bài")
        last = next((f for f in reversed(sf[:k]) if f.role != "threshold"), None)
        floor = max(ctx.sentence.start, d.start - 60, last.end if last is not None else 0)
        clause = _CLAUSE_BEFORE.split(text[floor:d.start].lower())[-1]
        direction = cues.direction(clause.rstrip())
        after_noun = _noun_after(cues, text, d) if bare_percent and d.noun else None
        if direction is None and after_noun and carried is not None \
                and _next_in_list(cues, text[carried[0].end:d.start]):
            # "(giảm 40,94% số vụ, 37,9% số người chết và 45,58% số người bị thương)": one change word for all
            direction = carried[1]
        if direction is None:
            continue  # "giảm 55 vụ": the change word stands right before the delta
        named = _named(cues, clause) or after_noun  # "số người chết giảm 1.033 người", "giảm 40,94% số vụ"
        if named is None and any(f.role == "threshold" and floor <= f.start < d.start for f in sf):
            continue  # "số bài đạt từ 8 điểm tăng 33.662 bài": what has the bound, the reader cannot name
        if bare_percent and not named:
            continue
        pools = [[p for p in sf[max(0, k - LOOKBACK):k] if p.role in ("count", "measure") and p.id not in used
                  and not baseline_in_brackets(cues, text, p) and not _of_another_period(cues, text, ctx.sentence.start, p)
                  and not _compared_with(cues, text, p)]]
        if not pools[0] and _opens_with_comparison(cues, text, ctx):
            before = _values_before(ctx)
            long_name = _named_after_so(clause.split()[:-1])  # (the words before the change word)
            if before and not any(p in ctx.previous for p in before):
                named = named or (tuple(long_name) if len(long_name) > 1 else None)
            pools.append(before)
            # "… ghi nhận 24 vụ … . So với cùng kỳ, … cả 3 tiêu chí đều đi xuống. Cụ thể, so với cùng kỳ, số vụ
            # giảm 59 vụ …": a sentence between may state nothing the changes name; the one before it may
            if not _speaks_of(ctx.previous, sf):
                pools += [[p for p in e[-LOOKBACK:] if p.role in ("count", "measure")] for e in ctx.earlier]
            ahead = text[ctx.sentence.end:ctx.following[0].start] if ctx.following else ""
            opens_part = any(ahead.lower().lstrip(" \n,").startswith(w) for w in cues.part_openers)
            if not any(p.role in ("count", "measure") for p in sf) and not opens_part \
                    and not any(p.role in ("count", "measure") for p in ctx.previous):
                # (only where no values were stated before: after them, "So với kỳ nghỉ lễ năm 2024, giảm 15 người
                # chết" is of those, written another way — "làm chết 26 người" — not of the next sentence's)
                # "So với kỳ nghỉ năm trước, giảm 154 vụ (28,79%), … . Chín ngày nghỉ Tết, cả nước ghi nhận
                # 381 vụ …": a sentence of changes alone may come before the values it compares (not before
                # a part of them: "Trong số các vụ, đường bộ có 789 vụ")
                pools.append([p for p in ctx.following[:LOOKBACK] if p.role in ("count", "measure")])
        current = in_order.get(d.id) or _current_of(text, pools, [named] if named else [] if bare_percent else [],
                                                    None if bare_percent else described_words(text, d, _fillers(cues)),
                                                    _fillers(cues), cues)
        if current is None:
            continue  # none, or several earlier counts of that thing: whose change it is stays unsaid
        if d.role == "delta" and d.noun and d.unit == "count" and current.unit == "count" \
                and head_word(d) not in (head_word(current), (current.classifier or "").lower()) \
                and d.noun.lower() not in cues.classifiers and not stands_for(cues, d, current) and not _is_times(cues, d) \
                and cues.kind_of(d) != cues.kind_of(current):
            continue  # "tổng chỉ tiêu của 4 trường tăng 90 học sinh": the delta counts another thing than the schools
        if current not in sf and not named and _named_more_than(cues, text, clause, current, pools):
            continue  # "… lần lượt là 12.840, 6.215 và 268.460 người. … số người tham gia BHXH tự nguyện tăng 735 người"
        if bare_percent and current.end <= d.start and _of_a_named_item(cues, text[current.end:d.start]):
            continue  # "Hai nhóm giảm là giao thông (giảm 0,84%)": the named group's change
        if current not in sf and cues.is_average(text, current):
            continue  # "Bình quân mỗi ngày, … xử lý 234 trường hợp vi phạm": an average has no change of its own here
        if current not in sf and _named_otherwise(clause, label_before(text, current)):
            # "Số người tham gia bảo hiểm thất nghiệp là 128.640 người. So với cùng kỳ, số người tham gia bảo hiểm xã
            # hội tự nguyện tăng 9.240 người": each sentence names what it counts, and not the same thing
            continue
        # (with the state its number follows: "làm chết 98 người" counts "người chết")
        said = described_words(text, current, _fillers(cues)) + state_before(cues, text, current)
        # (the delta's own words say its state first: "giảm 1 người chết và tăng 32 người bị thương")
        own_words = () if bare_percent else described_words(text, d, _fillers(cues))
        if _states_apart(cues, said, own_words if state_groups(cues, own_words) else named or ()):
            continue  # "bị thương 121 người, … số người chết giảm 12 người": the dead are not the injured
        if current not in sf and named and len(named) > len(said) and named[:len(said)] == said:
            # "… 234 trường hợp vi phạm. … số trường hợp vi phạm nồng độ cồn bị xử lý giảm 368 trường hợp": the
            # change names a kind of what the count before counts
            continue
        more = [w for w in said[len(named):] if w not in cues.list_and] if named and said[:len(named)] == named else []
        if current not in sf and more \
                and any(head_word(p) == head_word(current) and p.sentence != current.sentence
                        for e in ctx.earlier for p in e):
            # "… 1.288 vụ … . Có 96 vụ do người chưa có GPLX … . So với năm 2025, số vụ giảm 64 vụ": "số vụ" names
            # all of them; the sentence before gave a kind of them, an earlier one the total — which, unsaid
            continue
        direction = direction or "increase"
        if bare_percent:
            # "số vụ tăng 20,5% (tăng 30 vụ)": the delta may follow its percentage, in brackets
            delta = sf[k + 1] if k + 1 < len(sf) else None
            if delta is None or delta.id in used or delta.role != "delta" or not _delta_of_percent(cues, text, d, delta) \
                    or delta.unit != current.unit or head_word(delta) not in (None, head_word(current)):
                delta = None
            roles = {"current": current.id, "delta": delta.id if delta else None, "percent": d.id, "previous": None}
            out.append(relation("change", [current, d] + ([delta] if delta else []), roles, direction=direction,
                                cue=direction, evidence="the percentage names what changed"))
            used |= {d.id} | ({delta.id} if delta else set())
            carried = (d, direction) if after_noun else None
            continue
        nxt = sf[k + 1] if k + 1 < len(sf) else None
        if _is_times(cues, d):
            # "người bị thương tăng 2,4 lần (tăng 22 người)": a multiple, the change itself in brackets after it
            gap = gap_after_noun(text, d, nxt) if nxt is not None else ""
            if nxt is None or nxt.id in used or nxt.role != "delta" or nxt.unit != current.unit \
                    or head_word(nxt) not in (None, head_word(current)) or not gap.lstrip().startswith("(") \
                    or ")" in gap or cues.direction(gap.strip(" (")) != direction or _other_period(cues, text, nxt):
                continue  # a multiple alone says nothing the reader can test
            roles = {"current": current.id, "delta": nxt.id, "percent": None, "previous": None, "times": d.id}
            out.append(relation("change", [current, d, nxt], roles, direction=direction, cue=direction,
                                evidence="a multiple of the earlier value, the change in brackets"))
            used |= {d.id, nxt.id}
            continue
        pct = nxt
        if pct is None or pct.unit != "percent" or not _percent_of_delta(cues, text, d, pct):
            pct = None
        earlier = _earlier_after(cues, ctx, current, pct or d, used)
        roles = {"current": current.id, "delta": d.id, "percent": pct.id if pct else None,
                 "previous": earlier.id if earlier else None}
        out.append(relation("change", [current, d] + ([pct] if pct else []) + ([earlier] if earlier else []), roles,
                            direction=direction, cue=direction))
        used |= {d.id} | ({pct.id} if pct else set()) | ({earlier.id} if earlier else set())
    return out


def _next_delta_of_a_list(cues: Cues, text: str, sf: list[Figure], i: int, out: list[dict], used: set[str]):
    """A count joined by "và" or a comma to the delta of the change just read, of another noun, after earlier counts
    of both nouns: "186 vụ, 297 đối tượng …, tăng 21 vụ (+12,73%) và 38 đối tượng (+14,67%)" — the second delta
    of the one change word. Returns its change (of the earlier count of its noun, with its bracketed percentage),
    ``{}`` where the count is such a delta but whose, or which way, is unsure, None where it is no such delta."""
    c = sf[i]
    last = out[-1]
    delta_id = last["roles"].get("delta")
    if last["kind"] != "change" or not delta_id or c.qualifier is not None:
        return None
    k = next((j for j in (i - 1, i - 2) if j >= 0 and sf[j].id == delta_id), None)
    if k is None or (k == i - 2 and sf[i - 1].id != last["roles"].get("percent")):
        return None
    delta = sf[k]
    gap = text[sf[i - 1].end:c.start]
    if k == i - 1 and delta.noun and gap.lstrip().startswith(delta.noun):
        gap = gap.lstrip()[len(delta.noun):]
    if gap.strip(" )") not in (",", *cues.list_and, *(", " + w for w in cues.list_and)) \
            or head_word(c) == head_word(delta) or delta.unit != c.unit:
        return None
    current_of_delta = last["roles"].get("current")
    window = sf[max(0, k - LOOKBACK):k]  # (near the delta only: linear on a long sentence of counts)
    earlier = [p for p in window if p.role in ("count", "measure") and p.unit == c.unit and p.id != current_of_delta]
    if not any(p.id == current_of_delta for p in window):
        return None  # (the first change's value stated in this sentence, before it: a list of values, then of deltas)
    same = [p for p in earlier if head_word(p) == head_word(c) and not states_differ(cues, text, p, c)]
    if not same:
        return None
    current = same[-1] if len(same) == 1 and same[-1].id not in used else None
    nxt = sf[i + 1] if i + 1 < len(sf) else None
    pct = nxt if nxt is not None and nxt.unit == "percent" and text[c.end:nxt.start].rstrip().endswith("(") \
        and _percent_of_delta(cues, text, c, nxt) else None
    direction = last.get("direction")
    if current is None or direction is None or (pct is not None and signed_direction(pct) not in (None, direction)):
        return {}
    roles = {"current": current.id, "delta": c.id, "percent": pct.id if pct else None, "previous": None}
    return relation("change", [current, c] + ([pct] if pct else []), roles, direction=direction, cue=direction,
                    evidence="the next delta after one change word, of the earlier count of its noun")


def _earlier_after(cues: Cues, ctx: SentenceContext, current: Figure, last: Figure, used: set[str]) -> Figure | None:
    """The earlier value in brackets right after a change read from its delta ("So với năm 2024, số vụ cháy tăng
    9 vụ (năm 2024 là 86 vụ)"): the figure after the change's last one, in brackets after the period it is of,
    counting the current value's thing in its unit. (A current value from the sentence before is read only where
    this one opens with the comparison: ``_respective_changes``.)"""
    sf = ctx.figures
    k = next((n for n, f in enumerate(sf) if f.id == last.id), None)
    if k is None or k + 1 >= len(sf):
        return None
    earlier = sf[k + 1]
    if CLAUSE_END.search(ctx.text, last.end, earlier.start) or ctx.text.rfind("(", last.end, earlier.start) < 0:
        return None
    return earlier if _bracketed_earlier(cues, ctx.text, current, earlier, used) else None


def _next_in_list(cues: Cues, gap: str) -> bool:
    """The words between two percentages end with a list separator, after at most a few words of the
    first one's noun ("số vụ, ", "số người chết và ")."""
    low = gap.lower().rstrip()
    return not CLAUSE_END.search(gap) and len(low.split()) <= 5 and (
        low.endswith(",") or any(low.endswith(" " + w) for w in cues.list_and))


def _noun_after(cues: Cues, text: str, pct: Figure) -> tuple[str, ...] | None:
    """The words a percentage change names after it ("giảm 40,94% số vụ" → ("vụ",), "37,9% số người chết và
    …" → ("người", "chết")), up to a list word; None when it names nothing."""
    words = []
    for w in described(text, pct):
        if w in cues.list_and:
            break
        words.append(w)
    return tuple(words) or None


def _in_order(cues: Cues, ctx: SentenceContext, used: set[str]) -> dict[str, Figure]:
    """Changes that follow their values one for one: "ghi nhận 2.742 vụ; khám phá 2.313 vụ; bắt giữ 4.974 đối
    tượng. So với tháng trước, giảm 171 vụ, giảm 265 vụ được khám phá, giảm 1.381 đối tượng …" — as many
    deltas as the sentence before has counts, counting the same things in the same order. Needed only where
    a noun repeats (two counts of "vụ"); each delta's value is then the count in its place."""
    if not _opens_with_comparison(cues, ctx.text, ctx):
        return {}
    deltas = [f for f in ctx.figures if f.role == "delta" and f.noun and f.unit == "count" and f.id not in used]
    values = _values_before(ctx)
    heads = [head_word(f) for f in deltas]
    if len(deltas) < 2 or len(set(heads)) == len(heads) or heads != [head_word(v) for v in values] \
            or any(d.unit != v.unit for d, v in zip(deltas, values)):
        return {}
    for d, v in zip(deltas, values):
        clause = _CLAUSE_BEFORE.split(ctx.text[max(ctx.sentence.start, d.start - 60):d.start].lower())[-1]
        named = _named(cues, clause)
        if named and described(ctx.text, v)[:len(named)] != named \
                and (any(described(ctx.text, w)[:len(named)] == named for w in values)
                     or _verb_names_another(ctx.text, named, v, values)):
            # "người bị thương giảm 10 người" names another value than the one in its place — by its noun, or by
            # the verb before it ("làm chết 71 người, bị thương 62 người. … số người bị thương giảm 13 người nhưng
            # số người chết lại tăng 8 người"): the order says nothing then
            return {}
    return {d.id: v for d, v in zip(deltas, values)}


def _values_before(ctx: SentenceContext) -> list[Figure]:
    """The values of the sentence before, that a sentence of changes compares — or, where each of them stands on a
    line of a list, those of the nearest earlier sentence that is no such line: "… xảy ra 68 vụ … . Cụ thể:\n- Huyện
    A: 14 vụ, …;\n- Huyện B: 10 vụ, … .\nSo với cùng kỳ năm 2024 (75 vụ …), giảm 7 vụ": the items divide the total,
    the change is the total's."""
    before = [p for p in ctx.previous[-LOOKBACK:] if p.role in ("count", "measure")]
    if before and all(on_a_list_line(ctx.text, p) for p in before):
        before = next(([p for p in e[-LOOKBACK:] if p.role in ("count", "measure")] for e in ctx.earlier
                       if not all(on_a_list_line(ctx.text, p) for p in e)), [])
    return before


def _verb_names_another(text: str, named: tuple[str, ...], v: Figure, values: list[Figure]) -> bool:
    """The words ``named`` adds to its head stand right before another of ``values``, not before ``v``."""
    extra = " ".join(named[1:])
    if not extra:
        return False

    def said_before(f: Figure) -> bool:
        return extra in " ".join(text[max(0, f.start - 25):f.start].lower().split())

    return not said_before(v) and any(said_before(w) for w in values if w is not v)


def _named_after_so(words: list[str]) -> list[str]:
    """The words after the last "số" of a clause's words (what "số …" names), or none."""
    at = max((k for k, w in enumerate(words) if w == "số"), default=-1)
    return words[at + 1:] if at >= 0 else []


def _named_otherwise(change_clause: str, label: str) -> bool:
    """A change's clause and an earlier count's label each name what they count after "số", and the two names
    part after their common words ("số người tham gia bảo hiểm xã hội tự nguyện tăng" / "số người tham gia bảo hiểm
    thất nghiệp là"): the change is not of that count. Only the change's words up to its last three (the change
    word) and the label's up to its verb are compared, so "số vụ giảm" / "số vụ tai nạn là" do not part."""
    mine = _named_after_so(_LETTERS.findall(change_clause.lower()))
    theirs = _named_after_so(_LETTERS.findall(label))
    if len(mine) < 3 or len(theirs) < 3:
        return False
    common = next((k for k, (x, y) in enumerate(zip(mine, theirs)) if x != y), min(len(mine), len(theirs)))
    # (each must say more after the common words than a change word or a verb: two words at least)
    return common >= 1 and len(mine) - common >= 3 and len(theirs) - common >= 3


def _current_of(text: str, pools: list[list[Figure]], named: list, own: tuple | None,
                fillers: frozenset[str] = frozenset(), cues: Cues | None = None) -> Figure | None:
    """The one count a change is of: the first pool (this sentence, the one before, the one after) that
    holds a count of the thing named decides — by that count alone, or by none if it holds several. A count
    inside a bracketed aside after another ("176 vụ (1 vụ … đường thủy …)") is a detail of it: where the
    others are ambiguous only through such asides, the one outside them is meant."""
    wanted_all = named + ([own] if own else [])
    for pool in pools:
        for wanted in wanted_all:
            exact = [p for p in pool if described_words(text, p, fillers) == wanted]
            wider = [p for p in pool if described_words(text, p, fillers)[:len(wanted)] == wanted]
            if exact or wider:
                found = _one(exact) if exact else _one(wider)
                if found is None and len(exact or wider) > 1:
                    found = _one([p for p in exact or wider if not in_brackets(text, p)])
                return found
            if cues is not None and state_groups(cues, wanted):
                # "làm chết 98 người, bị thương 121 người. … số người chết giảm 12 người": the state the change names
                # stands before the count's number
                stated = [p for p in pool if described_words(text, p, fillers) + state_before(cues, text, p) == wanted]
                if stated:
                    return _one(stated)
    return None


def _states_apart(cues: Cues, said: tuple[str, ...], named: tuple[str, ...]) -> bool:
    """The words of a count and those a change names say states that exclude each other (``cues.exclusive_states``):
    ("người", "bị", "thương") and ("người", "chết")."""
    a, b = state_groups(cues, said), state_groups(cues, named)
    return bool(a) and bool(b) and not a & b


def _one(figures: list[Figure]) -> Figure | None:
    return figures[0] if len(figures) == 1 else None


def _fillers(cues: Cues) -> frozenset[str]:
    """Words a noun phrase may hold that say nothing of what it counts ("24 người khác bị thương")."""
    found = getattr(cues, "_change_fillers", None)
    if found is None:
        found = frozenset(cues.lang.words("cues.noun_fillers"))
        cues._change_fillers = found
    return found


def _new_subject(cues: Cues, gap: str) -> bool:
    """After a comma, words before the change word name a new subject: "11,15%, số người chết tăng 100%",
    "160%, giá trị thiệt hại tăng 82,14%" are changes side by side; "96,2%, giảm 2,1 điểm" is one of the other."""
    if "," not in gap:
        return False
    tail = gap.rsplit(",", 1)[1].lower().strip()
    for w in sorted(cues.increase + cues.decrease, key=len, reverse=True):
        if tail.endswith(w):
            return bool(tail[:-len(w)].strip())
    return False


def _named(cues: Cues, clause: str) -> tuple[str, ...] | None:
    """The words after "số" that name what changed, in a clause ending with a change word: "số người chết
    giảm" → ("người", "chết"); None when the clause names nothing that way."""
    m = cues.named_so_re.search(clause)
    if m is None:
        # a clause that opens with what changed, without "số": "; người chết tăng 8% (…)", "người bị thương giảm"
        m = cues.named_bare_re.fullmatch(clause)
    return tuple(m.group(1).split()[:3]) if m else None


def _percent_of_delta(cues: Cues, text: str, d: Figure, pct: Figure) -> bool:
    """The percentage right after a delta is its relative size: "giảm 4 người bị thương (-40%)", "giảm 351 vụ
    = 7,35%", "tăng 826 vụ - tương ứng 80,43%", "giảm 542 vụ (giảm 40,45%)"."""
    if pct.unit not in ("percent", "pp") or pct.role not in ("change", "share", "percent"):
        return False
    if pct.noun and text[pct.end:pct.end + 12].lower().split()[:1] and \
            text[pct.end:pct.end + 12].lower().split()[0] in cues.whole_name_fillers:
        return False  # "71 vụ, tăng 7 vụ, chiếm 57,3% số vụ": a share of the whole it names, not the change's size
    if pct.noun and pct.noun.lower().startswith(cues.target_nouns):
        return False  # "giảm 61 hộ, đạt 122% kế hoạch (50 hộ)": the ratio to the plan, not the change's size
    gap = gap_after_noun(text, d, pct)  # "giảm 1.381 đối tượng bị bắt giữ, xử lý (-21,73%)": the noun aside
    if CLAUSE_END.search(gap) or len(gap.split()) > 6:
        return False
    low = gap.lower().rstrip()
    if pct.role == "change" and (low.endswith("(") or not low.strip(" ,(")):
        return True
    said = cues.cue_at_end(gap, cues.share_words)
    if low.endswith(("=", "- tương ứng", "– tương ứng")) or said is not None and said not in cues.share_of_a_whole:
        # ("71 vụ, tăng 7 vụ, chiếm 57,3%": what "chiếm" gives is a share of a whole, not the change's size)
        return True
    return low.endswith("(") is False and cues.direction(low.split("(")[-1]) is not None and "(" in low


def _speaks_of(previous: list[Figure], sf: list[Figure]) -> bool:
    """The previous sentence counts something a change of this sentence counts: its values are the ones
    compared, and no sentence before it is."""
    heads = {head_word(f) for f in sf if f.role == "delta"} - {None}
    return any(p.role in ("count", "measure") and head_word(p) in heads for p in previous[-LOOKBACK:])


def _delta_of_percent(cues: Cues, text: str, pct: Figure, delta: Figure) -> bool:
    """The delta right after a percentage change restates it in brackets: "tăng 20,5% (tăng 30 vụ)", "(tương ứng
    tăng 904 triệu USD)" — only a word of equivalence may stand before the change word ("(trong đó vốn nhà nước
    tăng …)", "(nếu loại trừ yếu tố giá tăng …)" speak of something else), and the bracket names no baseline of
    its own ("(tăng 300 doanh nghiệp so với năm 2019)")."""
    gap = text[pct.end:delta.start].lower()
    if not gap.lstrip().startswith("(") or ")" not in text[delta.end:delta.end + 200] or ")" in gap:
        return False
    inner = " ".join(gap.strip(" (").split())
    if cues.direction(inner) is None:
        return False
    change_words = sorted(cues.increase + cues.decrease, key=len, reverse=True)
    lead = next((inner[:-len(w)].strip() for w in change_words if inner == w or inner.endswith(" " + w)), None)
    equivalents = set(cues.lang.words("cues.equivalent")) | set(cues.lang.words("cues.restating_words"))
    if lead is None or lead and lead not in equivalents:
        return False
    rest = text[delta.end:text.find(")", delta.end)].lower()
    return cues.compared_re.search(rest) is None


def _opens_with_comparison(cues: Cues, text: str, ctx: SentenceContext) -> bool:
    """The sentence opens by comparing with another period ("So với cùng kỳ, …", "Cụ thể, so với …"), so
    its changes are of the values stated before."""
    opening = text[ctx.sentence.start:ctx.sentence.start + 60].lower().lstrip(" -–(")
    for w in cues.openers:  # "Cụ thể, so với cùng kỳ năm ngoái, …"
        if opening.startswith(w) and opening[len(w):len(w) + 1] in (",", " "):
            opening = opening[len(w):].lstrip(" ,")
            break
    return opening.startswith(_compared_words(cues))


def _compared_words(cues: Cues) -> tuple[str, ...]:
    """The compared cues as one tuple, for one ``str.startswith`` instead of one for each."""
    found = getattr(cues, "_compared_tuple", None)
    if found is None:
        found = cues._compared_tuple = tuple(cues.compared)
    return found


def _measures(cues: Cues, text: str, percent: Figure, count: Figure) -> bool:
    """A percentage followed by a noun of its own ("giảm 40,94% số vụ") measures that noun: it belongs to a
    count of the same thing only — the count's noun, or, for a count in a classifier, the name before its
    number ("khách quốc tế đạt 3.420 lượt, chiếm 36,8% tổng số khách")."""
    if not percent.noun:
        return True
    words = [w for w in percent.noun.lower().split() if w not in cues.whole_name_fillers]
    if not words or head_word(count) == words[0] or head_word(count) in cues.whole_counted_in.get(words[0], ()):
        return True
    if count.unit not in ("count", "percent") and percent.noun.lower().split()[0] in cues.whole_name_fillers \
            and _words_then_bracket(text, percent.end, percent.end + 120):
        # "18.600 ha, chiếm 31,5% tổng diện tích rừng trồng (62.000 ha)": an amount's share of a total in its unit,
        # whose value the bracket gives
        return True
    if (count.noun or "").lower() not in cues.classifiers:
        return False
    name = name_before_number(cues, text, count)
    return 1 <= len(name) <= 4 and name[0] == words[0]


def _words_then_bracket(text: str, start: int, end: int) -> bool:
    """Only words and blanks stand from ``start`` to an opening bracket (before ``end``): " tổng diện tích (…"."""
    opened = text.find("(", start, end)
    return opened > start and all(ch.isalpha() or ch.isspace() for ch in text[start:opened]) \
        and text[start:opened].strip() != ""


def signed_direction(percent: Figure) -> str | None:
    """The direction a signed percentage states: "(-53%)" a decrease, "(+12,5%)" an increase."""
    if percent.unit != "percent" or not percent.text:
        return None
    return {"-": "decrease", "−": "decrease", "+": "increase"}.get(percent.text[0])


def _is_times(cues: Cues, f: Figure) -> bool:
    """A multiple ("2,4 lần"), not an amount of change."""
    found = getattr(cues, "_times_words", None)
    if found is None:
        found = cues._times_words = set(cues.lang.words("cues.times"))
    return head_word(f) in found


def _other_period(cues: Cues, text: str, delta: Figure) -> bool:
    """The bracket a restated change stands in compares with a period of its own ("tăng 20% (tăng 5 vụ so với
    tháng trước)"): it may not restate the change before it."""
    close = text.find(")", delta.end, delta.end + 80)
    return close >= 0 and cues.compared_re.search(text[delta.end:close].lower()) is not None


def _named_more_than(cues: Cues, text: str, clause: str, current: Figure, pools: list[list[Figure]]) -> bool:
    """The change's clause names what changed by more words than ``current``'s (found in another sentence by its
    head word alone) say of it, while that sentence holds other values of its unit: which of them changed,
    the reader cannot tell."""
    name = _named_after_so(clause.split()[:-1])  # (the words before the change word)
    if len(name) < 2:
        return False
    own = set(described_words(text, current, _fillers(cues))) | set(name_before_number(cues, text, current))
    others = [p for pool in pools for p in pool if p is not current and p.unit == current.unit]
    return bool(others) and not set(name[1:]) <= own


def _runs_side_by_side(cues: Cues, text: str, sf: list[Figure], i: int) -> bool:
    """``sf[i]`` ends a run of values joined by commas or "và", and the percentage after it opens a run of
    percentages so joined ("giảm lần lượt 9 vụ, 5 người và 7 người, tương ứng giảm 19,1%, 17,2% và 19,4%"): each
    percentage is of the value in its place, not of the last value."""
    def joined(a: Figure, b: Figure) -> bool:
        gap = " " + " ".join(gap_after_noun(text, a, b).lower().split())
        return gap in (" ,", " và", " , và") or gap.endswith(tuple(" " + w for w in cues.list_and)) and len(gap.split()) <= 1
    return i >= 1 and i + 2 < len(sf) and sf[i - 1].role in ("count", "measure", "delta") and joined(sf[i - 1], sf[i]) \
        and sf[i + 2].unit == sf[i + 1].unit == "percent" and joined(sf[i + 1], sf[i + 2])


def _list_against_list(cues: Cues, text: str, sf: list[Figure], i: int) -> bool:
    """A list of counts, then a list of percentages: "… là 5.377 người, Chà Tở 6.066 người và Nà Hỳ 4.880 người, tương
    ứng tỷ lệ 99,21%, 98,83% và 99,55%" — each percentage is of its own count, in order (the first is not the last
    count's)."""
    if i < 1 or i + 2 >= len(sf) or sf[i + 2].unit != "percent" or sf[i - 1].unit != sf[i].unit:
        return False
    return sf[i - 1].unit != "percent" and _joined_in_a_list(cues, text, sf[i + 1], sf[i + 2], False) \
        and _joined_in_a_list(cues, text, sf[i - 1], sf[i], True)


def _joined_in_a_list(cues: Cues, text: str, a: Figure, b: Figure, labels: bool) -> bool:
    """``b`` follows ``a`` in a list: list separators only between them, or with a label of a few words before the
    next count (", Chà Tở", "và Nà Hỳ") where ``labels``."""
    words = " ".join(gap_after_noun(text, a, b).lower().split()).split()
    if not words or CLAUSE_END.search(text, a.end, b.start) or any(ch.isdigit() for ch in " ".join(words)):
        return False
    first = words[0].rstrip(",;") if words[0] not in (",", ";") else words[0]
    return (words[0][-1:] in ",;" or first in cues.list_and) and (len(words) == 1 or labels and len(words) <= 5)


def _last_of_listed_counts(cues: Cues, text: str, sf: list[Figure], i: int) -> bool:
    """``sf[i]`` ends a list of counts of its thing, each after its label: "3 xã: Ea Phê 31 ca, Ea Kly 22 ca và Krông
    Búk 17 ca, chiếm 81,4% tổng số ca mắc" — a share after it may be of them all as well as of the last."""
    c = sf[i]
    if i < 1 or sf[i - 1].unit != c.unit or sf[i - 1].role not in ("count", "measure") \
            or head_word(sf[i - 1]) != head_word(c) or not _joined_in_a_list(cues, text, sf[i - 1], c, True):
        return False
    # (named items: a name between the counts — not "1.286 em tham gia, kết quả có 741 em đạt, đạt tỷ lệ 57,62%")
    label = [w for w in gap_after_noun(text, sf[i - 1], c).replace(",", " ").replace(";", " ").split()
             if w.lower() not in cues.list_and]
    return bool(label) and all(w[:1].isupper() for w in label)


def _compared_with(cues: Cues, text: str, c: Figure) -> bool:
    """The count stands right after the words for "compared with" (``cues.compared``): "so với 27 vụ của năm 2024"."""
    return right_after(text, c, cues.compared, reach=20)


def _of_another_period(cues: Cues, text: str, start: int, c: Figure) -> bool:
    """The count's clause opens with the other period it is of: "Cùng kỳ năm 2024 xảy ra 5 vụ cháy, như vậy năm nay
    giảm 40%" — the earlier value, no current one with a change of its own."""
    words = getattr(cues, "_other_period_words", None)
    if words is None:
        words = cues._other_period_words = tuple(cues.lang.words("cues.other_period"))
    clause = _CLAUSE_BEFORE.split(text[max(start, c.start - 80):c.start].lower())[-1].strip()
    return clause.startswith(words)


def _count_of_the_percentage_before(text: str, sf: list[Figure], i: int, gap: str) -> bool:
    """The count stands in brackets right after a percentage, which the bracket gives the count of: "quốc lộ chiếm 40%
    (26 vụ), đường đô thị chiếm 33,85% (22 vụ)" — the next percentage is of the next count, not of this one."""
    return i >= 1 and sf[i - 1].unit == "percent" and text[sf[i - 1].end:sf[i].start].strip() == "(" \
        and gap.lstrip().startswith(")")


def _bracket_of_another_phrase(gap: str) -> bool:
    """The bracket the percentage opens follows another phrase, after a comma ("42 vụ tai nạn lao động, do người sử
    dụng lao động (chiếm 40,5% số vụ"): the share is that phrase's — of the cases of one cause."""
    opened = gap.rfind("(")
    if opened < 0 or "," not in gap[:opened]:
        return False
    return len(gap[:opened].rsplit(",", 1)[1].split()) >= 2


def _rate_named_of_another(cues: Cues, text: str, start: int, c: Figure) -> bool:
    """The clause opens by naming a rate of another thing than ``c`` counts ("Tỷ lệ trẻ dưới 1 tuổi được tiêm đủ 8
    loại vắc xin đạt 93,4%"): the percentage is that rate, of the children — not a share of the vaccines."""
    lo = start
    for m in _CLAUSE_BEFORE.finditer(text, start, c.start):
        lo = m.end()
    words = text[lo:c.start].lower().split()
    for w in cues.rate_words:
        n = len(w.split())
        if words[:n] == w.split() and len(words) > n:
            return words[n] != head_word(c)
    return False


def _object_of_another_count(text: str, sf: list[Figure], i: int, c: Figure) -> bool:
    """``c`` is what a verb does to another count in its clause, of another thing ("17.562 trẻ đã được tiêm đủ 8 loại
    vắc xin, đạt 95,34%"): the rate after it may be of either — the children vaccinated, not the vaccines."""
    if i == 0:
        return False
    prev = sf[i - 1]
    between = text[prev.end:c.start]
    return prev.role in ("count", "measure") and prev.unit == c.unit == "count" and head_word(prev) != head_word(c) \
        and not any(ch in between for ch in ",;.()") and len(between.split()) >= 2

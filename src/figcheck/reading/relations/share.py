"""share: the whole a percentage is of, where the text states it by what it counts.

Runs after ``fraction`` and ``change`` (which read "2.145 khu dân cư (96,15%)" and "58/61 vụ, đạt 95,1%"
themselves) and completes what they leave open:

- a share with no whole takes the latest earlier count of the same thing in its sentence ("ghi nhận
  65 vụ, đã khám phá 63 vụ, đạt 96,9%": 63 of 65);
- a rate after a run of counts of different things ("khám phá 63 vụ, 94 đối tượng, đạt tỷ lệ 96,9%")
  belongs to the one count of the run that has such an earlier whole, and to none where several have;
- a percentage followed by the noun it measures ("chiếm 71,43% số vụ", "có 78,24% cơ sở đạt chuẩn") is
  a share of the one earlier count of that noun — the whole is known, the part is not, and only the
  granularity of the whole can be tested.
"""

from __future__ import annotations

import re
import weakref

from figcheck.models import Figure
from figcheck.reading.relations.shared import (is_or_starts_with, CLAUSE_END, LOOKBACK, Cues, SentenceContext, after_a_verb_and_another_count, baseline_in_brackets,
                                                content_words,
                                                follows_other_count, gap_after_noun,
                                                head_word, is_from_value, last_of_a_list, names_a_subject, names_another, on_a_list_line, opening_whole_and_count, out_of_opening, relation,
                                                in_brackets, label_before, singled_out, total_first_words, total_of_an_outcome, verbs_before, word_alternation)

COUNTED = ("count", "measure")


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, sf = ctx.text, ctx.figures
    if not any(f.unit == "percent" for f in sf) \
            and not any(r["kind"] == "share" and r["roles"].get("whole") is None for r in ctx.found):
        return []  # quick exit: every share below completes one found before, or reads a percentage
    used = {fid for r in ctx.found for fid in r["figures"]}
    # a count with a percentage of its own is a sibling part, never the whole of another: "39 vụ (chiếm
    # 31,2%), 36 vụ (chiếm 28,8%)"
    parts = {r["roles"]["part"] for r in ctx.found if r["kind"] == "share"}
    # values of another period given in brackets are no wholes: "3.245 ca … (2.810 ca); trong đó 1.420 ca, chiếm 43,8%"
    not_wholes = parts | ({f.id for f in sf if baseline_in_brackets(cues, text, f)} | _bracketed_percent_before(text, sf)
                          if "(" in ctx.lower else set())
    # (and one with a share of its own after it: "số phiếu đồng ý 109.463, chiếm 98,70% …; số phiếu không đồng ý
    # 1.021, chiếm 0,92%")
    not_wholes |= {sf[k - 1].id for k in range(1, len(sf)) if sf[k].unit == "percent" and sf[k].role == "share"
                   and sf[k - 1].role in COUNTED and cues.share_gap(gap_after_noun(text, sf[k - 1], sf[k]))}
    # (nor one whose clause goes on to a share after a description: "có 9.840 em trúng tuyển vào lớp 10 các trường
    # THPT công lập, chiếm 60,6%; 2.210 em … (13,6%); 640 em … (3,9%)" — siblings, each with its share)
    not_wholes |= {sf[k - 1].id for k in range(1, len(sf)) if sf[k].unit == "percent" and sf[k].role == "share"
                   and sf[k - 1].role in COUNTED and not CLAUSE_END.search(text, sf[k - 1].end, sf[k].start)
                   and cues.cue_at_end(text[sf[k - 1].end:sf[k].start], cues.share_words) is not None}
    # (nor a count in the bracket of a percentage: "(chiếm 40,5% số vụ, tức 17 vụ)")
    if "(" in ctx.lower:
        not_wholes |= {f.id for k, f in enumerate(sf) if k and f.role in COUNTED and in_brackets(text, f)
                       and any(p.unit == "percent" and text.rfind("(", 0, f.start) < p.start < f.start for p in sf[:k])}
    if any(w in ctx.lower for w in cues.lang.words("range_from")):
        # (nor the earlier value of a change: "số hộ nghèo giảm từ 97 hộ xuống còn 21 hộ, chiếm 0,91% tổng số hộ")
        not_wholes |= {f.id for f in sf if is_from_value(cues, text, f, ctx.sentence.start)}
    # (nor the parts of the whole the sentence opens with, nor the rest of it: "Trong 298 người trúng cử …, có 121
    # người …, còn lại 177 người tái cử; 46 người là nữ (chiếm 15,4%)" — the 46 are out of the 298)
    opened = opening_whole_and_count(cues, ctx)
    if opened is not None:
        not_wholes |= {f.id for f in sf if f is not opened[0] and f.start > opened[0].end and f.role in COUNTED
                       and head_word(f) == head_word(opened[0])}
    position = {f.id: i for i, f in enumerate(sf)}
    out = []
    for r in ctx.found:  # complete the shares found before: their whole
        if r["kind"] == "share" and r["roles"].get("whole") is None:
            part = sf[position[r["roles"]["part"]]]
            pct = sf[position[r["roles"]["percent"]]] if r["roles"].get("percent") in position else None
            # (a percentage that names its whole, "chiếm 36,2% tổng số hộ nghèo toàn tỉnh", is the named count's)
            # (nor a part listed before it after the same "trong đó": "466 đại biểu …, trong đó 452 tán thành, 9 không
            # tán thành (1,88%)" — 452 is a sibling, no whole of the 9)
            # (a bracket right after the percentage may name its whole: "còn 3.124 hộ nghèo, chiếm 13,26% (tổng số
            # 23.560 hộ)")
            whole = _whole_named_in_bracket(cues, text, sf, position[pct.id], part) \
                if pct is not None and not pct.noun else None
            # (nor the value a pair in brackets restates: "174 xã …, tăng 12 xã … (174/203 xã), chiếm 85,71% tổng số
            # xã" — the 174 before is the part itself)
            restated = {w.id for w in sf if part.role == "numerator" and w.value == part.value and w.unit == part.unit}
            if whole is None and (pct is None or not pct.noun):
                whole = _earlier_whole(sf, position[part.id], not_wholes | _siblings_before(cues, ctx, part) | restated)
            if whole is None and pct is not None and pct.noun:
                # "còn 2.146 hộ nghèo, chiếm 22,6% tổng số hộ (9.486 hộ)": the named whole's count, in brackets
                whole = _restated_whole(text, sf, position[pct.id], part) \
                    or _named_earlier_in_sentence(cues, text, sf, position[part.id], part, pct, not_wholes | restated)
            if whole is None and (pct is None or not pct.noun) and _opens_with_part(cues, text, ctx):
                # "… chọn đủ 60 đại biểu. Trong số người trúng cử có 20 đại biểu nữ, chiếm 33,33%"
                # (a fraction's total counts it too: "… thêm 9 xã …, nâng tổng số xã lên 21/21 xã. Trong đó, 9 xã …
                # chiếm 42,86% tổng số xã" has two such counts, so no whole)
                # (both sides of "4.862/21.418 hộ nghèo" count the head word: two counts, so no whole)
                named = _named_after_opener(cues, text, ctx)
                listed = _opens_a_list_of_parts(cues, text, ctx)
                pool = ctx.previous[-LOOKBACK:]
                if named:
                    # "… 3.412 hộ nghèo … . Số hộ cận nghèo là 4.286 hộ … . Trong số hộ nghèo, có 1.248 hộ …": the
                    # opener names the whole; the nearest sentence that holds a count of those words gives it
                    pool = next((p for p in [pool] + [e[-LOOKBACK:] for e in ctx.earlier]
                                 if any(named <= content_words(w.noun) for w in p if w.noun)), [])
                    pool = [w for w in pool if w.noun and named <= content_words(w.noun)]
                same = [w for w in pool if w.role in COUNTED + ("denominator", "numerator")
                        and w.unit == part.unit
                        and w.qualifier is None and w.value is not None
                        # (or, in a list after "Cụ thể:", its classifier: "48.630 lượt" of "64.325 lượt người hưởng")
                        and (head_word(w) == head_word(part) or listed and (w.classifier or "").lower() == head_word(part))
                        and part.value is not None and w.value >= part.value
                        and not baseline_in_brackets(cues, text, w)]
                whole = same[0] if len({w.value for w in same}) == 1 else None
                if whole is not None and total_of_an_outcome(cues, ctx, whole) is not None:
                    # "xảy ra 385 vụ … . Đã điều tra làm rõ 341 vụ, … . Trong đó, trộm cắp tài sản 186 vụ, chiếm
                    # 48,3%": of the outcome or of the total it is out of, unsaid
                    whole = None
            if whole is not None and pct is not None and not pct.noun and _rated_against_a_target(cues, ctx, whole) \
                    and not any(w in text[part.end:pct.start].lower() for w in cues.share_of_a_whole):
                # "… giải ngân 872,5 tỷ đồng, đạt 64,9% kế hoạch. Trong đó, Chương trình A giải ngân 298,6 tỷ đồng
                # (72,4%); …": where the whole is measured against its target, the part's bare percentage may be its
                # own against its own — only "chiếm" says it is a share of the whole
                whole = None
            if whole is not None:
                r["roles"]["whole"] = whole.id
                r["figures"].append(whole.id)
                r["start"] = min(r["start"], whole.start)
                if r.get("cue") is None and (_stated_within(cues, text, whole, part) or part.unit not in ("count", "percent")
                                             and pct is not None and pct.noun and whole.start > pct.end):
                    # "tổng vốn 450 tỷ đồng, trong đó vốn ngân sách 270 tỷ đồng (chiếm 60%)": of amounts, only a cue
                    # word between says which is the whole (two amounts side by side may be of anything) — or the
                    # percentage names it and a bracket gives its value ("18.600 ha, chiếm 30,0% tổng diện tích rừng
                    # trồng (62.000 ha)")
                    r["cue"] = "within"
                r["evidence"] = "the whole the percentage names, restated in brackets" \
                    if pct is not None and whole.start > pct.end else "the whole is the earlier count of the same thing"
            elif r["roles"].get("percent") and not r["roles"].get("wholes"):
                bases = _bases_of(cues, sf, position[part.id])
                if bases:
                    # "… 256 cử tri; … 254 cử tri …; giành được 247 phiếu, chiếm tỷ lệ 96,48%": votes out of the
                    # voters, or of a base between (the valid ballots) the text need not print
                    r["roles"]["wholes"] = [b.id for b in bases]
                    r["figures"] += [b.id for b in bases]
                    r["start"] = min(r["start"], bases[0].start)
                    r["evidence"] = f"a count of {head_word(part)} is out of the {bases[-1].noun} before it"
    for k, pct in enumerate(sf):
        if pct.unit != "percent" or pct.role != "share" or pct.id in used or k == 0:
            continue
        prev = sf[k - 1]
        if prev.role not in COUNTED or not cues.share_gap(gap_after_noun(text, prev, pct)):
            continue
        if k >= 2 and not pct.noun and not follows_other_count(text, sf, k - 1) \
                and after_a_verb_and_another_count(text, sf[k - 2], prev):
            continue  # "làm rõ 88 vụ, bắt 142 đối tượng, đạt 92,6%": the rate may be of either count
        if follows_other_count(text, sf, k - 1) and not pct.noun \
                and not cues.subset_re.search(text, prev.end, pct.start):
            # (not a share of a part "trong đó" names without its count: "với 17 thủ tục và 84.306 hồ sơ, trong đó
            # đăng ký khai sinh chiếm 61%")
            run = _run_before(text, sf, k - 1)
            # a whole stands after the percentage before the run: "… 94 đối tượng, đạt 96,9%, trong đó … 15 vụ …,
            # đã khám phá 15 vụ, 45 đối tượng, đạt 100%" — the 94 belongs to the rate before
            since = max((i + 1 for i in range(position[run[0].id]) if sf[i].unit == "percent" and sf[i].role == "share"),
                        default=0)
            owners = [(p, w) for p in run for w in [_earlier_whole(sf, position[p.id], not_wholes, since)] if w is not None
                      and ";" not in text[w.end:p.start]]  # (nor a whole of another ";" item of a list)
            if len(owners) == 1:
                part, whole = owners[0]
                out.append(relation("share", [part, pct, whole], {"part": part.id, "percent": pct.id,
                                                                  "whole": whole.id},
                                    evidence="the rate after the run is of its one count with an earlier whole"))
                used |= {part.id, pct.id}
    out += _rates_of_resolved(cues, ctx, used, parts)
    opened = _opened_with_its_whole(cues, ctx, used)
    out += opened
    used |= {fid for r in opened for fid in r["figures"]}
    respective = _respectively(cues, ctx, used)
    out += respective
    used |= {fid for r in respective for fid in r["figures"]}
    others = set()  # the counts earlier percentages of the sentence are of: parts, or wholes restated, of those
    for k, pct in enumerate(sf):
        if pct.unit != "percent" or pct.role != "share" or pct.id in used or not pct.noun:
            continue
        if _own_fraction_after(text, sf, k):
            continue  # "89,4% sinh viên khóa trước có việc làm (2.918/3.264 …)": its part and whole are in the bracket
        if _points_back(cues, text, pct):
            continue  # "386 tàu … (chiếm 30,9%), 100% số tàu này đã lắp thiết bị": of the count just named, all of it
        # ("1.126 hộ nghèo, …, chiếm 6,04% tổng số hộ; hộ cận nghèo còn 1.412 hộ, …, chiếm 7,57% tổng số hộ": 1.126 is
        # the part of the first, no whole of the second; nor "(71 vụ)" after "chiếm 57,3% số vụ")
        before = [f for f in sf[max(0, k - LOOKBACK):k] if f.id not in others]
        if k and sf[k - 1].role in COUNTED and cues.share_gap(gap_after_noun(text, sf[k - 1], pct)):
            # "khởi tố 1.198 vụ, 2.041 bị can, đạt tỷ lệ 96,1% số vụ phát hiện": the counts the rate follows are
            # what it measures, not the whole it names
            run = {f.id for f in _run_before(text, sf, k - 1)}
            before = [f for f in before if f.id not in run]
        opened = text.rfind("(", ctx.sentence.start, pct.start)
        if opened >= 0 and ")" not in text[opened:pct.start] and cues.share_gap(text[opened + 1:pct.start]):
            # "Có 15.246 thí sinh đạt từ 24 điểm trở lên (chiếm 14,57% thí sinh dự thi)": the count the bracket follows
            # is the part, not the whole the percentage names
            host = [f for f in before if f.end <= opened and f.role in COUNTED]
            before = [f for f in before if not host or f is not host[-1]]
        # "39 vụ xảy ra trong khung giờ từ 18 giờ đến 24 giờ, chiếm 45,3% tổng số vụ", "15 ngành lấy điểm chuẩn từ
        # 25 trở lên, chiếm 22,1% số ngành": the count "chiếm" is said of (a bound between is none) is the part —
        # not the whole the percentage names
        # (nor a change of it and its earlier value: "71 vụ, giảm 17 vụ (năm 2025 là 88 vụ), chiếm 57,3% tổng số vụ";
        # nor a count of another thing in its clause: "34 vụ xảy ra trên các đoạn chỉ có 2 làn xe, chiếm 54,0% số vụ")
        named = [w for w in pct.noun.lower().split() if w not in cues.whole_name_fillers][:1]
        j = k - 1
        # (and past a rate of the subject's own in its clause: "Có 14 trường đạt tỷ lệ tốt nghiệp 100%, chiếm 15,9% tổng
        # số trường THPT")
        while j >= 0 and (sf[j].role in ("threshold", "delta") or baseline_in_brackets(cues, text, sf[j])
                          or sf[j].unit == "percent" and sf[j].role == "percent" and j
                          and not CLAUSE_END.search(text, sf[j - 1].end, pct.start)
                          or sf[j].role in COUNTED and named and head_word(sf[j]) != named[0] and j
                          and "," not in text[sf[j - 1].end:sf[j].start]  # (in the clause of the count before)
                          and not CLAUSE_END.search(text, sf[j].end, pct.start)):
            j -= 1
        subject = sf[j] if j >= 0 and sf[j] in before and sf[j].role in COUNTED \
            and _subject_of_the_share(cues, text, sf[j], pct) else None
        if subject is not None:
            before = [f for f in before if f is not subject]
            others.add(subject.id)
        restated = _bracketed_after(text, sf, k, sf[k + 1]) if k + 1 < len(sf) else None
        if restated is not None:
            others.add(restated.id)
        # a count the sentence introduces as a part ("Trong đó có 1.486 vận động viên nước ngoài …, chiếm 14,2% tổng
        # số vận động viên") is no whole the percentage names; it is the part of the whole named
        introduced = [f for f in before if _introduced_as_part(cues, text, ctx, f)]
        before = [f for f in before if f not in introduced]
        # ("8.420 hộ đạt danh hiệu …, chiếm 38,9% số hộ hội viên (21.640 hộ)": the whole restated in brackets)
        whole = (_restated_whole(text, sf, k, subject) if subject is not None else None) \
            or _whole_named(cues, text, before, [f for f in ctx.previous[-LOOKBACK:]
                                                 if not a_part_named_otherwise(cues, text, ctx, f, pct)], pct)
        amount = subject if subject is not None else sf[k - 1] if k and sf[k - 1].role == "measure" \
            and cues.share_gap(gap_after_noun(text, sf[k - 1], pct)) else None
        if whole is None and amount is not None and amount.role == "measure" and amount.id not in used:
            subject = amount
            total = _total_amount_named(cues, text, ctx, subject, pct)
            if total is not None:
                # "… tổng thu ngân sách … ước đạt 1.248,6 tỷ đồng … . Trong đó, thu nội địa đạt 1.062,3 tỷ đồng, chiếm
                # 88,1% tổng thu": the amount the sentence before names by the percentage's words, stated as within
                out.append(relation("share", [subject, pct, total], {"part": subject.id, "percent": pct.id,
                                                                     "whole": total.id}, cue="within",
                                    evidence=f"the percentage names the amount before: {pct.noun}"))
                used |= {pct.id, subject.id}
                continue
        if whole is not None and amount is not None and amount.role == "measure" and whole.unit != amount.unit:
            continue  # "… đạt 1.176 tỷ đồng, chiếm 43,3% tổng thu" after "12/16 khoản thu": an amount's share is of an amount
        if whole is not None and _bracketed_after(text, sf, k, whole) is not None \
                and _bracketed_after(text, sf, k, whole).value > whole.value:
            # "… điểm đen với 9 vụ … . … liên quan đến 72% số vụ (178 vụ)": a count of the noun in brackets after
            # the percentage, larger than the whole found, says that whole is not the one meant
            continue
        if whole is not None:
            mine = [f for f in introduced if f.start > whole.start or whole not in sf]
            mine = [f for f in mine if f.unit == whole.unit and head_word(f) == head_word(whole)
                    and not CLAUSE_END.search(text, f.end, pct.start)]
            part = mine[0] if len(mine) == 1 and mine[0].id not in used else None
            # (the subject may be a change's current value too: "71 vụ, giảm 17 vụ (…), chiếm 57,3% tổng số vụ")
            if part is None and not mine and subject is not None and subject.id not in parts \
                    and not any(r["kind"] == "share" and r["roles"].get("part") == subject.id for r in out) \
                    and subject.unit == whole.unit and head_word(subject) == head_word(whole) \
                    and subject.value is not None and whole.value is not None and subject.value <= whole.value:
                part = subject
            out.append(relation("share", [p for p in (part, pct, whole) if p is not None],
                                {"part": part.id if part else None, "percent": pct.id, "whole": whole.id},
                                evidence=f"the percentage names its whole: {pct.noun}"))
            used.add(pct.id)
    return out


def _opened_with_its_whole(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """"Trong tổng số 87 thôn, tổ dân phố, có 85 đơn vị đạt tiêu chuẩn …, chiếm 97,7%", "Trong 628 thí sinh dự thi,
    có 412 em đạt giải, chiếm 62,4%": the sentence opens with the whole its next count is out of, whatever noun
    each is counted by; the share after that count is of that whole."""
    text, sf = ctx.text, ctx.figures
    if out_of_opening(cues)[0] not in ctx.lower[:60]:
        return []  # quick exit: no opener (the sentence's first words hold it, after a word that opens it at the most)
    if len(sf) < 3:
        return []
    opened = opening_whole_and_count(cues, ctx)
    if opened is None:
        return []
    whole, part = opened
    pct = sf[2]
    if pct.unit != "percent" or pct.role not in ("share", "percent") or pct.noun \
            or any(f.id in used for f in (whole, part, pct)) or part.value > whole.value:
        return []
    if not (cues.share_gap(gap_after_noun(text, part, pct)) or _subject_of_the_share(cues, text, part, pct)):
        return []
    return [relation("share", [whole, part, pct], {"part": part.id, "percent": pct.id, "whole": whole.id},
                     evidence="the sentence opens with the whole its count is out of")]


def _own_fraction_after(text: str, sf: list[Figure], k: int) -> bool:
    """A fraction a/b in brackets right after the percentage ``sf[k]`` and its noun."""
    if k + 2 >= len(sf) or sf[k + 1].role != "numerator" or sf[k + 2].role != "denominator":
        return False
    between = text[sf[k].end:sf[k + 1].start]
    return between.rstrip().endswith("(") and not re.search(r"[;.)\d]", between) and len(between.split()) <= 12


def _respectively(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """"486 sinh viên loại giỏi và 64 sinh viên loại xuất sắc, lần lượt chiếm 14,2% và 1,9%": the percentages
    after "lần lượt" go one for one with the counts before it, in order — each the share of its own count; where
    the two runs differ in length, no share is read (and the percentages are taken, so that none is paired with
    the nearest count)."""
    text, sf = ctx.text, ctx.figures
    out: list[dict] = []
    for found in cues.respectively_re.finditer(text, ctx.sentence.start, ctx.sentence.end):
        m_start, m_end = found.start(), found.end()
        after = [f for f in sf if f.start >= m_end and f.id not in used]
        pcts = []
        for f in after:
            if f.unit != "percent" or f.role not in ("share", "percent") \
                    or pcts and not _joined(cues, text[pcts[-1].end:f.start]):
                break
            pcts.append(f)
        if not pcts or CLAUSE_END.search(text, m_start, pcts[0].start):
            continue
        before = [f for f in sf if f.end <= m_start and f.id not in used and f.role in COUNTED
                  and not CLAUSE_END.search(text, f.end, m_start)]
        counts = before[-len(pcts):] if len(before) >= len(pcts) else []
        if len(pcts) < 2 or len(counts) != len(pcts) or any(c.unit != counts[0].unit for c in counts) \
                or any(not cues.list_sep_re.search(text[a.end:b.start]) for a, b in zip(counts, counts[1:])):
            used |= {p.id for p in pcts}
            continue
        whole = _whole_named_after_list(cues, ctx, counts, pcts[-1], used)
        for c, p in zip(counts, pcts):
            out.append(relation("share", [c, p] + ([whole] if whole else []),
                                {"part": c.id, "percent": p.id, "whole": whole.id if whole else None},
                                evidence="the percentages after 'respectively' go one for one with the counts"
                                + (f", of the {pcts[-1].noun} named after them" if whole else "")))
        used |= {f.id for f in counts + pcts}
    return out


def _whole_named_after_list(cues: Cues, ctx: SentenceContext, counts: list[Figure], last: Figure,
                            used: set[str]) -> Figure | None:
    """"… lần lượt có 312, 208 và 96 vụ, chiếm lần lượt 50,6%, 33,8% và 17,6% tổng số vụ": the last percentage
    names the whole of all of them ("tổng số vụ"); it is the one count of that thing before the counts, in this
    sentence or else in the one before, at least as large as each."""
    if not last.noun:
        return None
    words = last.noun.lower().split()
    rest = [w for w in words if w not in cues.whole_name_fillers]
    if words[0] not in cues.whole_name_fillers or len(rest) != 1:
        return None
    largest = max(c.value for c in counts if c.value is not None) if any(c.value is not None for c in counts) else None
    for pool in ([f for f in ctx.figures if f.end <= counts[0].start], ctx.previous[-LOOKBACK:]):
        same = [f for f in pool if f.role in COUNTED and f.unit == counts[0].unit and f.qualifier is None
                and head_word(f) == rest[0] and f.id not in used and f.value is not None]
        if same:
            if len(same) == 1 and largest is not None and same[0].value >= largest:
                return same[0]
            return None
    return None


def _joined(cues: Cues, gap: str) -> bool:
    """Only a list separator between two values: ", ", " và "."""
    return bool(cues.list_sep_re.search(gap)) and len(gap.split()) <= 2 and not any(ch.isdigit() for ch in gap)


def _subject_of_the_share(cues: Cues, text: str, count: Figure, pct: Figure) -> bool:
    """``count`` and its words, then a comma and nothing but a share word before ``pct``, in one clause: the
    count is the subject of that share word ("39 vụ xảy ra …, chiếm 45,3%"; not "86 vụ, trong đó ban đêm
    chiếm 45,3%")."""
    gap = text[count.end:pct.start]
    comma = gap.rfind(",")
    return comma >= 0 and not CLAUSE_END.search(gap) and cues.share_gap(gap[comma + 1:]) \
        and gap[comma + 1:].strip() != "" and not gap[comma + 1:].lstrip().startswith("(")


def _rates_of_resolved(cues: Cues, ctx: SentenceContext, used: set[str], shared: set[str]) -> list[dict]:
    """"ghi nhận 2.742 vụ; khám phá 2.313 vụ; …; tỷ lệ khám phá đạt 84,35%", "làm sáng tỏ 112/118 vụ, tỷ lệ
    điều tra khám phá án đạt 95%": a rate of solving, named by a rate word and a 'solved' verb right before the
    percentage, is the share of the count solved in the sentence before it — the fraction just before (its
    part solved), or the one count the same verb solved and the count of that kind that occurred before it."""
    text, sf = ctx.text, ctx.figures
    if not any(w in ctx.lower for w in cues.resolved_words) or not any(w in ctx.lower for w in cues.rate_words):
        return []  # no rate of solving in the sentence: nothing to read
    out: list[dict] = []
    verbs = None
    for k, pct in enumerate(sf):
        if k == 0 or pct.unit != "percent" or pct.role not in ("share", "percent") or pct.id in used:
            continue
        gap = text[sf[k - 1].end:pct.start]
        said = _rate_of(cues, gap)
        if said is None:
            continue
        prev = sf[k - 1]
        if verbs is None:
            verbs = verbs_before(cues, text, sf, cues.verb_index, ctx.verbs)
        if prev.role == "denominator" and k >= 2 and sf[k - 2].role == "numerator" and verbs[k - 2] in cues.resolved \
                and sf[k - 2].unit == "count":
            part, whole = sf[k - 2], prev
        else:
            solved = [i for i in range(max(0, k - LOOKBACK), k) if verbs[i] == said and sf[i].role == "count"]
            if len(solved) != 1:
                continue
            part = sf[solved[0]]
            occurred = [w for i, w in enumerate(sf[max(0, k - LOOKBACK):solved[0]]) if verbs[i + max(0, k - LOOKBACK)]
                        in cues.occurred and w.role == "count" and cues.kind_of(w) == cues.kind_of(part)]
            # one count of that kind occurred, and no other (two places' counts may make the whole together)
            if len(occurred) != 1 or occurred[0].qualifier is not None or occurred[0].value is None \
                    or part.value is None or occurred[0].value < part.value:
                continue  # (more solved than occurred: cases carried over, which the implied subset shows)
            whole = occurred[0]
        if part.id in shared or part.qualifier is not None:
            continue  # a count with a share of its own already
        if text[part.end:part.end + 40].lstrip(" " + (part.noun or "")).startswith("(") or \
                re.match(r"\s*+[^\W\d_]++(?:\s++[^\W\d_]++){0,3}?\s*+\(", text[part.end:part.end + 40]):
            continue  # "khám phá 2.400 vụ (kể cả án cũ)": an aside that says what the count holds
        out.append(relation("share", [part, pct, whole], {"part": part.id, "percent": pct.id, "whole": whole.id},
                            cue=None, evidence=f"a rate of what was solved ({said}) of what occurred"))
        used |= {part.id, pct.id}
        shared.add(part.id)
    return out


def _rate_of(cues: Cues, gap: str) -> str | None:
    """The 'solved' verb of a rate named in the words right before a percentage: ", tỷ lệ điều tra khám phá án
    đạt " → "điều tra khám phá"; None unless the words open with a rate word and end with a share cue."""
    if any(ch.isdigit() for ch in gap):
        return None
    low = " ".join(re.split(r"[,;]", gap.lower())[-1].strip(" :(").split())  # the clause the percentage ends
    rate = next((w for w in cues.rate_words if low.startswith(w + " ")), None)
    if rate is None or cues.cue_at_end(low, cues.share_words) is None or len(low.split()) > 10:
        return None
    body = " " + low[len(rate):] + " "
    verb = next((v for v in sorted(cues.resolved, key=len, reverse=True) if f" {v} " in body), None)
    if verb is None:
        return None
    cue = cues.cue_at_end(low, cues.share_words)
    rest = body.replace(f" {verb} ", " ", 1).strip()
    rest = rest[:len(rest) - len(cue)].strip() if cue and rest.endswith(cue) else rest
    fillers = cues.lang.words("cues.solving_rate_fillers")
    return verb if not rest or rest in fillers else None


def _stated_within(cues: Cues, text: str, whole: Figure, part: Figure) -> bool:
    """An amount is stated within the amount before it: a subset cue stands between them, in the part's clause
    ("1.200 tỷ đồng, trong đó thu nội địa 900 tỷ đồng")."""
    if part.unit in ("count", "percent") or whole.unit != part.unit or whole.end > part.start:
        return False
    cue = None
    for cue in cues.subset_re.finditer(text, whole.end, part.start):
        pass
    if cue is not None and not CLAUSE_END.search(text, cue.end(), part.start):
        return True
    # or in the list a breakdown cue and a colon open right after it: "đạt 1.856 tỷ đồng, gồm: ngân sách tỉnh 386 tỷ
    # đồng; …; nhân dân đóng góp 423 tỷ đồng (chiếm 22,8%)"
    listed = cues.after_colon_cue_re.search(text, whole.end, part.start)
    return listed is not None and len(text[whole.end:listed.start()].split()) <= 3 \
        and not CLAUSE_END.search(text, whole.end, listed.start()) and not _SENTENCE_END.search(text, listed.end(), part.start) \
        and cues.after_colon_cue_re.search(text, listed.end(), part.start) is None


def _siblings_before(cues: Cues, ctx: SentenceContext, part: Figure) -> set[str]:
    """The counts between the last subset cue before ``part`` in its clause and ``part``: parts listed beside it."""
    text = ctx.text
    lo = ctx.sentence.start
    for m in CLAUSE_END.finditer(text, lo, part.start):
        lo = m.end()
    cue = None
    for cue in cues.subset_re.finditer(text, lo, part.start):
        pass
    if cue is None and lo > ctx.sentence.start and text[lo - 1] == ";":
        # a clause after ";" that goes on from parts listed after a cue: "214 hộ nghèo, trong đó 209 hộ …; 126 hộ cận
        # nghèo (8,58%)" — the 209 is a part, whether the 126 is one too or not: no whole of it
        # (or after "gồm:": "đạt 1.856 tỷ đồng, gồm: ngân sách tỉnh 386 tỷ đồng; …; nhân dân đóng góp 423 tỷ đồng
        # (chiếm 22,8%)" — of the total, not of the item before)
        # (no farther back than the wholes looked for: the figures LOOKBACK before the part — linear on long lists)
        k = next((i for i, f in enumerate(ctx.figures) if f is part), 0)
        window = ctx.figures[k - LOOKBACK].start if k > LOOKBACK else ctx.sentence.start
        for cue in cues.subset_re.finditer(text, window, lo):
            pass
        if cue is None:
            for cue in cues.after_colon_cue_re.finditer(text, window, lo):
                pass
    if cue is None:
        return set()
    # (not where the part is what became of the one before: "126 tin báo, trong đó 98 tin thuộc thẩm quyền, đã giải
    # quyết 91 tin, đạt 92,86%" — 91 of the 98)
    markers = getattr(cues, "_outcome_marker_re", None)
    if markers is None:
        markers = cues._outcome_marker_re = re.compile(word_alternation(cues.lang.words("cues.outcome_markers")).pattern,
                                                       re.IGNORECASE)
    last_marker = max((m.start() for m in markers.finditer(text, cue.end(), part.start)), default=-1)
    return {f.id for f in ctx.figures if cue.end() <= f.start < part.start and f.end > last_marker}


def _earlier_whole(sf: list[Figure], k: int, parts: set[str], since: int = 0) -> Figure | None:
    """The latest count before ``sf[k]`` in its sentence (from ``sf[since]``) that counts the same thing and is
    not smaller."""
    part = sf[k]
    pool = sf[max(0, since, k - LOOKBACK):k]
    for n in range(len(pool) - 1, -1, -1):
        w = pool[n]
        if w.id not in parts and w.role in COUNTED + ("denominator",) and w.unit == part.unit and head_word(w) == head_word(part) \
                and w.value is not None and part.value is not None and w.value >= part.value and w.qualifier is None:
            # "4.352 nguồn tin; trong đó 4.018 tin có giá trị, đã giải quyết 3.870 tin, đạt 88,9%": a larger count
            # before, of a noun the part's is a word of, may be the whole as well — which, the text does not say
            if any(o.role in COUNTED and o.unit == part.unit and o.value is not None and o.value > w.value
                   and head_word(o) != head_word(part) and head_word(part) in content_words(o.noun) for o in pool[:n]):
                return None
            return w
    return None


def _bases_of(cues: Cues, sf: list[Figure], k: int) -> list[Figure]:
    """The counts before ``sf[k]`` in its sentence of what the language says such a count is out of
    (``cues.counted_out_of``: "phiếu" out of "cử tri"), none smaller than it: its base lies between it and
    the largest of them. At most two different values (the voters listed, the voters who voted); else none."""
    part = sf[k]
    of = _counted_out_of(cues).get(head_word(part) or "")
    if not of or part.value is None or part.qualifier is not None:
        return []
    found = [w for w in sf[max(0, k - LOOKBACK):k] if w.role in COUNTED and w.unit == part.unit and w.qualifier is None
             and w.value is not None and w.value >= part.value
             and any((w.noun or "").lower() == n or (w.noun or "").lower().startswith(n + " ") for n in of)]
    return found if 0 < len({w.value for w in found}) <= 2 else []


_OUT_OF: "weakref.WeakKeyDictionary[Cues, dict[str, list[str]]]" = weakref.WeakKeyDictionary()


def _counted_out_of(cues: Cues) -> dict[str, list[str]]:
    got = _OUT_OF.get(cues)
    if got is None:
        got = {}
        for pair in cues.lang.data["cues"].get("counted_out_of", []):
            if len(pair) == 2:
                got.setdefault(str(pair[0]).lower(), []).append(str(pair[1]).lower())
        _OUT_OF[cues] = got
    return got


def _run_before(text: str, sf: list[Figure], last: int) -> list[Figure]:
    """The counts of different things joined by commas that end at ``sf[last]``."""
    run = [sf[last]]
    i = last
    while i > 0 and len(run) < LOOKBACK and follows_other_count(text, sf, i):
        i -= 1
        run.insert(0, sf[i])
    return run


def _bracketed_after(text: str, sf: list[Figure], k: int, like: Figure) -> Figure | None:
    """The count in brackets right after the percentage ``sf[k]`` and its noun ("72% số vụ (178 vụ)"), of the unit
    and head word of ``like``."""
    if k + 1 >= len(sf):
        return None
    f = sf[k + 1]
    between = text[sf[k].end:f.start]
    if f.role not in COUNTED or f.unit != like.unit or head_word(f) != head_word(like) or f.value is None \
            or not between.rstrip().endswith("(") or re.search(r"[;.)\d]", between) or len(between.split()) > 12:
        return None
    return f


def _restated_whole(text: str, sf: list[Figure], k: int, part: Figure) -> Figure | None:
    """The count in brackets right after the noun of the percentage ``sf[k]`` names ("chiếm 22,6% tổng số hộ
    (9.486 hộ)"), of the part's unit and head word, and no smaller than the part: the whole."""
    if k + 1 >= len(sf):
        return None
    pct, f = sf[k], sf[k + 1]
    between = text[pct.end:f.start]
    opened = between.rfind("(")
    if opened >= 0 and between[opened + 1:].strip():
        # the bracket may name the whole again before its count: "đạt tỷ lệ bao phủ 92,4% dân số (dân số toàn tỉnh
        # 1.267.850 người)"
        named, inner = between[:opened].lower().split(), between[opened + 1:].lower().split()
        if not named or inner[:len(named)] != named:
            return None
        between = between[:opened + 1]
    if f.role not in COUNTED or f.unit != part.unit or f.qualifier is not None or head_word(f) != head_word(part) \
            or not between.rstrip().endswith("(") or re.search(r"[;.)\d]", between) or len(between.split()) > 12 \
            or f.value is None or part.value is None or f.value < part.value:
        return None
    return f if re.match(r"\s*+(?:[^\W\d_]++\s*+){0,3}\)", text[f.end:f.end + 40]) else None


def _rated_against_a_target(cues: Cues, ctx: SentenceContext, whole: Figure) -> bool:
    """The figure right after ``whole``, in its clause, is its percentage of a target ("872,5 tỷ đồng, đạt 64,9%
    kế hoạch")."""
    pool = ctx.previous + ctx.figures if ctx.previous and whole in ctx.previous else ctx.figures
    k = next((i for i, f in enumerate(pool) if f is whole), None)
    if k is None or k + 1 >= len(pool):
        return False
    nxt = pool[k + 1]
    return nxt.unit == "percent" and bool(nxt.noun) and nxt.noun.lower().startswith(cues.target_nouns) \
        and not CLAUSE_END.search(ctx.text, whole.end, nxt.start)


def _points_back(cues: Cues, text: str, pct: Figure) -> bool:
    """The percentage's noun ends with a pointer ("100% số tàu này", "số hộ nói trên"): its whole is the count
    just named, whichever the pointer means — no whole found by the noun."""
    rest = text[pct.end:pct.end + 60].lower().split()
    n = len((pct.noun or "").split()) + (1 if rest[:1] and rest[0] in cues.whole_name_fillers else 0)
    return is_or_starts_with(" ".join(rest[n:n + 3]), frozenset(cues.lang.data["cues"]["anaphoric_named"]["pointers"]))


def _whole_named_in_bracket(cues: Cues, text: str, sf: list[Figure], k: int, part: Figure) -> Figure | None:
    """The count a bracket right after the percentage ``sf[k]`` names as a whole ("chiếm 13,26% (tổng số 23.560
    hộ)"): the bracket opens with a word for a whole and holds that count alone, of the part's unit and head word,
    and no smaller than the part."""
    if k + 1 >= len(sf):
        return None
    f = sf[k + 1]
    opening = re.match(r"\s*+\(\s*+([^\W\d_]++(?:\s++[^\W\d_]++){0,4}?)\s*+$", text[sf[k].end:f.start])
    if opening is None or f.role not in COUNTED or f.unit != part.unit or f.qualifier is not None \
            or head_word(f) != head_word(part) or f.value is None or part.value is None or f.value < part.value:
        return None
    if not is_or_starts_with(opening.group(1).lower(), frozenset(cues.lang.words("cues.whole_words"))):
        return None
    return f if re.match(r"\s*+(?:[^\W\d_]++\s*+){0,3}\)", text[f.end:f.end + 40]) else None


def _named_earlier_in_sentence(cues: Cues, text: str, sf: list[Figure], k: int, part: Figure, pct: Figure,
                               not_wholes: set[str]) -> Figure | None:
    """The one earlier count of the sentence that the percentage's noun names in full, after the words that
    name a whole ("Toàn xã có 3.412 hộ, số hộ nghèo còn 46 hộ, chiếm 1,35% tổng số hộ" → 3.412 hộ; not for
    "chiếm 1,35% tổng số hộ nghèo toàn tỉnh", a whole the sentence does not state)."""
    words = pct.noun.lower().split()
    named = {w for w in words if w not in cues.whole_name_fillers}
    # (the word that names a whole may have been left out of the noun: "19,6% số công trình được kiểm tra")
    said = text[pct.end:pct.end + 12].lower().split()[:1]
    if not named or (words[0] not in cues.whole_name_fillers and not (said and said[0] in cues.whole_name_fillers)) \
            or part.value is None:
        return None
    same = [f for f in sf[:k] if f.role in COUNTED and f.unit == part.unit and f.qualifier is None
            and f.id not in not_wholes and f.value is not None and f.value >= part.value
            and head_word(f) == head_word(part) and named <= set((f.noun or "").lower().split())
            and not _SENTENCE_END.search(text, f.end, pct.start)]
    extra = _said_after_noun(cues, text, pct, words)
    if extra and words[0] in cues.whole_name_fillers or extra and said and said[0] in cues.whole_name_fillers:
        # "… tổng số 8.456 việc, trong đó có điều kiện thi hành 6.230 việc; đã thi hành xong 5.120 việc, đạt 82,18% số
        # việc có điều kiện": the words said after the noun name the whole — the count they name, across a ";" too
        mine = [f for f in same if f" {extra} " in f" {label_before(text, f)} {(f.noun or '').lower()} "]
        if mine:
            return mine[-1] if len({f.value for f in mine}) == 1 else None
    same = [f for f in same if ";" not in text[f.end:pct.start] or _stated_as_a_total(cues, text, f)]
    # (across a ";" too, where the count is stated as what there is: "Toàn huyện có 12.680 hộ; số hộ nghèo còn 412
    # hộ, bằng 3,25% tổng số hộ" — not "giúp 286 hộ hội viên thoát nghèo; hiện còn 146 hộ nghèo, chiếm 0,28% tổng số
    # hộ hội viên")
    return same[-1] if len({f.value for f in same}) == 1 else None


def _said_after_noun(cues: Cues, text: str, pct: Figure, noun_words: list[str]) -> str:
    """The words after a percentage's noun in its phrase, up to three ("82,18% số việc có điều kiện, …" → "có điều
    kiện"); empty where none."""
    phrase = re.split(r"[,;:()]|\.(?!\d)", text[pct.end:pct.end + 80], maxsplit=1)[0].lower().split()
    while phrase and phrase[0] in cues.whole_name_fillers:
        phrase = phrase[1:]
    if phrase[:len(noun_words)] != noun_words:
        return ""
    said = phrase[len(noun_words):len(noun_words) + 3]
    # (a verb's auxiliary says nothing of which count: "số công trình được kiểm tra" of "Đoàn kiểm tra 318 công trình")
    while said and said[0] in _auxiliaries(cues):
        said = said[1:]
    return " ".join(said)


def _auxiliaries(cues: Cues) -> frozenset[str]:
    found = getattr(cues, "_auxiliary_words", None)
    if found is None:
        found = cues._auxiliary_words = frozenset(cues.lang.words("cues.auxiliaries"))
    return found


def _stated_as_a_total(cues: Cues, text: str, f: Figure) -> bool:
    """``f`` follows a word that states what there is ("Toàn huyện có 12.680 hộ") and ends its clause."""
    before = " " + " ".join(text[max(0, f.start - 30):f.start].lower().split())
    after = text[f.end:f.end + 40].lstrip()
    noun = f.noun or ""
    if noun and after.startswith(noun):
        after = after[len(noun):].lstrip()
    return any(before.endswith(" " + w) for w in cues.lang.words("cues.total_verbs")) and after[:1] in (";", ",", "")


_SENTENCE_END = re.compile(r"\.(?!\w)")


def _introduced_as_part(cues: Cues, text: str, ctx: SentenceContext, f: Figure) -> bool:
    """A subset cue ("trong đó", "trong đó có") stands before ``f`` in its clause, after any figure before it."""
    lo = max((g.end for g in ctx.figures if g.end <= f.start), default=ctx.sentence.start)
    lo = max(lo, ctx.sentence.start)
    for m in CLAUSE_END.finditer(text, lo, f.start):  # ("…, tước giấy phép 486 trường hợp; trong đó …")
        lo = m.end()
    return cues.subset_re.search(text, lo, f.start) is not None


def _whole_named(cues: Cues, text: str, before: list[Figure], previous: list[Figure], pct: Figure) -> Figure | None:
    """The one earlier count of the noun a percentage names ("71,43% số vụ" → "14 vụ cháy")."""
    words = [w for w in pct.noun.lower().split() if w not in ("số", "tổng", "các", "những")]
    if not words:
        return None
    # (a line of a list before the sentence is one item, no whole the sentence names: "- Huyện Nhơn Trạch: 486 ca;
    # Bốn địa phương trên chiếm 69,4% tổng số ca mắc toàn tỉnh")
    # (nor an average: "Bình quân mỗi hộ được sơ tán có 3 người. … chiếm 42,1% tổng số người sơ tán")
    previous = [f for f in previous if not on_a_list_line(text, f) and not cues.is_average(text, f)]
    before = [f for f in before if not cues.is_average(text, f)]
    if pct.noun.lower().split()[0] not in cues.whole_name_fillers and names_a_subject(text, pct):
        # ("Toàn tỉnh có 3 thí sinh bị đình chỉ thi. Trường THPT chuyên Lê Quý Đôn có 99,5% thí sinh tốt nghiệp": a
        # subject of its own, and what the percentage counts, no whole it names — no count before is its whole)
        previous = []
    for pool in (before, previous):
        # (a fraction's total is a count of the noun too: "nâng tổng số xã đạt chuẩn lên 21/21 xã" — with "9 xã"
        # before it, two counts of "xã", so no whole)
        # (nor another period's value in brackets: "42 vụ cháy, giảm 7 vụ (năm 2025 là 49 vụ)"; nor what a word singles
        # out of what came before: "… có 146 sản phẩm … . Riêng năm 2026 có thêm 24 sản phẩm … . Sản phẩm 4 sao trở lên
        # chiếm 19,2% tổng số sản phẩm OCOP")
        same = [f for f in pool if f.role in COUNTED + ("denominator",) and f.unit == "count" and f.qualifier is None
                and f.value and f.value > 1 and (head_word(f) == words[0] or _contains(f.noun, words[:2]))
                and not names_another(words, f.noun) and not baseline_in_brackets(cues, text, f)
                and not singled_out(cues, text, f)
                # (nor the base of a rate in brackets: "… đạt 95,7% (22/23 vụ). … chiếm 66,3% tổng số vụ")
                and not (f.role == "denominator" and in_brackets(text, f))]
        if len({f.value for f in same}) == 1:
            return same[-1]
        if same and any(text[max(0, same[-1].start - 30):same[-1].start].lower().rstrip().endswith(w)
                        for w in cues.cumulative):
            return same[-1]  # "xây mới 523 …, nâng tổng số lên 2.420": the running total is the whole
        if same:
            return None  # several counts of that noun: which one is meant the text does not say
    return None


def _total_amount_named(cues: Cues, text: str, ctx: SentenceContext, part: Figure, pct: Figure) -> Figure | None:
    """The one amount of the sentence before, of the part's unit and larger, that the percentage names after the word
    for "total" ("88,1% tổng thu" → "tổng thu ngân sách … ước đạt 1.248,6 tỷ đồng") — only where the sentence opens
    with a part of it ("Trong đó, …"); else None."""
    words = pct.noun.lower().split()
    rest = [w for w in words if w not in cues.whole_name_fillers]
    if words[0] not in total_first_words(cues) or not 1 <= len(rest) <= 2 or part.qualifier is not None \
            or part.value is None or not any(text[ctx.sentence.start:ctx.sentence.start + 30].lower().lstrip(" -–(")
                                             .startswith(w) for w in ("trong đó", "trong số đó")):
        return None
    named = [f for f in ctx.previous[-LOOKBACK:] if f.role == "measure" and f.unit == part.unit and f.qualifier is None
             and f.value is not None and f.value > part.value
             and " ".join(words) in " ".join(label_before(text, f).split())]
    return named[0] if len({f.value for f in named}) == 1 else None




def a_part_named_otherwise(cues: Cues, text: str, ctx: SentenceContext, f: Figure, pct: Figure) -> bool:
    """``f`` is a part after "trong đó" in the sentence before, whose noun leaves out words the percentage names:
    "… phim ngắn 34 tác phẩm; trong đó có 17 phim của các hãng tư nhân … . … chiếm 48,8% số phim dự thi" — the
    percentage names all the films entered, not that part of them."""
    s = ctx.previous_sentence
    if s is None or not pct.noun or not cues.subset_re.search(text, s.start, f.start):
        return False
    words = [w for w in pct.noun.lower().split() if w not in cues.whole_name_fillers]
    return len(words) > 1 and not _contains(f.noun, words)


def _contains(noun: str | None, words: list[str]) -> bool:
    """``words`` stand together in ``noun`` ("cơ sở" in "tổ chức cơ sở đoàn")."""
    have = (noun or "").lower().replace(",", " ").split()
    return any(have[i:i + len(words)] == words for i in range(len(have)))


def _named_after_opener(cues: Cues, text: str, ctx: SentenceContext) -> set[str]:
    """The content words an opener names its whole by ("Trong số hộ nghèo, …" → {hộ, nghèo}); empty where it
    names none ("Trong đó, …", "Trong số đó, …")."""
    opening = text[ctx.sentence.start:ctx.sentence.start + 60]
    comma = opening.find(",")
    if comma < 0:
        return set()
    low = opening[:comma].lower().lstrip(" -–(")
    opener = next((w for w in cues.part_openers if low.startswith(w + " ")), None)
    if opener is None:
        return set()
    words = low[len(opener):].split()
    pointers = {w for p in cues.lang.mapping("cues.anaphoric_named")["pointers"] for w in str(p).split()}
    if not words or len(words) > 5 or pointers & set(words) or any(c.isdigit() for c in low):
        return set()  # (a count in the opener, "Trong số 284 chủ thể, …", states its whole right there)
    return set(content_words(" ".join(words)))


def _opens_with_part(cues: Cues, text: str, ctx: SentenceContext) -> bool:
    """The sentence opens by speaking of a part of what the sentence before stated ("Trong số đó, …")."""
    opening = text[ctx.sentence.start:ctx.sentence.start + 30].lower().lstrip(" -–(")
    return any(opening.startswith(w) for w in cues.part_openers) or _opens_a_list_of_parts(cues, text, ctx)


def _opens_a_list_of_parts(cues: Cues, text: str, ctx: SentenceContext) -> bool:
    """The sentence opens by listing parts of what the sentence before stated: "… 64.325 lượt người hưởng … . Cụ
    thể: chế độ ốm đau 48.630 lượt (75,6%); …"."""
    opening = text[ctx.sentence.start:ctx.sentence.start + 30].lower().lstrip(" -–(")
    return any(opening.startswith(w) and opening[len(w):len(w) + 1] in (":", ",") for w in _part_list_openers(cues))


def _part_list_openers(cues: Cues) -> list[str]:
    found = getattr(cues, "_part_list_openers_words", None)
    if found is None:
        found = cues._part_list_openers_words = cues.lang.words("cues.part_list_openers")
    return found


# starts only at a word start: linear; the value may stand in brackets ("bằng 108,6% dự toán Trung ương giao (9.200 tỷ
# đồng)")
_BRACKET_CLOSES = re.compile(r"(?<=[^\s(])(?:\s++[^\W\d_]++){0,3}+\s*+\)")  # the value's own noun, then ")"
_TARGET_GAP = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]++\s++){0,6}+(?P<bracket>\(\s*+)?$")


def _bracketed_percent_before(text: str, sf: list[Figure]) -> set[str]:
    """The counts a percentage in brackets follows in their clause, however long the words between ("6 đại biểu
    là người dân tộc Khmer, Hoa (12,0%)"): a part with a share of its own, never the whole of the next one."""
    out = set()
    for k in range(1, len(sf)):
        pct, prev = sf[k], sf[k - 1]
        if pct.unit == "percent" and prev.role in COUNTED and prev.unit == "count" \
                and text[prev.end:pct.start].rstrip().endswith("(") and not CLAUSE_END.search(text, prev.end, pct.start):
            out.add(prev.id)
    return out


def detect_stated_target(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A value, its percentage of a target and the target's value written after it: "thu ngân sách đạt 3.864 tỷ
    đồng, bằng 81,6% dự toán năm 4.950 tỷ đồng" — the share of the target, checked as a measured ratio (``cue:
    "a/b"``, each figure to its printed precision). Only where the target noun (``ratio_nouns``) follows the
    percentage and at most six words stand between it and a value of the part's unit ("kế hoạch vốn Thủ tướng
    Chính phủ giao (6.214,6 tỷ đồng)")."""
    text, sf = ctx.text, ctx.figures
    if not any(w in ctx.lower for w in _ratio_nouns(cues)):
        return []
    used = {fid for r in ctx.found for fid in r["figures"] if r["kind"] == "share"}
    by_id = {f.id: f for f in sf}
    # the earlier period's value in brackets ("tăng 10,4% so với năm 2024 (11.280 tỷ đồng) và bằng 108,3% dự
    # toán …") is no part: the value the change is of is
    current_of = {r["roles"]["previous"]: by_id.get(r["roles"].get("current")) for r in ctx.found
                  if r["kind"] == "change" and r["roles"].get("previous")}
    out = []
    for k in range(1, len(sf) - 1):
        part, pct, whole = sf[k - 1], sf[k], sf[k + 1]
        gap = gap_after_noun(text, part, pct)
        if part.role == "threshold" and k >= 2 and sf[k - 2].role in COUNTED and sf[k - 2].unit == part.unit \
                and not CLAUSE_END.search(text, sf[k - 2].end, pct.start):
            part = sf[k - 2]  # "ước đạt 5.153,0 tỷ đồng, lần đầu tiên vượt mốc 5.000 tỷ đồng, đạt 110,8% dự toán …"
        # "bằng 108,6% dự toán Trung ương giao (6.893 tỷ đồng) và bằng 103,2% dự toán HĐND tỉnh giao (…)": the
        # second target's share is of the value the first one's is
        current_of.update({r["roles"]["whole"]: by_id.get(r["roles"]["part"]) for r in out})
        stood_for = part.id in current_of or baseline_in_brackets(cues, text, part)
        if stood_for:
            closed = text.find(")", part.end, pct.start)
            part = current_of.get(part.id)
            if part is None or part.unit != sf[k - 1].unit or closed < 0:
                continue
            gap = text[closed + 1:pct.start]  # ("… (11.280 tỷ đồng) và bằng 108,3% …": what follows the bracket)
        if pct.unit != "percent" or pct.id in used or part.id in used and not stood_for or part.role not in COUNTED \
                or whole.role not in COUNTED or whole.unit != part.unit or part.qualifier or whole.qualifier:
            continue
        if not cues.share_gap(gap) or CLAUSE_END.search(text, part.end, whole.start):
            continue
        after = text[pct.end:whole.start].lower()
        target = next((w for w in _ratio_nouns(cues) if after.lstrip().startswith(w + " ")), None)
        gap = _TARGET_GAP.match(after.lstrip()[len(target):].lstrip()) if target is not None else None
        if gap is None or gap.group("bracket") and not _BRACKET_CLOSES.match(text, whole.end, whole.end + 60):
            continue  # (in brackets, the value alone: "(9.200 tỷ đồng)", not "(trong đó 9.200 tỷ đồng …)")
        if part.unit == "count" and head_word(part) != head_word(whole) \
                and (whole.noun or "").lower() != (part.classifier or "").lower():
            continue  # ("2.185.600 lượt khách, đạt 57,5% kế hoạch năm (3.800.000 lượt)": counted in its classifier)
        if last_of_a_list(cues, ctx, sf, part):
            continue  # "6.214 căn, gồm 4.386 căn xây mới và 1.828 căn sửa chữa, đạt 98,0% kế hoạch": of which, unsaid
        if any(r["kind"] == "fraction" and r["roles"].get("whole") == part.id for r in ctx.found):
            continue  # "45 hộ trên tổng số 120 hộ đăng ký, đạt 112,5% kế hoạch (40 hộ)": what is done is the part, no whole
        out.append(relation("share", [part, pct, whole], {"part": part.id, "percent": pct.id, "whole": whole.id},
                            cue="a/b", evidence=f"the percentage of the {target} whose value follows it"))
        used |= {part.id, pct.id}
    return out + _target_stated_before(cues, ctx, used)


def detect_allocated_then_done(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """An amount allocated, the amount done of it, then the rate: "giao 412,5 tỷ đồng, giải ngân 351,8 tỷ đồng, đạt
    85,3%", "được giao 1.073,8 tỷ đồng và đã giải ngân 854,0 tỷ đồng, đạt 79,5%" — the share of the done in the
    allocated, checked as a measured ratio (``cue: "a/b"``; the done may pass it). Only where the words right before
    each amount are the language's (``cues.allocated_words``, ``cues.done_words``), the three figures follow one
    another in one clause with only a separator between, and the percentage names no other thing."""
    text, sf = ctx.text, ctx.figures
    allocated, done = _allocation_words(cues)
    if not any(w in ctx.lower for w in allocated):
        return []  # quick exit: nothing is allocated in the sentence
    # (a share found before, of this part and percentage, is of the allocated amount: only its cue is said here)
    found = {(r["roles"].get("part"), r["roles"].get("percent")): r for r in ctx.found if r["kind"] == "share"}
    used = {fid for r in ctx.found if r["kind"] == "share" for fid in r["figures"]}
    out = []
    for k in range(len(sf) - 2):
        whole, part, pct = sf[k], sf[k + 1], sf[k + 2]
        earlier = found.get((part.id, pct.id))
        if earlier is not None and earlier.get("cue") is None and earlier["roles"].get("whole") in (None, whole.id):
            used -= {part.id, pct.id}
        if whole.role != "measure" or part.role != "measure" or whole.unit != part.unit or pct.unit != "percent" \
                or whole.qualifier or part.qualifier or pct.id in used or part.id in used \
                or pct.noun and not any(pct.noun.lower().startswith(w) for w in cues.lang.words("cues.plan_nouns")):
            continue
        if not _ends_with_any(text[max(0, whole.start - 25):whole.start], allocated) \
                or not _ends_with_any(text[whole.end:part.start], done) or CLAUSE_END.search(text, whole.end, pct.start):
            continue
        between = " ".join(text[whole.end:part.start].lower().split())
        if not (between.startswith(",") or between.startswith("và ")) or len(between.split()) > 5 \
                or not cues.share_gap(gap_after_noun(text, part, pct)):
            continue
        if earlier is not None:
            if earlier["roles"].get("whole") is None:
                earlier["roles"]["whole"] = whole.id
                earlier["figures"].append(whole.id)
                earlier["start"] = min(earlier["start"], whole.start)
            earlier["cue"], earlier["evidence"] = "a/b", "the amount done of the amount allocated before it"
        else:
            out.append(relation("share", [part, pct, whole], {"part": part.id, "percent": pct.id, "whole": whole.id},
                                cue="a/b", evidence="the amount done of the amount allocated before it"))
        used |= {part.id, pct.id}
    return out


def _allocation_words(cues: Cues) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found = getattr(cues, "_allocation_words", None)
    if found is None:
        found = cues._allocation_words = (tuple(cues.lang.words("cues.allocated_words")),
                                          tuple(cues.lang.words("cues.done_words")))
    return found


def _ends_with_any(text: str, words: tuple[str, ...]) -> bool:
    """``text`` ends with one of ``words``, as whole words (lower-cased, runs of spaces as one)."""
    low = " " + " ".join(text.lower().split())
    return any(low.endswith(" " + w) for w in words)


def _target_stated_before(cues: Cues, ctx: SentenceContext, used: set[str]) -> list[dict]:
    """An amount and its percentage of a plan whose value the sentence before states: "… tổng kế hoạch vốn đầu tư
    công năm 2026 của tỉnh là 6.180 tỷ đồng. Đến ngày 20/11, toàn tỉnh đã giải ngân được 4.215 tỷ đồng, đạt 68,2% kế
    hoạch." — the one amount of the unit there named by the plan's noun (``cues.plan_nouns``), and the percentage
    named by that noun alone; checked as a measured ratio."""
    text, sf = ctx.text, ctx.figures
    if not ctx.previous:
        return []
    plans = _plan_nouns(cues)
    out = []
    for k in range(1, len(sf)):
        part, pct = sf[k - 1], sf[k]
        if pct.unit != "percent" or (pct.noun or "").lower() not in plans or pct.id in used or part.id in used \
                or part.role != "measure" or part.qualifier or pct.qualifier or k + 1 < len(sf) \
                and not CLAUSE_END.search(text, pct.end, sf[k + 1].start) \
                or not cues.share_gap(gap_after_noun(text, part, pct)):
            continue
        noun = pct.noun.lower()
        named = [f for f in ctx.previous if f.role == "measure" and f.unit == part.unit and f.qualifier is None
                 and f.value and re.search(rf"(?<![^\W_]){re.escape(noun)}(?![^\W_])", label_before(text, f))]
        if len(named) != 1 or any(f.unit == part.unit and f.role == "measure" and f is not part for f in sf[:k - 1]):
            continue  # (none, or two plans; or another amount before the part: of which, unsaid)
        if in_brackets(text, named[0]) or not _plan_named_alike(text, pct, named[0]):
            # "(gồm thu tiền sử dụng đất 126,8 tỷ đồng, đạt 42,3% dự toán 300 tỷ đồng, …)" is a part's plan; "bằng 47,2%
            # dự toán HĐND huyện giao" names a plan the one before is not said to be
            continue
        out.append(relation("share", [part, pct, named[0]], {"part": part.id, "percent": pct.id, "whole": named[0].id},
                            cue="a/b", evidence=f"the percentage of the {noun} whose value the sentence before states"))
    return out


def _plan_named_alike(text: str, pct: Figure, plan: Figure) -> bool:
    """The words after the percentage's plan noun, up to its clause's end ("HĐND huyện giao"), all stand before the
    plan's value too: the same plan."""
    after = CLAUSE_END.split(text[pct.end:pct.end + 80], 1)[0].lower().replace(",", " ").split()
    more = after[len((pct.noun or "").split()):]
    said = set(text[max(0, plan.start - 80):plan.start].lower().replace(",", " ").split())
    return all(w in said for w in more)


def _plan_nouns(cues: Cues) -> frozenset[str]:
    found = getattr(cues, "_plan_nouns", None)
    if found is None:
        found = cues._plan_nouns = frozenset(w.lower() for w in cues.lang.words("cues.plan_nouns"))
    return found


def _ratio_nouns(cues: Cues) -> list[str]:
    found = getattr(cues, "_target_nouns", None)
    if found is None:
        found = cues._target_nouns = [w for w in cues.lang.words("ratio_nouns") if w not in ("cùng kỳ", "năm trước")]
    return found

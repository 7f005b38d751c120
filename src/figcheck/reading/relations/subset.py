"""subset: "4.340 nguồn tin; trong đó 4.000 tin có giá trị" — also across a sentence ("… 1.200 tin.
Trong đó, 782 tin …"); a cue inside brackets scopes to them.

The parts after the cue each belong to the latest earlier count of the same thing ("27 vụ, 41 đối tượng;
trong đó 34 vụ …": the whole is 27 vụ). Two or more parts of one whole are a breakdown that is not
exhaustive ("of which" need not name every part, but its parts cannot exceed the whole) — exhaustive
when its last part is the remainder ("còn lại"). Clauses separated by ";" are lists of their own when
each holds two or more parts of every whole it names ("539 người nghiện, 1.122 người dùng; 346 người …,
1.315 người …": two ways of dividing one whole); otherwise ";" only separates the items of one list
("05 vụ, 05 đối tượng, 03 vụ, 03 đối tượng; 02 vụ, 21 đối tượng").
"""

from __future__ import annotations

import bisect
import re

from figcheck.models import Article, Figure
from figcheck.reading.figures import _ends_with_phrase
from figcheck.reading.relations.shared import (CLAUSE_END, QUOTED, in_a_range, states_differ, compared_baseline, ends_with_a_sum_word, is_or_starts_with, LOOKBACK, Cues, SentenceContext, baseline_in_brackets, compatible,
                                                content_words,
                                                counted_rest, described, name_before_number,
                                                gap_after_noun,
                                                head_word, is_place, named_by_the_percentage_before, label_before, labelled_apart, nouns_apart, total_of_an_outcome, labels_of_several_dimensions, on_a_list_line, votes_for_a_person, opening_whole_and_count, out_of_opening, relation, singled_out, skip_blanks, verbs_before,
                                                word_alternation)

COUNTED = ("count", "measure")


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, s, sf, prev = ctx.text, ctx.sentence, ctx.figures, ctx.previous[-LOOKBACK:]
    starts = [f.start for f in sf]
    out = []
    # (a word each cue has, looked for first: most sentences hold none)
    cue_spans = [(m.start(), m.end(), m.group(0).lower()) for m in cues.subset_re.finditer(text, s.start, s.end)] \
        if any(w in ctx.lower for w in cues.subset_words) else []
    # "Cụ thể, lúa 6.838 ha; bắp 1.025 ha; …" after "… 11.397 ha.", "Nhiều đơn vị nổi bật, như: quận A bắt 35
    # vụ …": the sentence lists parts of the one before
    # "Trong số các điển hình mới này, có 5 mô hình …": of the earlier count those words name
    named = cues.named_anaphoric_re.match(text, skip_blanks(text, s.start, s.end), s.end) \
        if not cue_spans and "trong" in ctx.lower else None
    named_words = content_words(named.group("noun")) if named else set()
    opener = None if named else cues.part_list_opener_re.match(text, skip_blanks(text, s.start, s.end), s.end)
    if opener is None and sf and not named:
        # (the pattern ends with a colon: a sentence with none before its first figure cannot hold it)
        ex = cues.examples_colon_re.search(text, s.start, sf[0].start) if text.find(":", s.start, sf[0].start) >= 0 \
            else None
        if ex and len(text[s.start:ex.start()].split()) <= 12 and not CLAUSE_END.search(text, s.start, ex.start()):
            opener = ex
    if opener is None and sf and not cue_spans and not named:
        back = cues.back_ref_opener_re.search(text, s.start, sf[0].start)
        # (near the first figure, in the sentence's first clause: "Về nguyên nhân, kết quả điều tra … cho thấy các
        # vụ cháy xuất phát từ chập điện 6 vụ; …")
        if back and back.group("noun").lower() == head_word(sf[0]) and len(text[back.start():sf[0].start].split()) <= 12 \
                and len(text[s.start:back.start()].split()) <= 16 and not CLAUSE_END.search(text, s.start, sf[0].start):
            opener = back
    if opener and not (cue_spans and cue_spans[0][0] < opener.end()):
        cue_spans.insert(0, (s.start, opener.end(), text[s.start:opener.end()].strip(" ,:-–\n").lower()))
    if named:
        cue_spans.insert(0, (s.start, named.end(), "trong số này"))
    for p, cue_end, cue in cue_spans:
        # a cue inside brackets scopes to them: "660 mô hình (trong đó có 144 …, 5 …)"
        open_br = text.rfind("(", s.start, p)
        inside = open_br >= 0 and text.rfind(")", open_br, p) < 0
        scope_end = s.end
        if inside:
            close = text.find(")", p, s.end)
            scope_end = close if close >= 0 else s.end
        at = bisect.bisect_left(starts, p)  # figures before the cue, and after it: found by position, not scanned
        # (not a value of the period compared with, in brackets: "… tăng 14,5% so với cùng kỳ (1.246.300 lượt); trong
        # đó khách quốc tế 486.420 lượt")
        # (nor an average: "486.240 hồ sơ, bình quân mỗi ngày hơn 1.330 hồ sơ; trong đó 332.588 hồ sơ …")
        wholes = _larger_of_pairs([f for f in sf[max(0, at - LOOKBACK):at] if f.end <= p
                                   and f.role in COUNTED + ("numerator", "denominator")
                                   and not baseline_in_brackets(cues, text, f) and not cues.is_average(text, f)])
        # ("214 vụ …, riêng quý IV xảy ra 52 vụ; trong đó 86 vụ trộm cắp …": what "riêng" singles out is no whole
        # where a count of its kind stands before it)
        wholes = [w for w in wholes if not (singled_out(cues, text, w) and any(
            e.start < w.start and e.unit == w.unit and head_word(e) == head_word(w) for e in wholes))]
        # ("có thêm 4 xã …, nâng tổng số lên 19/21 xã; trong đó có 5 xã …": the running total stands for what was
        # added before it)
        running = [w for w in wholes if _after_cumulative(cues, text, w)]
        if running:
            # (the running total may count by another noun than it names: "thêm 12 bác sĩ, nâng tổng số bác sĩ lên 86
            # người, trong đó 24 bác sĩ …")
            wholes = [w for w in wholes if not any(r.start > w.start and (
                head_word(r) == head_word(w) or w.noun and f" {w.noun.lower()} " in f" {text[w.end:r.start].lower()} ")
                for r in running)]
        unique = not wholes
        if not wholes:
            opening = text[s.start:p].strip(" ,.;:–-“\"").strip()
            if opening and text[s.start:p].strip(" ,").lower() not in cues.openers:
                continue
            # (a fraction's denominator too: "… 355,2/355,2 ha. Trong đó: nhóm A 198,2 ha, …" — as within a sentence,
            # the parts are bounded by the larger figure, whichever of the two they divide)
            earlier_wholes = _larger_of_pairs([f for f in prev if f.role in COUNTED + ("numerator", "denominator")
                                               and not baseline_in_brackets(cues, text, f)
                                               and not compared_baseline(cues, text, f)
                                               and not cues.is_average(text, f, phrase=True)])
            wholes = _not_parts(cues, text, earlier_wholes)
            if named_words:
                # (a line of a list before is one item, not the whole the opener names: "- Các xã còn lại: 55 vụ …
                # Trong tổng số vụ, 112 vụ …")
                # ("Trong số hộ nghèo, …" after "1.246 hộ nghèo, …; 986 hộ cận nghèo": the near-poor are not named)
                def named_by_opener(candidates: list[Figure]) -> list[Figure]:
                    found = [w for w in candidates if named_words <= content_words(w.noun) and not on_a_list_line(text, w)
                             and not nouns_apart(cues, named.group("noun"), w.noun)]
                    return _named_side_of_pairs(prev, found, named_words)
                # ("3.420 hộ; trong đó còn 97 hộ nghèo, … . Trong số hộ nghèo, …": the name picks a part of the
                # sentence before where no whole there is so named)
                wholes = named_by_opener(wholes) or named_by_opener(earlier_wholes)
            if opener is not None and opener.re is cues.back_ref_opener_re and ctx.previous_sentence is not None \
                    and ctx.earlier and cues.subset_re.match(text, skip_blanks(text, ctx.previous_sentence.start,
                                                                               ctx.previous_sentence.end)):
                # "… 15 vụ cháy … . Trong đó nhiều nhất là nhà ở 6 vụ; … . Về nguyên nhân, các vụ cháy xuất phát từ
                # chập điện 6 vụ; …": the sentence before only divided the total; "các vụ cháy" names the total
                named = text[opener.start("noun"):opener.start("noun") + 40].lower().split()
                wholes = [f for f in ctx.earlier[0][-LOOKBACK:] if f.role in COUNTED
                          and described(text, f) and list(described(text, f)) == named[:len(described(text, f))]]
            elif opener is not None and opener.re is cues.back_ref_opener_re:
                # "… 246 vụ tai nạn giao thông … . Xe mô tô liên quan 178 vụ. Các vụ tai nạn xảy ra chủ yếu vào ban
                # đêm, với 112 vụ": the words after "các" name the whole; where the sentence before holds no count so
                # named, the one earlier count that is
                named = text[opener.start("noun"):opener.start("noun") + 40].lower().split()[:2]
                mine = [w for w in wholes if list(described(text, w))[:2] == named]
                if len(named) == 2 and mine:
                    wholes = mine
                elif len(named) == 2 and ctx.earlier:
                    elsewhere = [f for f in ctx.earlier[0][-LOOKBACK:] if f.role in COUNTED
                                 and list(described(text, f))[:2] == named]
                    if len({f.value for f in elsewhere}) == 1:
                        wholes = elsewhere[-1:]
        if not wholes:
            continue
        summed = [w for k, w in enumerate(wholes) if k and ends_with_a_sum_word(cues, text[wholes[k - 1].end:w.start])]
        if summed:
            # "… lần lượt là 156, 174, 168 và 189 tin, tổng cộng 687 tin; trong đó …": the sum is the whole, the
            # values it adds are not
            wholes = summed[-1:]
        if not unique and not inside and cues.breakdown_re.search(text[s.start:wholes[-1].start].lower()):
            # "… gồm Hà Nội 10 ca, Hải Dương và Hưng Yên mỗi nơi có 2 ca, trong đó 1 ca tử vong; Nam Định 4 ca": of an
            # item of a list, the cue speaks up to the item's end
            semi = text.find(";", cue_end, scope_end)
            scope_end = semi if semi >= 0 else scope_end
        # (an average is no part: "trong đó 12.470 ca sốt xuất huyết; bình quân mỗi ngày 34 ca")
        # (nor the whole a percentage names: "trong đó hoàn thành 3.912 căn, đạt 80,5% tổng số 4.860 căn nhà cần hỗ trợ")
        # (nor a part's target in brackets: "thu nội địa đạt 1.531 tỷ đồng, bằng 56,9% dự toán (2.692 tỷ đồng); thu
        # từ …" — an aside of that part, passed over with its bracket)
        targets = _bracketed_targets(text, sf, ctx.found)
        after = [f for f in sf[at:at + LOOKBACK] if cue_end <= f.start < scope_end and f.role in COUNTED
                 and not cues.is_average(text, f, phrase=True) and not named_by_the_percentage_before(cues, text, sf, f)
                 and not _negates_the_whole(cues, text, wholes, f, scope_end) and f.id not in targets]

        summed = [f for k, f in enumerate(after) if k and ends_with_a_sum_word(cues, text[after[k - 1].end:f.start])]
        if summed:
            # "trong đó tin có giá trị lần lượt là 52, 61, 57 và 70 tin, tổng cộng 240 tin": the sum is the part
            after = summed[:1]
        semi = text.find(";", cue_end, scope_end)
        if semi >= 0 and any(f.start < semi for f in after):
            # "trong đó 38.640 hộ đạt danh hiệu, chiếm 83,6% …; cấp trung ương 124 hộ, cấp tỉnh 1.246 hộ, …": the
            # clause after ";" may list more parts or divide the part before it; where its counts add up to that
            # part exactly, the second reading holds, and an error must fail under both: the clause is set aside
            nxt_semi = text.find(";", semi + 1, scope_end)
            last = [f for f in after if f.start < semi][-1]
            clause = [f for f in after if semi < f.start < (nxt_semi if nxt_semi >= 0 else scope_end)]
            if len(clause) >= 2 and last.unit == "count" and all(
                    f.unit == "count" and head_word(f) == head_word(last) and f.value is not None for f in clause) \
                    and last.value is not None and sum(f.value for f in clause) == last.value:
                after = [f for f in after if f.start < semi]
        # the parts stop at the next cue that opens a list of its own
        nxt = cues.subset_re.search(text, cue_end, scope_end)
        if nxt:
            after = [f for f in after if f.start < nxt.start()]
        # a nested list ("258 ca …, gồm TP.HCM có 154 ca, …", "(…)") belongs to its own total, not to this one
        kept = []
        for a in after:
            between = text[kept[-1].end:a.start] if kept else ""
            if kept and targets:
                between = _without_target_asides(text, kept[-1].end, a.start, sf, targets)
            # (a colon opens a nested list only right after the part it divides: "258 ca trong nước: …",
            # not "xếp sau là các tỉnh: Sơn La 48 nhà")
            colon_nested = ":" in between and len(between[:between.find(":")].split()) <= 4
            # ("(13 vụ), tiếp theo là cơ sở sản xuất (7 vụ)": each item's count in its own brackets is no nesting)
            bracketed_items = gap_after_noun(text, kept[-1], a).lstrip().startswith(")") and between.count("(") == 1 \
                if kept else False
            if kept and (cues.breakdown_re.search(between.lower()) or "(" in between and not bracketed_items
                         or colon_nested or _values_of_another_list(cues, between)):
                break
            if _after_cumulative(cues, text, a):
                break  # "trong đó 7 sản phẩm 3 sao và 2 sản phẩm 4 sao, nâng tổng số … lên 48 sản phẩm": a running total
            if kept and ";" in between and _another_subject_s_count(cues, text, kept[0], a, cue_end, wholes):
                break  # "97 giải, trong đó có 15 giải Nhất; các trường THPT không chuyên đạt 88 giải": a sibling's own
            if in_a_range(cues, text, a):
                continue  # "mỗi năm kết nạp từ 15 đến 20 đảng viên": the ends of a range are no parts
            kept.append(a)
        # ("214 hộ nghèo, trong đó 209 hộ …; 126 hộ cận nghèo": a count of a label apart from the whole's is none of it)
        kept = [a for a in kept if not any(labelled_apart(cues, a, w, text) for w in wholes)]
        # ("trong đó xuất khẩu 391,0 tỷ USD, nhập khẩu 371,4 tỷ USD, xuất siêu 19,6 tỷ USD": a balance is no part)
        kept = [a for a in kept if not _a_balance(cues, text, a, cue_end)]
        if any(_share_of_another_whole(cues, text, sf, f, wholes) for f in kept
               if any(cues.kind_of(f) == cues.kind_of(w) for w in wholes)):
            # a part of another whole among the parts ("…; thí sinh tự do đỗ 285 em, đạt 97,3% số thí sinh tự do dự
            # thi"): leaving it out would make the list look incomplete, keeping it too large — none is read
            continue
        if opener and p == s.start:
            # "Cụ thể, …" may go on to other things ("… 363 vụ cháy … . Cụ thể, … 1.346 vụ tai nạn giao
            # thông"): a part whose noun says more than its head word must share a word of the whole's
            kept = [a for a in kept if not _says_otherwise(cues, text, a, wholes)]
        if unique is False and len(kept) >= 2 and text[max(s.start, p - 3):p].strip().endswith(";") \
                and cues.breakdown_re.search(text[wholes[0].end:p].lower()):
            # "3.486 ngôi nhà …, gồm 142 nhà sập đổ và 3.344 nhà tốc mái; trong đó Quảng Ninh 1.612, Hải Phòng 1.208,
            # Thái Bình 666 nhà": after a list, the parts may divide its total or its last item; a whole they add
            # up to says which, and parts larger than every whole are wrong under each reading
            if any(a.value is None for a in kept) or any(w.value is None for w in wholes):
                continue
            total = sum(a.value for a in kept)
            exact = [w for w in wholes if total == w.value and all(a.unit == w.unit for a in kept)]
            largest = max(wholes, key=lambda w: w.value)
            if len(exact) == 1:
                wholes = exact
            elif total > largest.value and all(a.unit == largest.unit for a in kept):
                wholes = [largest]
            else:
                continue
        found = _lists(cues, text, cue, min(wholes[-1].start, p), wholes, kept, unique)
        if unique:
            found = [r for r in (_outcome_or_total(cues, ctx, r) for r in found) if r is not None]
        found = [x for r in found for x in _overlapping_by_their_shares(ctx, r)]
        if opener and p == s.start:
            # no cue word says these are parts ("Cụ thể, …" may list overlapping attributes or other periods):
            # an inference, checked as info — unless "Cụ thể" details the whole place by place, each part the
            # same count as the whole ("… 9 người chết … . Cụ thể, Thái Bình 3 người chết, Nam Định 2 người chết
            # …"): places do not overlap, so the parts stay within it
            by_id = {f.id: f for f in prev + sf}
            for r in found:
                if _by_place(cues, text, cue, r, by_id):
                    r["evidence"] = "the sentence details the count before it place by place"
                    continue
                r["implied"] = True
                r["evidence"] = "the sentence lists parts of what the sentence before counted"
        out += found
    return out


def _another_subject_s_count(cues: Cues, text: str, first: Figure, f: Figure, cue_end: int,
                             wholes: list[Figure]) -> bool:
    """After ";", a count of the whole's bare noun named by a subject and a verb of its own, where the list's first
    part had no name but its kind: "97 giải, trong đó có 15 giải Nhất; các trường THPT không chuyên đạt 88 giải" — the
    count of another subject, side by side with the whole, not a part of it."""
    said = described(text, wholes[-1]) if wholes else ()
    kind = described(text, first)
    if not said or len(kind) <= len(said) or kind[:len(said)] != said or described(text, f) != said:
        return False  # (the first part names a kind of the whole — "giải Nhất" of "giải" —, this count none)
    if text[cue_end:first.start].strip(" ,:").lower().split() not in ([], ["có"]):
        return False  # (the first part has a name of its own: "trong đó xã A có 12 hộ; xã B có 8 hộ" is a list)
    label = label_before(text, f).split()
    return len(label) >= 2 and label[-1] in cues.lang.words("cues.own_count_verbs")


def _values_of_another_list(cues: Cues, between: str) -> bool:
    """The words between two parts open another list of values, respectively: "thu nội địa 6.245 tỷ đồng và thu xuất
    nhập khẩu 1.038 tỷ đồng, với dự toán lần lượt là 11.500 tỷ đồng và 2.000 tỷ đồng" (the parts' plans)."""
    # (not a plan noun alone: "khách nước ngoài 97.678 lượt, đạt 85% kế hoạch, …; khách nội địa 234.216 lượt" goes on)
    return cues.respectively_re.search(between) is not None


def _a_balance(cues: Cues, text: str, f: Figure, floor: int) -> bool:
    """``f`` is named as the difference of the parts before it ("xuất siêu 19,6 tỷ USD", ``cues.balance_labels``)."""
    label = label_before(text, f, floor)
    words = getattr(cues, "_balance_labels", None)
    if words is None:
        words = cues._balance_labels = tuple(cues.lang.words("cues.balance_labels"))
    return label.startswith(words)


def _overlapping_by_their_shares(ctx: SentenceContext, r: dict) -> list[dict]:
    """Parts each with its share of the whole, the shares adding up to more than all of it ("412.500 hộ, trong đó
    381.150 hộ sử dụng nước hợp vệ sinh, chiếm 92,4%; 253.688 hộ sử dụng nước sạch, đạt 61,5%"): the text says the
    parts overlap — each a part within the whole, no division of it."""
    if r["kind"] != "breakdown":
        return [r]
    by_id = {f.id: f for f in ctx.figures}
    share_of = {x["roles"].get("part"): by_id.get(x["roles"].get("percent")) for x in ctx.found if x["kind"] == "share"}
    parts = r["roles"]["parts"]
    shares = [share_of.get(p) for p in parts]
    if len(parts) < 2 or any(f is None or f.value is None for f in shares) \
            or sum(f.value for f in shares) <= 100 + sum(0.5 * 10 ** -f.decimals for f in shares):
        return [r]
    total = r["roles"]["total"]
    kept = {k: v for k, v in r.items() if k not in ("exhaustive", "kind", "figures", "roles")}
    return [dict(kept, kind="subset", figures=[total, p], roles={"whole": total, "part": p}) for p in parts]


def _outcome_or_total(cues: Cues, ctx: SentenceContext, r: dict) -> dict | None:
    """A sentence that opens with "Trong đó" after an outcome ("xảy ra 385 vụ … . Đã điều tra làm rõ 341 vụ, …
    . Trong đó, trộm cắp tài sản 186 vụ; …") may divide the outcome or the total it is out of. The parts decide
    where their sum is the total's; where it lies between the two, which is meant is unsaid (None); where it is
    within both, or above both, either reading gives the same verdict."""
    by_id = {f.id: f for f in ctx.previous + ctx.figures}
    whole = by_id.get(r["roles"].get("total") or r["roles"].get("whole"))
    parts = [by_id.get(x) for x in (r["roles"].get("parts") or [r["roles"].get("part")])]
    if whole is None or whole not in ctx.previous or any(p is None or p.value is None for p in parts):
        return r
    total = total_of_an_outcome(cues, ctx, whole)
    if total is None:
        return r
    parts_sum = sum(p.value for p in parts)
    if r["kind"] == "breakdown" and parts_sum == total.value:
        key = "total"
    elif parts_sum <= whole.value or parts_sum > total.value:
        return r
    else:
        return None
    r["roles"][key] = total.id
    r["figures"] = [total.id] + [fid for fid in r["figures"] if fid != whole.id]
    r["evidence"] = "the parts add up to the total the outcome before them is out of"
    return r


def _out_of_the_one_before(cues: Cues, text: str, a: Figure, b: Figure) -> bool:
    """``b`` is counted out of ``a`` in its clause: "6.612 người được xét nghiệm tải lượng virus, có 6.475 người …" —
    a step within the part before, no sibling of it."""
    between = text[a.end:b.start]
    if CLAUSE_END.search(between) or "," not in between:
        return False
    link = " ".join(between.rsplit(",", 1)[1].lower().split())
    return link in out_of_opening(cues)[2]


def _label_of_part(cues: Cues, text: str, part: Figure, floor: int) -> str:
    """What names a part: the words before its number in its clause ("cháy tại nhà dân 21 vụ"), else the words
    after its noun up to the clause's end ("38 vụ xảy ra tại các công trường")."""
    before = label_before(text, part, floor)
    cue = cues.subset_re.match(before.strip())
    if (before.strip()[cue.end():] if cue else before).strip():
        return before
    after = text[part.end:part.end + 60]
    noun = part.noun or ""
    if noun and after.lstrip().startswith(noun):
        after = after.lstrip()[len(noun):]
    return re.split(r"[,;:()]|\.(?!\d)", after, maxsplit=1)[0]


def _after_cumulative(cues: Cues, text: str, f: Figure) -> bool:
    """``f`` is a running total: "nâng tổng số lên 19/21 xã" (``cues.cumulative``)."""
    before = text[max(0, f.start - 80):f.start]
    if f.role == "denominator" and before.endswith("/"):
        before = before[:-1].rstrip("0123456789.,")  # (before the pair: "lên 19/21 xã")
    before = " ".join(before.lower().split())
    if any(before.endswith(w) for w in cues.cumulative):
        return True
    # (what is totalled may be named between: "nâng tổng số sản phẩm OCOP của huyện lên 48 sản phẩm")
    named = getattr(cues, "_cumulative_named_re", None)
    if named is None:
        splits = [w.rsplit(" ", 1) for w in cues.cumulative if " " in w]
        alts = "|".join(rf"{re.escape(head)}(?:\s[^\W\d_]+){{1,6}}\s{re.escape(last)}" for head, last in splits
                        if last in {x.rsplit(" ", 1)[-1] for x in cues.cumulative if x.count(" ") >= 2})
        named = cues._cumulative_named_re = re.compile(rf"(?<![^\W_])(?:{alts or '(?!)'})$")
    return named.search(before[-80:]) is not None



def _by_place(cues: Cues, text: str, cue: str, r: dict, by_id: dict[str, Figure]) -> bool:
    """A "Cụ thể, …" division whose every part follows a place's name and counts what the whole counts, in its
    own words ("Cụ thể, Thái Bình 3 người chết, Nam Định 2 người chết")."""
    if r["kind"] not in ("breakdown", "subset") or r["roles"].get("other_parts") \
            or not cue.startswith(tuple(cues.lang.words("cues.place_detail_openers"))):
        return False
    whole = by_id.get(r["roles"].get("total") or r["roles"].get("whole"))
    parts = [by_id.get(p) for p in (r["roles"].get("parts") or [r["roles"].get("part")])]
    if whole is None or len(parts) < 2 or any(p is None for p in parts):
        return False
    words = described(text, whole)
    joiners = tuple(w + " " for w in cues.list_and)

    def place(p: Figure, floor: int) -> bool:
        label = label_before(text, p, floor, lower=False)
        if label.lower().startswith(joiners):  # "… và Quảng Ninh 2 người chết"
            label = label.split(" ", 1)[1] if " " in label else ""
        return is_place(cues, label)

    return all(p.unit == whole.unit == "count" and described(text, p)[:len(words)] == words
               and place(p, _end_of_noun(text, parts[k - 1]) if k else 0) for k, p in enumerate(parts))


def _end_of_noun(text: str, f: Figure) -> int:
    """Where the figure's noun ends ("3 người chết" of "Hải Phòng 3 người chết và …")."""
    if f.noun:
        at = text.find(f.noun, f.end, f.end + len(f.noun) + 4)
        if at >= 0:
            return at + len(f.noun)
    return f.end


def _larger_of_pairs(figures: list[Figure]) -> list[Figure]:
    """The figures with each slash pair as its larger side: parts of either side stay within it ("45/50 vụ,
    trong đó …": 50; "diện tích hiện có là 266.543,3 ha/265.840 ha. Trong đó …", done past the plan: 266.543,3)."""
    out = []
    for k, f in enumerate(figures):
        if f.role == "numerator":
            continue
        if f.role == "denominator" and k and figures[k - 1].role == "numerator":
            num = figures[k - 1]
            if num.value is not None and f.value is not None and num.value > f.value:
                f = num
        out.append(f)
    return out


def _named_side_of_pairs(figures: list[Figure], wholes: list[Figure], named_words: set[str]) -> list[Figure]:
    """A slash pair's noun describes its first side: in "4.862/21.418 hộ nghèo" the poor households are the
    4.862 (of 21.418 households), so "Trong số hộ nghèo, …" names the numerator; a name of the head word alone
    ("Trong số các hộ") fits either side, and the pair gives no whole."""
    numerator_of = {b.id: a for a, b in zip(figures, figures[1:]) if a.role == "numerator" and b.role == "denominator"}
    out = []
    for w in wholes:
        num = numerator_of.get(w.id)
        if num is None:
            out.append(w)
        elif named_words - {head_word(w)}:
            out.append(num)
    return out


_SHARE_RESTATED = re.compile(r"\d\s?%[^\d;.()%]{0,60}\(\s*+$")  # a bracket right after a percentage and its noun


def _negates_the_whole(cues: Cues, text: str, wholes: list[Figure], f: Figure, end: int) -> bool:
    """The clause of ``f`` says of it the negation of the verb before the whole: "đã khởi công 4.650 căn, trong đó
    …; còn 210 căn chưa khởi công" — what was not started is no part of what was."""
    if not wholes:
        return False
    verb = text[max(0, wholes[-1].start - 25):wholes[-1].start].lower().split()[-2:]
    if not verb or any(not w.isalpha() for w in verb):
        return False
    clause = CLAUSE_END.search(text, f.end, end)
    after = " ".join(text[f.end:clause.start() if clause else end].lower().split())
    return any(f" {n} {' '.join(verb)}" in f" {after}" for n in cues.lang.words("cues.negation"))


def _not_parts(cues: Cues, text: str, figures: list[Figure]) -> list[Figure]:
    """The figures of an earlier sentence that are no part of another one there: "92 mô hình, trong đó có 7
    mô hình được lập mới" offers 92 as a whole, not 7."""
    out = []
    for k, f in enumerate(figures):
        if k and singled_out(cues, text, f):
            continue  # "…; riêng tháng 9 giải ngân 612,6 tỷ đồng": a part of the one before
        if _SHARE_RESTATED.search(text, max(0, f.start - 60), f.start):
            continue  # "… chiếm 72% số vụ (178 vụ)": the count of a share, restated — a part
        head = head_word(f)
        before = [e for e in figures[max(0, k - LOOKBACK):k] if head_word(e) == head and e.unit == f.unit]
        cue = cues.subset_re.search(text, before[0].end, f.start) if before else None
        inside = cue is not None and text.rfind("(", before[0].end, cue.start()) >= 0
        if cue and not (inside and ")" in text[cue.end():f.start]):
            continue  # after "trong đó" (and within its bracket): a part
        out.append(f)
    return out


def _says_otherwise(cues: Cues, text: str, part: Figure, wholes: list[Figure]) -> bool:
    """Every earlier count of the part's head word names something else: both say more than the head word
    and share none of those words ("vụ tai nạn giao thông" against "vụ cháy", "người bị thương" against
    "người thiệt mạng")."""
    head = head_word(part)

    links = set(cues.pair_links) | set(cues.list_and)

    def more(f: Figure) -> set[str]:
        words = []
        for w in described(text, f):
            if w in links:
                break  # "35 vụ với 97 đối tượng": what follows "với" is another count
            words.append(w)
        return content_words(" ".join(words)) - {head}

    mine = more(part)
    same_head = [w for w in wholes if head_word(w) == head]
    return bool(mine) and bool(same_head) and all((theirs := more(w)) and not theirs & mine for w in same_head)


def _whole_of(cues: Cues, text: str, part: Figure, wholes: list[Figure], unique: bool) -> Figure | None:
    """The earlier count the part is a part of: the one whose words the part's words begin with ("134 người
    chết" for "130 người chết", not "172 người bị thương"), else one of the same head word — the latest
    within the sentence, and only an unambiguous one across a sentence (``unique``)."""
    words = described(text, part)
    # (not a count of people in another state: "70 người bị thương" is no part of "54 người chết")
    wholes = [w for w in wholes if not states_differ(cues, text, w, part)]

    kind = cues.kind_of(part)
    # (a post is no kind of the team it names: "14 tổ trưởng" are members, not teams)
    grouped = kind != head_word(part)

    def begins_with(w: Figure) -> bool:
        said = described(text, w)
        return bool(said) and words[:len(said)] == said and not (grouped and cues.kind_of(w) != kind)

    for fits in (begins_with,
                 lambda w: cues.kind_of(w) == cues.kind_of(part),  # "116 đối tượng, trong đó … 86 bị can"
                 # "2.100 nguồn tin; trong đó 1.950 tin": what one counts is a word of the other's noun (not
                 # "32 ổ nhóm ma túy … 1 đường dây buôn bán ma túy", which only share what they are about)
                 # — a word of the noun's head, not of a compound further on: "thôn" of "tiêu chí nông thôn mới" is none)
                 lambda w: compatible(w, part) and (_heads(head_word(part), w.noun) or _heads(head_word(w), part.noun)),
                 # a kind the whole's own noun phrase lists: "611 tin tố giác, tin báo về tội phạm và kiến nghị khởi tố.
                 # Trong đó, … 2 kiến nghị khởi tố"
                 lambda w: w.unit == part.unit and w.classifier == part.classifier and _listed_in_noun_phrase(text, w, part),
                 # a part named before its number, counted by the whole's classifier: "đón 1.816.600 lượt khách; trong
                 # đó khách quốc tế 312.400 lượt"
                 lambda w: _named_by_classifier(cues, text, w, part),
                 # a part counted by the whole's classifier alone: "12.846 lượt người bệnh, trong đó 13.204 lượt có thẻ"
                 # (named by nothing before its number: "trong đó xe khách 58.300 lượt" counts the buses' trips)
                 lambda w: bool(w.classifier) and not part.classifier and (part.noun or "").lower() == w.classifier.lower()
                 and not name_before_number(cues, text, part),
                 # a measure counts by its unit: "đạt 117 tỷ USD. Trong đó, xuất khẩu đạt 59 tỷ USD"
                 lambda w: part.unit != "count" and not part.noun and not w.noun,
                 # ... or measures the whole's thing in a state: "3.820 ha lúa bị ngập, trong đó 1.650 ha mất trắng"
                 # (named by nothing before its number, and of the one whole of its unit)
                 lambda w: _a_state_of_the_one_measure(cues, text, part, w, wholes),
                 # ... or says after its own word that it is what the whole counts: "634 học sinh …, trong đó 712 em là
                 # học sinh người dân tộc thiểu số"
                 lambda w: _is_what_the_whole_counts(cues, text, part, w),
                 # a count with no noun of its own ("Trong đó ngoài xã hội 1.122, bị giam giữ 170") counts
                 # what its whole counts
                 lambda w: part.unit == w.unit == "count" and not part.noun and not part.classifier):
        same = [w for w in wholes if w.unit == part.unit and fits(w)]
        if fits is begins_with and same:
            same = _named_before_number(cues, text, part, wholes, same)
        if fits is begins_with and len(same) > 1:
            # "phát hiện 6.418 trường hợp vi phạm, …, tước giấy phép 486 trường hợp; trong đó 2.648 trường hợp vi
            # phạm nồng độ cồn": of those the part's words begin with, the one with the most words
            longest = max(len(described(text, w)) for w in same)
            same = [w for w in same if len(described(text, w)) == longest]
        if same:
            return same[-1] if not unique or len(same) == 1 else None
    return None


def _share_of_another_whole(cues: Cues, text: str, sf: list[Figure], f: Figure, wholes: list[Figure]) -> bool:
    """The percentage right after ``f`` in its clause names a whole the candidate wholes do not count ("…, trong đó
    14.402 em đỗ, đạt 99,2%; thí sinh tự do đỗ 285 em, đạt 97,3% số thí sinh tự do dự thi"): ``f`` is of that one."""
    k = sf.index(f)
    nxt = sf[k + 1] if k + 1 < len(sf) else None
    if nxt is None or nxt.unit != "percent" or nxt.role != "share" or not nxt.noun \
            or nxt.noun.lower().startswith(cues.target_nouns) or CLAUSE_END.search(text, f.end, nxt.start):
        return False  # (a ratio to a plan names no whole: "97.678 lượt, đạt 85% kế hoạch cả năm")
    named = content_words(nxt.noun) - set(cues.whole_name_fillers)
    # (the whole's words: its noun, what follows it, and the words naming it before its number)
    said = set().union(*(content_words(f"{w.noun or ''} {w.after} {w.before}") for w in wholes))
    return bool(named) and not named <= said


def _a_state_of_the_one_measure(cues: Cues, text: str, part: Figure, whole: Figure, wholes: list[Figure]) -> bool:
    """The part measures, in the unit of the one whole of that unit, a state its words open ("1.650 ha mất
    trắng", "120 ha bị vùi lấp"), and nothing names it before its number."""
    # (the words after the unit where they make no noun: "1.580 ha bị mất trắng" — "bị" ends a noun phrase)
    noun = (part.noun or "").lower() or " ".join(described(text, part))
    return part.unit not in ("count", "percent") and bool(noun) \
        and is_or_starts_with(noun, frozenset(cues.state_openers)) \
        and sum(1 for w in wholes if w.unit == part.unit) == 1 and not name_before_number(cues, text, part)


def _is_what_the_whole_counts(cues: Cues, text: str, part: Figure, whole: Figure) -> bool:
    """The part's own word, then a copula (``cues.copula``), then the whole's noun: "712 em là học sinh …"."""
    noun, counted = (part.noun or "").lower(), (whole.noun or "").lower()
    if part.unit != "count" or whole.unit != "count" or not noun or not counted:
        return False
    after = " ".join(text[part.end:part.end + 80].lower().split())
    if not after.startswith(noun + " "):
        return False
    rest = after[len(noun) + 1:]
    return any(rest.startswith(c + " " + counted) and rest[len(c) + 1 + len(counted):][:1] in ("", " ", ",", ".", ";")
               for c in cues.lang.words("cues.copula"))


def _named_before_number(cues: Cues, text: str, part: Figure, wholes: list[Figure], same: list[Figure]) -> list[Figure]:
    """Of the wholes whose words the part's begin with, those its name before the number allows. "… 36.482
    trường hợp vi phạm, …, tước giấy phép lái xe 4.186 trường hợp. Trong đó vi phạm nồng độ cồn 14.082 trường
    hợp": "4.186 trường hợp" fits by its words alone (what it counts stands before its number), but another
    count of the head word says more — the part's name "vi phạm …" picks that one, and a name that picks
    neither leaves the whole unsaid."""
    head = head_word(part)
    words = described(text, part)
    plain = [w for w in same if len(described(text, w)) <= len(words)]
    # (a count the part's words could also be of: its own words begin with them and say more)
    wider = [w for w in wholes if w.unit == part.unit and head_word(w) == head and w not in same
             and len(described(text, w)) > len(words) and described(text, w)[:len(words)] == words]
    if not plain or not wider:
        return same
    name_words = content_words(" ".join(name_before_number(cues, text, part))) - {head}
    if not name_words:
        return same
    named = [w for w in wholes if w.unit == part.unit and head_word(w) == head
             and name_words & (content_words(" ".join(described(text, w))) - {head})]
    return named if len(named) == 1 else []


_PHRASE_STOP = re.compile(r"[.;:()]|\d")
def _named_by_classifier(cues: Cues, text: str, whole: Figure, part: Figure) -> bool:
    """The part counts in the whole's classifier and its name, right before its number, begins with the whole's
    noun: "khách quốc tế 312.400 lượt" of "1.816.600 lượt khách" or of "8.640 lượt hành khách" (not "xe khách 300
    lượt")."""
    if not (whole.unit == part.unit == "count" and whole.classifier and whole.noun) \
            or (part.noun or "").lower() != whole.classifier.lower():
        return False
    words = name_before_number(cues, text, part)
    # (the first word of the whole's noun, or its last: "khách quốc tế" of "lượt hành khách")
    noun = whole.noun.lower().split()
    if 1 <= len(words) <= 4 and words[0] in (noun[0], noun[-1]):
        return True
    # or a place, whose share of the whole the part counts: "2.418 căn nhà bị hư hỏng, trong đó huyện Kỳ Anh 1.032
    # căn" (places do not overlap; a name cased as one after the place word)
    cut = max((k + 1 for k, w in enumerate(words) if w in cues.list_and), default=0)
    words = words[cut:]  # "…, huyện B 796 căn và huyện C 540 căn": the last item's name
    named = " ".join(words)
    return 2 <= len(words) <= 5 and any(named.startswith(w + " ") for w in cues.place_prefixes) \
        and _cased_name_before(text, part, len(words))


def _cased_name_before(text: str, part: Figure, n: int) -> bool:
    """The last word of the ``n`` words right before ``part``'s number begins with a capital: a proper name."""
    words = text[max(0, part.start - 60):part.start].split()[-n:]
    return len(words) == n and words[-1][:1].isupper()


def _heads(word: str | None, noun: str | None) -> bool:
    """``word`` is one of the first two words of ``noun``: "tin" of "nguồn tin"."""
    return bool(word) and word in _LETTER_WORDS.findall((noun or "").lower())[:2]


_LETTER_WORDS = re.compile(r"[^\W\d_]+")


def _listed_in_noun_phrase(text: str, whole: Figure, part: Figure) -> bool:
    """The part's noun (two words or more) is one of the kinds the whole's noun phrase lists, up to the end of
    its clause ("611 tin tố giác, tin báo … và kiến nghị khởi tố" lists "kiến nghị khởi tố")."""
    noun = (part.noun or "").lower()
    if len(noun.split()) < 2:
        return False
    stop = _PHRASE_STOP.search(text, whole.end, whole.end + 120)
    phrase = text[whole.end:stop.start() if stop else whole.end + 120].lower()
    return re.search(rf"(?<![^\W_]){re.escape(noun)}(?![^\W_])", phrase) is not None and \
        not phrase.lstrip().startswith(noun)  # its own first noun is the whole's, not a kind of it


def _lists(cues: Cues, text: str, cue: str, start: int, wholes: list[Figure], parts: list[Figure],
           unique: bool) -> list[dict]:
    owned = [(p, _whole_of(cues, text, p, wholes, unique)) for p in parts]
    # "…, đi cai nghiện 160 người, ở cơ sở khác 78, bị giam giữ 135 người": a part with no noun of its own, among
    # parts of one whole, counts what they count
    # (of the same unit only: "12 doanh nghiệp đạt kim ngạch trên 20 triệu USD" — the amount is no part)
    owned = [(p, w if w is not None or p.noun or p.classifier or k == 0
              or owned[k - 1][1] is None or owned[k - 1][1].unit != p.unit else owned[k - 1][1])
             for k, (p, w) in enumerate(owned)]
    # (parts of the list counted by other nouns are left out: the rest cannot be all of the whole — "Trong số cơ sở
    # vi phạm, có 142 nhà trọ, 96 nhà ở …, 51 cơ sở karaoke, vũ trường và 37 cơ sở khác")
    others_left_out = any(w is None and p.role == "count" and p.unit == "count" and p.noun for p, w in owned)
    owned = [(p, w) for p, w in owned if w is not None]
    if unique and len(owned) >= 2 and all(p.value is not None and w.value is not None and p.value > w.value
                                          for p, w in owned):
        # "… còn 66.260 người chưa có thẻ. Trong đó, nhóm … có 218.460 người; nhóm … 162.340 người": every part
        # larger than the count of the sentence before says the sentence speaks of another whole
        owned = []
    inferred = False
    if not owned and (cue in cues.anaphoric_subset or unique) and len(parts) >= 2 \
            and len({head_word(p) for p in parts}) == 1 and not any(head_word(w) == head_word(parts[0]) for w in wholes) \
            and not all(votes_for_a_person(cues, text, p) for p in parts):
        # (not the votes of candidates: "… 8 người ứng cử. Trong đó, bà … đạt 7.986 phiếu": no part of the candidates)
        # "Trong số này có 29 giải Nhất, 156 giải Nhì …" after "741 em đạt học sinh giỏi": of the count just named;
        # after "Trong đó" opening the sentence, likely so but not said ("this one" is not written): info only
        latest = [w for w in wholes if w.role == "count" and w.unit == parts[0].unit]
        if latest:
            owned = [(p, latest[-1]) for p in parts]
            inferred = cue not in cues.anaphoric_subset
    if not owned:
        return []
    clauses: list[list[tuple[Figure, Figure]]] = [[]]
    for (a, wa), nxt in zip(owned, owned[1:] + [(None, None)]):
        clauses[-1].append((a, wa))
        if nxt[0] is not None and ";" in text[a.end:nxt[0].start]:
            clauses.append([])
    if len(clauses) > 1 and len(clauses[0]) >= 2 and len({w.id for _, w in clauses[0]}) == 1 \
            and all(sum(1 for _, w in c if w.id == clauses[0][0][1].id) < 2 for c in clauses[1:]):
        # "Trong đó: nhóm A 198,2 ha, nhóm B 140 ha, nhóm C 15 ha; cây lâu năm 229,5 ha": a list whose items
        # commas separate ends at the ";" — what follows may be no part of the same whole (clauses of two or
        # more parts each are ways of dividing it, below)
        whole = clauses[0][0][1].id
        clauses = [clauses[0]] + [[(p, w) for p, w in c if w.id != whole] for c in clauses[1:]]
        clauses = [c for c in clauses if c]
    if len(clauses) > 1:
        # (a lone count in its clause: two or more may be another way of dividing the whole, "539 người nghiện
        # nặng, 1.122 người nghiện nhẹ; 346 người không có nơi ở, 1.315 người có nơi ở ổn định")
        clauses = [clauses[0]] + [[(p, w) for p, w in c if sum(1 for _, w2 in c if w2.id == w.id) > 1
                                   or not _another_kind_after(text, clauses[0], p, w)] for c in clauses[1:]]
        clauses = [c for c in clauses if c]
    # a clause that ends with the remainder ("đã chuyển 6 tin, còn lại 605 tin") is a complete list of its own
    closed = [c for c in clauses if len(c) >= 2 and _is_remainder(cues, text, c[-2][0].end, c[-1][0])]
    rest = [c for c in clauses if c not in closed]
    # separate lists when two or more ";" clauses each hold two or more parts of every whole they name
    separate = sum(1 for c in rest if c and all(sum(1 for _, w2 in c if w2.id == w.id) >= 2 for _, w in c)) >= 2
    groups = closed + (rest if separate else [[pw for c in rest for pw in c]])
    out = []
    for group in groups:
        if not group:
            continue
        by_whole: dict[str, list[Figure]] = {}
        whole_by_id: dict[str, Figure] = {}
        for p, w in group:
            by_whole.setdefault(w.id, []).append(p)
            whole_by_id[w.id] = w
        for wid, ps in by_whole.items():
            whole = whole_by_id[wid]
            # (two parts labelled as the two sides of one division do not overlap: "41 đồng chí, trong đó 26 đồng chí tái
            # cử, 17 đồng chí lần đầu tham gia" — whatever else a list of members' attributes may be)
            sides = len(ps) == 2 and labelled_apart(cues, ps[0], ps[1])
            if len(ps) == 1 or any(p.value is not None and p.value == whole.value for p in ps) \
                    or not sides and any(_an_attribute(cues, text, p) for p in ps) \
                    or all(votes_for_a_person(cues, text, p) for p in ps) \
                    or not sides and labels_of_several_dimensions(cues, [_label_of_part(cues, text, p, start) for p in ps]) \
                    or any(_out_of_the_one_before(cues, text, a, b) for a, b in zip(ps, ps[1:])) \
                    or any(_an_outcome(cues, text, a, b) for a, b in zip(ps, ps[1:])) \
                    or _outcomes_after_cue(cues, text, start, ps[0]) and _more_than(ps, whole):
                # one part; or a part as large as the whole ("6 đại biểu, trong đó 1 đại biểu nữ, 6 đại biểu
                # người dân tộc"), or parts that name attributes ("trong đó 198 nữ, 57 dân tộc thiểu số, 212 đoàn
                # viên"; "4.018 tin có giá trị, đã giải quyết 3.870 tin"; the votes of each candidate): the parts may
                # overlap, each only within the whole
                for part in ps:
                    out.append(relation("subset", [whole, part], {"whole": whole.id, "part": part.id}, cue=cue,
                                        start=start))
                continue
            remainder = len(ps) >= 2 and not others_left_out \
                and (_is_remainder(cues, text, ps[-2].end, ps[-1]) or counted_rest(cues, text, ps[-1]) and ps[-1] is parts[-1])
            roles = {"total": whole.id, "parts": [p.id for p in ps], "other_parts": []}
            out.append(relation("breakdown", [whole] + ps, roles, exhaustive=remainder, cue=cue, start=start))
    if inferred:
        for r in out:
            r["implied"] = True
            r["evidence"] = "parts counted by another noun, of the count the sentence before named last"
    return out


def _another_kind_after(text: str, first: list[tuple[Figure, Figure]], part: Figure, whole: Figure) -> bool:
    """After a ";", ``part`` counts another kind than ``whole``: the first clause's part of that whole repeats the
    whole's words in full, and ``part`` does not ("12.845 ca phẫu thuật, trong đó 4.126 ca phẫu thuật loại đặc
    biệt; 28.640 ca thủ thuật": procedures, not operations)."""
    words = described(text, whole)
    if len(words) < 2 or len(described(text, part)) < 2:
        return False
    leads = [p for p, w in first if w.id == whole.id]
    return bool(leads) and described(text, leads[0])[:len(words)] == words \
        and described(text, part)[:len(words)] != words


_ATTRIBUTE_END = re.compile(r"[,;.()]|\d")


def _an_outcome(cues: Cues, text: str, before: Figure, part: Figure) -> bool:
    """``part`` opens a clause of what became of the whole ("…, đã giải quyết 4.655 tin"): an outcome word stands
    between the comma (or ";") and the number, so it may overlap the parts before it."""
    gap = text[before.end:part.start]
    # (after a comma or a ";": "… có điều kiện thi hành 6.230 việc; đã thi hành xong 5.120 việc")
    cut = max(gap.rfind(","), gap.rfind(";"))
    if cut < 0:
        return False
    words = gap[cut + 1:].lower().split()
    markers = getattr(cues, "_outcome_markers", None)
    if markers is None:
        markers = cues._outcome_markers = set(cues.lang.words("cues.outcome_markers"))
    return len(words) <= 6 and any(w in markers for w in words)


def _more_than(parts: list[Figure], whole: Figure) -> bool:
    return whole.value is not None and all(p.value is not None for p in parts) \
        and sum(p.value for p in parts) > whole.value


def _outcomes_after_cue(cues: Cues, text: str, start: int, first: Figure) -> bool:
    """The list after the cue opens with what became of the whole ("26.807 trường hợp vi phạm, trong đó đã xử
    phạt 25.960 trường hợp, tước giấy phép lái xe 1.652 trường hợp"): outcomes of the same cases. They may
    divide it ("đã làm rõ 18 tin, hiện đang giải quyết 4 tin") or overlap (a licence withdrawn on top of a
    fine); where they add up to more than the whole, the second reading holds, and each is only within it."""
    cue = cues.subset_re.search(text, max(0, start), first.start)
    if cue is None:
        return False
    words = text[cue.end():first.start].lower().split()
    markers = getattr(cues, "_outcome_markers", None)
    if markers is None:
        markers = cues._outcome_markers = set(cues.lang.words("cues.outcome_markers"))
    return bool(words) and words[0] in markers


def _an_attribute(cues: Cues, text: str, part: Figure) -> bool:
    """The part's words name an attribute of the whole's members ("198 nữ", "4.018 tin có giá trị"), not a
    category: such parts may overlap."""
    phrase = _ATTRIBUTE_END.split(text[part.end:part.end + 60], maxsplit=1)[0].lower()
    noun = (part.noun or "").lower().split()
    rest = phrase.split()
    if rest[:len(noun)] == noun and rest[len(noun):len(noun) + 1] == ["là"]:
        return True  # "186 ca là trẻ dưới 5 tuổi": what the members are, not a category of them
    words = " " + " ".join(rest + noun) + " "
    found = getattr(cues, "_overlapping_attributes", None)
    if found is None:
        found = cues._overlapping_attributes = [f" {w} " for w in cues.lang.words("cues.overlapping_attributes")]
    return any(w in words for w in found)


def _is_remainder(cues: Cues, text: str, after: int, part: Figure) -> bool:
    """``part`` is introduced as the rest of the whole ("…, còn lại 605 nguồn tin", "số còn lại là 20")."""
    between = text[after:part.start].lower()
    found = getattr(cues, "_remainder_re", None)
    if found is None:  # (one pattern of all the words: it matches where one of them stands as a whole word)
        found = cues._remainder_re = word_alternation(cues.remainder) if cues.remainder else re.compile(r"(?!)")
    return found.search(between) is not None


def _bracketed_targets(text: str, sf: list[Figure], found: list[dict]) -> set[str]:
    """The wholes of the measured ratios found in the sentence (``cue: "a/b"``) written in brackets after their
    percentage and its noun ("bằng 56,9% dự toán (2.692 tỷ đồng)"): asides of their part, no parts of a list."""
    if not found:
        return set()
    by_id = {f.id: f for f in sf}
    out = set()
    for r in found:
        if r["kind"] != "share" or r.get("cue") != "a/b":
            continue
        pct, whole = by_id.get(r["roles"].get("percent")), by_id.get(r["roles"].get("whole"))
        if pct is not None and whole is not None and pct.end < whole.start \
                and text[pct.end:whole.start].rstrip().endswith("(") and text.count("(", pct.end, whole.start) == 1 \
                and not CLAUSE_END.search(text, pct.end, whole.start):
            out.add(whole.id)
    return out


def _without_target_asides(text: str, start: int, end: int, sf: list[Figure], targets: set[str]) -> str:
    """The words from ``start`` to ``end`` less the brackets that hold a target (see ``_bracketed_targets``)."""
    out, at = [], start
    for f in sf:
        if f.id in targets and start <= f.start < end:
            opened, closed = text.rfind("(", at, f.start), text.find(")", f.end, end)
            if opened >= 0 and closed >= 0:
                out.append(text[at:opened])
                at = closed + 1
    return "".join(out) + text[at:end]


def detect_out_of(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """"Trong tổng số 124 vụ, có 98 vụ đã được làm rõ": the sentence opens with the whole its next count is out
    of; a part of it where both count the same thing (by any other noun the count is of other things: "Trong
    12 thôn, có 450 hộ …")."""
    if out_of_opening(cues)[0] not in ctx.lower[:60]:
        return []  # quick exit: no opener (the sentence's first words hold it, after a word that opens it at the most)
    opened = opening_whole_and_count(cues, ctx)
    if opened is None:
        return []
    whole, part = opened
    used = {fid for r in ctx.found for fid in r["figures"]}
    if whole.id in used or part.id in used or head_word(whole) is None or head_word(whole) != head_word(part):
        return []
    parts = _listed_after(cues, ctx, part, used)
    if len(parts) >= 2 and any(len((p.noun or "").split()) < 2 or _an_attribute(cues, ctx.text, p) for p in parts):
        # "Trong 64 vụ nói trên có 7 vụ do người chưa thành niên thực hiện, 49 vụ xảy ra tại nông thôn và 12 vụ có sử
        # dụng hung khí": what the words after the count say of it (who, where, with what) may overlap — each
        # part within the whole, no division of it
        return [relation("subset", [whole, p], {"whole": whole.id, "part": p.id}, cue=None,
                         evidence="the sentence opens with the whole its count is out of") for p in parts]
    if len(parts) >= 2:
        # "Trong 64 vụ nói trên có 7 vụ mua bán, 49 vụ tàng trữ và 6 vụ tổ chức sử dụng": the kinds of the whole,
        # all of them only where the last is the rest
        remainder = _is_remainder(cues, ctx.text, parts[-2].end, parts[-1])
        roles = {"total": whole.id, "parts": [p.id for p in parts], "other_parts": []}
        return [relation("breakdown", [whole] + parts, roles, exhaustive=remainder, cue=None,
                         evidence="the sentence opens with the whole its counts are out of")]
    return [relation("subset", [whole, part], {"whole": whole.id, "part": part.id}, cue=None,
                     evidence="the sentence opens with the whole its count is out of")]


def _listed_after(cues: Cues, ctx: SentenceContext, first: Figure, used: set[str]) -> list[Figure]:
    """``first`` and the counts of its head word listed after it in its clause, one after a comma or "và" each
    ("7 vụ mua bán …, 49 vụ tàng trữ … và 6 vụ tổ chức …")."""
    text, sf = ctx.text, ctx.figures
    k = sf.index(first)
    run = [first]
    for f in sf[k + 1:k + LOOKBACK]:  # (as many as a list the other detectors read: linear on any text)
        # (a quoted name is one item however many words it has: "9 mô hình “Khu dân cư không có tội phạm và tệ nạn
        # xã hội”, 5 mô hình …")
        gap = " " + " ".join(QUOTED.sub("“…”", text[run[-1].end:f.start]).lower().split())
        listed = gap.endswith(",") or any(gap.endswith(" " + w) for w in cues.list_and) \
            or _is_remainder(cues, text, run[-1].end, f)
        if f.id in used or f.role != "count" or f.unit != "count" or f.qualifier is not None or f.value is None \
                or head_word(f) != head_word(first) or not listed or len(gap.split()) > 12 or "(" in gap \
                or CLAUSE_END.search(text, run[-1].end, f.start):
            break
        run.append(f)
    return run


def detect_implied(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """Parts no cue word states: what was solved within what occurred ("xảy ra 30 vụ …, đã làm rõ 25 vụ";
    "xử lý 37 vụ, 68 đối tượng … . Qua điều tra đã xác định rõ 67 đối tượng"). The whole is the one earlier
    count of the same kind after a verb of occurring or taking in — in this sentence, else in the one
    before; none where two such counts compete. Marked ``implied``: checked as info only."""
    text, sf = ctx.text, ctx.figures
    if not any(w in ctx.lower for w in cues.resolved_words):
        return []
    linked = {(r["roles"].get("whole"), r["roles"].get("part")) for r in ctx.found if r["kind"] == "subset"}
    in_lists = {fid for r in ctx.found if r["kind"] in ("breakdown", "fraction", "share", "change")
                for fid in r["figures"]}
    verbs = verbs_before(cues, text, sf, cues.verb_index, ctx.verbs)
    earlier = ctx.previous[-LOOKBACK:]
    earlier_verbs = verbs_before(cues, text, earlier, cues.verb_index, ctx.verbs) if earlier else []
    out = []
    for k, (part, v) in enumerate(zip(sf, verbs)):
        if v not in cues.resolved or part.role != "count" or part.unit != "count" or part.id in in_lists:
            continue
        kind = cues.kind_of(part)
        for pool, pool_verbs in ((sf[max(0, k - LOOKBACK):k], verbs[max(0, k - LOOKBACK):k]), (earlier, earlier_verbs)):
            wholes = [w for w, wv in zip(pool, pool_verbs) if wv in cues.occurred and w.role == "count"
                      and w.unit == "count" and cues.kind_of(w) == kind]
            if wholes:
                if len(wholes) == 1 and (wholes[0].id, part.id) not in linked:
                    out.append(relation("subset", [wholes[0], part], {"whole": wholes[0].id, "part": part.id},
                                        cue=None, implied=True,
                                        evidence=f"what was settled ({v}) within what occurred or was taken in"))
                break  # the nearest pool with a candidate decides, even when it is ambiguous
    return out


# how many sentences with figures a "Còn …" sentence may stand after the "Trong đó …" one it completes
OTHER_PART_REACH = 3


def detect_other_part(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    """Another part of a divided whole, in a later sentence that opens with "Còn": "… ghi nhận 1.734 vụ … .
    Trong đó, số vụ từ ít nghiêm trọng trở lên là 798 vụ … . Còn va chạm giao thông có 936 vụ …" — the
    whole is divided by the parts of both sentences. Not complete unless the sentence names the rest
    ("Còn lại …"), so the parts stay within the whole."""
    text = article.text
    sentences = [s for s in article.sentences if by_sentence.get(s.index)]
    # the parts each "Trong đó" sentence gave a whole of an earlier sentence: (sentence, whole, parts)
    by_id = {f.id: f for f in article.figures}
    divided: dict[int, list[tuple[str, list[str]]]] = {}
    for r in done:
        if r["kind"] not in ("subset", "breakdown") or r.get("implied"):
            continue
        whole = r["roles"].get("whole") or r["roles"].get("total")
        parts = [r["roles"]["part"]] if r["kind"] == "subset" else list(r["roles"].get("parts", []))
        if parts and parts[0] in by_id:
            divided.setdefault(by_id[parts[0]].sentence, []).append((whole, parts))
    out = []
    for n, s in enumerate(sentences):
        sf = by_sentence[s.index]
        opening = text[s.start:sf[0].start].lower().lstrip(" \n-–")
        opener = next((w for w in cues.other_part_openers if opening.startswith(w + " ")), None)
        if opener is None:
            continue
        for t in reversed(sentences[max(0, n - OTHER_PART_REACH):n]):
            t_open = text[t.start:t.start + 40].lower().lstrip(" \n-–")
            if not any(t_open.startswith(w) for w in cues.part_openers) or t.index not in divided:
                continue
            for whole_id, part_ids in divided[t.index]:
                whole = by_id.get(whole_id)
                parts = [by_id[p] for p in part_ids if p in by_id]
                if whole is None or whole.sentence >= t.index or not parts \
                        or any(p.value is not None and p.value == whole.value for p in parts):
                    continue  # a whole of the sentence itself, or attributes (a part as large as the whole)
                first = described(text, parts[0])
                more = [f for f in sf if f.role in COUNTED and f.unit == whole.unit and head_word(f) == head_word(parts[0])
                        and described(text, f)[:len(first)] == first]
                if len(more) != 1:
                    continue  # none, or several: which is the other part stays unsaid
                subject = text[s.start:sf[0].start].strip(" \n-–")[len(opener):].split()
                if not subject or any(w[:1].isupper() or w[:1].isdigit() for w in subject):
                    # "Còn 30 xã đạt chuẩn … nâng cao" names no other category (it may be within the first part);
                    # "Còn TP.HCM ghi nhận 900 ca" speaks of another place, outside the whole
                    continue
                roles = {"total": whole.id, "parts": [p.id for p in parts] + [more[0].id], "other_parts": []}
                r = relation("breakdown", [whole] + parts + more, roles, exhaustive=opener == "còn lại",
                             cue=opener, evidence="another part of the whole the sentence before divided",
                             implied=opener != "còn lại")
                r["sentence"] = s.index
                out.append(r)
                changes = _changes_of_partition(cues, article, done, whole, parts + more)
                if changes is not None:
                    out.append(changes)
            break  # the nearest "Trong đó" sentence decides
    return out


def _changes_of_partition(cues: Cues, article: Article, done: list[dict], whole: Figure,
                          parts: list[Figure]) -> dict | None:
    """Where the parts as printed add up to their whole exactly (so they are all of it: "1.734 vụ … 798 vụ …
    936 vụ"), the changes stated of each ("giảm 400 vụ", "giảm 61 vụ", "giảm 339 vụ") add up as well: a
    complete list of the changes. None unless every one has its change, all in one direction."""
    figures = [whole] + parts
    if any(f.value is None or f.qualifier is not None or f.decimals for f in figures) \
            or sum(p.value for p in parts) != whole.value:
        return None
    delta_of = {r["roles"]["current"]: (r["roles"].get("delta"), r.get("direction"), r) for r in done
                if r["kind"] == "change" and r["roles"].get("delta")}
    found = [delta_of.get(f.id) for f in figures]
    if any(d is None for d in found) or len({d[1] for d in found}) != 1:
        return None
    ids = [d[0] for d in found]
    rels = [d[2] for d in found]
    by_id = {f.id: f for f in article.figures}
    if len({_baseline(cues, article, by_id[i]) for i in ids if i in by_id}) != 1:
        return None  # "giảm 40 vụ so với cùng kỳ … giảm 10 vụ so với quý II": changes against other periods
    out = dict(kind="breakdown", figures=list(dict.fromkeys(ids)), start=min(r["start"] for r in rels),
               end=max(r["end"] for r in rels), sentence=rels[0]["sentence"],
               roles={"total": ids[0], "parts": ids[1:], "other_parts": []}, exhaustive=True, cue=None,
               evidence="the changes of parts that, as printed, add up to their whole")
    return out


def detect_running_total(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """What was added is within the total it brings: "xây mới 11 mô hình, nâng tổng số lên 112 mô hình" —
    the count right before a running total ("nâng tổng số lên …") and of the same thing is a part of it."""
    text, sf = ctx.text, ctx.figures
    out: list[dict] = []
    if not any(w in ctx.lower for w in cues.cumulative_words):
        return out
    for k in range(1, len(sf)):
        total, added = sf[k], sf[k - 1]
        before = text[max(ctx.sentence.start, total.start - 40):total.start].lower().rstrip()
        if not any(_ends_with_phrase(before, w) for w in cues.cumulative) or CLAUSE_END.search(text, added.end, total.start):
            continue
        if total.role != "count" or added.role != "count" or total.unit != added.unit \
                or cues.kind_of(total) != cues.kind_of(added):
            continue
        out.append(relation("subset", [total, added], {"whole": total.id, "part": added.id},
                            cue=next(w for w in cues.cumulative if _ends_with_phrase(before, w)),
                            evidence="what was added is within the total it brings"))
    return out


def _baseline(cues: Cues, article: Article, delta: Figure) -> str | None:
    """What a change is measured against: the words of the comparison in the delta's sentence ("so với cùng
    kỳ năm 2014"), None where it names none."""
    sentence = next((s for s in article.sentences if s.index == delta.sentence), None)
    if sentence is None:
        return None
    low = article.text[sentence.start:sentence.end].lower()
    m = cues.compared_re.search(low)
    if not m:
        return None
    tail = []
    changes = {w.split()[0] for w in cues.increase + cues.decrease}
    for w in re.split(r"[,;.()]", low[m.end():], maxsplit=1)[0].split()[:4]:
        if w in changes or any(c.isdigit() for c in w) and not (len(w) == 4 and w.isdigit()):
            break  # the change itself ("… năm 2014 giảm 400 vụ"), not what it is measured against
        tail.append(w)
    return " ".join([m.group(0)] + tail)


def detect_separately(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A count singled out of one counted before, after "riêng" opening a clause: "thiếu 64 đại biểu, riêng huyện
    A thiếu 10 đại biểu"; "… 828.705 nguồn tin … . Riêng khối doanh nghiệp đã báo 24.075 tin". The whole is the
    one earlier count of the same thing (by the part's words, else its kind) — in the sentence before the cue,
    else, where the cue opens the sentence, in the sentences before; none where two compete. Marked
    ``implied``: checked as info only (what is singled out may be of another period or place)."""
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    if not any(w in ctx.lower for w in cues.separately_words):
        return []
    linked = {r["roles"].get("part") for r in ctx.found if r["kind"] == "subset"}
    in_lists = {fid for r in ctx.found if r["kind"] in ("breakdown", "fraction", "share", "change")
                for fid in r["figures"]}
    starts = [f.start for f in sf]
    out = []
    for m in cues.separately_re.finditer(text, s.start, s.end):
        lead = text[s.start:m.start()].rstrip()
        if lead and lead[-1] not in ",(;:" and lead.lower() not in cues.openers:
            continue  # "nhà riêng", "xe riêng": no cue
        at = bisect.bisect_left(starts, m.end())
        end = CLAUSE_END.search(text, m.end(), s.end)
        opens = not text[s.start:m.start()].strip(" ,–-\n").strip() or \
            text[s.start:m.start()].strip(" ,").lower() in cues.openers
        before = [f for f in sf[max(0, at - LOOKBACK):at] if f.role in COUNTED]
        pools = [(before, False)] if before else []
        if opens and not before:
            pools = [([f for f in ctx.previous[-LOOKBACK:] + [g for e in ctx.earlier for g in e[-LOOKBACK:]]
                       if f.role in COUNTED], True)]
        # the counts the cue singles out: its clause's, or where it opens the sentence, the sentence's
        limit = s.end if opens and not before else (end.start() if end else s.end)
        for part in sf[at:at + LOOKBACK]:
            if part.start >= limit:
                break
            if part.role not in COUNTED or part.id in in_lists or part.id in linked:
                continue
            for pool, across in pools:
                whole = _whole_of(cues, text, part, pool, unique=True)
                if whole is not None and (not across or sum(1 for w in pool if w.unit == part.unit
                                                            and head_word(w) == head_word(whole)
                                                            and not states_differ(cues, text, w, part)) == 1):
                    out.append(relation("subset", [whole, part], {"whole": whole.id, "part": part.id},
                                        cue=m.group(0).strip().lower(), implied=True,
                                        evidence="a count singled out (\"riêng\") of the earlier count of the same thing"))
                    linked.add(part.id)
                    break
            if before:
                break  # within a sentence, the first count after the cue
    return out

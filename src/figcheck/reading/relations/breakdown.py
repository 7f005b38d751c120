"""breakdown: a total and its parts ("64 vụ (58 vụ đường bộ, 6 vụ đường thủy)", "N … gồm: …").

``exhaustive`` is false for lists with an open tail ("nhiều …", "…", "v.v.") or introduced as examples
("như", "tiêu biểu như"); parts in another unit than the total are listed apart as ``other_parts`` (they
cannot be summed) and make the list non-exhaustive. A single part is a subset (same noun) or a pair.
"""

from __future__ import annotations

import bisect
import re

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import (BRACKETED, QUOTED, after_out_of_words, plan_value, in_a_range, unread_number_between, ends_with_a_sum_word, sum_after_words, sum_word_at_end, labels_of_several_dimensions, votes_for_a_person, baseline_in_brackets, CLAUSE_END, LIST_MARK, LOOKBACK, Cues, SentenceContext, compatible, counted_rest, follows_other_count, gap_after_noun,
                                                described, head_word, is_or_starts_with, is_place, label_before, on_a_list_line,
                                                relation, singled_out, skip_blanks)


def detect(cues: Cues, ctx: SentenceContext) -> list[dict]:
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    in_change = {fid for r in ctx.found if r["kind"] in ("change", "share") for fid in r["figures"]} \
        - _changed_later(text, sf, ctx.found)
    # each count's changes' figures, found once (not once a count: linear in the sentence's changes)
    changes_of: dict[str, list[str]] = {}
    for r in ctx.found:
        if r["kind"] == "change" and r["roles"].get("current"):
            changes_of.setdefault(r["roles"]["current"], []).extend(r["figures"])
    out = []

    def read_list(i: int, j: int, bracket: bool, cue: str | None, low: str, items_by_semicolon: bool = False) -> int:
        """Reads the list of ``sf[i]`` whose first part is ``sf[j]``; returns how far the scan moves on."""
        t, first = sf[i], sf[j]
        end_limit = s.end
        crossed = False  # the list went on over ";" clauses of names counted each
        # ("gồm: A đạt 1.292 tỷ đồng, …; B đạt 1.141 tỷ đồng, …": one item a ";" clause, to the sentence's end — the
        # list's end is the sentence's)
        clause_items = None if bracket or items_by_semicolon or not cue else _clauses_after_colon(cues, text, sf, j, s.end)
        if bracket:
            close = _closing_bracket(text, first.start, s.end)
            end_limit = close if close >= 0 else s.end
        elif clause_items:
            end_limit = s.end
        elif not items_by_semicolon and _items_by_semicolon(cues, text, sf, j, cue, s.end):
            items_by_semicolon = True  # "gồm 54 vụ buôn lậu, vận chuyển hàng cấm; 47 vụ gian lận …"
        elif not items_by_semicolon:
            semi = text.find(";", first.start, s.end)
            # "…, Tây Ninh và Cần Thơ mỗi tỉnh có 5 ca; An Giang và Đà Nẵng mỗi nơi có 4 ca; …": clauses of
            # items counted once per name go on with the list
            clauses = 0
            counted = tuple((first.noun or first.classifier or "").lower().split())
            while semi >= 0 and clauses < LOOKBACK and _per_name_clause(cues, text, semi + 1, s.end, counted):
                semi, crossed, clauses = text.find(";", semi + 1, s.end), True, clauses + 1
            if semi >= 0 and not crossed and _parallel_totals(text, sf, i):
                # "386 vụ, 512 đối tượng, gồm: khởi tố 352 vụ, 458 bị can; xử lý hành chính 34 vụ, 54 đối tượng":
                # clauses that each count what the parallel totals count go on with the list
                shape = [cues.kind_of(f) for f in sf if first.start <= f.start < semi]
                while semi >= 0 and clauses < LOOKBACK:
                    nxt_semi = text.find(";", semi + 1, s.end)
                    stop = nxt_semi if nxt_semi >= 0 else s.end
                    if [cues.kind_of(f) for f in sf if semi < f.start < stop] != shape or len(shape) < 2:
                        break
                    semi, clauses = nxt_semi, clauses + 1
                    if semi < 0:
                        break
            end_limit = semi if semi >= 0 else s.end
        # (not a plan's value among them: "(gồm thu tiền sử dụng đất 126,8 tỷ đồng, đạt 42,3% dự toán 300 tỷ đồng, và
        # thu từ thuế 271,7 tỷ đồng)")
        # (nor the ends of a range: "72 học viên từ 5,5 đến dưới 6,5, còn lại 47 học viên từ 5,0 đến dưới 5,5")
        parts = clause_items or [f for f in sf[j:j + LOOKBACK] if f.start < end_limit and f.role in ("count", "measure")
                                 and not (f is not first and (plan_value(cues, text, f) or in_a_range(cues, text, f)))]
        if _numbers_in_names(cues, text, t, parts, end_limit):
            return 1
        # a list stops at a figure that is not separated by a list separator from the previous one
        kept = list(clause_items) if clause_items else [parts[0]]
        # the list may go on past what was read: it cannot be complete (as after ";" clauses of names counted
        # each, where a clause of another shape follows)
        cut = not bracket and not items_by_semicolon and crossed and end_limit < s.end
        long_items = False  # items read as long ";" clauses in brackets: they may overlap
        last_by_and = False  # the item before was joined by "và": the list's last
        for a, b in zip(parts, parts[1:]) if not clause_items else ():
            # (an aside in brackets with no figure is part of a name: "…, Đài Loan (Trung Quốc) 25 người")
            between = _ASIDE.sub(" ", text[a.end:b.start]) if bracket else text[a.end:b.start]
            if _after_out_of(cues, between):
                # "320 đại biểu (vắng 4 đại biểu có lý do, trên tổng số 324 đại biểu …)": a whole, so no division
                return 1
            if last_by_and and head_word(b) != head_word(a) and head_word(b) != head_word(t):
                # "gồm 4 sản phẩm 5 sao, 96 sản phẩm 4 sao và 302 sản phẩm 3 sao, của 246 chủ thể": after the last
                # item, a count of another thing is no part
                break
            if ends_with_a_sum_word(cues, between):
                break  # "gồm xã A 12 hộ, xã B 15 hộ, tổng cộng 27 hộ": the total said again, no part
            if cues.subset_re.search(between) or cues.breakdown_re.search(between.lower()) and kept:
                # "…, Hải Dương và Hưng Yên mỗi nơi có 2 ca, trong đó 1 ca tử vong; …", "(8 người … tại xã A, gồm 5
                # người lớn và 3 trẻ em; 2 người …)": a nested division of the last part; the list may go on after it
                cut = True
                break
            # (a quoted name is one item however many words it has: "9 mô hình “Khu dân cư không có tội phạm và tệ nạn
            # xã hội”, 5 mô hình …")
            long = len(QUOTED.sub("“…”", between).split()) > 8 and not _names_counted_each(cues, text, a, b) \
                and not _label_like_the_last(cues, text, t, kept, between)
            if not cues.list_sep_re.search(between) or long and not _next_item(cues, between, t, kept, b,
                                                                                 bracket or items_by_semicolon):
                # a nested list of the last part ("147 ca ở A (118), …", "… gồm: …") ends nothing
                cut = not ("(" in between or ":" in between or cues.breakdown_re.search(between.lower()))
                break
            # (";" between items in brackets: clauses, which may overlap — "(12 người bị thương nặng …; 15 người đã
            # xuất viện)")
            # ("(khách quốc tế 200.000 lượt, tăng 5%; khách nội địa 900.000 lượt, …)": items named by a label before
            # their count are categories, which do not overlap)
            long_items = long_items or (long or bracket) and ";" in between and not between.rsplit(";", 1)[1].strip()
            kept.append(b)
            last_by_and = any((" " + between.rstrip().lower()).endswith(" " + w) for w in cues.list_and)
        parts = kept
        if len(parts) >= 2 and all(votes_for_a_person(cues, text, p) for p in parts):
            return 1  # "Số phiếu hợp lệ là 408.214 phiếu, cụ thể: bà A 361.420 phiếu, ông B …": votes overlap
        region_end = min(end_limit, max(p.end for p in parts) + 60)
        tail = text[parts[-1].end:region_end].lower()
        tail = tail.split(";")[0]
        open_tail = bool(cues.open_tail_re.search(tail)) or any(w in tail for w in cues.open_tail_marks)
        if open_tail and len(parts) >= 2 and counted_rest(cues, text, parts[-1]) \
                and not any(w in tail for w in cues.open_tail_marks):
            open_tail = False  # "…, 8 vụ và 3 vụ cháy khác": the other fires are counted, the list is complete
        # "Hà Nội và Hưng Yên mỗi nơi có 8 ca": an item counted once per name, twice here; where the names
        # cannot be counted the printed parts fall short of the sum, and the list only bounds its total
        times: dict[str, int] = {}
        per_name = bool(cues.each_re.search(text, t.end, parts[0].start))
        for a, b in zip(parts, parts[1:]):
            if cues.each_re.search(text, a.end, b.start):
                n = _names_counted_each(cues, text, a, b)
                if n is None:
                    per_name = True
                else:
                    times[b.id] = n
        open_tail = open_tail or per_name
        # (not in a list of ";" clauses, where the words before the first count are its label)
        cue_at = cues.breakdown_re.search(text, t.end, parts[0].start) if cue and not clause_items else None
        if cue_at and re.search(r",|(?<![^\W_])(?:" + "|".join(map(re.escape, cues.list_and)) + r")(?![^\W_])",
                                text[cue_at.end():parts[0].start]):
            # "11 vị, gồm Chủ tịch và 4 Phó Chủ tịch, 6 ủy viên": an item with no number of its own stands first
            open_tail = True
        if not bracket and not items_by_semicolon and end_limit < s.end and text[end_limit:end_limit + 1] == ";" \
                and any(f.start > end_limit and f.role in ("count", "measure") and f.unit == p.unit
                        and head_word(f) == head_word(p) for f in sf[j:j + LOOKBACK] for p in parts):
            # "… gồm Hà Nội 40 ca, Bắc Ninh 22 ca; các tỉnh còn lại 6 ca": the list may go on after the ";"
            cut = True
        examples = bool(cues.example_re.search(low)) or bool(cues.partial_re.search(low))
        if _parallel_totals(text, sf, i) and len(parts) > 1:
            # "37 vụ, 68 đối tượng, gồm 20 vụ, 39 đối tượng … và 17 vụ, 29 đối tượng": parallel totals,
            # each the sum of the parts that count what it counts
            totals = [sf[i - 1], t]
            one_head = head_word(totals[0]) == head_word(totals[1])
            for total in totals:
                # ("386 vụ, 512 đối tượng, gồm khởi tố 352 vụ, 458 bị can và …": the accused count the people; "14
                # người chết, 4 người mất tích; cụ thể: A 5 người chết, 1 người mất tích; …": by their whole nouns)
                mine = [p for p in parts if p.unit == total.unit and (
                    _counts_the_same(text, p, total) if one_head else cues.kind_of(p) == cues.kind_of(total))]
                rest = [p for p in parts if p not in mine]
                if not mine:
                    continue
                roles = {"total": total.id, "parts": [p.id for p in mine], "other_parts": [p.id for p in rest]}
                out.append(relation("breakdown", [total] + mine, roles, exhaustive=not (open_tail or examples or cut),
                                    cue=cue or "("))
            return 1
        # parts count what the total counts (a part with no noun of its own counts it too); the others
        # cannot be summed with it and leave the list open
        same = [p for p in parts if p.unit == t.unit]
        if not same and t.unit != "count" and len({(p.unit, head_word(p)) for p in parts}) == 1 \
                and head_word(parts[0]) is not None:
            # "giải ngân cho 2.846 hộ vay vốn với doanh số cho vay 142,6 tỷ đồng, gồm 1.412 hộ nghèo, …": the amount
            # between describes the count before it, whose parts the list counts
            pair = _pair_link_before(cues, text, sf, i)
            if pair is not None and pair.unit == parts[0].unit and head_word(pair) == head_word(parts[0]):
                t = pair
                same = list(parts)
        heads = {head_word(p) for p in same}
        if same and not any(head_word(p) == head_word(t) for p in same) and len(heads) == 1 and None not in heads:
            # "trao 1.146 huy chương ở 28 môn thi đấu, gồm 382 huy chương vàng, …": the parts count what the count
            # before, in the same clause, counts — it is their total
            # (each part's noun begins with the whole of its noun: "1 tổ trưởng" is no part of "1 tổ bảo vệ")
            earlier = [e for e in sf[max(0, i - LOOKBACK):i] if e.role in ("count", "measure") and e.unit == t.unit
                       and head_word(e) in heads and not CLAUSE_END.search(text, e.end, t.start)
                       and not any(ch in text[e.end:t.start] for ch in "()")
                       and all((p.noun or "").lower().split()[:len((e.noun or "").split())] == (e.noun or "").lower().split()
                               for p in same)]
            if earlier:
                t = earlier[-1]
        if any(head_word(p) == head_word(t) for p in same):  # else a generic total: "300 đơn vị vũ khí gồm …"
            same = [p for p in same if head_word(p) in (None, head_word(t))]
        elif head_word(t) in _scores(cues):
            return 1  # "28 điểm (8 thắng, 4 hòa, 2 thua)": a score is no sum of the counts after it
        elif t.unit == "count" and head_word(t) and cue and (named := cues.breakdown_re.search(text, t.end, parts[0].start)) \
                and text[named.end():parts[0].start].lower().lstrip(" :").split()[:1] == [head_word(t)]:
            # "2 nhóm dịch vụ công, gồm: nhóm A, với 20 thủ tục và 26.000 hồ sơ; …": the items are the total's things,
            # named; the counts after them describe each (unlike "300 đơn vị vũ khí gồm 120 súng, …")
            return 1
        others = [p for p in parts if p not in same]
        exhaustive = not (open_tail or examples or others or cut)
        if bracket and not cue and len(parts) == 2 \
                and (t.unit != "count" or not any(head_word(p) in (head_word(t), (t.classifier or "").lower() or None)
                                                  for p in parts)) \
                and not any(is_place(cues, label_before(text, p, t.end)) for p in parts):
            # "nuôi trồng 379.400 tấn (tôm 186.200 tấn, cua 27.900 tấn)": two kinds of an amount in brackets, with no
            # word that says they are all of it, may be its main ones; and so two counts by other nouns ("412 bác sĩ
            # (38 tiến sĩ, bác sĩ chuyên khoa II và 196 thạc sĩ, bác sĩ chuyên khoa I)": the ones with a degree)
            exhaustive = False
        if len(parts) == 1 and bracket and not cue and described(text, parts[0]) == described(text, t) \
                and _bracket_holds_only(text, parts[0]):
            # "làm chết 142 người (159 người)": a bracket that gives a value of the same thing and nothing else
            # gives another period's (or restates it), no part
            return 1
        if len(parts) == 1:
            if compatible(t, parts[0]):
                out.append(relation("subset", [t, parts[0]], {"whole": t.id, "part": parts[0].id},
                                    cue=cue or "("))
            elif cue and not bracket:
                out.append(relation("pair", [t, parts[0]], {"first": t.id, "second": parts[0].id}, cue=cue))
            return 2
        roles = {"total": t.id, "parts": [p.id for p in same], "other_parts": [p.id for p in others]}
        if times and not per_name:
            roles["times"] = {pid: n for pid, n in times.items() if pid in roles["parts"]}
        extra = {"implied": True, "evidence": "long items in brackets, which may overlap"} if long_items else \
            {"evidence": "items counted once for each name they give"} if times and not per_name else {}
        out.append(relation("breakdown", [t] + parts, roles, exhaustive=exhaustive, cue=cue or "(",
                            end=region_end if open_tail else None, **extra))
        return 1  # a part may be the total of a list of its own

    i = 0
    while i < len(sf) - 1:
        t = sf[i]
        if t.role not in ("count", "measure") or t.qualifier in _BOUNDS:
            # ("số thu trên 300 tỷ đồng (lần lượt 886 tỷ đồng và 357 tỷ đồng)": a bound each value passes, no total)
            i += 1
            continue
        if t.id in in_change:
            # "349.000 lượt, tăng 11,25% so với cùng kỳ (khách nước ngoài 210.000 lượt, …)", "2.433 tỷ đồng, bằng
            # 28,4% dự toán, tăng 75,6%, gồm: …": a list after the percentages that describe the count is its own
            # (and past the change's own figures: "312 vụ …, tăng 26 vụ (9,1%) so với năm 2024 (286 vụ), gồm …")
            own = set(changes_of.get(t.id, ())) - {t.id}
            later = _after_percentages(cues, text, sf, i, s.end, own)
            if later is not None:
                read_list(i, later[0], later[1], later[2], later[3])
            i += 1
            continue
        first = sf[i + 1]
        if first.unit == "percent" and not CLAUSE_END.search(text, t.end, first.start):
            # "thu nội địa đạt 2.433 tỷ đồng, bằng 28,4% dự toán, …, gồm: …": the list after the shares of the amount
            later = _after_percentages(cues, text, sf, i, s.end)
            if later is not None and not later[1]:
                read_list(i, later[0], later[1], later[2], later[3])
                i += 1
                continue
        gap = gap_after_noun(text, t, first)
        low = gap.lower()
        if _follows_in_a_ranking(cues, low) or _place_count_before_other_parts(cues, t, first, low):
            # "Hàn Quốc với 512.600 lượt, tiếp theo là Trung Quốc (286.300 lượt)": a ranking, not a division;
            # "42 người … tại 2 tỉnh Lào Cai và Yên Bái, gồm 29 người chết …": the places counted do not divide
            i += 1
            continue
        # "147 ca lây nhiễm ở TP Hồ Chí Minh (118), Phú Yên (10), …": each item a name with its count in brackets
        per_item = _bracketed_items(text, sf, i + 1, s.end) if low.rstrip().endswith("(") and ")" not in low else []
        # (the items count what the total counts: "Hai người … là ông A (184.206 phiếu) và bà B (142.860 phiếu)"
        # gives each one's votes, no parts of the two)
        # (and in its unit: "đường bê tông dài 850 m (420 triệu đồng) và mương (160 triệu đồng)" gives each work's cost)
        per_item = per_item if all((not p.noun or p.unit != "count" or head_word(p) == head_word(t)) and p.unit == t.unit
                                   for p in per_item) else []
        if per_item and (t.unit == "count" and any(p.decimals for p in per_item) or cues.respectively_re.search(low)):
            # "4 địa phương có điểm trung bình cao nhất lần lượt là Nam Định (8,42), Ninh Bình (8,31), …": each
            # name's own value, no count of the places
            per_item = []
        if len(per_item) >= 2 and first.role in ("count", "measure") and not CLAUSE_END.search(gap) \
                and t.id not in in_change and not any(c in low for c in cues.subset_cues):
            partial = bool(cues.example_re.search(low)) or any(w in low for w in cues.partial)
            roles = {"total": t.id, "parts": [p.id for p in per_item], "other_parts": []}
            out.append(relation("breakdown", [t] + per_item, roles, exhaustive=not partial, cue="(",
                                evidence="a name with its count in brackets, item by item"))
            i += 1
            continue
        partial_m = cues.partial_re.search(low)
        colon_at = low.rfind(":")
        if partial_m and partial_m.end() <= colon_at and len(low[colon_at + 1:].split()) <= 6 \
                and "," not in low[colon_at:] and not CLAUSE_END.search(gap) and len(gap.split()) <= 18 \
                and first.role in ("count", "measure") and first.unit == t.unit \
                and (t.unit != "count" or head_word(first) == head_word(t)):
            # ("Bốn đội có lượng khán giả cao nhất gồm: A 142.300 người; …": the count of teams is no total of people)
            # "113.593 ha lúa bị ngập úng, hư hại, nhiều nhất ở các địa phương: TP A 7.005 ha; …": the largest parts
            # (";" separates the items there: "nhiều nhất ở: TP A 7.005 ha; tỉnh B 18.000 ha; …")
            read_list(i, i + 1, False, partial_m.group(0), low, items_by_semicolon=True)
            i += 1
            continue
        # (only after the sentence's first clause: "Bão làm 9 người …; sạt lở … 12 người …; lũ cuốn 5 người …; cụ
        # thể: …" details the sentence's whole toll, not its last clause)
        opens_after_clause = bool(_CUE_AFTER_CLAUSE.match(low)) and bool(cues.breakdown_re.search(low)) \
            and ";" not in text[s.start:t.start]
        if (CLAUSE_END.search(gap) and not opens_after_clause) or len(gap.split()) > 10 \
                or any(c in low for c in cues.subset_cues):
            # ("14 người chết, 4 người mất tích; cụ thể: Quảng Trị 5 người chết, …": a cue with a colon right after
            # the ";" opens the list of the parallel totals before it)
            i += 1
            continue
        # "5.871 người (bảo vệ dân phố 253 người; …)": a bracket right after the noun opens the list too
        # "6 người chết do mưa lũ (Vĩnh Phúc 2 người, …)": a bracket still open at the first part opens the list
        bracket = "(" in low and ")" not in low[low.rfind("("):]
        if bracket and (cues.other_period_re.search(low[low.rfind("("):]) or baseline_in_brackets(cues, text, first)):
            # "5 người chết (cùng kỳ năm trước 7 người; giảm 2 người)", "tăng 28 vụ, 37 đối tượng so với cùng kỳ
            # năm 2024 (218 vụ, 361 đối tượng)": the bracket compares, it does not divide
            i += 1
            continue
        cue_m = cues.breakdown_re.search(low)
        cue = cue_m.group(0) if cue_m else None
        colon = low.rstrip().endswith(":")
        if colon and not cue and low.lstrip()[:2] in ("+ ", "- ", "• ", "– "):
            # "Số phiếu phát ra: 390 + Số phiếu thu lại: 390 + …": fields of a form side by side, no list
            i += 1
            continue
        if not (bracket or cue or colon):
            i += 1
            continue
        # the bracket or colon opens t's own list only when it follows t's noun: "(7 vụ), cơ sở khác (9 vụ)"
        # and "thành phố A 21, huyện B: 14" open the list of another phrase
        lead = low[:low.rfind("(")] if bracket and not cue else low.rstrip()[:-1] if colon and not cue \
            else low[:cue_m.start()] if cue else low
        # an aside in brackets with no figure ("151 ca (BN17577-17727), bao gồm …") leaves the list the total's
        lead = BRACKETED.sub(" ", lead)
        if "," in lead and not cue and not (bracket and _noun_goes_on(text, t, first, lead)) or ")" in lead:
            i += 1
            continue
        if first.role not in ("count", "measure"):
            i += 1
            continue
        if _after_a_sibling(text, sf, i):
            i += 1
            continue
        advance = read_list(i, i + 1, bracket, cue, low)
        if bracket:
            # "155 người (53 người chết, 102 người mất tích), gồm: Bảo Yên 109, Sa Pa 8, …": after its
            # bracket, a second division of the same total
            second = _after_bracket(cues, text, sf, i + 1, s.end)
            if second is not None:
                read_list(i, second[0], False, second[1], second[1])
        i += advance
    return out


_ASIDE = re.compile(r"\([^()\d]{1,60}\)")  # a bracket of words only
_BRACKET = re.compile(r"[()]")


def _closing_bracket(text: str, start: int, end: int) -> int:
    """Where the bracket open at ``start`` closes, before ``end`` (-1 if it does not): brackets inside it are
    passed over ("(Nhật Bản 142 người, Đài Loan (Trung Quốc) 25 người)")."""
    depth = 0
    for m in _BRACKET.finditer(text, start, end):
        if m.group(0) == "(":
            depth += 1
        elif not depth:
            return m.start()
        else:
            depth -= 1
    return -1


def _bracket_holds_only(text: str, f: Figure) -> bool:
    """``f`` is all its bracket holds, with its noun: "(159 người)"."""
    opened = text.rfind("(", 0, f.start)
    close = text.find(")", f.end)
    if opened < 0 or close < 0 or text[opened + 1:f.start].strip():
        return False
    rest = text[f.end:close].strip().lower()
    return not rest or rest == (f.noun or "").lower()


def _pair_link_before(cues: Cues, text: str, sf: list[Figure], i: int) -> Figure | None:
    """The count an amount is linked to by "với" right before it, in one clause ("2.846 hộ vay vốn với doanh số
    cho vay 142,6 tỷ đồng"); None if there is none."""
    if i == 0:
        return None
    prev = sf[i - 1]
    between = " " + " ".join(text[prev.end:sf[i].start].lower().split()) + " "
    if prev.role != "count" or CLAUSE_END.search(between) or "," in between or len(between.split()) > 10:
        return None
    return prev if any(f" {w} " in between for w in cues.pair_links if w[:1].isalpha()) else None


def _numbers_in_names(cues: Cues, text: str, t: Figure, parts: list[Figure], end: int) -> bool:
    """A list of names some of which end in a number ("6 giống chủ lực gồm BC15, TBR225, Đài Thơm 8, Thái Xuyên 111,
    ĐS1 và nếp cái hoa vàng"): bare numbers after a name, in a list where an item has no figure, are part of the
    names — not counts of the kind the total counts."""
    head = (t.noun or "").lower()
    if any(not p.noun and not p.classifier and p.unit == "count" for p in parts) \
            and any(head == k or head.startswith(k + " ") for k in cues.lang.words("cues.kind_nouns")):
        return True  # "3 giống lúa gồm Đài Thơm 8, OM 18 và Bắc Thơm 7": kinds are named, their numbers name them
    if not parts or any(p.noun or p.classifier or p.unit != "count" for p in parts):
        return False
    last = min(end, max(p.end for p in parts) + 80)
    clause = CLAUSE_END.search(text, parts[-1].end, last)
    # from the segment of the first part (the list's first item) to the clause's end
    first = t.end
    for m in cues.list_sep_re.finditer(text, t.end, parts[0].start):
        first = m.end()
    segments = cues.list_sep_re.split(text[first:clause.start() if clause else last])
    starts = sorted(p.start - first for p in parts)
    pos, without = 0, 0
    for seg in segments:
        at = text.find(seg, first + pos) - first if seg else pos
        if seg.strip() and not any(at <= x < at + len(seg) for x in starts):
            without += 1
        pos = at + len(seg)
    return without > 0


def _scores(cues: Cues) -> set[str]:
    """The nouns of counts that may be fractional (scores, multiples: "điểm", "lần"), whose parts are no counts."""
    found = getattr(cues, "_fractional_counts", None)
    if found is None:
        found = cues._fractional_counts = set(cues.lang.words("fractional_counts"))
    return found


def _after_out_of(cues: Cues, between: str) -> bool:
    """The words before a figure end with those for "out of" ("…, trên tổng số"): what follows is a whole."""
    low = " " + " ".join(between.lower().split())
    return any(low.endswith(" " + w) for w in cues.out_of)


def _parallel_totals(text: str, sf: list, i: int) -> bool:
    """``sf[i]`` and the count before it are totals side by side: of different things ("37 vụ, 68 đối tượng"), or
    of one head word with different nouns ("14 người chết, 4 người mất tích")."""
    if follows_other_count(text, sf, i):
        return True
    if i == 0:
        return False
    prev, cur = sf[i - 1], sf[i]
    return prev.role in ("count", "measure") and prev.unit == cur.unit and head_word(prev) == head_word(cur) \
        and gap_after_noun(text, prev, cur).strip() == "," and len(described(text, prev)) >= 2 \
        and len(described(text, cur)) >= 2 and described(text, prev) != described(text, cur)


def _counts_the_same(text: str, part: Figure, total: Figure) -> bool:
    """The part's words begin with all the total's ("5 người chết" of "14 người chết", not of "4 người mất tích")."""
    words = described(text, total)
    return bool(words) and described(text, part)[:len(words)] == words


def _counts_as(text: str, part: Figure, whole: Figure) -> bool:
    """The part's words begin with all the whole's, which say more than what it counts ("8 người chết là trẻ
    em" of "35 người chết"; not "53 người chết" of "155 người")."""
    words = described(text, whole)
    return len(words) >= 2 and described(text, part)[:len(words)] == words


def _after_a_sibling(text: str, sf: list, i: int) -> bool:
    """``sf[i]`` follows another count of the same head word ("8 người chết, 3 người mất tích, gồm: Lào Cai 4
    người, …") and the list's first part names only that head word: the list may divide either, or both
    together — whose it is stays unsaid."""
    if i == 0 or i + 1 >= len(sf):
        return False
    prev, t, first = sf[i - 1], sf[i], sf[i + 1]
    if prev.role not in ("count", "measure") or prev.unit != t.unit or head_word(prev) != head_word(t):
        return False
    if gap_after_noun(text, prev, t).strip() not in (",", "và", ", và"):
        return False
    return not first.noun or (len(first.noun.split()) == 1 and head_word(first) == head_word(t))


_NAME_SEP = re.compile(r",|(?<!\s)\s++và\s++")  # anchored, possessive: linear on long blanks


def _names_counted_each(cues: Cues, text: str, a: Figure, b: Figure) -> int | None:
    """How many place names the item of ``b`` gives, when it is counted once per name ("…, Hà Nội và Hưng Yên
    mỗi nơi có 8 ca": 2); None where no such cue stands before ``b`` or a name is unclear."""
    m = cues.each_re.search(text, a.end, b.start)
    if m is None or not _names_each(cues, text, m) or not _number_follows_each(text[m.end():b.start]):
        return None
    lead = text[a.end:m.start()]
    sep = re.search(r"[,;]", lead)
    if sep is None:
        return None
    names = [n.strip() for n in _NAME_SEP.split(lead[sep.end():])]
    if len(names) < 2 or not all(n and is_place(cues, n) for n in names):
        return None
    return len(names)


def _number_follows_each(between: str) -> bool:
    """The count is what each name has, right after the cue ("mỗi nơi có 5 ca", "mỗi tỉnh thành có 5 ca", "đều có
    5 ca"), not a figure further on ("đều có ca mắc mới, tổng cộng 20 ca")."""
    return len(between.split()) <= 2 and not re.search(r"[,;:()]", between)


def _names_each(cues: Cues, text: str, m) -> bool:
    """The "each" cue speaks of the names ("mỗi nơi", "mỗi tỉnh", "đều có"), not of time ("mỗi ngày")."""
    cue = m.group(0).lower()
    if cue != "mỗi":
        return True
    nxt = text[m.end():m.end() + 20].lower().split()
    return bool(nxt) and nxt[0] in {p.split()[0] for p in cues.place_prefixes}


_EACH_COUNT = re.compile(r"(?<![\d.,])\d[\d.,]*+\s++(?P<noun>[^\W\d_]++(?:\s++[^\W\d_]++)*+)")


def _per_name_clause(cues: Cues, text: str, start: int, limit: int, counted: tuple[str, ...]) -> bool:
    """The ";" clause from ``start`` is one item counted once per name, of what the list's parts count
    (``counted``, their words): "An Giang và Đà Nẵng mỗi nơi có 4 ca" — not "Hà Nội và Bắc Ninh mỗi nơi có 1 ca
    tử vong", which counts something else."""
    end = text.find(";", start, limit)
    clause = text[start:end if end >= 0 else limit]
    m = cues.each_re.search(clause)
    if m is None or not _names_each(cues, clause, m):
        return False
    names = [n.strip() for n in _NAME_SEP.split(clause[:m.start()])]
    if len(names) < 2 or not all(n and is_place(cues, n) for n in names):
        return False
    number = _EACH_COUNT.search(clause, m.end())
    if number is None or not _number_follows_each(clause[m.end():number.start()]):
        return False
    return tuple(number.group("noun").lower().split()) == counted


def _follows_in_a_ranking(cues: Cues, low: str) -> bool:
    found = getattr(cues, "_ranking_follow", None)
    if found is None:
        ranking = cues.lang.data["cues"].get("ranking", {})
        found = cues._ranking_follow = [w.lower() for w in ranking.get("follow", []) + ranking.get("position", [])]
    return any(w in low for w in found)


def _place_count_before_other_parts(cues: Cues, t: Figure, first: Figure, low: str) -> bool:
    """The total counts places ("2 tỉnh Lào Cai và Yên Bái") and the list after it counts something else."""
    places = getattr(cues, "_place_prefix_set", None)
    if places is None:
        places = cues._place_prefix_set = frozenset(cues.place_prefixes)
    return is_or_starts_with((t.noun or "").lower(), places) and head_word(first) != head_word(t)




def _after_percentages(cues: Cues, text: str, sf: list, i: int, limit: int, own: set[str] = frozenset()) -> tuple | None:
    """Where a bracket or a list cue follows the percentages right after ``sf[i]`` (its change, its share) — or
    the figures of its change (``own``: its delta and earlier value too): (index of the first part, bracket?, cue,
    the words before the part), or None."""
    j = i + 1
    while j < len(sf) and j <= i + 4 and (sf[j].unit == "percent" or sf[j].id in own):
        if CLAUSE_END.search(text, sf[j - 1].end, sf[j].start):
            return None  # "24 trẻ là nam, chiếm 63,2%; độ tuổi … chiếm 71,1% (27 trẻ)": another clause's percentage
        j += 1
    if j == i + 1 or j >= len(sf) or sf[j].role not in ("count", "measure"):
        return None
    gap_start = sf[j - 1].end
    gap = text[gap_start:sf[j].start]
    if sf[j - 1].id in own and gap.count(")") == 1:
        gap_start += gap.find(")") + 1
        gap = text[gap_start:sf[j].start]  # (the bracket of the change's earlier value closes first)
    low = gap.lower()
    cue_m = cues.breakdown_re.search(low)
    # (the label of a first item after "gồm:" is no gap: "…, tăng 75,6% so với cùng kỳ, gồm: nguồn thu từ thuế,
    # phí và các khoản thu khác đạt 1.292 tỷ đồng")
    colon_at = low.find(":", cue_m.end(), cue_m.end() + 3) if cue_m else -1
    if CLAUSE_END.search(gap) or len((gap if colon_at < 0 else gap[:colon_at]).split()) > 10 or ")" in low:
        return None
    bracket = "(" in low
    if not bracket and not (cue_m and (":" in low[cue_m.end():cue_m.end() + 3]
                                       or sf[j - 1].id in own and not low[:cue_m.start()].strip(" ,"))):
        # a bracket, or "gồm:" — not a bare comma, after which the sentence may go on to anything (past the
        # change's earlier value, ", gồm" itself: "… so với năm 2024 (286 vụ), gồm 148 vụ …")
        return None
    if bracket and any(re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", low[:low.find("(")])
                       for w in cues.lang.words("cues.whole_words")):
        return None  # "chiếm 34,0% tổng số hộ (10.240 hộ)": the bracket gives the whole the percentage names
    if bracket and baseline_in_brackets(cues, text, sf[j]):
        return None  # "đạt 91,7% chỉ tiêu năm (4.500 căn)": the bracket gives the target's (or a period's) value
    if bracket and sf[j - 1].noun and head_word(sf[j]) in _LETTERS.findall(sf[j - 1].noun.lower())[:3]:
        return None  # "bằng 77,61% số phiếu hợp lệ (402.624 phiếu)": the bracket restates the whole the percentage names
    if bracket and sf[j - 1].noun and sf[j - 1].role in ("share", "percent") and _bracket_holds_only(text, sf[j]):
        return None  # "đạt tỷ lệ bao phủ 93,62% dân số (1.312.460 người)": the one value after its noun is its whole
    if bracket:
        # a bracket after the percentages that holds one figure lists no parts: it gives the whole or a value the
        # percentage is of ("chiếm 13,26% (tổng số 23.560 hộ)", "92,4% dân số (dân số toàn tỉnh 1.267.850 người)")
        opened = gap_start + low.find("(")
        close = _closing_bracket(text, opened + 1, limit)
        if close >= 0 and not any(sf[j].end <= f.start < close for f in sf[j + 1:j + 2]):
            return None
    return j, bracket, cue_m.group(0) if cue_m else None, low


def _noun_goes_on(text: str, t, first, lead: str) -> bool:
    """The words after a comma still name what the total counts, and the first part in the bracket is one of
    them: "296 người chết, mất tích (155 người chết, …)"."""
    tail = lead.rsplit(",", 1)[1].split()
    if not 1 <= len(tail) <= 3 or any(not w.isalpha() or not w.islower() for w in tail):
        return False
    head = head_word(first)
    key = set(described(text, first)) - {head}
    return bool(key) and head == head_word(t) and key <= set((t.noun or "").lower().split()) | set(lead.split())


def _after_bracket(cues: Cues, text: str, sf: list, j: int, limit: int) -> tuple[int, str] | None:
    """Where a list cue follows the bracket that ``sf[j]`` opens ("(…), gồm: A 109, B 8"): the index of the
    first part after the cue, and the cue."""
    close = text.find(")", sf[j].start, limit)
    if close < 0:
        return None
    m = cues.after_bracket_re.match(text, close + 1, limit)
    if not m:
        return None
    k = next((n for n in range(j, min(len(sf), j + LOOKBACK)) if sf[n].start >= m.end()), None)
    if k is None or sf[k].role not in ("count", "measure") or CLAUSE_END.search(text, m.end(), sf[k].start) \
            or len(text[m.end():sf[k].start].split()) > 6:
        return None
    # each place with one bare count ("Bảo Yên 109, Sa Pa 8"), not places with several counts each ("huyện A 12
    # người chết, 8 người bị thương; …"), which divide the bracket's parts, not the total
    total_head = head_word(sf[j - 1]) if j else None
    end = CLAUSE_END.search(text, sf[k].start, limit)
    run = [f for f in sf[k:k + LOOKBACK] if f.start < (end.start() if end else limit)]
    if any(f.noun and (len(f.noun.split()) > 1 or head_word(f) != total_head) for f in run):
        return None
    return k, m.group("cue").lower()


_BOUNDS = frozenset({"more_than", "at_least", "less_than", "up_to"})  # qualifiers that make a figure a bound


def _label_like_the_last(cues: Cues, text: str, total, kept: list, between: str) -> bool:
    """``between`` is a list separator, then the label of the next item, which begins as the last item's label
    did: "vốn khu vực nhà nước 12.486 tỷ đồng, … và vốn khu vực có vốn đầu tư trực tiếp nước ngoài 6.142 tỷ
    đồng" — a long name, not a description that ends the list."""
    stripped = between.strip()
    sep = next((w for w in [","] + list(cues.list_and) if stripped.startswith(w) and (w == "," or
                                                                                     stripped[len(w):len(w) + 1] == " ")), None)
    if sep is None or CLAUSE_END.search(between) or any(ch.isdigit() or ch in "():;" for ch in between):
        return False
    label = stripped[len(sep):].lower().split()
    floor = kept[-2].end if len(kept) > 1 else total.end
    before = re.split(r"[,:;(]|(?<![^\W_])(?:" + "|".join(map(re.escape, cues.list_and)) + r")(?![^\W_])",
                      text[floor:kept[-1].start].lower())[-1].split()
    return 1 <= len(label) <= 14 and bool(before) and label[0] == before[0]


def _next_item(cues: Cues, between: str, total, kept: list, b, semicolon_items: bool = False) -> bool:
    """A long description of the last item ends where the next item of a parallel list begins again with
    the list's first kind of count, after "và" or "," ("20 vụ, 39 đối tượng phát sinh trong năm nay và 17 vụ,
    29 đối tượng …") or of one that counts what the total counts ("151 ca, bao gồm bốn ca nhập cảnh được cách
    ly tại A và 147 ca …"); a long description of a kind of the total's things ends the list ("6 người (gồm 1
    chiến sỹ của Lữ đoàn 513 và 1 …)" need not name all six)."""
    if CLAUSE_END.search(between.replace(";", ",") if semicolon_items else between) or len(between.split()) > 20 \
            or head_word(b) != head_word(kept[0]) or any(c in between.lower() for c in cues.subset_cues) \
            or len({head_word(k) for k in kept}) < 2 and head_word(kept[0]) != head_word(total):
        return False
    tail = between.rstrip().lower()
    # (";" reaches here only within brackets or a list of ";" items: "10 người (8 người mất tích trong vụ sập
    # cầu A; 1 người mất tích vì lũ; …)")
    return tail.endswith((",", ";")) or any(tail.endswith(" " + w) for w in cues.list_and)


# possessive and anchored at the bracket: linear however long the runs of spaces
_ITEM_GAP = re.compile(r"(?<![\s)])\s*+\)\s*+(?:,|;|và|, và)\s*+(?:[^\W\d_][\w.\-]*+\s++){0,6}?\(\s*+$")


def _bracketed_items(text: str, sf: list, first: int, limit: int) -> list:
    """The counts of a list written "A (118), B (10), C (5)": each in brackets after a name, the brackets
    joined by a list separator. Empty unless the second item follows the first that way."""
    items = [sf[first]]
    for f in sf[first + 1:first + 1 + LOOKBACK]:
        prev = items[-1]
        between = text[prev.end:f.start]
        if prev.noun and between.lstrip().startswith(prev.noun):
            between = between.lstrip()[len(prev.noun):]
        if f.start >= limit or f.unit != sf[first].unit or not _ITEM_GAP.match(between.strip(' ') if between[:1] == ' ' else between) \
                or not any(w[:1].isupper() for w in between.split()):
            break
        items.append(f)
    return items if len(items) >= 2 else []


# a place label opening an item: "Lào Cai: ", "TP Hải Phòng: " — a few words, the first capitalised, no digits
_LABEL = re.compile(r"(?<![^\W\d_])(?P<label>[^\W\d_][^\W\d_ ]*+(?: [^\W\d_]++){0,5}):\s*+")
# how many sentences a total may stand before the header of its itemised list
_TOTAL_REACH = 2


def detect_itemised(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    """Totals itemised place by place after a header: "Ghi nhận 296 người chết, mất tích (155 người chết, 141
    người mất tích) … . Chi tiết từng địa phương: Lào Cai: 155 người (53 người chết, …). Cao Bằng: 52 người
    …" — each item's first figure is a part of the total before the header, and the figures in the items
    that count what the total's own parts count are parts of those. The items may not name every place:
    the parts stay within their totals."""
    text = article.text
    if not cues.item_header_re.search(text):
        return []
    parts_of = {p for r in done if r["kind"] in ("breakdown", "subset")
                for p in ([r["roles"].get("part")] if r["kind"] == "subset" else r["roles"].get("parts", []))}
    divisions = {r["roles"]["total"]: [p for p in r["roles"]["parts"]] for r in done if r["kind"] == "breakdown"}
    by_id = {f.id: f for f in article.figures}
    # a part of a count of its own kind within an item ("35 người chết, trong đó 8 người chết là trẻ em")
    nested = {p for r in done if r["kind"] in ("subset", "breakdown")
              for w in [r["roles"].get("whole") or r["roles"].get("total")]
              for p in ([r["roles"].get("part")] if r["kind"] == "subset" else r["roles"].get("parts", []))
              if w in by_id and p in by_id and _counts_as(text, by_id[p], by_id[w])}
    sentences = [s for s in article.sentences if s.index >= 0]
    starts = [s.start for s in sentences]
    out = []
    for m in cues.item_header_re.finditer(text):
        at = bisect.bisect_right(starts, m.start()) - 1  # the header's sentence, found by position
        if at < 0 or m.start() >= sentences[at].end:
            continue
        items = _items(cues, text, sentences, at, m.end(), by_sentence)
        if len(items) < 3:
            continue
        firsts = [figs[0] for figs in items]
        head = head_word(firsts[0])
        if any(f.unit != firsts[0].unit or f.role != "count" or head_word(f) != head for f in firsts):
            continue  # the items do not each open with a count of one thing
        before = [f for s in sentences[max(0, at - _TOTAL_REACH):at + 1] for f in by_sentence.get(s.index, [])
                  if f.start < m.start()]
        totals = [f for f in before if f.role == "count" and f.unit == firsts[0].unit and head_word(f) == head
                  and f.id not in parts_of]
        if len({f.value for f in totals}) != 1:
            continue  # no total, or several: which one the places divide stays unsaid
        total = totals[-1]
        if total.value is not None and any(f.value is not None and f.value > total.value for f in firsts):
            # a place larger than the total: the run went on to something else ("Bộ Quốc phòng: 3.000 người …")
            keep = next(n for n, f in enumerate(firsts) if f.value is not None and f.value > total.value)
            items, firsts = items[:keep], firsts[:keep]
            if len(items) < 3:
                continue
        roles = {"total": total.id, "parts": [f.id for f in firsts], "other_parts": []}
        r = relation("breakdown", [total] + firsts, roles, exhaustive=False, cue=m.group(0).rstrip(" :").lower(),
                     evidence="the first figure of each place after the header")
        out.append(r)
        # the total's own division ("155 người chết, 141 người mất tích"): each part summed over the places
        for sub_id in divisions.get(total.id, []):
            sub = by_id[sub_id]
            key = set(described(text, sub)) - {head}
            if not key:
                continue
            mine = [f for figs in items for f in figs if f.unit == sub.unit and f.role == "count"
                    and head_word(f) in (head, *key) and key <= set(described(text, f)) and f.id not in nested]
            if len(mine) >= 2:
                roles = {"total": sub.id, "parts": [f.id for f in mine], "other_parts": []}
                out.append(relation("breakdown", [sub] + mine, roles, exhaustive=False, cue=r["cue"],
                                    evidence="what each place counts of the total's part"))
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
_CUE_AFTER_CLAUSE = re.compile(r"(?<!\s)\s*+;\s*+[^\W\d_]++(?:\s++[^\W\d_]++){0,3}\s*+:[^;.]*+$")  # "; cụ thể: Quảng Trị"
# (a label may end with a number: "1. Thôn 1: 412 cử tri", "Tổ 3: 86 hộ")
_LINE_ITEM = re.compile(r"(?:[-+•*–]\s*+|\d{1,2}[.)]\s++)?(?P<label>[^\W\d_][^:\d\n]{0,60}?(?:\s\d{1,3})?)\s*+:\s*+")


def _division_words(cues: Cues) -> tuple[re.Pattern[str], ...]:
    """The header patterns of a division into lines: a division word, "theo N …", a header that ends with a
    word of a complete division ("gồm:") or of details ("cụ thể như sau:"), and the labels that are no part."""
    found = getattr(cues, "_division_res", None)
    if found is None:
        alt = lambda key: "|".join(re.escape(w) for w in sorted(cues.lang.words(key), key=len, reverse=True))  # noqa: E731
        ending = (r"(?<![^\W_])(?P<cue>(?P<complete>{complete})|(?P<partial>{partial})|{detail})\s*+:$"
                  .format(complete=alt("cues.division_complete"), detail=alt("cues.division_detail"),
                          partial=alt("cues.division_partial")))
        found = cues._division_res = (
            re.compile(rf"(?<![^\W_])(?:{alt('cues.division_headers')})(?![^\W_])", re.IGNORECASE),
            re.compile(rf"(?<![^\W_])(?:{alt('cues.division_announced')})\s++(?P<n>\d{{1,2}})\s++[^\W\d_]", re.IGNORECASE),
            re.compile(ending, re.IGNORECASE),
            re.compile(rf"(?:{alt('cues.division_not_parts')}|{alt('cues.overlapping_attributes')})(?![^\W_])",
                       re.IGNORECASE))
    return found


def _a_line_item(text: str, sentence, f: Figure) -> bool:
    """``f`` is the value of a "label: value" line ("Xây dựng: 5.600 hồ sơ."): an item of a list, no total."""
    if sentence is None:
        return False
    m = _LINE_ITEM.match(text, skip_blanks(text, sentence.start, sentence.end), sentence.end)
    return m is not None and m.end() == f.start


def _lines_name_parts(cues: Cues, labels: list[str], lines: list[Figure], complete: bool) -> bool:
    """Below a header that names no division ("gồm:", "cụ thể như sau:"), the labels name parts: places,
    or after "gồm" kinds — not fields that name the count itself ("Cử tri đi bầu: 385 cử tri") and not
    candidates, whose votes add up to more than the ballots ("Ông A: 350 phiếu")."""
    if not complete:
        return all(is_place(cues, label) for label in labels)
    candidates = tuple(w + " " for w in cues.lang.words("cues.form_candidate_words"))
    heads = {head_word(f) for f in lines}
    return not any(label.lower().startswith(candidates) or heads & set(label.lower().split()) for label in labels)


def _within_noun(whole: Figure, part: Figure) -> bool:
    """The part's noun says all the whole's noun says ("cử tri" over "cử tri đi bầu"): the part counts
    members of the whole, not of a wider set."""
    whole_words, part_words = (whole.noun or "").lower().split(), (part.noun or "").lower().split()
    return part_words[:len(whole_words)] == whole_words


def detect_division_lines(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]],
                          done: list[dict]) -> list[dict]:
    """A total divided into the lines after a header, one "label: value" a line: "… tiếp nhận 76.119 hồ sơ … .
    Số hồ sơ tiếp nhận theo 4 lĩnh vực như sau: Đất đai: 32.640 hồ sơ; Tư pháp - hộ tịch: 28.415 hồ sơ; …" —
    each line's first figure is a part of the total stated before the header (in it, or in the sentence with
    figures before it; the one value of that kind there, or none). Complete only where the header announces
    how many kinds and as many lines follow."""
    text = article.text
    if ":" not in text:
        return []
    header_re, announced_re, ending_re, not_part_re = _division_words(cues)
    sentences = [s for s in article.sentences if s.index >= 0]
    parts_of = {p for r in done if r["kind"] in ("breakdown", "subset")
                for p in ([r["roles"].get("part")] if r["kind"] == "subset" else r["roles"].get("parts", []))}
    by_index = {s.index: s for s in sentences}
    out = []
    for n, s in enumerate(sentences):
        head = text[s.start:s.end].rstrip()
        if not head.endswith(":"):
            continue
        ending = ending_re.search(head)
        if not header_re.search(head) and not announced_re.search(head) and ending is None:
            continue
        lines: list[Figure] = []
        labels: set[str] = set()
        labels_in_order: list[str] = []
        bullet = None
        for s2 in sentences[n + 1:n + 1 + LOOKBACK]:
            opening = text[s2.start:s2.start + 1]
            if bullet is not None and opening in "-+•*–" and opening != bullet \
                    or cues.subset_re.match(text, skip_blanks(text, s2.start, s2.end)):
                continue  # "- Vốn NSTW: 1.248,6 …" then "+ Trong đó vốn CTMTQG: 296,8": a line within the line above
            bullet = bullet or (opening if opening in "-+•*–" else "")
            m = _LINE_ITEM.match(text, skip_blanks(text, s2.start, s2.end), s2.end)
            figs = by_sentence.get(s2.index, [])
            if m is None or not figs or figs[0].start != m.end() or figs[0].role not in ("count", "measure") \
                    or m.group("label").strip().lower() in labels or not_part_re.match(m.group("label").strip()):
                break
            labels.add(m.group("label").strip().lower())
            labels_in_order.append(m.group("label").strip())
            lines.append(figs[0])
        after = n + 1 + len(lines)
        # a run of lines that stops at a line it could not read (or at the look-back's end) is cut: its sum
        # says nothing of the total
        cut = len(lines) == LOOKBACK or (after < len(sentences) and LIST_MARK.match(text, sentences[after].start,
                                                                                  sentences[after].end) is not None)
        if len(lines) < 2 or len({(f.unit, head_word(f) if f.unit == "count" else None) for f in lines}) != 1:
            continue
        first = lines[0]
        before = [f for f in by_sentence.get(s.index, []) if f.end <= s.end]
        prev = next((by_sentence[x.index] for x in reversed(sentences[:n]) if by_sentence.get(x.index)), [])
        # (a header with a value of the lines' unit states the total itself, whatever noun it counts by: "… với tổng
        # quy mô 4.812 căn hộ, gồm:" after "đã hoàn thành 5.416 căn" — never the count of the sentence before)
        # (not the number of kinds a header announces: "Số hồ sơ tiếp nhận theo 3 lĩnh vực như sau:")
        pool = before if any(f.role in ("count", "measure") and f.unit == first.unit and f.value is not None
                             and f.value > max(len(lines), max(x.value or 0 for x in lines)) for f in before) \
            else before + prev
        # (a line of another list above is one of its items, no total: "- Trường B: 1.286 thí sinh. Các trường …,
        # cụ thể như sau: …")
        totals = [f for f in pool if f.role in ("count", "measure") and f.unit == first.unit and f.qualifier is None
                  and (f.unit != "count" or head_word(f) == head_word(first)) and f.id not in parts_of
                  and not baseline_in_brackets(cues, text, f) and not on_a_list_line(text, f)
                  and not _a_line_item(text, by_index.get(f.sentence), f)
                  # (nor what a word singles out: "Đáng chú ý, riêng tháng 8 ghi nhận 24 ca, …" before the lines of
                  # the year's cases)
                  and not singled_out(cues, text, f)]
        if len({f.value for f in totals}) != 1:
            continue  # no total, or several: which one the lines divide stays unsaid
        total = totals[-1]
        divided = header_re.search(head) or announced_re.search(head)
        # ("…, trong đó:" and lines: parts of the total, perhaps not all of them)
        partial = not divided and ending is not None and ending.group("partial") is not None
        if not divided and not _lines_name_parts(cues, [lab for lab in labels_in_order], lines,
                                                 ending.group("complete") is not None or partial):
            continue
        if not divided and not partial and total.start < s.start and not all(_within_noun(total, f) for f in lines):
            # below a header that names no division, a total in the sentence before counts what the lines
            # count or a wider set ("1.230 cử tri" over "256 cử tri đi bầu"), never a narrower one ("1.151
            # cử tri đi bầu" over each village's 256 cử tri)
            continue
        if all(votes_for_a_person(cues, text, f) for f in lines):
            continue  # "1. Bà …: 171.204 phiếu; 2. Ông …: 163.872 phiếu": each ballot may name several, no division
        line_ids = {f.id for f in lines}
        if any(r["kind"] == "breakdown" and r["roles"].get("total") == total.id
               and line_ids & set(r["roles"].get("parts", [])) for r in done):
            continue  # another detector read this division already
        said = announced_re.search(head)
        # (a header that names the largest ones, "Bốn đơn vị có số thu lớn nhất gồm:", lists some of them)
        exhaustive = not partial and not cues.partial_re.search(head.lower()) \
            and (said is not None and int(said.group("n")) == len(lines)
                 or ending is not None and ending.group("complete") is not None and not cut)
        cue = (header_re.search(head).group(0) if header_re.search(head)
               else text[s.start + said.start():s.start + said.start("n")].strip() if said
               else ending.group("cue"))
        if partial and labels_of_several_dimensions(cues, labels_in_order):
            # "36 vụ cháy. Trong đó: Cháy tại nhà dân: 21 vụ; Cháy do sự cố điện: 24 vụ; Cháy vào ban đêm: 19 vụ":
            # a place, a cause, a time — the lines overlap, each only within the total
            out += [relation("subset", [total, f], {"whole": total.id, "part": f.id}, cue=cue.lower(),
                             evidence="a line after the header, of an attribute that may overlap the others")
                    for f in lines]
            continue
        roles = {"total": total.id, "parts": [f.id for f in lines], "other_parts": []}
        out.append(relation("breakdown", [total] + lines, roles, exhaustive=exhaustive, cue=cue.lower(),
                            evidence="the first figure of each line after the header"))
    return out


def _items(cues: Cues, text: str, sentences: list, at: int, start: int,
           by_sentence: dict[int, list[Figure]]) -> list[list[Figure]]:
    """The figures of each item after a header: the rest of the header's sentence, then each sentence that
    opens with a place label; the run ends at the first sentence that does not."""
    items = []
    pos, n = start, at
    while n < len(sentences) and len(items) < LOOKBACK:
        s = sentences[n]
        figs = [f for f in by_sentence.get(s.index, []) if f.start >= pos]
        label = _LABEL.match(text, skip_blanks(text, pos, s.end), s.end)
        if not label or not is_place(cues, label.group("label")) or not figs or figs[0].start > label.end() + 2:
            break
        items.append(figs)
        n += 1
        if n < len(sentences):
            pos = sentences[n].start
    return items


def _changed_later(text: str, sf: list, found: list[dict]) -> set[str]:
    """Values whose change is stated after a clause ends ("296 người chết, mất tích (155 …, 141 …); tăng 4
    người …"): the list right after such a value is still its own."""
    by_id = {f.id: f for f in sf}
    out = set()
    for r in found:
        cur = by_id.get(r["roles"].get("current")) if r["kind"] == "change" else None
        rest = [by_id[x] for x in r["figures"] if x in by_id and cur is not None and x != cur.id]
        if rest and CLAUSE_END.search(text, cur.end, min(f.start for f in rest)):
            out.add(cur.id)
    return out


def set_apart_nested_parts(cues: Cues, text: str, rels: list[dict], figures: dict[str, Figure]) -> None:
    """A part singled out of the one before it ("thu nội địa 12.480,6 tỷ đồng; riêng thu tiền sử dụng đất
    3.124,8 tỷ đồng", ``cues.singled_out``), or one the language file nests in another part of the list
    ("thu nội địa …; thu tiền sử dụng đất …", ``cues.nested_parts``), is within that part, no sibling: it
    leaves the division's parts (a division left with one part is a subset of it)."""
    singled = tuple(cues.lang.words("cues.singled_out"))
    nesting = cues.lang.mapping("cues.nested_parts")
    added: list[dict] = []
    for r in rels:
        if r["kind"] != "breakdown" or len(r["roles"].get("parts", [])) < 2:
            continue
        parts = [figures[p] for p in r["roles"]["parts"] if p in figures]
        total = figures.get(r["roles"].get("total"))
        if total is None or len(parts) != len(r["roles"]["parts"]):
            continue
        labels = [label_before(text, p, total.end) for p in parts]
        nested = set()
        for k, (p, label) in enumerate(zip(parts, labels)):
            # (the word may stand before names that hold commas: "…; riêng nhóm giống lúa thơm ST24, ST25 đạt …")
            between = " ".join(text[parts[k - 1].end:p.start].lower().split()) if k else ""
            if k and (any(label == w or label.startswith(w + " ") for w in singled)
                      or any(f"; {w} " in between or f", {w} " in between for w in singled)):
                nested.add(p.id)
            for j, other in enumerate(labels):
                if j != k and any(key in other for key in nesting) and any(
                        inner in label for key in nesting if key in other for inner in nesting[key]):
                    nested.add(p.id)
        if len(nested) == len(parts):
            nested.discard(parts[0].id)  # (one part stays: the one the others are nested in)
        if not nested:
            continue
        kept = [p.id for p in parts if p.id not in nested]
        r["roles"]["parts"] = kept
        r["roles"].setdefault("other_parts", [])
        r["figures"] = [f for f in r["figures"] if f not in nested]
        r["evidence"] = ((r.get("evidence") or "") + "; " if r.get("evidence") else "") + \
            "parts singled out of another part set apart"
        if len(kept) == 1:
            r["kind"] = "subset"
            r["roles"] = {"whole": total.id, "part": kept[0]}
            r.pop("exhaustive", None)
        # what is singled out stays within the total, whichever part it belongs to
        for pid in sorted(nested, key=lambda x: figures[x].start):
            p = figures[pid]
            if p.unit == total.unit and (p.unit != "count" or head_word(p) == head_word(total)):
                added.append(relation("subset", [total, p], {"whole": total.id, "part": p.id}, cue=r.get("cue"),
                                      evidence="a part singled out of the division"))
    rels += added



def detect_named_back(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A sentence that opens with "Số" and the words of a count the sentence before stated, then a list cue:
    "… đã phát hiện, bắt giữ 86 vụ, 124 đối tượng … . Số vụ bắt giữ gồm 31 vụ …, 47 vụ … và 11 vụ …" — the
    parts after the cue divide that count, the one of the sentence before whose noun and verb the opening
    repeats ("vụ" after "bắt giữ")."""
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    openers = getattr(cues, "_named_back_openers", None)
    if openers is None:
        openers = cues._named_back_openers = tuple(cues.lang.words("cues.named_back_openers"))
    if not ctx.lower.lstrip(" -–+").startswith(openers):
        return []  # quick exit: the sentence does not open with the word for "number"
    if len(sf) < 2 or not ctx.previous:
        return []
    m = _opening_named(cues).match(text, skip_blanks(text, s.start, s.end), sf[0].start)
    if m is None or text[m.end():sf[0].start].strip():
        return []  # (no "Số <noun> … gồm" right before the first figure)
    words = m.group("words").lower().split()
    head = words[0]
    parts = [f for f in sf if f.role == "count" and f.unit == "count" and head_word(f) == head]
    if len(parts) < 2 or parts[0] is not sf[0] or f"{head} " not in text[m.start():m.end()].lower() + " " \
            or any(not cues.list_sep_re.search(text[a.end:b.start]) for a, b in zip(parts, parts[1:])):
        return []
    # (the words after the noun are the verb before the count, "Số vụ bắt giữ" of "bắt giữ 86 vụ", or the rest of
    # its noun, "Số vụ tai nạn" of "184 vụ tai nạn giao thông")
    totals = [f for f in ctx.previous if f.role == "count" and f.unit == "count" and head_word(f) == head
              and f.qualifier is None and f.value is not None and _named_again(text, f, words)]
    if len(totals) != 1 or any(f.role in ("count", "measure") and f not in parts for f in sf):
        return []
    tail = text[parts[-1].end:s.end].lower()
    # ("… và 184 hồ sơ thuộc các lĩnh vực khác": the rest is counted, the list is complete)
    exhaustive = m.group("cue").lower() in cues.lang.words("cues.division_complete") \
        and (not cues.open_tail_re.search(tail) or counted_rest(cues, text, parts[-1])) \
        and not any(w in tail for w in cues.open_tail_marks) and not cues.example_re.search(text[s.start:s.end].lower())
    total = totals[0]
    return [relation("breakdown", [total] + parts, {"total": total.id, "parts": [p.id for p in parts], "other_parts": []},
                     exhaustive=exhaustive, cue=m.group("cue").lower(), start=s.start,
                     evidence="the sentence opens with the words of the count before it, then a list")]


def detect_divided_by(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A sentence that opens with the one criterion it divides by ("Xét theo loại hình, …", "Phân theo địa bàn, …"),
    then counts of what one count of the sentence before counts: "… xảy ra 126 vụ tai nạn giao thông … . Xét theo
    loại hình, tai nạn đường bộ chiếm phần lớn với 122 vụ, …; đường thủy nội địa xảy ra 4 vụ, …" — parts of that
    count by one criterion, which do not overlap, so together within it; all of it where the words before a colon
    say the whole is divided ("toàn bộ số vụ được phân loại như sau: nhà dân 23 vụ; …")."""
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    openers = getattr(cues, "_division_openers", None)
    if openers is None:
        openers = cues._division_openers = tuple(w + " " for w in cues.lang.words("cues.division_openers"))
    low = ctx.lower.lstrip(" -–+•")
    if not low.startswith(openers):
        return []  # quick exit: the sentence does not open with a criterion of division
    if len(sf) < 2 or not ctx.previous:
        return []
    comma = text.find(",", s.start, sf[0].start)
    if comma < 0 or len(text[s.start:comma].split()) > 8 or sum(low.count(o) for o in openers) > 1 \
            or cues.subset_re.search(text, s.start, s.end) or _examples_given(cues, ctx.lower[:sf[-1].start - s.start]) \
            or cues.each_re.search(text, s.start, s.end):
        return []  # (several criteria, a nested division, examples or items counted once a name: no plain division)
    out = []
    for head in dict.fromkeys(head_word(f) for f in sf if f.role == "count" and f.unit == "count"):
        # (not the whole said again after "trong số": "Xét theo loại đường, trong số 14 vụ, quốc lộ 6 vụ, …")
        parts = [f for f in sf if f.role == "count" and f.unit == "count" and head_word(f) == head
                 and not after_out_of_words(cues, text, f)]
        # (no average, no "một": "Vốn đăng ký bình quân một doanh nghiệp đạt 7,74 tỷ đồng" states no count of them)
        totals = [f for f in ctx.previous if f.role == "count" and f.unit == "count" and head_word(f) == head
                  and not cues.is_average(text, f, phrase=True) and f.value is not None and f.value > 1]
        rest = len(parts) >= 2 and _names_the_rest(cues, text[parts[-2].end:parts[-1].start])
        if rest and len({f.value for f in totals}) > 1 and all(p.value is not None for p in parts):
            # "… 1.124.800 người tham gia bảo hiểm y tế, … trên tổng dân số 1.217.300 người. Xét theo nhóm, nhóm A 412.600
            # người; …; còn lại 81.000 người": a division ending with the rest is of the count it adds up to, where
            # exactly one does
            totals = [f for f in totals if f.value == sum(p.value for p in parts)][:1] \
                if sum(1 for f in totals if f.value == sum(p.value for p in parts)) == 1 else totals
        if head is None or len(parts) < 2 or not totals or len({f.value for f in totals}) != 1 \
                or any(f.qualifier is not None or f.value is None for f in totals):
            continue
        total = totals[0]
        named = set((total.noun or "").lower().split())
        if any(not set((p.noun or "").lower().split()) <= named for p in parts):
            continue  # ("… 126 vụ tai nạn … . Xét theo địa bàn, … 40 vụ vi phạm …": another thing counted)
        # (past the whole said again: "trong số 14 vụ, quốc lộ …" names nothing else)
        said_from = max([comma] + [f.end for f in sf if f.end <= parts[0].start and after_out_of_words(cues, text, f)])
        said = text[said_from:parts[0].start].lower().split()
        if "số" in said and said[said.index("số") + 1:][:1] and said[said.index("số") + 1] not in named \
                and said[said.index("số") + 1] != head:
            # "thiếu 642 giáo viên, … đã tuyển dụng được 317 người … . Xét theo cấp học, số giáo viên còn thiếu gồm:
            # mầm non 285 người, …": the sentence names what it divides, and the count before is not that
            continue
        lead = text[comma:parts[0].start].lower()
        tail = text[parts[-1].end:s.end].lower()
        # (the rest is all the others: "còn lại 81.000 người thuộc các nhóm khác" closes the list)
        exhaustive = (rest or ":" in lead and any(w in lead for w in cues.lang.words("cues.whole_words")) \
            and not cues.open_tail_re.search(tail) and not any(w in tail for w in cues.open_tail_marks)) \
            and not unread_number_between(text, sf, parts[0].end, parts[-1].start)
        out.append(relation("breakdown", [total] + parts, {"total": total.id, "parts": [p.id for p in parts],
                                                           "other_parts": []},
                            exhaustive=exhaustive, cue=low[:comma - s.start].split(" ")[0] + " " + low.split()[1],
                            start=s.start, evidence="the sentence divides the count before it by one criterion"))
    return out


def _examples_given(cues: Cues, low: str) -> bool:
    """The sentence gives examples ("như", "tiêu biểu như") — not the words that announce what follows ("như sau")."""
    for w in cues.lang.words("cues.division_detail"):
        low = low.replace(w + ":", ":")
    return cues.example_re.search(low) is not None


def _items_by_semicolon(cues: Cues, text: str, sf: list[Figure], j: int, cue: str | None, end: int) -> bool:
    """After a cue, items that each open with their count and are separated by ";", the first holding commas of
    its own ("gồm 54 vụ buôn lậu, vận chuyển hàng cấm; 47 vụ gian lận thương mại và 33 vụ …"): the ";" separates
    the items, it does not end the list. Only where nothing but the cue stands before the first count, no other
    figure before the ";", and the count after it, of the first's noun, opens the next clause."""
    first = sf[j]
    if not cue or j + 1 >= len(sf):
        return False
    semi = text.find(";", first.start, end)
    if semi < 0:
        return False
    nxt = sf[j + 1]
    if nxt.start > semi and not text[semi + 1:nxt.start].strip() and head_word(nxt) == head_word(first) \
            and nxt.unit == first.unit and "," in text[first.end:semi] and _cue_right_before(cues, text, first):
        return True
    return False


def _labelled_amounts_by_commas(text: str, sf: list[Figure], start: int, end: int, first: Figure) -> list[Figure] | None:
    """After "gồm:", items separated by commas, each a label and then its amount, which ends it ("nhiệt điện than
    15.406 triệu kWh, thủy điện và điện khí tại các nhà máy liên kết vùng 9.812 triệu kWh, điện mặt trời và điện gió
    3.423 triệu kWh."): the amounts, however long the labels (a label's own commas stay in it); else None."""
    if first.role != "measure":
        return None
    mine = [f for f in sf if start <= f.start < end]
    if len(mine) < 2 or len(mine) > LOOKBACK or any(f.role != "measure" or f.unit != first.unit for f in mine):
        return None
    at = start
    for n, f in enumerate(mine):
        label = text[at:f.start]
        nxt = mine[n + 1].start if n + 1 < len(mine) else end
        rest = text[f.end:nxt]
        # (the amount ends its item: a comma after it, or the sentence's end, and no words between)
        closing = rest.lstrip(" ")[:1] if n + 1 < len(mine) else rest.strip(" .")
        if not label.strip(" ,") or ":" in label or "(" in label or closing not in ("", ",") \
                or n + 1 < len(mine) and not rest.strip().startswith(","):
            return None
        at = f.end + rest.find(",") + 1 if n + 1 < len(mine) else end
    return mine


def _clauses_after_colon(cues: Cues, text: str, sf: list[Figure], j: int, end: int) -> list[Figure] | None:
    """After a cue and a colon, ";" clauses to the end of the sentence, each with one count or amount of the
    first's kind and written alike — all opening with it ("gồm: 207 tổ an ninh tự quản; 565 tổ hòa giải"),
    or all a label with no figure before it ("gồm: nguồn thu từ thuế đạt 1.292 tỷ đồng, bằng 21,7% dự toán;
    nguồn thu tiền sử dụng đất đạt 1.141 tỷ đồng, …") — are the items of the list: the ";" separates them."""
    first = sf[j]
    colon = text.rfind(":", max(0, first.start - 120), first.start)
    if colon < 0 or not cues.breakdown_re.search(text[max(0, colon - 12):colon + 1].lower()) \
            or any(colon < f.start < first.start for f in sf):
        return None
    opens_with_count = not text[colon + 1:first.start].strip()
    if text.find(";", colon, end) < 0:
        return None if opens_with_count else _labelled_amounts_by_commas(text, sf, colon + 1, end, first)
    clauses, at = [], colon + 1
    while at < end:
        semi = text.find(";", at, end)
        stop = semi if semi >= 0 else end
        clauses.append((at, stop))
        at = stop + 1
    if len(clauses) < 2 or len(clauses) > LOOKBACK:
        return None
    items, firsts = [], set()
    for a, b in clauses:
        mine = [f for f in sf if a <= f.start < b and f.role in ("count", "measure")]
        if len(mine) != 1 or mine[0].unit != first.unit or first.unit == "count" and head_word(mine[0]) != head_word(first):
            return None
        lead = text[a:mine[0].start]
        if any(a <= f.start < mine[0].start for f in sf) or bool(lead.strip()) == opens_with_count \
                or cues.subset_re.search(text, a, b) or ":" in lead or "(" in lead:
            return None
        items.append(mine[0])
        # (labels of one kind, opening with one word: "nguồn thu từ thuế …; nguồn thu tiền sử dụng đất …" — a
        # clause of another kind, "…; dự kiến cả năm đạt 5.000 tỷ đồng", is no item)
        firsts.add(lead.lower().lstrip(" -–+•").split()[0] if lead.strip(" -–+•") else None)
    return items if len(firsts) == 1 else None


def _cue_right_before(cues: Cues, text: str, f: Figure) -> bool:
    """A list cue ("gồm", "bao gồm:") stands right before ``f``'s number."""
    before = " ".join(text[max(0, f.start - 20):f.start].lower().split()).rstrip(" :")
    return any(before.endswith(c) and (len(before) == len(c) or before[-len(c) - 1] == " ") for c in cues.breakdown_cues)


def detect_amount_named_back(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A sentence that opens with "Tổng" and the words that named an amount of the sentence before, then a list
    cue: "… tổng thu ngân sách nhà nước … ước đạt 496.820 tỷ đồng … . Tổng thu gồm: thu nội địa 318.450 tỷ đồng
    (chiếm 64,1%), thu từ hoạt động xuất nhập khẩu 142.300 tỷ đồng … và thu từ dầu thô 36.070 tỷ đồng" — the amounts
    listed, of that unit, are parts within that amount (complete or not, the text need not say: within only). So are
    those after "Cơ cấu <the amount's words> gồm:" ("Cơ cấu kim ngạch gồm: nông sản 520 triệu USD, …")."""
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    openers = getattr(cues, "_amount_named_back_openers", None)
    if openers is None:
        openers = cues._amount_named_back_openers = tuple(
            w + " " for key in ("amount_named_back_openers", "structure_named_back_openers") for w in cues.lang.words(f"cues.{key}"))
    if not ctx.lower.lstrip(" -–+").startswith(openers):
        return []  # quick exit: the sentence does not open with the word for "total" or "structure"
    if len(sf) < 2 or not ctx.previous:
        return []
    start = skip_blanks(text, s.start, s.end)
    m = _opening_amount_named(cues).match(text, start, sf[0].start)
    # ("Tổng thu gồm:" names "tổng thu"; "Cơ cấu kim ngạch gồm:" names "kim ngạch")
    named_from = m.start() if m is not None else None
    if m is None:
        m = _opening_then_cue(cues, "structure_named_back_openers", 2).match(text, start, sf[0].start)
        if m is None:
            return []
        named_from = m.start("words")
    parts = [f for f in sf if f.role == "measure" and f.unit not in ("count", "percent")]
    if len(parts) < 2 or parts[0] is not sf[0] or len({f.unit for f in parts}) != 1 \
            or any(f.qualifier is not None or f.value is None for f in parts) \
            or any(f.role in ("count", "measure") and f not in parts for f in sf) \
            or any(not cues.list_sep_re.search(text[a.end:b.start]) or CLAUSE_END.search(text, a.end, b.start)
                   for a, b in zip(parts, parts[1:])):
        return []
    # (the amount the opening names: "tổng thu" of "tổng thu ngân sách nhà nước … ước đạt 496.820 tỷ đồng")
    named = " ".join(text[named_from:m.end("words")].lower().split())
    totals = [f for f in ctx.previous if f.role == "measure" and f.unit == parts[0].unit and f.qualifier is None
              and f.value is not None and _phrase_in(named, label_before(text, f))]
    if len(totals) != 1:
        return []
    total = totals[0]
    # (a last item that is the rest, "các mặt hàng còn lại 264 triệu USD", closes the list: all of the amount)
    rest = _names_the_rest(cues, text[parts[-2].end:parts[-1].start])
    return [relation("breakdown", [total] + parts, {"total": total.id, "parts": [p.id for p in parts], "other_parts": []},
                     exhaustive=rest, cue=m.group("cue").lower(), start=s.start,
                     evidence="the sentence opens with the words of the amount before it, then a list"
                     + (" ending with the rest" if rest else ""))]


def _names_the_rest(cues: Cues, gap: str) -> bool:
    """The words before a list's last value end with those for "the rest" ("; còn lại", ", các mặt hàng còn lại")."""
    return _rest_words(cues).search(gap.lower()) is not None


def _rest_words(cues: Cues) -> re.Pattern[str]:
    """The words for "the rest" (``cues.remainder``, longest first) at the end of a gap, compiled once a language."""
    found = getattr(cues, "_rest_at_end_re", None)
    if found is None:
        found = cues._rest_at_end_re = re.compile(
            rf"(?:{'|'.join(map(re.escape, sorted(cues.remainder, key=len, reverse=True)))})\s*+$")
    return found


def _phrase_in(phrase: str, label: str) -> bool:
    """``phrase`` stands in ``label`` as whole words."""
    return f" {phrase} " in f" {label} "


def _opening_amount_named(cues: Cues) -> re.Pattern[str]:
    """"Tổng <up to three words> gồm" opening a sentence (``cues.amount_named_back_openers``)."""
    return _opening_then_cue(cues, "amount_named_back_openers", 2)


def _named_again(text: str, f: Figure, words: list[str]) -> bool:
    """``words`` ("hồ sơ tiếp nhận", "vụ bắt giữ", "vụ tai nạn") are ``f``'s noun, or its noun's first words and then
    the verb before ``f`` ("tiếp nhận 2.486 hồ sơ …")."""
    noun = (f.noun or "").lower().split()
    common = 0
    while common < min(len(noun), len(words)) and noun[common] == words[common]:
        common += 1
    if not common:
        return False
    verb = " ".join(words[common:])
    return common == len(words) or " ".join(text[max(0, f.start - 40):f.start].lower().split()).endswith(verb)


def _opening_named(cues: Cues) -> re.Pattern[str]:
    """"Số <noun and verb, up to five words> gồm" opening a sentence (the word for "number" from
    ``cues.named_back_openers``)."""
    return _opening_then_cue(cues, "named_back_openers", 4)


def _opening_then_cue(cues: Cues, openers_key: str, more_words: int) -> re.Pattern[str]:
    """An opener of ``cues.<openers_key>``, one word and up to ``more_words`` more, then a complete-division cue
    (compiled once a language and key; possessive: linear on any text)."""
    cache = getattr(cues, "_opening_then_cue_re", None)
    if cache is None:
        cache = cues._opening_then_cue_re = {}
    found = cache.get(openers_key)
    if found is None:
        openers = "|".join(re.escape(w) for w in cues.lang.words(f"cues.{openers_key}"))
        complete = "|".join(re.escape(w) for w in sorted(cues.lang.words("cues.division_complete"), key=len, reverse=True))
        found = cache[openers_key] = re.compile(
            rf"(?:{openers})\s++(?P<words>[^\W\d_]++(?:\s++[^\W\d_]++){{0,{more_words}}}?)\s++(?P<cue>{complete})\s*+:?\s*+",
            re.IGNORECASE)
    return found


def detect_rest_after_a_part(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A value, a part of it done, and the rest: "tổng số hộ bị ảnh hưởng là 514 hộ, đã nhận tiền 362 hộ, còn lại 152
    hộ", "kinh phí … 386,6 tỷ đồng, đã chi trả 297,1 tỷ đồng, còn lại 89,5 tỷ đồng" — three values of one kind in a
    row, one clause each, the second said done ("đã", ``cues.done_before_rest``), the last after the words for "the rest":
    the two make the first."""
    if not any(w in ctx.lower for w in cues.remainder):
        return []  # quick exit: no word for the rest
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    used = {fid for r in ctx.found for fid in r["figures"]}
    out = []
    # (the first value opens the sentence's values of its kind: nothing before it it could be a part of — so only the
    # first value of each unit is a candidate, and the scans below run a few times a sentence, not once a figure)
    firsts: dict[str, int] = {}
    for k, f in enumerate(sf):
        if f.role in ("count", "measure"):
            firsts.setdefault(f.unit, k)
    for k in sorted(firsts.values()):
        if k + 2 >= len(sf):
            continue
        whole, part, rest = sf[k], sf[k + 1], sf[k + 2]
        if not _names_the_rest(cues, text[part.end:rest.start]) or {whole.id, part.id, rest.id} & used:
            continue
        trio = (whole, part, rest)
        if any(f.role not in ("count", "measure") or f.qualifier is not None or f.value is None or f.unit != whole.unit
               or f.unit == "percent" for f in trio):
            continue
        if whole.unit == "count" and len({head_word(f) for f in trio if f.noun} | {head_word(whole)}) != 1:
            continue  # (counts of one thing: "514 hộ, … 362 hộ, còn lại 152 hộ")
        # one short clause each, after a comma; no other cue (a nested "trong đó", a list, a change) among them
        gaps = (text[whole.end:part.start], text[part.end:rest.start])
        if any(CLAUSE_END.search(g) or "," not in g or len(g.split()) > 10 or "(" in g or ";" in g for g in gaps) \
                or cues.subset_re.search(text, s.start, rest.start) or cues.breakdown_re.search(ctx.lower, 0, rest.start - s.start) \
                or cues.direction(gaps[0]) or cues.direction(gaps[1]) or any(cues.compared_re.search(g) for g in gaps):
            continue
        done = getattr(cues, "_done_before_rest", None)
        if done is None:
            done = cues._done_before_rest = frozenset(cues.lang.words("cues.done_before_rest"))
        if not done & set(gaps[0].rsplit(",", 1)[-1].lower().split()):
            # ("còn lại" after parts side by side is their last: "9 người dưới 35 tuổi, 14 người từ 35 đến 50 tuổi, còn
            # lại 5 người" — the first is no whole; a part done of it says "đã": "514 hộ, đã nhận tiền 362 hộ")
            continue
        if k + 3 < len(sf) and not re.search(r"[,;]", text[rest.end:sf[k + 3].start]) \
                and not CLAUSE_END.search(text, rest.end, sf[k + 3].start):
            continue  # ("còn lại 35 xã đạt 15 - 18 tiêu chí": the rest described by another figure may be some of it)
        cue = _rest_words(cues).search(text[part.end:rest.start].lower()).group(0).strip()
        out.append(relation("breakdown", list(trio), {"total": whole.id, "parts": [part.id, rest.id], "other_parts": []},
                            exhaustive=True, cue=cue, evidence="a value, a part of it, and the rest"))
        used |= {f.id for f in trio}
    return out


def detect_summed_after(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """Parts listed first, their sum after them: "diện tích lúa bị ngập tại các xã A, B, C lần lượt là 320 ha, 275
    ha và 190 ha, tổng cộng 785 ha", "xã A 12 hộ, xã B 15 hộ, tổng cộng 27 hộ" — the run of values of one kind right
    before the word for a sum, back to where the list opens (a cue, a clause's start), is all of the total."""
    words = sum_after_words(cues)
    if not any(w in ctx.lower for w in words):
        return []  # quick exit: no word for a sum
    text, sf = ctx.text, ctx.figures
    # (the sum may be a part or a whole of something else; the values it adds must be free)
    totals = {r["roles"].get("total") for r in ctx.found if r["kind"] == "breakdown"}
    used = {fid for r in ctx.found if r["kind"] in ("breakdown", "subset", "share", "change") for fid in r["figures"]}
    out = []
    for k in range(2, len(sf)):
        total = sf[k]
        said = sum_word_at_end(cues, text[sf[k - 1].end:total.start])
        if said is None or total.unit == "percent" or total.id in totals or total.role not in ("count", "measure") \
                or total.qualifier is not None:
            continue
        run: list[Figure] = []
        for j in range(k - 1, -1, -1):
            f = sf[j]
            if run and not _between_listed_items(cues, gap_after_noun(text, f, run[-1])):
                break  # where the list opens
            if f.id in used or f.role not in ("count", "measure") or f.unit != total.unit or f.qualifier is not None \
                    or f.value is None or total.unit == "count" and f.noun and head_word(f) != head_word(total) \
                    and not _both_of_people(cues, f, total) or cues.is_average(text, f, phrase=True):
                run = []
                break
            run.append(f)
        # (what stands before the run's first value opens the list: a clause's start or a cue — not a value
        # of the same kind, which may be the total said first)
        if len(run) < 2 or any(f.value is None for f in run) or total.value is None:
            continue
        run.reverse()
        if (between := text[sf[k - 1].end:total.start]) and (CLAUSE_END.search(between) or "(" in between):
            continue
        roles = {"total": total.id, "parts": [p.id for p in run], "other_parts": []}
        out.append(relation("breakdown", [total] + run, roles, exhaustive=True, cue=said, start=run[0].start,
                            evidence="the values listed before the word for their sum"))
        used |= {total.id} | {p.id for p in run}
    return out


def detect_respectively_after(cues: Cues, ctx: SentenceContext) -> list[dict]:
    """A sentence that names its items, then "lần lượt (là)" and one count each: "… 2.310 hộ phải sơ tán. Các huyện
    A, B và C có số hộ phải sơ tán lần lượt là 1.020 hộ, 870 hộ và 420 hộ" — parts of the one count of their thing in
    the sentence before, as many as the names. Marked ``implied`` (checked as info): the names may be a selection."""
    if not cues.respectively_re.search(ctx.lower):
        return []  # quick exit: no word for "respectively"
    text, s, sf = ctx.text, ctx.sentence, ctx.figures
    if len(sf) < 2 or not ctx.previous:
        return []
    m = cues.respectively_re.search(text, s.start, s.end)
    if m is None:
        return []
    after = [f for f in sf if f.start >= m.end()]
    before = [f for f in sf if f.end <= m.start()]
    if before or len(after) < 2 or len(text[m.end():after[0].start].split()) > 3 \
            or any(ch.isdigit() for ch in text[m.end():after[0].start]):
        return []  # (values before the word, or the list not right after it)
    parts = [after[0]]
    for f in after[1:]:
        if not _between_listed_items(cues, gap_after_noun(text, parts[-1], f)) or f.unit != parts[0].unit:
            break
        parts.append(f)
    if len(parts) < 2 or any(p.role not in ("count", "measure") or p.qualifier is not None or p.value is None
                             for p in parts):
        return []
    heads = {head_word(p) for p in parts if p.noun}
    if len(heads) != 1:
        return []
    head = heads.pop()
    names = text[s.start:m.start()]
    low = names.lower()
    # as many names as values ("A, B và C"), and none a period of its own ("năm 2023 và 2024 lần lượt là …")
    count = names.count(",") + sum(low.split().count(w) for w in cues.list_and) + 1
    if count != len(parts) or cues.compared_re.search(low) or re.search(r"\d{4}", names):
        return []
    totals = [f for f in ctx.previous if f.role in ("count", "measure") and f.unit == parts[0].unit
              and head_word(f) == head and f.value is not None and not baseline_in_brackets(cues, text, f)
              and not cues.is_average(text, f, phrase=True)]
    if len(totals) != 1:
        return []
    total = totals[0]
    return [relation("breakdown", [total] + parts, {"total": total.id, "parts": [p.id for p in parts], "other_parts": []},
                     exhaustive=False, implied=True, cue=m.group(0).lower(), start=s.start,
                     evidence="the named items' counts, respectively, after the count of their thing before")]


def _both_of_people(cues: Cues, a: Figure, b: Figure) -> bool:
    """Both count people, by nouns of ``cues.people_nouns`` ("4.902 người" summed as "16.460 cử tri")."""
    found = getattr(cues, "_people_nouns", None)
    if found is None:
        found = cues._people_nouns = frozenset(cues.lang.words("cues.people_nouns"))
    return is_or_starts_with((a.noun or "").lower(), found) and is_or_starts_with((b.noun or "").lower(), found)


_LISTED_ITEMS_GAP = re.compile(r"(?<!\s)\s*+(?:,\s*+(?:và\s++)?|và\s++)([^\W\d_]++(?:\s++[^\W\d_]++){0,4})?\s*+(?:có\s*+)?")


def _between_listed_items(cues: Cues, gap: str) -> bool:
    """The words between two values of one list: a comma or "và", and at most a short label of the next item
    ("xã An Bình"), with no word of a change, a comparison, a cue or a whole among them."""
    m = _LISTED_ITEMS_GAP.fullmatch(gap)
    if m is None:
        return False
    label = (m.group(1) or "").lower()
    return not label or not (cues.change_word_re.search(label) or cues.compared_re.search(label)
                             or cues.breakdown_re.search(label) or cues.subset_re.search(label)
                             or cues.respectively_re.search(label) or any(w in label.split() for w in sum_after_words(cues)))

"""Relations between figures: the structure the checks test.

One module per relation kind, each a ``detect`` function; the registry below lists them in the order
they run (a detector sees what the ones before it found in the same sentence). To add a relation kind,
write its module and add it to ``SENTENCE_DETECTORS`` or ``ARTICLE_DETECTORS``. Each detector reads one
pattern of report-style writing (see ``shared/glossary.md``):

=============  ==========================================================  ============================
kind           written as                                                  roles
=============  ==========================================================  ============================
subset         "4.340 nguồn tin; trong đó 4.000 tin có giá trị"             whole, part
share          "2.145 khu dân cư (96,15%)", "58/61 vụ, đạt 95,1%"          part?, percent, whole?,
               (share, whole_share, form), "chiếm 71,43% số vụ",           wholes?
               "+ Phiếu hợp lệ: 382 + Đạt tỷ lệ: 97,9 %"                   pooled_parts?,
               (pooled_share) "hơn 58% học sinh" of "lớp 9 và lớp 11"      pooled_wholes?
fraction       "87/92 vụ" (a out of b)                                     part, whole
breakdown      "64 vụ (58 vụ đường bộ, 6 vụ đường thủy)", "N … gồm: …"     total, parts, other_parts
               (share_list, ``cue: "shares"``: percentages of one whole,   (total none; whole or wholes)
               "thành thị chiếm 57,1% số vụ; nông thôn 42,9%"; plans,       (plan_of_total,
               ``cue: "plans"``: "A đạt 78% kế hoạch. Trong đó B đạt …")   plans_of_parts: pairs)
enumeration    "4 xã Bắc Sơn, An Hòa, …", "5 mô hình “…”, “…”"             count (+ items)
pair           "14 tổ với 27 thành viên", "49 vụ = 77 đối tượng"           first, second
change         "64 vụ, tăng 9 vụ (16,36%)", "5 vụ, giảm 72% so với cùng    current, delta?, percent?,
               kỳ", "2.418/2.530 vụ, giảm 4,43%"                           previous?
headline       a figure of the title and the body figure it summarises     title, body
ranking        "cao nhất là xã A với 35,2%; kế đến là xã B với 34,4%; …;   first, last?, ranked
               thấp nhất là xã D với 1,9%"
range          "151 ca mắc mới (BN17577-17727)": a count and the range of     count, first, last
               identifiers that numbers its items
product        "1.936 tổ … mỗi tổ có 3 thành viên … tổng số 5.808 người",   factor, rate, product
               "24.442,3ha … năng suất 59,6 tạ/ha; sản lượng … 145.723 tấn"
parts_change   "349.000 lượt, tăng 11,25% (… 210.000 lượt, tăng 7,45%;     total, percent, first,
               … 139.000 lượt, tăng 17,53%)"                               first_percent, second,
                                                                           second_percent
=============  ==========================================================  ============================

``exhaustive`` is false for lists with an open tail ("nhiều …", "…", "v.v.") or introduced as
examples ("như", "tiêu biểu như"); breakdown parts in another unit than the total are listed apart as
``other_parts`` (they cannot be summed) and make the list non-exhaustive.
"""

from __future__ import annotations

from figcheck.languages import Language
from figcheck.models import Article, Figure, Relation, new_relation
from figcheck.reading.relations import (breakdown, change, enumeration, form, fraction, headline, id_range, outcome,
                                        pair, parts_change, plans, pooled_share, product, ranking, share, share_list,
                                        subset, whole_share)
from figcheck.reading.relations.shared import Cues, SentenceContext, compatible

__all__ = ["ARTICLE_DETECTORS", "SENTENCE_DETECTORS", "RelationReader", "compatible"]

# Sentence detectors run in this order on each sentence's figures; each sees its sentence's relations only,
# so reading stays linear in the article.
SENTENCE_DETECTORS = (fraction.detect, fraction.detect_in_words, change.detect, share.detect, share.detect_stated_target, share.detect_allocated_then_done,
                      whole_share.detect,
                      subset.detect, breakdown.detect, breakdown.detect_named_back, breakdown.detect_amount_named_back, breakdown.detect_divided_by, breakdown.detect_summed_after, breakdown.detect_rest_after_a_part, breakdown.detect_respectively_after, outcome.detect, subset.detect_implied, subset.detect_separately,
                      subset.detect_running_total, subset.detect_out_of, product.detect, pair.detect, ranking.detect)
# How many sentences with figures ahead a detector may look (outcomes after an aside: "bắt 641 vụ … . Số vật
# chứng gồm … . Qua đó, đã khởi tố 201 vụ …")
AHEAD = 2
# Article detectors run once, after every sentence, on the whole article and the relations found so far.
ARTICLE_DETECTORS = (subset.detect_other_part, breakdown.detect_itemised, breakdown.detect_division_lines, enumeration.detect, headline.detect, form.detect,
                      pooled_share.detect, share_list.detect,
                      ranking.detect_overall, plans.detect, share_list.detect_unstated_whole, id_range.detect,
                      parts_change.detect)


class RelationReader:
    """Reads the relations of an article's figures with the registered detectors."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.cues = Cues(lang)

    def read(self, article: Article) -> list[Relation]:
        text = article.text
        verbs: dict = {}  # the article's verbs before figures, shared by the sentences' contexts
        by_sentence: dict[int, list[Figure]] = {}
        for f in article.figures:
            if f.field == "text" and f.role != "identifier":  # identifiers: the range detector's alone
                by_sentence.setdefault(f.sentence, []).append(f)
        rels: list[dict] = []
        # the sentence a "Trong đó" or a "So với cùng kỳ" sentence speaks of: the nearest before it that
        # states values, passing over one that only compares ("So với cùng kỳ, giảm 5 vụ (10%)")
        stated: list[Figure] = []
        stated_sentence = None
        earlier: list[list[Figure]] = []  # the sentences that stated values before ``stated``, nearest first
        sentences = [s for s in article.sentences if by_sentence.get(s.index)]
        for n, s in enumerate(sentences):
            sf = by_sentence[s.index]
            following = by_sentence[sentences[n + 1].index] if n + 1 < len(sentences) else []
            ahead = [(t, by_sentence[t.index]) for t in sentences[n + 1:n + 1 + AHEAD]]
            ctx = SentenceContext(text, s, sf, stated, following=following, ahead=ahead, earlier=earlier, verbs=verbs,
                                  lower=s.text.lower(), previous_sentence=stated_sentence)
            for detect in SENTENCE_DETECTORS:
                ctx.found += detect(self.cues, ctx)
            rels += ctx.found
            in_change = {fid for r in ctx.found if r["kind"] == "change" for fid in r["figures"]}
            # (a fraction states values too: "… là 355,2/355,2 ha. Trong đó: …"; not the slash pair of a change)
            if any(f.role in ("count", "measure") or f.role == "denominator" and f.id not in in_change for f in sf):
                earlier = ([stated] + earlier)[:AHEAD] if stated else earlier
                # (a count a change read as its delta states no value: "297 đối tượng, tăng 21 vụ … và 38 đối tượng
                # (+14,67%) … . Trong đó, …" divides the 297, not the 38)
                deltas = {r["roles"].get("delta") for r in ctx.found if r["kind"] == "change"}
                stated = [f for f in sf if not (f.role == "count" and f.id in deltas)] if deltas else sf
                stated_sentence = s
        for detect in ARTICLE_DETECTORS:
            rels += detect(self.cues, article, by_sentence, rels)
        figures = {f.id: f for f in article.figures}
        breakdown.set_apart_nested_parts(self.cues, text, rels, figures)
        attach_wholes(rels, figures, self.cues)
        rels.sort(key=lambda r: (r["start"], r["end"]))
        return [new_relation(id=f"r{i}", **r) for i, r in enumerate(rels, 1)]


def attach_wholes(rels: list[dict], figures: dict[str, Figure], cues: Cues) -> None:
    """A share whose count is the part of a subset is a share of that subset's whole — unless another part
    of that whole, as large and counting the same, may be the share's whole as well ("4.342 nguồn tin; trong đó
    4.006 tin có giá trị, đã giải quyết 3.872 tin, đạt 96,7%": of 4.006 or of 4.342, the text does not say).
    A share of a part of a breakdown whose percentage names the total's thing as a whole ("8,64 triệu lượt hành
    khách. Trong đó, khách quốc tế đạt 3,42 triệu lượt, chiếm 36,8% tổng lượng khách; khách nội địa 5,22 triệu
    lượt") is a share of that total: the parts of a breakdown are side by side, none the whole of another. A
    subset of a fraction's total may be of its part as well: its share takes no whole."""
    # (not a subset a list's opener implies: "… điều tra làm rõ 1.398 vụ … . Cụ thể: trộm cắp tài sản 612 vụ (39,8%);
    # …" may list the 1.537 that occurred — unlike words that name the whole, "Các vụ tai nạn …")
    listed = set(cues.lang.words("cues.part_list_openers"))
    whole_of = {r["roles"]["part"]: r["roles"]["whole"] for r in rels if r["kind"] == "subset"
                and not (r.get("implied") and r.get("cue") in listed)}
    parts_of: dict[str, list[str]] = {}
    for part, whole in whole_of.items():
        parts_of.setdefault(whole, []).append(part)
    total_of = {p: r["roles"]["total"] for r in rels if r["kind"] == "breakdown" and r["roles"].get("total")
                and r.get("cue") in _SUBSET_LIKE for p in r["roles"].get("parts", [])}
    for r in rels:
        if r["kind"] == "share" and r["roles"].get("whole") is None:
            w = whole_of.get(r["roles"]["part"])
            if w and _another_part_may_be_whole(figures, r["roles"]["part"], parts_of[w]):
                continue
            if w and _names_another_whole(cues, figures.get(r["roles"].get("percent")), figures[w]):
                continue  # "bằng 96,08% số phiếu hợp lệ": a whole of another noun than the subset's
            if w and figures[w].role == "denominator":
                continue  # "6.064/7.669 xã đạt chuẩn; trong đó 2.287 xã …, chiếm 37,7%": of 6.064 or of 7.669, unsaid
            if w is None and r["roles"]["part"] in total_of \
                    and _names_the_total(cues, figures.get(r["roles"]["percent"]), figures.get(total_of[r["roles"]["part"]])):
                w = total_of[r["roles"]["part"]]
            if w:
                r["roles"]["whole"] = w
                r["figures"].append(w)


_SUBSET_LIKE = frozenset({"trong đó", "trong số đó", "gồm", "bao gồm"})


def _names_the_total(cues: Cues, percent: Figure | None, total: Figure | None) -> bool:
    """The percentage's noun is a word that names a whole ("tổng", "số", "tổng lượng") and then words of the
    total's noun only: "36,8% tổng lượng khách" of "8,64 triệu lượt hành khách"."""
    if percent is None or total is None or not percent.noun or not total.noun:
        return False
    words = percent.noun.lower().split()
    rest = [w for w in words if w not in cues.whole_name_fillers]
    # (by the total's classifier too: "27,5% tổng lượt khách" of "2,48 triệu lượt khách")
    named = set(total.noun.lower().split()) | ({total.classifier.lower()} if total.classifier else set())
    return words[0] in cues.whole_name_fillers and 1 <= len(rest) <= 2 and set(rest) <= named


def _names_another_whole(cues: Cues, percent: Figure | None, whole: Figure) -> bool:
    """The percentage names a whole ("96,08% số phiếu hợp lệ") whose head word is not the whole's own."""
    if percent is None or not percent.noun:
        return False
    words = [w for w in percent.noun.lower().split() if w not in cues.whole_name_fillers]
    named = set((whole.noun or "").lower().split()) | ({whole.classifier.lower()} if whole.classifier else set())
    return bool(words) and bool(named) and words[0] not in named


def _another_part_may_be_whole(figures: dict[str, Figure], part_id: str, siblings: list[str]) -> bool:
    part = figures.get(part_id)
    if part is None or part.value is None:
        return False
    head = (part.noun or "").lower().split()[:1]
    return any(p != part_id and (f := figures.get(p)) is not None and f.value is not None and f.value >= part.value
               and f.unit == part.unit and (f.noun or "").lower().split()[:1] == head for p in siblings)

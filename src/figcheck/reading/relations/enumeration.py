"""enumeration: a count followed by the items it names ("4 xã Bắc Sơn, An Hòa, …", "5 mô hình “…”, “…”").

Items are quoted names, or capitalised names separated by , ; và, with bracketed asides dropped; a
back-reference ("… các phường, gồm: A, B") in the same or the next sentence, and a list continued into the
next sentence ("5 mô hình “A”, “B”. … mô hình “C”.") are read too. Examples ("như") and open tails ("…",
"v.v.") make the list non-exhaustive.
"""

from __future__ import annotations

import bisect
import re

from figcheck.models import Article, Figure, Item
from figcheck.reading.relations.shared import (LOOKBACK, out_of_opening, BRACKETED, CLAUSE_END, QUOTED, Cues, head_word, is_or_starts_with, is_place,
                                               per_text, relation, word_alternation)

try:  # the letters ``re`` matches under IGNORECASE beyond their lower and upper case (Python 3.11+)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - other Pythons: no quick test before the pattern
    _EXTRA_CASES = None


def is_name(segment: str) -> bool:
    words = segment.split()
    # (a number alone is no name: "3 em học sinh 15 và 16 tuổi" gives ages)
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in words) \
        and not any(ch in segment for ch in ".:!?") and not all(w.isdigit() for w in words)


def _alternatives(cues: Cues, text: str, items: list[Item]) -> bool:
    """The items are joined by a word for "or" (``cues.list_or``): alternatives, not the things counted."""
    words = getattr(cues, "_list_or", None)
    if words is None:
        words = cues._list_or = frozenset(cues.lang.words("cues.list_or"))
    return any(w in words for a, b in zip(items, items[1:]) for w in text[a.end:b.start].lower().split())


def _item_gap(cues: Cues, gap: str) -> bool:
    """The words between two quoted items separate them: a list separator (, ; và), possibly after an
    aside of the item before ("“A” ở xã B; “C” …", "“A” (huyện X), “B”")."""
    stripped = gap.strip()
    if stripped in ("", *cues.list_and) or not stripped.strip(",;"):
        return True
    m = _separator_at_end(cues).search(" " + gap)
    if m is None:
        return False
    aside = BRACKETED.sub(" ", (" " + gap)[:m.start()])  # "(TX. Ba Đồn)": an aside inside the aside
    return not any(ch.isdigit() for ch in aside) and not any(ch in aside for ch in ".:!?") \
        and len(aside.split()) <= 15


def _separator_at_end(cues: Cues) -> re.Pattern[str]:
    """A list separator (, ; và) ending a gap: compiled once a language, not built for every pair of items."""
    found = getattr(cues, "_item_separator_at_end", None)
    if found is None:
        found = cues._item_separator_at_end = re.compile(
            r"(?:[,;]|\s(?:" + "|".join(map(re.escape, cues.list_and)) + r"))\s*$")
    return found


_NO_SEPARATOR = re.compile(r"[^,;]+")
_MORE_NOUN_THEN_COLON = re.compile(r"(?<!\s)\s++((?:[^\W\d_]++\s++){0,2}[^\W\d_]++)\s*+:\s*+")
_COMMA_THEN_COLON = re.compile(r"(?<!\s)\s*+,\s*+((?:[^\W\d_]++\s++){0,3}[^\W\d_]++)\s*+:\s*+")


def items_from(cues: Cues, text: str, pos: int, limit: int, quoted_only: bool = False,
               sentence_case: bool = False) -> tuple[list[Item], int, bool]:
    """Items listed from ``pos``: quoted names, or capitalised names separated by , ; và — and, after a colon
    (``sentence_case``), names written as sentences are ("Lễ hội hoa ban, Tuần lễ ẩm thực đường phố và Giải chạy
    marathon di sản": the first word capitalised only)."""
    items: list[Item] = []
    region = text[pos:limit]
    # quoted items: “A”, “B” và “C”
    q = list(QUOTED.finditer(region))
    if q and not region[:q[0].start()].strip(" :,"):
        last_end = 0
        for m in q:
            if last_end and not _item_gap(cues, region[last_end:m.start()]):
                break
            items.append(Item(m.group(1).strip(), pos + m.start(1), pos + m.end(1)))
            last_end = m.end()
        return items, pos + last_end, False
    if quoted_only:
        return [], pos, False
    # names: mask bracketed asides ("(quận Lê Chân)") with spaces to keep offsets
    masked = BRACKETED.sub(lambda m: " " * len(m.group(0)), region)
    stop = len(masked)
    for ch in "“”\".!?:":
        k = masked.find(ch)
        if k >= 0:
            stop = min(stop, k)
    masked = masked[:stop]
    k = 0
    end_pos = pos
    open_tail = False
    pieces = list(_NO_SEPARATOR.finditer(masked))
    for n_piece, piece in enumerate(pieces):
        seg = piece.group(0)
        # (the list goes on past this piece with another capitalised one: "5 môn Toán, Vật lý, Hóa học và …")
        more = n_piece + 1 < len(pieces) and pieces[n_piece + 1].group(0).strip()[:1].isupper()
        subs = cues.and_split_re.split(seg)
        off = piece.start()
        stop_all = False
        for sub in subs:
            sub_off = masked.find(sub, off)
            name = sub.strip()
            if not name:
                continue
            # (a short capitalised name with lower-case words inside a list that goes on: "Toán, Ngữ văn và Tiếng Anh")
            inner = name[:1].isupper() and len(name.split()) <= 3 and (sub is not subs[-1] or more) \
                and not any(ch.isdigit() for ch in name)
            inner = inner or sentence_case and _sentence_cased_name(name)
            if not inner and not is_name(name) and not _generic_then_name(name) and not (name[:1].isupper() and name.lower() in cues.place_prefixes) \
                    and not (name[:1].islower() and is_place(cues, name) and " " in name):
                # ("Thị trấn" with a capital is the town itself: a name; "phường Móng Cái" a place after its prefix)
                # "… Hồng Thái cùng tham gia": a name that runs into the rest of the sentence
                words = name.split()
                head = []
                for w in words:
                    if not (w[:1].isupper() or w[:1].isdigit()):
                        break
                    head.append(w)
                if head and items and len(head) <= 6:
                    s = pos + sub_off + (len(sub) - len(sub.lstrip()))
                    hname = " ".join(head)
                    items.append(Item(hname, s, s + len(hname)))
                    end_pos = s + len(hname)
                low = name.lower()
                # (a name the reader cut short while the list goes on after it — "Lễ hội áo dài, Lễ tế Nam Giao
                # và …" — leaves the count of the list unknown)
                open_tail = low.startswith(_open_tail_words(cues)) or "…" in name or more or sub is not subs[-1] \
                    or bool(items) and not head and _unnamed_rest(cues, low)
                # (lower-case words after "và" may go on the item before: "Hội thi nấu ăn và trình diễn ẩm thực")
                open_tail = open_tail or sentence_case and sub is not subs[0] and name[:1].islower()
                stop_all = True
                break
            s = pos + sub_off + (len(sub) - len(sub.lstrip()))
            items.append(Item(name, s, s + len(name)))
            end_pos = s + len(name)
            off = sub_off + len(sub)
        if stop_all:
            break
        if len([x for x in subs if x.strip()]) > 1 and items:
            # "… là Hòa Vang và Cẩm Lệ, Đà Nẵng": "và" joined the last item; what a comma adds is no item — unless
            # another name follows, when "và" was inside a name ("Phòng Lao động - Thương binh và Xã hội huyện A,
            # Phòng …"): how many items the list holds is then unknown
            open_tail = open_tail or more
            break
        k += 1
    return items, end_pos, open_tail


def _names_going_on(text: str, items: list[Item]) -> int:
    """How many items may go on the name before them past a comma: a bare proper name ("Xên Mường") after a
    name that opens with words of what it is ("Lễ hội Xên Bản")."""
    n = 0
    for a, b in zip(items, items[1:]):
        words_a, words_b = a.text.split(), b.text.split()
        if text[a.end:b.start].strip() == "," and 1 <= len(words_b) <= 3 and all(w[:1].isupper() for w in words_b) \
                and any(w[:1].islower() for w in words_a[1:]):
            n += 1
    return n


def _sentence_cased_name(name: str) -> bool:
    """A name written as a sentence: a capital first, two to eight words, no figure or sentence mark
    ("Tuần lễ ẩm thực đường phố")."""
    return name[:1].isupper() and 2 <= len(name.split()) <= 8 and not any(ch.isdigit() or ch in ".:!?()" for ch in name)


def _unnamed_rest(cues: Cues, low: str) -> bool:
    """An item of the list that names none ("…, Bình Minh, các xã còn lại", "…, một số xã khác"): it opens with a
    quantifier or holds a word for the rest."""
    found = getattr(cues, "_unnamed_rest_words", None)
    if found is None:
        found = cues._unnamed_rest_words = (tuple(w + " " for w in cues.lang.words("cues.kind_quantifiers")),
                                            word_alternation(cues.remainder) if cues.remainder else re.compile(r"(?!)"))
    quantifiers, remainder = found
    return low.startswith(quantifiers) or remainder.search(low) is not None


def _generic_then_name(segment: str) -> bool:
    """A proper name after a few lower-case words of what it is, capitalised at both ends: "Khu di tích Kim
    Liên", "Thành cổ Vinh", "Đền Cuông"."""
    words = segment.split()
    return 2 <= len(words) <= 7 and words[0][:1].isupper() and words[-1][:1].isupper() \
        and sum(1 for w in words if not w[:1].isupper()) <= 3 \
        and not any(ch.isdigit() or ch in ".:!?()" for ch in segment)


def _open_tail_words(cues: Cues) -> tuple[str, ...]:
    """The open-tail words ("nhiều", "khác"; not the marks "…"), as one tuple for ``str.startswith``."""
    found = getattr(cues, "_open_tail_words", None)
    if found is None:
        found = cues._open_tail_words = tuple(w for w in cues.open_tail if w[0].isalnum())
    return found


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    text = article.text
    totals = {r["roles"].get("total") for r in done if r["kind"] == "breakdown"}
    used = {fid for r in done if r["kind"] in ("share", "change", "fraction") for fid in r["figures"]}
    sentences = article.sentences
    more_words, bare, far, past_a_number = _cue_patterns(cues)
    out = []
    for s in sentences:
        sf = by_sentence.get(s.index, [])
        for idx, n in enumerate(sf):
            if n.role != "count" or n.unit != "count" or n.id in totals or n.id in used or n.qualifier is not None:
                continue  # ("trên 200 lao động …, dẫn đầu là …": a bound, no count of names)
            if n.value is None or not float(n.value).is_integer() or not 1 <= n.value <= 200:
                continue
            if idx == 0 and " ".join(text[s.start:n.start].lower().split()).lstrip(" -–+") in out_of_opening(cues)[1]:
                continue  # "Trong 27 trường THPT của tỉnh, Trường … có …": the whole one is picked out of, no list
            nxt = sf[idx + 1].start if idx + 1 < len(sf) else s.end
            region_start = n.end
            noun = n.noun or ""
            # split a noun that runs into the first name: "xã Bắc Sơn" → "xã" + "Bắc Sơn"
            noun_words = noun.split()
            lead = []
            for w in noun_words:
                if lead and w[:1].isupper() and lead[-1][:1].islower():
                    break
                lead.append(w)
            noun_lead = " ".join(lead)
            after = text[region_start:nxt]
            k = after.find(noun_lead) if noun_lead else 0
            if k < 0 or after[:k].strip():
                continue
            p = region_start + k + len(noun_lead)
            rest = text[p:nxt]
            # the cue may follow a few more words of the noun: "06 Cảnh sát PCCC gồm A, B, …"
            cue_m = more_words.match(rest) or far.match(rest) or past_a_number.match(rest) or bare.match(rest)
            # (the noun may go on past a comma to the colon: "5 sự kiện văn hóa, du lịch lớn: Lễ hội …, …")
            noun_on = _COMMA_THEN_COLON.match(rest) if rest[:3].lstrip().startswith(",") \
                and not (cue_m and cue_m.group("cue")) else None
            if noun_on is not None and noun_on.group(1).islower():
                cue_m = noun_on
            if not (cue_m and cue_m.group(0).strip()) and noun_on is None:
                # (the noun may go on past the words the figure kept, to the colon: "5 cơ sở giáo dục nghề nghiệp: …")
                more = _MORE_NOUN_THEN_COLON.match(rest)
                if more is not None and more.group(1).islower():
                    cue_m = noun_on = more
            cue = (cue_m.group("cue") or "").lower() if cue_m and "cue" in cue_m.re.groupindex else ""
            start_items = p + (cue_m.end() if cue_m else 0)
            if cue:
                # "5 huyện, gồm các huyện Mường Tè, Sìn Hồ, …": the counted noun said again before the names
                start_items = _past_the_noun_again(cues, text, start_items, noun_lead)
            if cue in cues.example_cues:
                # "5 mô hình … tiêu biểu, gồm: …": the word describes the kind, the list after "gồm" is whole
                then = bare.match(text, start_items)
                if then is not None and (then.group("cue") or "").lower() in cues.breakdown_cues:
                    cue, start_items = then.group("cue").lower(), then.end()
            # names straight after the noun need no cue; after a comma they need one
            # (not after a word of direction or place ending the noun: "3 doanh nghiệp xuất khẩu đi EU và Hàn Quốc"
            # names where the goods go)
            if not cue and noun.lower().split()[-1:] and noun.lower().split()[-1] in cues.lang.words("cues.not_item_before"):
                continue
            if not cue and _COMMA_FIRST.match(rest) and cue_m is not noun_on:
                items, end_pos, open_tail = [], p, False
            else:
                # names straight after the noun end with its clause: "… trong đó có 15 giải Nhất; Trường THPT …
                # đứng thứ hai" lists nothing
                semi = text.find(";", start_items, nxt) if not cue else _back_reference_clause(cues, text, start_items,
                                                                                               nxt, noun_lead)
                colon = cue_m is not None and ":" in cue_m.group(0)
                items, end_pos, open_tail = items_from(cues, text, start_items, semi if semi >= 0 else nxt,
                                                       sentence_case=colon)
            # one quoted name after a count of more is the name of the kind counted ("8 mô hình “Tự phòng, tự
            # quản”"), not a list of one
            if len(items) < 2 and not (items and text[items[0].start - 1] in "“\"" and n.value == 1):
                items = []
            examples = cue in cues.example_cues
            if not items:
                # back-reference in the same or the next sentence: "… các phường, gồm: A, B (X); C …"
                for s2 in sentences[s.index:s.index + 2]:
                    if not _has_back_reference(text, s2.start, s2.end, cues):
                        continue  # quick exit: asked once a sentence, not once a count
                    lo = n.end if s2.index == s.index else s2.start
                    # (in its own sentence, up to the next count of its head word — a reference after that one is
                    # its — and within the detectors' reach: linear on a long sentence of counts)
                    hi = next((f.start for f in sf[idx + 1:idx + 1 + LOOKBACK] if f.role == "count"
                               and head_word(f) == head_word(n)),
                              sf[idx + 1 + LOOKBACK].start if idx + 1 + LOOKBACK < len(sf) else s2.end) \
                        if s2.index == s.index else s2.end
                    for m in cues.back_ref_re.finditer(text, lo, hi):
                        ref = m.group("noun").lower()
                        if ref and ref in noun.lower():
                            # (the next figure found by position, not scanned: linear on a long sentence of counts)
                            starts2 = _starts_of(by_sentence.get(s2.index, []))
                            at2 = bisect.bisect_right(starts2, m.end())
                            nxt2 = starts2[at2] if at2 < len(starts2) else s2.end
                            items, end_pos, open_tail = items_from(cues, text, m.end(), nxt2)
                            if len(items) >= 2:
                                cue = m.group(0).strip(" ,:").split()[-1].lower()
                                break
                            items = []
                    if items:
                        break
            if not items:
                found = _named_after_description(cues, text, s, sf, idx) or _bracketed_names(cues, text, s, sf, idx) \
                    or _kinds_by_separators(cues, text, s, sf, idx, cue, start_items, cue_m is not None)
                if found is None:
                    continue
                items, end_pos, open_tail, cue = found
            if all(i.text.lower() in _grades(cues) and text[i.start - 1:i.start] not in "“\"'‘" for i in items):
                continue  # "38 giải Nhất, Nhì, Ba": the grades the prizes fall into, not 3 things counted by 38
            tail = text[end_pos:end_pos + 12]
            open_tail = open_tail or tail.lstrip().startswith(("…", "...", "v.v"))
            if items and idx + 1 < len(sf) and sf[idx + 1].start == nxt >= end_pos and sf[idx + 1].unit == "count" \
                    and not sf[idx + 1].noun and not sf[idx + 1].classifier and not text[end_pos:nxt].strip():
                # "gồm BC15, TBR225, Đài Thơm 8, Thái Xuyên 111, …": a number that ends a name cut the list short
                open_tail = True
            exhaustive = not (examples or open_tail)
            if exhaustive and len(items) > 1 and _alternatives(cues, text, items):
                exhaustive = False  # "tổng điểm 3 môn khối A00 hoặc D01": two blocks to choose from, not the 3 subjects
            if exhaustive and s.index + 1 < len(sentences) and noun_lead \
                    and _rest_named_next(cues, text, sentences[s.index + 1], noun_lead):
                exhaustive = False  # "8 chương trình: A, B, C, D. Bốn chương trình còn lại là …"
            # an enumeration continued in the next sentence: "5 mô hình “A”, “B”. … mô hình “C”."
            if exhaustive and len(items) < n.value and s.index + 1 < len(sentences) and noun_lead:
                s2 = sentences[s.index + 1]
                for m in re.finditer(rf"(?<![^\W_]){re.escape(noun_lead.lower())}(?![^\W_])", text[s2.start:s2.end].lower()):
                    more, e2, _ = items_from(cues, text, s2.start + m.end(), s2.end, quoted_only=True)
                    if more:
                        items = items + more
                        end_pos = e2
                        break
            if exhaustive and len(items) > n.value and len(items) - _names_going_on(text, items) <= n.value:
                continue  # "2 sự kiện: Lễ hội Xên Bản, Xên Mường và Ngày hội Văn hóa Thái": one name may hold a comma
            roles = {"count": n.id}
            counted = _counted_last_item(cues, text, sf, idx, end_pos, s.end) if items else None
            if counted is not None:
                # "thi 4 môn gồm Toán, Ngữ văn và 2 môn tự chọn": the last item counts items of the kind itself
                roles["counted"] = [counted.id]
                end_pos = counted.end
            out.append(relation("enumeration", [n] + ([counted] if counted else []), roles, exhaustive=exhaustive,
                                 items=items, cue=cue or None, end=max(end_pos, n.end)))
    return out



_LATEST_STARTS: dict = {}


def _starts_of(figures: list[Figure]) -> list[int]:
    """The figures' offsets, kept for the latest list asked (each sentence's list is asked again for every count)."""
    if _LATEST_STARTS.get("list") is not figures:
        _LATEST_STARTS.update(list=figures, starts=[f.start for f in figures])
    return _LATEST_STARTS["starts"]


def _counted_last_item(cues: Cues, text: str, sf: list[Figure], idx: int, end_pos: int, limit: int) -> Figure | None:
    """The count that ends a list of names, of the kind the list's count counts ("4 môn gồm Toán, Ngữ văn và 2
    môn tự chọn"), after "và" or a comma and with nothing after its noun but the sentence's or clause's end."""
    n = sf[idx]
    if any(f.role == "count" and head_word(f) == head_word(n) and not CLAUSE_END.search(text, f.end, n.start)
           for f in sf[:idx]):
        return None  # "4 môn, gồm 2 môn bắt buộc là Toán, Ngữ văn và 2 môn tự chọn": the count is itself a part
    nxt = next((f for f in sf[idx + 1:] if f.start >= end_pos), None)
    if nxt is None or nxt.role != "count" or nxt.unit != "count" or head_word(nxt) != head_word(n) \
            or nxt.value is None or not float(nxt.value).is_integer() or nxt.value < 1:
        return None
    gap = text[end_pos:nxt.start].strip(" \t\n,;").lower()
    if gap and gap not in cues.list_and:
        return None  # (only "và" or a comma before the count)
    if CLAUSE_END.search(text, end_pos, nxt.start):
        return None
    clause_end = CLAUSE_END.search(text, nxt.end, limit)
    stop = clause_end.start() if clause_end else limit
    if any(nxt.end <= f.start < stop for f in sf):
        return None  # another figure in its clause: the list goes on to something else
    return nxt


def _grades(cues: Cues) -> frozenset[str]:
    found = getattr(cues, "_grade_names", None)
    if found is None:
        found = cues._grade_names = frozenset(cues.lang.words("cues.grade_names"))
    return found


def _rest_named_next(cues: Cues, text: str, s2, noun: str) -> bool:
    """The next sentence speaks of the rest of the kind counted ("Bốn chương trình còn lại là …")."""
    low = text[s2.start:s2.end].lower()
    head = noun.lower().split()[0]
    for w in cues.remainder:
        at = low.find(w)
        if at >= 0 and head in low[max(0, at - 30):at].split():
            return True
    return False


_COMMA_FIRST = re.compile(r"(?<!\s)\s*+[,;]")  # (one start per run of blanks: linear on long blanks)


@per_text
def _past_the_noun_again(cues: Cues, text: str, start: int, noun: str) -> int:
    """Past "các huyện " (a plural word and the counted noun's first word) opening the names after a cue."""
    head = noun.lower().split()[:1]
    if not head:
        return start
    at = start
    while at < len(text) and text[at].isspace():
        at += 1
    titles = _titles_before_names(cues).match(text, at)
    if titles is not None:
        return titles.end()  # "5 đại biểu chính thức, gồm các đồng chí: A, B, …": the names after the title
    m = _TWO_WORDS.match(text, at)
    if m is None or m.group(1).lower() not in cues.back_ref or m.group(2).lower() != head[0]:
        return start
    return m.end()


def _titles_before_names(cues: Cues) -> re.Pattern[str]:
    """"các đồng chí:", "các ông, bà:" — the titles of the people named next, with the colon that opens them."""
    found = getattr(cues, "_titles_before_names_re", None)
    if found is None:
        plural = "|".join(re.escape(w) for w in sorted(cues.back_ref, key=len, reverse=True) if w[:1].isalpha())
        titles = "|".join(re.escape(w) for w in sorted(cues.person_titles, key=len, reverse=True))
        found = cues._titles_before_names_re = re.compile(
            rf"(?:(?:{plural})\s++)?(?:{titles})(?:\s*+,\s*+(?:{titles}))?\s*+:\s*+", re.IGNORECASE)
    return found


_TWO_WORDS = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\s++([^\W\d_]++)\s++(?=[^\W\d_])")  # (from a word's start: linear)


def _back_reference_clause(cues: Cues, text: str, start: int, end: int, noun: str) -> int:
    """Where a ";" opens a clause that speaks of the items listed before it by the counted noun ("…, mô hình vườn
    cây ăn quả và tổ hợp tác dịch vụ; các mô hình này cho thu nhập …"): the list ends there (-1 where none
    does)."""
    head = noun.lower().split()[:1]
    semi = text.find(";", start, end)
    if semi < 0 or not head:
        return -1
    after = text[semi + 1:semi + 60].lower().split()
    return semi if len(after) >= 2 and after[0] in cues.back_ref and after[1] == head[0] else -1


def _has_back_reference(text: str, start: int, end: int, cues: Cues) -> bool:
    """The sentence holds a back-reference ("các phường, gồm:") anywhere: where it holds none, none can be
    found after any of its counts either (a match from a later offset is one from the sentence's start)."""
    return cues.back_ref_re.search(text, start, end) is not None


def _named_after_description(cues: Cues, text: str, s, sf: list[Figure], idx: int):
    """"10 xã, thị trấn với tỷ lệ hộ nghèo ở mức < 7% là Thị trấn, Bắc Quỳnh, …": the count, a description
    of what it counts (no clause end, no other count; percentages that qualify it may stand in it), then a
    cue and the names to the end of the sentence. Anything after the names, or an example or partial word
    in the description, and the list is not read (None); else (items, end, open tail, cue)."""
    n = sf[idx]
    if not _cue_word_after(text, n.end, s.start, s.end, cues):
        return None  # quick exit: no cue word after the count
    m = cues_described_re(cues).match(text, n.end, s.end)
    if m is None:
        return None
    # (the names may end at a running total: "5 xã … nâng cao gồm A, B, C và D, nâng tổng số xã … lên 15/18 xã")
    end = _running_total_after(cues, text, m.end(), s.end)
    if any(f.start >= m.end() for f in sf if f.start < end):
        return None  # a figure after the cue: the names do not run to the end of the sentence
    for f in sf[idx + 1:]:
        if f.start >= m.start("cue"):
            break
        if f.unit != "percent":
            return None  # another count in the description: whose list it is stays unsaid
    between = text[n.end:m.start("cue")]
    # (an example word may end with the cue itself: "…, dẫn đầu là A, B và C" names the leaders only)
    if CLAUSE_END.search(between) or ":" in between or cues.example_re.search(text[n.end:m.end("cue")].lower()) \
            or cues.partial_re.search(between.lower()) or cues.subset_re.search(between):
        return None
    items, end_pos, open_tail = items_from(cues, text, m.end(), end)
    rest = text[end_pos:end].strip(" .,\n")
    if len(items) < 2 or rest and not rest.startswith(("…", "...", "v.v")):
        return None
    return items, end_pos, open_tail, m.group("cue").lower()


def _running_total_after(cues: Cues, text: str, start: int, end: int) -> int:
    """Where a clause after the names opens after ``start`` in the sentence: one that raises a running total
    ("…, nâng tổng số xã đạt chuẩn lên 15/18 xã") or another that ends a list of names (``cues.names_list_enders``:
    "…, với tổng kinh phí hỗ trợ 36 tỷ đồng"); ``end`` where none does."""
    low = _lower_sentence(text, start, end)
    enders = getattr(cues, "_names_list_enders", None)
    if enders is None:
        enders = cues._names_list_enders = tuple(cues.cumulative) + tuple(cues.lang.words("cues.names_list_enders"))
    at = min((k for k in (low.find(", " + w + " ") for w in enders) if k >= 0), default=-1)
    return start + at if at >= 0 else end


def cues_described_re(cues: Cues) -> re.Pattern[str]:
    """The count's noun and a description of at most 20 words, then a cue before names (compiled once a
    language; it starts only right after a digit — the count's end — and takes the words one at a time
    with no backtracking into them: linear on any text)."""
    found = getattr(cues, "_described_list_re", None)
    if found is None:
        alt = "|".join(re.escape(w) for w in sorted(_described_list_words(cues), key=len, reverse=True))
        found = re.compile(rf"(?<=\d)(?:[^\w\n]*+[\w<>≤≥%]++){{1,20}}?[^\w\n]*?(?<![^\W_])(?P<cue>{alt})(?![^\W_])\s*+:?\s*+",
                           re.IGNORECASE)
        cues._described_list_re = found
    return found


@per_text
def _lower_sentence(text: str, start: int, end: int) -> str:
    return text[start:end].lower()


def _cue_word_after(text: str, pos: int, start: int, end: int, cues: Cues) -> bool:
    """A word of :func:`cues_described_re`'s cues may stand after ``pos`` in the sentence: a quick test
    before that pattern, which most counts fail. The sentence is lower-cased once; where lower-casing
    changed its length (offsets moved), or the test cannot stand for the pattern, the answer is yes."""
    words = _shortest_cue_words(cues)
    if words is None:
        return True
    low = _lower_sentence(text, start, end)
    if len(low) != end - start:
        return True
    return any(low.find(w, pos - start) >= 0 for w in words)


def _shortest_cue_words(cues: Cues) -> list[str] | None:
    """The cue words, lower-cased, without those that hold another ("gồm" stands for "bao gồm"); None when
    a letter of them has case equivalences in ``re`` beyond ``str.lower``'s ("ſ" matches "s" under
    IGNORECASE, yet lower-cases to itself), where a lower-cased substring would not stand for the pattern."""
    found = getattr(cues, "_described_list_shortest", False)
    if found is False:
        words = {w.lower() for w in _described_list_words(cues)}
        found = sorted(w for w in words if not any(v != w and v in w for v in words))
        if _EXTRA_CASES is None or any(ord(ch) in _EXTRA_CASES for w in found for ch in w):
            found = None
        cues._described_list_shortest = found
    return found


def _described_list_words(cues: Cues) -> list[str]:
    found = getattr(cues, "_described_list_words", None)
    if found is None:
        found = cues._described_list_words = cues.lang.words("cues.names_after_description")
    return found


_ASIDE_DASH = re.compile(r"(?<!\s)\s++[-–]\s")  # one start per run of blanks: linear


def _cue_patterns(cues: Cues, which: str = "cue"):
    """The patterns of a list's cue after a count's noun, compiled once a language: the cue after a few more
    words of the noun, the bare cue — or the breakdown cue opening a bracket (``which="opener"``)."""
    found = getattr(cues, "_enumeration_patterns", None)
    if found is None:
        bd = "|".join(re.escape(c) for c in sorted(cues.breakdown_cues, key=len, reverse=True))
        found = cues._enumeration_patterns = {
            "cue": (re.compile(rf"\s*+(?:[^\W\d_]++(?:\s++|(?=,))){{1,3}}?,?\s*+(?P<cue>(?<!\S)(?:{cues.enum_cue_re}))(?!\w)\s*:?\s*",
                               re.IGNORECASE),
                    re.compile(rf"\s*,?\s*(?P<cue>{cues.enum_cue_re})?\s*:?\s*", re.IGNORECASE),
                    # (more words of what is counted, up to a comma, where a colon after the cue opens the list: "5
                    # khoản thu đạt thấp so với tiến độ dự toán, gồm: …")
                    re.compile(rf"\s*+(?:[^\W\d_]++\s++){{3,8}}?[^\W\d_]++,\s*+(?P<cue>(?<!\S)(?:{cues.enum_cue_re}))(?!\w)\s*:\s*",
                               re.IGNORECASE),
                    # (a number that is no figure, and its word, among them, where a colon follows the cue: "6 loại vắc
                    # xin cho trẻ dưới 1 tuổi gồm: …")
                    re.compile(rf"\s*+(?:[^\W\d_]++\s++){{1,3}}?\d++\s++[^\W\d_]++\s*+(?P<cue>(?<!\S)(?:{cues.enum_cue_re}))(?!\w)\s*:\s*",
                               re.IGNORECASE)),
            "opener": re.compile(rf"\s*(?:{bd})\s*:?\s*", re.IGNORECASE),
        }
    return found[which]


def _kinds_by_separators(cues: Cues, text: str, s, sf: list[Figure], idx: int, cue: str, start: int, cued: bool):
    """A count of kinds ("5 ngành nghề", "4 mô hình": ``cues.kind_nouns``) and, after "gồm", "bao gồm" or a
    colon, the kinds written as plain words to the sentence's end ("5 ngành nghề: may mặc, điện tử, cơ khí và
    chế biến thực phẩm"): the items are what the commas, ";" and "và" separate. A kind may hold a comma or "và"
    ("văn hóa, thể dục, thể thao và du lịch" are three fields, not four), so more pieces than the count say
    nothing, and no list is read; fewer pieces than the count are a list that falls short. None where any of
    it is in doubt: another figure, brackets or quotes, an open tail, examples, a piece of more than twelve
    words ("thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài" is one kind of revenue) or one that opens with a
    quantifier ("các", "nhiều")."""
    n = sf[idx]
    if not cued or not (cue in cues.lang.words("cues.kinds_complete") or text[start - 2:start].strip().endswith(":")):
        return None
    head = (n.noun or "").lower()
    # (the list may end where a clause speaks of its items: "…; các mô hình này cho thu nhập từ 150 …")
    stop = _back_reference_clause(cues, text, start, s.end, head)
    end = stop if stop >= 0 else s.end
    after = [f for f in sf[idx + 1:] if start <= f.start < end]
    amounts = _amount_of_each_item(text, after, start, end) if after else []
    labelled = _labelled_clauses(text, after, start, end) if after and not amounts else []
    if after and not amounts and not labelled:
        return None  # a figure after the cue: the list holds counts, or goes on to something else
    if not any(head == k or head.startswith(k + " ") for k in cues.lang.words("cues.kind_nouns")):
        return None
    if labelled:
        # "5 mặt hàng chủ lực, gồm: thủy sản đạt 812,4 triệu USD, tăng 9,5%; gạo đạt 356,9 triệu USD, …; …": one item a
        # ";" clause, named before its value; fewer than the count fall short, more say nothing (a clause of
        # another kind may follow)
        if len(labelled) < 3 or n.value is None or len(labelled) > n.value or any(
                name.text.lower().startswith(tuple(w + " " for w in cues.lang.words("cues.kind_quantifiers")))
                for name in labelled):
            return None
        if len(labelled) < n.value and cues.list_sep_re.search(" " + labelled[-1].text + " "):
            return None  # ("…; C và D đạt …": the last clause may name two items)
        return labelled, labelled[-1].end, False, cue or ":"
    while start < end and text[start] in " :":  # ("gồm: …": the colon after the cue opens the list)
        start += 1
    region = text[start:end].rstrip(" .;")
    for a, b in amounts:  # ("A (4,20 tỷ đồng); B (1,85 tỷ đồng); …": each item's amount in brackets, set aside)
        region = region[:a - start] + " " * (b - a) + region[b - start:]
    if not region or any(ch in region for ch in "()[]“”\":…") or cues.open_tail_re.search(region.lower()) \
            or cues.example_re.search(region.lower()):
        return None
    quantifiers = tuple(w + " " for w in cues.lang.words("cues.kind_quantifiers"))
    # items written as ";" clauses ("5 nhóm giải pháp, gồm: tăng cường tuần tra, kiểm soát …; lắp đặt thêm camera
    # …; …"): the ";" separates them, and the commas and "và" inside are an item's own
    by_semicolon = region.count(";") >= 2
    pieces = region.split(";") if by_semicolon else cues.list_sep_re.split(region)
    items, pos = [], 0
    for piece in pieces:
        at = start + region.find(piece, pos)  # (in the region, whose brackets of amounts are blanked)
        pos = at - start
        name = piece.strip()
        words = name.split()
        if not words or len(words) > (25 if by_semicolon else 12) or name.lower().startswith(quantifiers):
            return None
        first = at + (len(piece) - len(piece.lstrip()))
        items.append(Item(name, first, first + len(name)))
        pos += len(piece)
    # (more items than the count say nothing, unless each is an item by its own amount)
    if len(items) < 3 or n.value is None or len(items) > n.value and not (by_semicolon and len(amounts) == len(items)):
        return None
    if by_semicolon and len(items) < n.value and cues.list_sep_re.search(" " + items[-1].text + " "):
        return None  # ("…; C và D": the last clause may hold two items)
    return items, items[-1].end, False, cue or ":"


def _labelled_clauses(text: str, figures: list[Figure], start: int, end: int) -> list[Item]:
    """Where the list after a cue is ";" clauses, each a label of a few words and then its value, the first
    figure of each of one unit ("thủy sản đạt 812,4 triệu USD, tăng 9,5%; gạo đạt 356,9 triệu USD, …"), the
    labels as items; else none."""
    at = start
    while at < end and text[at] in " :":
        at += 1
    if text.count(";", at, end) < 2:
        return []
    items, units = [], set()
    for piece in text[at:end].rstrip(" .;").split(";"):
        p0 = text.find(piece, at)
        mine = [f for f in figures if p0 <= f.start < p0 + len(piece)]
        label = text[p0:mine[0].start].strip() if mine else ""
        words = label.split()
        if not mine or not 1 <= len(words) <= 8 or any(ch in label for ch in "()“”\":,"):
            return []
        units.add(mine[0].unit)
        items.append(Item(label, p0 + (len(text[p0:mine[0].start]) - len(text[p0:mine[0].start].lstrip())),
                          p0 + len(text[p0:mine[0].start].rstrip())))
        at = p0 + len(piece) + 1
    return items if len(units) == 1 and "percent" not in units else []


def _amount_of_each_item(text: str, figures: list[Figure], start: int, end: int) -> list[tuple[int, int]]:
    """Where every figure after a cue stands alone in a bracket that ends its ";" item ("trang bị máy tính (4,20 tỷ
    đồng); cập nhật cơ sở dữ liệu (1,85 tỷ đồng); …"), the spans of those brackets; else none."""
    if text.count(";", start, end) < 2:
        return []
    spans = []
    for f in figures:
        opened, closed = text.rfind("(", start, f.start), text.find(")", f.end, end)
        if opened < 0 or closed < 0 or text[opened + 1:f.start].strip() or text.find(")", opened, f.start) >= 0 \
                or text[closed + 1:end].lstrip(" .")[:1] not in ("", ";"):
            return []
        spans.append((opened, closed + 1))
    if len(set(spans)) != len(spans):
        return []  # (two figures in one bracket)
    return spans


def _bracketed_names(cues: Cues, text: str, s, sf: list[Figure], idx: int):
    """"03 học sinh giành giải Nhất (Phan Văn A - môn Toán, Trần Thị B - môn Pháp, Lê C – môn Sử)", "16 địa
    phương được xếp loại xuất sắc (gồm Tam Kỳ, Thăng Bình, …)": the names of what the count counts in the
    bracket after it, each perhaps with an aside after a dash. Only
    for nouns that things are named by (people, places, units), and only where every item of the bracket is
    a name; None otherwise."""
    n = sf[idx]
    head = (n.noun or "").lower()
    if not head or not _names_things(cues, head):
        return None
    nxt = sf[idx + 1].start if idx + 1 < len(sf) else s.end
    open_at = text.find("(", n.end, min(nxt, n.end + 120))  # a few words after the count, before its next figure
    if open_at < 0 or len(text[n.end:open_at].split()) > 8 or CLAUSE_END.search(text, n.end, open_at):
        return None
    close = text.find(")", open_at, min(s.end, open_at + 2000))
    if close < 0 or close > nxt or "(" in text[open_at + 1:close]:
        return None  # no bracket closed before the next figure (a figure inside is no list of names)
    inside = text[open_at + 1:close]
    opener = _cue_patterns(cues, "opener").match(inside)  # "(gồm Tam Kỳ, Thăng Bình, …)"
    if opener:
        open_at += opener.end()
        inside = inside[opener.end():]
    if cues.example_re.search(inside.lower()) or cues.open_tail_re.search(inside.lower()) \
            or any(m in inside for m in cues.open_tail_marks):
        return None
    items = []
    pos = open_at + 1
    for segment in inside.split(","):
        name = _ASIDE_DASH.split(segment, maxsplit=1)[0]
        aside = segment[len(name):]
        stripped = name.strip()
        if not is_name(stripped) or any(ch.isdigit() for ch in aside):
            return None
        start = pos + segment.find(stripped)
        items.append(Item(stripped, start, start + len(stripped)))
        pos += len(segment) + 1
    if len(items) < 2:
        return None
    # a bracket that opens with "gồm" lists them all; names alone may be the first few ("12 học sinh đạt giải
    # (Nguyễn An - giải Nhất, Lê Bình - giải Nhì)"): then no more than the count
    return items, close, not opener, opener.group(0).strip(" :").lower() if opener else "("


def _names_things(cues: Cues, head: str) -> bool:
    """``head`` is a named noun or starts with one and a space ("học sinh giỏi")."""
    named = getattr(cues, "_named_nouns_set", None)
    if named is None:
        named = cues._named_nouns_set = frozenset(_named_nouns(cues))
    return is_or_starts_with(head, named)


def _named_nouns(cues: Cues) -> list[str]:
    found = getattr(cues, "_named_nouns", None)
    if found is None:
        found = cues._named_nouns = [w.lower() for w in cues.lang.words("cues.named_nouns")]
    return found

"""The relation detectors' speed-ups give the answers of their plain definitions (issue 13).

Each memo, index or quick test in ``figcheck.reading.relations`` is held here against what it replaced,
written out plainly, over texts where the answers differ, so a memo that leaked answers between texts or
a quick test that rejected a sentence the pattern would read fails here.
"""

from __future__ import annotations

import re
import threading

from figcheck.languages import load_language
from figcheck.models import Figure
from figcheck.reading.relations import shared
from figcheck.reading.relations.shared import Cues, per_text

TEXTS = [
    "Xảy ra 64 vụ cháy, làm chết 3 người; so với năm 2024 (71 vụ, 43 người chết) giảm 7 vụ.",
    "Phát hiện 27 vụ, 41 đối tượng; trong đó 34 vụ buôn bán. So với cùng kỳ (63 giải), tăng 5 giải.",
    "Toàn tỉnh có 10 xã, thị trấn là Bắc Sơn, An Hòa. Đạt 57,5% kế hoạch năm (3.800.000 lượt).",
]


def _figures(text: str) -> list[Figure]:
    """A figure at every number of the text (only the offsets matter to these helpers)."""
    from figcheck.reading.reader import reader_for

    return [f for f in reader_for("vi").extract(text).figures]


def _plain_described(text: str, f: Figure) -> tuple[str, ...]:
    m = re.search(r"[,;:.()\[\]]", text[f.end:f.end + 60])
    phrase = text[f.end:f.end + m.start() if m else f.end + 60]
    return tuple(w for w in phrase.lower().split()[:3] if w != "số")


def test_per_text_keeps_one_texts_answers_apart_from_anothers():
    calls = []

    @per_text
    def first_char_after(text: str, pos: int) -> str:
        calls.append((text, pos))
        return text[pos:pos + 1]

    a, b = "abc", "xyz"
    assert [first_char_after(a, 1), first_char_after(a, 1)] == ["b", "b"]
    assert len(calls) == 1  # the second answer came from the memo
    assert first_char_after(b, 1) == "y"  # same key, another text: computed again
    # an equal text that is another object is computed again too (identity, not equality, keys the memo)
    assert first_char_after("".join(["a", "bc"]), 1) == "b"
    assert len(calls) == 3


def test_per_text_answers_stay_right_under_threads():
    @per_text
    def upper_at(text: str, pos: int) -> str:
        return text[pos].upper()

    texts = [chr(ord("a") + k) * 50 for k in range(8)]
    wrong = []

    def work(t: str) -> None:
        for _ in range(300):
            for pos in range(0, 50, 7):
                if upper_at(t, pos) != t[0].upper():
                    wrong.append(t)

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert wrong == []


def test_described_and_baseline_match_their_plain_definitions():
    cues = Cues(load_language("vi"))
    for text in TEXTS + TEXTS:  # twice: the second round answers from the memo
        for f in _figures(text):
            assert shared.described(text, f) == _plain_described(text, f)
            assert shared.baseline_in_brackets(cues, text, f) == shared._baseline_in_brackets.__wrapped__(
                text, f.start, f.end, cues)
    # what the examples are there for: one figure in brackets after a compared period, one not
    text = TEXTS[1]
    flags = {text[f.start:f.end]: shared.baseline_in_brackets(cues, text, f) for f in _figures(text)}
    assert flags.get("63") is True and flags.get("27") is False


LIST_TEXTS = [
    "Có 10 xã, thị trấn với tỷ lệ hộ nghèo ở mức < 7% là Thị trấn, Bắc Quỳnh, An Hòa.",
    "Có 3 đơn vị đạt chuẩn GỒM Tam Kỳ, Thăng Bình, Duy Xuyên.",
    "Có 5 xã, BAO GỒM: Bắc Sơn, An Hòa.",
    "Có 4 phường tham gia. Các phường, gồm: Lê Chân, Ngô Quyền, Hải An.",
    "Có 12 học sinh giỏi (Nguyễn An, Lê Bình) và 7 em khác.",
    "Có 2 xã\nlà Bắc Sơn, An Hòa.",
]


def test_enumeration_quick_tests_never_reject_what_the_patterns_read():
    from figcheck.reading.relations import enumeration

    cues = Cues(load_language("vi"))
    described_re = enumeration.cues_described_re(cues)
    seen_match = seen_back_ref = 0
    for text in LIST_TEXTS + [t.upper() for t in LIST_TEXTS]:
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
        for start, end in sentences:
            plain_back_ref = any(True for pos in range(start, end)
                                 for _ in cues.back_ref_re.finditer(text, pos, end))
            assert enumeration._has_back_reference(text, start, end, cues) == plain_back_ref
            seen_back_ref += plain_back_ref
            for m in re.finditer(r"\d+", text[start:end]):
                pos = start + m.end()
                if described_re.match(text, pos, end):
                    seen_match += 1
                    assert enumeration._cue_word_after(text, pos, start, end, cues)
    assert seen_match >= 4 and seen_back_ref >= 2  # the texts exercise both
    # and the quick test does reject: no cue word after the count
    text = "Có 10 xã đạt chuẩn nông thôn mới."
    assert not enumeration._cue_word_after(text, text.index("10") + 2, 0, len(text), cues)


def test_phrase_start_lookups_match_comparing_with_every_phrase():
    from figcheck.reading.relations import enumeration
    from figcheck.reading.relations.shared import is_or_starts_with

    cues = Cues(load_language("vi"))
    for phrases in (enumeration._named_nouns(cues), cues.place_prefixes):
        heads = phrases + [n + " giỏi" for n in phrases] + [n + "x" for n in phrases] + [
            "vụ", "vụ cháy", "", " xã", "học", "thị trấn mới", "khu dân", "tp. hải phòng", "tp.hcm"]
        for head in heads:
            plain = any(head == w or head.startswith(w + " ") for w in phrases)
            assert is_or_starts_with(head, frozenset(phrases)) == plain, head
        assert any(is_or_starts_with(h, frozenset(phrases)) for h in heads)
        assert not all(is_or_starts_with(h, frozenset(phrases)) for h in heads)
    nouns = enumeration._named_nouns(cues)
    assert enumeration._names_things(cues, "học sinh giỏi") and not enumeration._names_things(cues, "vụ cháy")
    assert len(nouns) > 5


def _plain_gap_after_noun(text: str, a: Figure, b: Figure) -> str:
    gap = text[a.end:b.start]
    if a.noun:
        idx = gap.find(a.noun)
        if idx >= 0 and not gap[:idx].strip(" ("):
            gap = gap[:idx] + gap[idx + len(a.noun):]
    if a.classifier:
        gap = re.sub(rf"^\s*{re.escape(a.classifier)}\b", "", gap)
    return gap


def test_gap_after_noun_matches_its_plain_definition():
    texts = TEXTS + ["Bắt 88 vụ, bắt 142 đối tượng, đạt 92,6%.", "Có 1.936 tổ với 5.808 người; 12 con bò, 3 con trâu."]
    for text in texts + texts:  # the second round answers from the memo
        figures = _figures(text)
        for a in figures:
            for b in figures:
                if a.end <= b.start:
                    assert shared.gap_after_noun(text, a, b) == _plain_gap_after_noun(text, a, b)


def test_opening_comparison_matches_comparing_each_cue():
    from figcheck.reading.relations import change
    from figcheck.reading.relations.shared import SentenceContext

    cues = Cues(load_language("vi"))
    openings = ["So với cùng kỳ, giảm 5 vụ.", "Cụ thể, so với năm 2024, tăng 3 vụ.", "- so cùng kỳ tăng 2 vụ.",
                "Xảy ra 5 vụ.", "Cụ thể, xảy ra 5 vụ.", "(So với tháng trước giảm 1 vụ)"]
    seen = set()
    for text in openings:
        sentence = _sentence_of(text)
        got = change._opens_with_comparison(cues, text, SentenceContext(text, sentence, []))
        opening = text[:60].lower().lstrip(" -–(")
        for w in cues.openers:
            if opening.startswith(w) and opening[len(w):len(w) + 1] in (",", " "):
                opening = opening[len(w):].lstrip(" ,")
                break
        assert got == any(opening.startswith(c) for c in cues.compared), text
        seen.add(got)
    assert seen == {True, False}


def _sentence_of(text: str):
    from figcheck.reading.reader import reader_for

    return reader_for("vi").extract(text).sentences[0]


def test_kind_of_answers_as_its_plain_definition_for_every_noun():
    from figcheck.reading.relations.shared import head_word

    cues = Cues(load_language("vi"))
    texts = TEXTS + ["Khởi tố 201 vụ, 228 bị can; bắt 766 đối tượng, 3 người.", "Có 12 con bò, 3 con trâu và 5 con."]
    seen = set()
    for text in texts + texts:
        for f in _figures(text):
            noun = (f.noun or "").lower()
            plain = next((kind for word, kind in cues.same_kind if noun == word or noun.startswith(word + " ")),
                         None) or head_word(f)
            assert cues.kind_of(f) == plain
            seen.add(plain)
    assert "đối tượng" in seen and len(seen) >= 4


def test_form_label_matches_its_pattern_alone():
    from figcheck.reading.relations import form

    texts = ["+ Phiếu phát ra: 390 + Phiếu thu lại: 390\n+ Phiếu hợp lệ: 382 + Đạt tỷ lệ: 97,9 %\n",
             "Tổng số:\u00a0 12 người; - Chiếm : 5%\nCó 3 vụ: 2 vụ cháy.", "Phiếu hợp lệ 382, đạt 97,9%."]
    seen = set()
    for text in texts:
        for f in _figures(text):
            w0 = max(0, f.start - 80)
            nl = text.rfind("\n", w0, f.start)
            before = text[nl + 1 if nl >= 0 else w0:f.start]
            m = form._LABEL.search(before)
            plain = None if m is None or (not m.group("bullet") and not ((nl >= 0 or w0 == 0) and m.start() == 0)) \
                else m.group("label").strip().lower()
            assert form._label(text, f) == plain
            seen.add(plain)
    assert None in seen and "phiếu hợp lệ" in seen and "đạt tỷ lệ" in seen

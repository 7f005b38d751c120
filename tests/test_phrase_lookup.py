"""The reader's lookups made faster in issue 13 answer exactly what the plain definitions answer: phrase
lists indexed by the text's last or first word (against trying every phrase length), and the words after a
figure read in one match (against one by one)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.languages import load_language
from figcheck.reading.figures import _OPENERS, PhraseSet, _strip_punct

LANG = load_language("vi")
LISTS = ["identifier_before", "identifier_before_exceptions", "date_words", "counted_nouns", "cumulative_before",
         "year_words", "fractional_counts", "spelled.not_numbers", "cues.increase", "cues.compared"]
PHRASES = sorted({p for name in LISTS for p in LANG.words(name)})
WORDS = sorted({w for p in PHRASES for w in p.split()})


def _ends_by_every_length(ps: PhraseSet, text: str) -> bool:
    """The definition: some k of the last k white-space words (the first stripped of an opening mark) is a phrase."""
    if not text or not text[-1].isalnum():
        return False
    words = text[-80:].split()
    for k in range(1, min(ps.longest, len(words)) + 1):
        tail = words[-k:]
        if tuple([tail[0].lstrip(_OPENERS)] + tail[1:]) in ps.word_phrases:
            return True
    return False


def _starts_by_every_length(ps: PhraseSet, text: str) -> bool:
    if not text or not text[0].isalnum():
        return False
    words = text[:80].split()
    for k in range(1, min(ps.longest, len(words)) + 1):
        head = words[:k]
        if tuple(head[:-1] + [_strip_punct(head[-1])]) in ps.word_phrases:
            return True
    return False


_word = st.one_of(st.sampled_from(WORDS), st.sampled_from(["(trên", "vụ,", "“số", "đ.", "x", "2023", "-"]))
_text = st.lists(_word, min_size=1, max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6), _text, _text, st.integers(0, 5),
       st.sampled_from(["", "(", "“", ","]), st.booleans())
def test_indexed_lookup_answers_as_every_length_does(phrases, before, after, which, mark, at_end):
    phrases = [p for p in phrases if not PhraseSet([p]).others]  # phrases with marks are compared one by one
    ps = PhraseSet(phrases)
    phrase = phrases[which % len(phrases)] if phrases else ""
    text = f"{before} {mark}{phrase}" if at_end else f"{phrase}{mark} {after}"
    assert ps.ends(text) == _ends_by_every_length(ps, text), text
    assert ps.starts(text) == _starts_by_every_length(ps, text), text


def test_the_lexicons_phrases_are_found_at_both_ends():
    for name in LISTS:
        ps = PhraseSet(LANG.words(name))
        for p in LANG.words(name):
            if p in ps.others:
                continue
            assert ps.ends(f"trong đó ({p}") and ps.ends(f"có {p}"), (name, p)
            assert ps.starts(f"{p}, và") and ps.starts(f"{p} khác"), (name, p)
            # a phrase is a whole-word match: glued to more letters it is not there (unless that is a phrase too)
            assert ps.ends(f"x{p}") == _ends_by_every_length(ps, f"x{p}")



_WORD = re.compile(r"[^\W\d_]+(?:[-/][^\W\d_]+)*")


def _words_after_one_by_one(text: str, pos: int, limit: int, n: int) -> list[str]:
    """The definition: words found one after the other, stopping at anything but white space between."""
    out = []
    for m in _WORD.finditer(text, pos, min(limit, pos + 80)):
        if text[pos:m.start()].strip():
            break
        out.append(m.group(0).lower())
        pos = m.end()
        if len(out) == n:
            break
    return out


_piece = st.sampled_from(WORDS + ["Xã", "A-B", "km/h", "-", "/", "5", "a_b", "\u00a0", "\n", "  ", ",", "(", "đ."])


@settings(max_examples=500, deadline=None)
@given(st.lists(_piece, max_size=12), st.lists(st.sampled_from(["", " ", "  ", "\t"]), max_size=12),
       st.integers(0, 30), st.integers(0, 120), st.sampled_from([1, 2]))
def test_words_after_in_one_match_are_the_words_one_by_one(pieces, spaces, pos, limit, n):
    from figcheck.reading.reader import reader_for

    text = "".join(p + (spaces[i] if i < len(spaces) else "") for i, p in enumerate(pieces))
    pos = min(pos, len(text))
    got = reader_for("vi").figures._words_after(text, pos, limit, n)
    assert got == _words_after_one_by_one(text, pos, limit, n), (text, pos, limit, n)


_letters = st.sampled_from(list("oOuUaAeEyYqQ xđ,") + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302",
                                                       "à", "á", "ý", "ỵ", "Ẹ", "ấ", "ò", "\u200b"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_letters, max_size=10).map("".join))
def test_text_already_in_nfc_comes_back_as_the_full_normalisation_gives_it(text):
    """normalize_text skips the round trip through NFD for NFC text without an old-style syllable; the
    result is always what that round trip gives (modern tone placement, NFC)."""
    import unicodedata

    from figcheck.reading.encodings import strip_invisible
    from figcheck.reading.normalize import _OLD_STYLE, _move_tone, normalize_text

    for candidate in (text, unicodedata.normalize("NFC", text)):
        full = unicodedata.normalize("NFC", _OLD_STYLE.sub(_move_tone, unicodedata.normalize(
            "NFD", strip_invisible(candidate))))
        assert normalize_text(candidate) == full, ascii(candidate)
    assert normalize_text("hoá đơn, thuỷ lợi, khoẻ") == "hóa đơn, thủy lợi, khỏe"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["1", "23", "4.340", "5,6", ".", ",", " ", "a", "1.2.3", "0", "12,345.6", "%"]),
                max_size=15).map("".join))
def test_the_convention_sees_the_numerals_with_separators_the_full_numeral_pattern_gives(text):
    from figcheck.reading.figures import _SEPARATED_NUMERAL
    from figcheck.reading.numbers import NUMERAL

    full = [(m.start(), m.group(0)) for m in NUMERAL.finditer(text) if any(c in m.group(0) for c in ".,")]
    assert [(m.start(), m.group(0)) for m in _SEPARATED_NUMERAL.finditer(text)] == full


_number_words = st.sampled_from([
    "một", "Một", "MỘT", "hai", "Năm", "năm", "mươi", "trăm", "Hàng trăm", "hàng NGHÌN", "vài", "Vài", "sáu",
    "ſáu mươi", "hai trıệu", "chín", "nghìn", "İ", "ı", "2023", "5", "vụ", "người", "xã", "thứ", "tháng", ",", ".",
    " ", "  ", "(", "đ", "Σ"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_number_words, max_size=16).map(" ".join))
def test_spelled_and_vague_amounts_read_on_lowered_text_are_those_read_case_insensitively(text):
    """The spelled-number and vague-amount patterns run on the text lower-cased once (issue 13); the
    figures are those the case-insensitive patterns find, sentence by sentence."""
    from figcheck.models import Sentence
    from figcheck.reading.reader import reader_for

    reader = reader_for("vi").figures
    sentences = [Sentence(0, 0, len(text), text)]
    fast = reader.read(text, sentences, "vi")
    slow_reader = object.__new__(type(reader))
    slow_reader.__dict__.update(reader.__dict__, fold_risk=re.compile(""))  # every text: the slow path
    assert fast == slow_reader.read(text, sentences, "vi"), text


def test_every_character_a_case_insensitive_pattern_takes_for_its_letters_is_lowered_to_them_or_caught():
    """Scanning every code point: wherever re.IGNORECASE lets a character stand for a letter of the
    spelled-number or vague-amount words, lower() turns it into that letter, changes the text's length,
    or is found by the reader's fold_risk pattern (and the case-insensitive patterns run)."""
    import sys

    from figcheck.reading.reader import reader_for

    reader = reader_for("vi").figures
    letters = {ch for w in reader.spelled.vocabulary for ch in w} | {ch for k, _ in reader.vague for ch in k.lower()}
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in sorted(letters - {" "}):
        for m in re.finditer(re.escape(letter), every, re.IGNORECASE):
            low = m.group(0).lower()
            assert low == letter or len(low) != 1 or reader.fold_risk.search(low), (letter, ascii(m.group(0)))

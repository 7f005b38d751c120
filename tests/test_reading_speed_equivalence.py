"""Issue 13 (figures, layout, reader): each lookup rewritten for speed answers what its plain definition
answers, on generated text built from the lexicon's own words (so that the rare branches are reached)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.languages import load_language
from figcheck.reading.layout import Layout, LayoutReader

LANG = load_language("vi")
LAYOUT = LayoutReader(LANG)

# pieces of period phrases and their near misses: numbers, number words, "tháng", "quý", "năm", Roman numerals
PERIOD_WORDS = ["6", "9", "12", "2023", "sáu", "chín", "ba", "mười một", "tháng", "đầu", "cuối", "năm", "quý", "ii",
                "iv", "Năm", "Quý", "THÁNG", "của", "tăng"]
_periodish = st.lists(st.sampled_from(PERIOD_WORDS), max_size=8).map(" ".join)
_line = st.one_of(_periodish, st.text(alphabet="aă9 .,Σİ", max_size=12),
                  st.tuples(_periodish, st.text(alphabet=" ,.", max_size=2), _periodish).map("".join))


def _period_by_every_pattern(text: str, layout: Layout) -> str | None:
    """The definition: the first pattern, in the lexicon's order, that matches a piece, the pieces in order."""
    pieces = ([layout.title] if layout.title else []) + [text[s:e] for s, e in layout.body]
    for regex in LANG.period_regexes:
        for piece in pieces:
            m = regex.search(piece.lower())
            if m:
                return piece[m.start():m.end()]
    return None


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=6), st.one_of(st.none(), _periodish))
def test_the_period_is_the_first_patterns_first_match(lines, title):
    text = "\n".join(lines)
    body, pos = [], 0
    for line in lines:
        body.append((pos, pos + len(line)))
        pos += len(line) + 1
    layout = Layout(title=title, body=body)
    assert LAYOUT._period(text, layout) == _period_by_every_pattern(text, layout)


def test_a_later_pattern_in_an_earlier_line_gives_way_to_an_earlier_pattern_in_a_later_line():
    text = "Trong năm 2023 tỉnh đã làm nhiều việc.\n9 tháng đầu năm thu được nhiều."
    layout = Layout(body=[(0, 38), (39, len(text))])
    assert LAYOUT._period(text, layout) == "9 tháng đầu năm"
    assert LAYOUT._period("Không có kỳ nào.", Layout(body=[(0, 16)])) is None


# -- whole-word alternations ------------------------------------------------------------------------

import re  # noqa: E402

from figcheck.reading.figures import FigureReader, whole_words_pattern  # noqa: E402

FIGURES = FigureReader(LANG)
VOCABULARY = sorted({w.lower() for w in FIGURES.spelled.vocabulary}, key=len, reverse=True)
VAGUE = [k.lower() for k, _ in FIGURES.vague]


def _plain_alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, phrases)) + r")(?![^\W_])")


_glue = st.sampled_from(["", " ", "  ", ",", "_", "a", "9", "\n", "ă", "(", "-"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["spelled", "vague", "made up"]), st.data())
def test_a_whole_word_pattern_finds_what_the_plain_alternation_finds(which, data):
    phrases = {"spelled": VOCABULARY, "vague": VAGUE}.get(which) or data.draw(
        st.lists(st.text(alphabet="ab c_9(", min_size=1, max_size=4), min_size=1, max_size=6))
    pieces = data.draw(st.lists(st.tuples(_glue, st.sampled_from(phrases + ["hàng", "vài", "mười", "x"])), max_size=10))
    text = "".join(g + p for g, p in pieces) + data.draw(_glue)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    fast, plain = whole_words_pattern(phrases), _plain_alternation(phrases)
    assert [m.span() for m in fast.finditer(text, pos, end)] == [m.span() for m in plain.finditer(text, pos, end)]


def test_a_longer_phrase_listed_first_is_taken_whole():
    pattern = whole_words_pattern(VAGUE)
    assert [m.group(0) for m in pattern.finditer("hàng chục nghìn người và vài hộ, ngân hàng")] == \
        ["hàng chục nghìn", "vài"]
    assert whole_words_pattern([]).search("một hai") is None


# -- per-figure lookups kept or filtered -----------------------------------------------------------

from figcheck.reading import figures as figures_module  # noqa: E402
from figcheck.reading.figures import _starts_with_phrase  # noqa: E402

NOUN_WORDS = sorted({w for p in LANG.words("counted_nouns") + LANG.words("fractional_counts")
                     + LANG.words("classifiers") for w in p.split()}) + ["tỷ", "đồng", "ha", "lượt/ngày", "(vụ", "vụ,"]
NOT_UNITS = LANG.words("not_units")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NOUN_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=30))
def test_a_nouns_wholeness_kept_for_later_figures_is_what_the_lexicon_says(heads):
    reader = FigureReader(LANG)
    for head in heads + heads:  # asked twice: the second answer comes from what was kept
        assert reader._whole_head(head) == (reader.counted_nouns.starts(head)
                                            and not reader.fractional_counts.starts(head))


def test_the_nouns_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(figures_module, "_MEMO_SIZE", 3)
    reader = FigureReader(LANG)
    for head in ["vụ", "người", "tỷ đồng", "lần", "ha", "vụ"]:
        assert reader._whole_head(head) == (reader.counted_nouns.starts(head)
                                            and not reader.fractional_counts.starts(head))
        assert len(reader._whole_heads) <= 3
    assert reader._whole_head("vụ") and not reader._whole_head("lần")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([w for p in NOT_UNITS for w in p.split()] + ["đồng", "tấn", "m", "g", "ha", " ", ","]),
                max_size=4).map(" ".join), st.sampled_from(["", " ", ",", "x"]))
def test_a_word_that_begins_like_a_unit_is_found_as_comparing_every_one_finds_it(rest, tail):
    text = rest + tail
    assert FIGURES._not_unit(text) == any(_starts_with_phrase(text, w) for w in NOT_UNITS)


# -- patterns that open with a character instead of a look-behind --------------------------------------

import unicodedata  # noqa: E402

from figcheck.reading import layout as layout_module  # noqa: E402
from figcheck.reading import normalize as normalize_module  # noqa: E402

_TONED = "".join(unicodedata.normalize("NFC", v + t) for v in "aAeEyY" for t in "\u0300\u0301\u0303\u0309\u0323")
# each rewritten pattern with the plain form it replaced, and an alphabet that reaches its branches
REWRITTEN = {
    "sentence end": (layout_module._SENTENCE_END, r"[.!?…]+[\"”’)\]]*[ \t]+|(?<=%)\.(?=[^\W\d_])",
                     ".!?…\"”’)] \t\n%aT9,"),
    "digit run": (figures_module._TOKEN, r"\d[\d.,/:\u066b\u066c]*\d|\d", "19.,/:\u066b\u066c a٣"),
    "clause break": (figures_module._AFTER_BREAK, r"[,;:()\[\]“”\"=]|\d", ",;:()[]“”\"= a7٣."),
    "separated numeral": (figures_module._SEPARATED_NUMERAL, r"(?<!\d)\d+(?:[.,]\d+)+", "12.,a -٣"),
    "old tone placement": (normalize_module._OLD_STYLE_NFC, r"(?<![qQ])[oOuU][" + _TONED + r"](?![^\W\d_])",
                           "qQoOuU" + _TONED[:6] + "án 1\n"),
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(REWRITTEN)), st.data())
def test_a_pattern_opened_with_a_character_matches_where_its_plain_form_does(name, data):
    fast, plain, alphabet = REWRITTEN[name]
    text = data.draw(st.text(alphabet=alphabet, max_size=40))
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    assert [m.span() for m in fast.finditer(text, pos, end)] == \
        [m.span() for m in re.compile(plain).finditer(text, pos, end)]


def test_a_noun_after_more_dropped_words_than_one_match_reads_is_found():
    # seven words dropped before the noun: past the six words one match of the noun reader takes
    assert FIGURES._noun("5 các các những các các các các vụ cháy", 1, 60) == (None, "vụ cháy")
    assert FIGURES._noun("5 vụ cháy rừng lớn nhỏ khác nữa", 1, 60) == (None, "vụ cháy rừng lớn nhỏ")
    assert FIGURES._noun("5 " + "các " * 40 + "vụ", 1, 300) == (None, None)  # the window ends first


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aăếA9²½Ⅻ_(),-/“", max_size=8))
def test_a_word_stripped_of_punctuation_is_the_word_the_pattern_finds(word):
    m = figures_module._WORD.search(word)
    assert figures_module._strip_punct(word) == (m.group(0) if m else word)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([w for p in LANG.words("ratio_nouns") for w in p.split()] + ["kế", "hoạchh", "x", ","]),
                max_size=4).map(" ".join))
def test_a_percentage_of_a_target_is_found_as_comparing_every_target_word_finds_it(noun):
    assert figures_module._starts_with_any_phrase(noun, FIGURES.ratio_nouns_tuple) == \
        any(_starts_with_phrase(noun, w) for w in FIGURES.ratio_nouns)


# -- spelled numbers: the tests that set a run aside, whatever order they are asked in -----------------

import figcheck  # noqa: E402
import pytest  # noqa: E402


@pytest.mark.parametrize("sentence,figures", [
    ("Sau hai năm, xã có ba vụ cháy.", [("ba", 3)]),  # a duration; a number word with a counted noun
    ("Tháng ba không có vụ nào, thứ hai có một vụ.", [("một", 1)]),  # "tháng ba", "không", "thứ hai"
    ("Có hai mươi người và vài chục hộ, năm 2023 có một số việc.", [("hai mươi", 20), ("vài chục", None)]),
    ("Nghìn người đến, triệu lượt xem, tư vấn cho một hộ.", [("một", 1)]),  # words that need a number first
])
def test_spelled_numbers_that_are_figures_and_those_that_are_not(sentence, figures):
    assert [(f.text, f.value) for f in figcheck.extract(sentence).figures] == figures

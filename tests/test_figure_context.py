"""The words read around a figure, rewritten for speed, are those of their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.models import Figure
from figcheck.reading.figures import _AFTER_BREAK, _WORD
from figcheck.reading.reader import reader_for
from figcheck.reading.relations.shared import _PHRASE_END, described

READER = reader_for("vi").figures
# words the noun reader treats specially (classifiers, stop words, number words, names), spaces of
# several kinds, digits and punctuation
PIECES = ["vụ", "người", "bị", "can", "xã", "Bắc", "Sơn", "khẩu", "súng", "ba", "hai", "các", "trong", "đó",
          "ha", "tăng", "so", "cùng", "kỳ", "đối-tượng", "a/b", " ", "  ", "\t", "\n", "\u00a0", "\u2003", ",", ";",
          "(", ")", "12", ".", "“", "_", "x"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)


def plain_noun(reader, text: str, pos: int, limit: int):
    """``FigureReader._noun`` as first written: every word of the window, stopping at any gap that is
    not white space."""
    words: list[str] = []
    classifier = None
    for m in _WORD.finditer(text, pos, min(limit, pos + 120)):
        if text[pos:m.start()].strip():
            break
        word, low = m.group(0), m.group(0).lower()
        if not words and classifier is None and low in reader.classifiers:
            classifier, pos = low, m.end()
            continue
        if not words and low in reader.drop_first:
            pos = m.end()
            continue
        if not words and low in reader.stop_words and reader.stop_word_nouns:
            ahead = tuple(w.lower() for w in _WORD.findall(text, m.start(), m.start() + 40)[:2])
            if ahead in reader.stop_word_nouns:
                words.append(word)
                pos = m.end()
                continue
        if low in reader.stop_words and not (words and (words[-1].lower(), low) in reader.stop_word_nouns) \
                or low in reader.spelled.vocabulary and not words and low != "ba":
            break
        if words and word[:1].isupper() and words[-1][:1].islower():
            break
        words.append(word)
        pos = m.end()
        if len(words) == 5:
            break
    noun = " ".join(words) if words else None
    if noun is None and classifier is not None:
        noun, classifier = classifier, None
    return classifier, noun


@settings(max_examples=400)
@given(texts, st.integers(0, 60), st.integers(0, 200))
def test_the_noun_after_a_figure_is_its_plain_definition(text, pos, limit):
    pos = min(pos, len(text))
    assert READER._noun(text, pos, limit) == plain_noun(READER, text, pos, limit)


@settings(max_examples=400)
@given(texts, st.integers(0, 60), st.integers(0, 200))
def test_the_clause_after_a_figure_is_its_plain_definition(text, end, s1):
    chunk = text[end:min(s1, end + 160)]
    m = _AFTER_BREAK.search(chunk)
    plain = " ".join((chunk[:m.start()] if m else chunk).split()[:10])
    assert READER._clause_after(text, end, s1) == plain


@settings(max_examples=300)
@given(texts, st.integers(0, 60))
def test_the_words_describing_a_figure_are_their_plain_definition(text, end):
    f = Figure(id="f1", text="1", start=0, end=end, sentence=0, value=1, low=1.0, high=1.0, qualifier=None,
               unit="count", noun=None, role="count")
    phrase = _PHRASE_END.split(text[end:end + 60], maxsplit=1)[0]
    assert described(text, f) == tuple(w for w in phrase.lower().split()[:3] if w not in ("số",))


def test_a_noun_stops_at_what_is_not_white_space():
    assert READER._noun("12 vụ, 3 người", 2, 14) == (None, "vụ")
    assert READER._noun("228 bị can bị bắt", 3, 17) == (None, "bị can")
    assert READER._noun("4 xã Bắc Sơn", 1, 12) == (None, "xã")
    assert READER._noun("5 vụ", 9, 4) == (None, None)  # a position past the window: nothing
    assert re.fullmatch(r"\s*", " \u00a0\u2003\t")  # the kinds of white space the strategy mixes in

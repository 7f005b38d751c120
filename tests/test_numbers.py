"""Written numbers: both conventions, and spelled Vietnamese numbers."""

from decimal import Decimal

import pytest

from figcheck.languages import load_language
from figcheck.reading.numbers import SpelledNumbers, dominant_convention, parse_numeral

SPELLED = [
    ("không", 0), ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7),
    ("bẩy", 7), ("tám", 8), ("chín", 9), ("mười", 10), ("mười một", 11), ("mười hai", 12),
    ("mười bốn", 14), ("mười tư", 14), ("mười lăm", 15), ("mười nhăm", 15), ("mười chín", 19),
    ("hai mươi", 20), ("hai mươi mốt", 21), ("hai mươi tư", 24), ("hai mươi lăm", 25),
    ("ba mươi ba", 33), ("năm mươi", 50), ("chín mươi chín", 99), ("hai chục", 20),
    ("một trăm", 100), ("một trăm linh một", 101), ("một trăm lẻ năm", 105), ("bảy trăm linh năm", 705),
    ("hai trăm mười", 210), ("hai trăm mười lăm", 215), ("ba trăm bốn mươi mốt", 341),
    ("chín trăm chín mươi chín", 999), ("một nghìn", 1000), ("một ngàn", 1000),
    ("một nghìn không trăm linh năm", 1005), ("hai nghìn năm trăm", 2500),
    ("mười lăm nghìn", 15000), ("hai mươi nghìn", 20000), ("một trăm nghìn", 100000),
    ("một trăm ngàn", 100000), ("chín trăm chín mươi chín nghìn", 999000), ("một triệu", 1_000_000),
    ("ba triệu hai trăm nghìn", 3_200_000), ("một tỷ", 1_000_000_000), ("hai tỉ", 2_000_000_000),
    ("một nghìn tỷ", 10**12), ("âm năm", -5), ("âm hai mươi mốt", -21), ("trăm nghìn", 100000),
]


@pytest.fixture(scope="module")
def spelled():
    return SpelledNumbers(load_language("vi"))


@pytest.mark.parametrize("words,value", SPELLED)
def test_spelled_numbers(spelled, words, value):
    assert spelled.parse(words.split()) == value


def test_spelled_table_is_large_enough():
    assert len(SPELLED) >= 40


@pytest.mark.parametrize("words", ["hai trăm năm", "mười năm", "hai mươi năm", "linh năm", "trăm trăm"])
def test_ambiguous_or_malformed_spelled_runs_are_refused(spelled, words):
    # "hai trăm năm" is 250 to some readers and "two hundred years" to others: refuse, do not guess.
    assert spelled.parse(words.split()) is None


@pytest.mark.parametrize("token,convention,value,decimals", [
    ("4.340", "vi", "4340", 0), ("35.000", "vi", "35000", 0), ("1.824", "vi", "1824", 0),
    ("98,3", "vi", "98.3", 1), ("1,5", "vi", "1.5", 1), ("1.234.567", "vi", "1234567", 0),
    ("1.234,5", "vi", "1234.5", 1), ("4,340.5", "vi", "4340.5", 1), ("4,340", "en", "4340", 0),
    ("4.340", "en", "4.340", 3), ("1.5", "vi", "1.5", 1), ("1,234,567", "en", "1234567", 0),
    ("0,5", "vi", "0.5", 1), ("7", "vi", "7", 0),
])
def test_numerals(token, convention, value, decimals):
    n = parse_numeral(token, convention)
    assert n is not None
    assert n.value == Decimal(value)
    assert n.decimals == decimals


@pytest.mark.parametrize("token", ["1.1.1", "12.34.5", "1,23,4", "1" * 40])
def test_malformed_numerals(token):
    assert parse_numeral(token, "vi") is None


def test_dominant_convention():
    assert dominant_convention("có 1.234.567 người, 98,3% đạt") == "vi"
    assert dominant_convention("reached 1,234,567 people and 98.35% passed, 4.340 units") == "en"
    assert dominant_convention("4.340 tin") == "vi"  # nothing unambiguous: the default


def test_arabic_indic_separators_keep_a_number_whole():
    """"٤٬٣٤٠" once read as two numbers, 4 and 340: the Arabic separators say which mark is which."""
    import figcheck

    assert [(f.text, f.value) for f in figcheck.extract("Có ٤٬٣٤٠ vụ.").figures] == [("٤٬٣٤٠", 4340)]
    assert [f.value for f in figcheck.extract("Đạt ٩٨٫٣% kế hoạch.").figures] == [98.3]
    assert figcheck.extract("Có ٤٬٣٤ vụ.").figures == []  # a group of two digits: not a number

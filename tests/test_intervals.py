"""What each wording claims (validators/intervals.py's table)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.reading.intervals import claim, magnitude


@pytest.mark.parametrize("value,decimals,mag", [("4340", 0, "10"), ("600", 0, "100"), ("17", 0, "1"),
                                                ("98.3", 1, "0.1"), ("2000", 0, "1000"), ("0", 0, "1")])
def test_magnitude(value, decimals, mag):
    assert magnitude(Decimal(value), decimals) == Decimal(mag)


@pytest.mark.parametrize("value,decimals,qualifier,whole,measured,low,high", [
    ("4340", 0, None, True, False, 4340, 4340),
    ("4340", 0, "more_than", True, False, 4341, 4349),      # "trên 4.340" ≈ 4.341–4.349
    ("600", 0, "nearly", True, False, 500, 599),            # "gần 600" ≈ 5xx
    ("2000", 0, "nearly", True, False, 1000, 1999),
    ("98.3", 1, None, False, True, 98.25, 98.35),           # "98,3%" as rounded
    ("90", 0, None, False, True, 89.5, 90.5),
    ("500", 0, "about", True, False, 450, 550),
    ("50", 0, "up_to", True, False, 0, 50),
    ("50", 0, "less_than", True, False, 0, 49),
    ("17", 0, "nearly", False, True, 16, 17),
])
def test_strict_claims(value, decimals, qualifier, whole, measured, low, high):
    c = claim(Decimal(value), decimals, qualifier, whole=whole, measured=measured)
    assert c.low == pytest.approx(low)
    assert c.high == pytest.approx(high)


def test_loose_reading_contains_strict_reading():
    for q in ("more_than", "nearly", "about", "up_to", "less_than", "at_least", None):
        c = claim(Decimal("2000"), 0, q, whole=True, measured=False)
        assert c.loose_low <= c.low
        assert c.loose_high is None or c.high is None or c.loose_high >= c.high


def test_multiplier_scales_precision():
    c = claim(Decimal("1500000"), 1, None, whole=True, measured=False, multiplier=1_000_000)
    assert (c.low, c.high) == (1_450_000, 1_550_000)  # "1,5 triệu" is 1,5 rounded to a tenth of a million


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**30), st.sampled_from([None, "more_than", "nearly", "about", "up_to", "less_than",
                                                  "at_least"]),
       st.booleans(), st.booleans(), st.sampled_from([1, 1000, 10**6]), st.integers(0, 3))
def test_the_plain_count_shortcut_is_the_full_reading(digits, qualifier, whole, measured, multiplier, decimals):
    """claim() skips the general computation for a plain count (issue 13); the result is the same for
    every kind of figure."""
    from decimal import Decimal

    from figcheck.reading.intervals import _claim, _widen, claim

    value = Decimal(digits).scaleb(-decimals) * multiplier
    kw = {"whole": whole, "measured": measured, "multiplier": multiplier}
    assert claim(value, decimals, qualifier, **kw) == _widen(_claim(value, decimals, qualifier, **kw))

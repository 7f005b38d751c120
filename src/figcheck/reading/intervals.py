"""What a written figure claims: the interval of true values its wording allows.

Every check in figcheck is evaluated on these intervals, so they are written down once, here.

A figure has two readings:

* the **strict** reading — what a careful reader takes the words to say (``Figure.low/high``);
* the **loose** reading — the most a generous reader lets a loose qualifier stretch
  (``Figure.loose_low/loose_high``). A rule that only the loose reading satisfies is a *warning*; one
  that neither satisfies is an *error*.

Notation: ``v`` is the written value; ``u`` is one unit of the last written digit (``98,3`` → 0,1;
``4.340`` → 1); ``m`` is the *magnitude* of the written number — the place of its last non-zero digit
(``4.340`` → 10, ``600`` → 100, ``17`` → 1), which says how precise a round figure means to be.
Whole-number units (counts of things) round bounds inward to whole numbers: "more than 4.340" is
4.341 at the least.

================  ===============================  =====================  ====================
qualifier          words (vi)                        strict                 loose
================  ===============================  =====================  ====================
none, count        "4.340 tin"                       [v, v]                 [v, v]
none, measured     "98,3%", "1,5 kg", "90%"          [v − u/2, v + u/2]     [v − u/2, v + u/2]
more_than          trên, hơn, ngoài                  (v, v + m)  ¹          (v, 1,5·v + m]
nearly             gần, xấp xỉ                       [v − m, v)             [0,75·v, v] ∪ strict
about              khoảng, chừng, tầm, độ            [v − m/2, v + m/2]     [0,75·v, 1,25·v] ∪ strict
up_to              tới, lên tới, không quá           [0, v]                 [0, v]
less_than          dưới, chưa đến                    [0, v)                 [0, v)
at_least           ít nhất, tối thiểu                [v, v + m)             [v, ∞)
vague              hàng trăm, vài chục               lexicon's [low, high]  lexicon's [low, high]
================  ===============================  =====================  ====================

¹ For whole-number units with m = 1 ("trên 17 vụ"), (v, v + 10): (17, 18) holds no whole number.

Examples: "trên 4.340 nguồn tin" → strict [4.341, 4.349] (the glossary's 4.34x), loose [4.341, 6.520];
"gần 600" → strict [500, 599] ("5xx"), loose [450, 600]; "98,3%" → [98,25; 98,35] under rounding.

Percentages are measured values (they are rounded), so "90%" claims [89,5; 90,5]. Whether a
percentage was rounded half-up, half-even or truncated is not decided here: the share-granularity
check (``figcheck.validators.rounding``) tries each convention on the exact written digits.
Open bounds are kept closed in floats (a whole-number bound is moved inward by one), which only
matters on the very edge of an interval.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import NamedTuple

LOOSE_MORE = 1.5  # "trên v" read generously still does not mean more than 1,5·v (+ its magnitude)
LOOSE_NEAR = 0.75  # "gần v" / "khoảng v" read generously: within 25 % of v


class Claim(NamedTuple):
    """A figure's strict and loose intervals (None: unbounded). A named tuple, not a frozen dataclass: one is
    made for every figure, and a tuple in about half the time."""

    low: float | None
    high: float | None
    loose_low: float | None
    loose_high: float | None


def unit_of_last_digit(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def magnitude(value: Decimal, decimals: int) -> Decimal:
    """The place of the last non-zero written digit: 4.340 → 10, 600 → 100, 17 → 1, 98,3 → 0,1."""
    if value == 0:
        return unit_of_last_digit(decimals)
    scaled = int((abs(value) * (Decimal(10) ** decimals)).to_integral_value())
    places = 0
    while scaled % 10 == 0 and scaled > 0:
        scaled //= 10
        places += 1
    return Decimal(10) ** (places - decimals)


def _inward(low: float | None, high: float | None, whole: bool,
            open_low: bool = False, open_high: bool = False) -> tuple[float | None, float | None]:
    """Round bounds inward to whole numbers for whole-number units, honouring open ends."""
    if not whole:
        return low, high
    if low is not None:
        low = math.floor(low) + 1 if open_low and float(low).is_integer() else math.ceil(low)
    if high is not None:
        high = math.ceil(high) - 1 if open_high and float(high).is_integer() else math.floor(high)
    return low, high


def claim(value: Decimal, decimals: int, qualifier: str | None, *, whole: bool,
          measured: bool, multiplier: int = 1) -> Claim:
    """The strict and loose intervals for a written number (see the module's table).

    ``whole``: the unit counts whole things (a count of cases, people…).
    ``measured``: the figure is a measurement or percentage, so an unqualified value is rounded.
    ``multiplier``: a word multiplier already applied to ``value`` ("1,5 triệu"), which scales the
    precision of the written digits.
    """
    if qualifier is None and not measured and multiplier == 1 and decimals <= 0:
        fv = float(value)  # a plain count ("17 vụ"), most figures: exactly what it says, nothing to widen
        return Claim(fv, fv, fv, fv)
    return _widen(_claim(value, decimals, qualifier, whole=whole, measured=measured, multiplier=multiplier))


def _claim(value: Decimal, decimals: int, qualifier: str | None, *, whole: bool,
           measured: bool, multiplier: int = 1) -> Claim:
    v = value
    u = unit_of_last_digit(decimals) * multiplier
    fv = float(v)
    if qualifier is None:  # the place of the last written digit (m) only matters to a qualifier
        if measured or multiplier != 1 or decimals > 0:
            lo, hi = float(v - u / 2), float(v + u / 2)
            lo, hi = _inward(lo, hi, whole and multiplier != 1)
            return Claim(lo, hi, lo, hi)
        return Claim(fv, fv, fv, fv)
    m = max(magnitude(value / multiplier, decimals) * multiplier, u) if multiplier != 1 else magnitude(v, decimals)
    if qualifier == "more_than":
        step = Decimal(10) if whole and m <= 1 else m  # "trên 17 vụ": 18–26, not an empty (17, 18)
        lo, hi = _inward(fv, float(v + step), whole, open_low=True, open_high=True)
        llo, lhi = _inward(fv, float(v * Decimal(LOOSE_MORE) + m), whole, open_low=True)
        return Claim(lo, hi, llo, lhi)
    if qualifier == "nearly":
        lo, hi = _inward(float(v - m), fv, whole, open_high=True)
        llo, lhi = _inward(fv * LOOSE_NEAR, fv, whole)
        return Claim(max(lo, 0.0) if lo is not None else lo, hi, llo, lhi)
    if qualifier == "about":
        lo, hi = _inward(float(v - m / 2), float(v + m / 2), whole)
        llo, lhi = _inward(fv * LOOSE_NEAR, fv * (2 - LOOSE_NEAR), whole)
        return Claim(max(lo, 0.0) if lo is not None else lo, hi, llo, lhi)
    if qualifier == "up_to":
        return Claim(0.0, fv, 0.0, fv)
    if qualifier == "less_than":
        lo, hi = _inward(0.0, fv, whole, open_high=True)
        return Claim(lo, hi, lo, hi)
    if qualifier == "at_least":
        lo, hi = _inward(fv, float(v + m), whole, open_high=True)
        return Claim(lo, hi, fv, None)
    raise ValueError(f"unknown qualifier {qualifier!r}")


def _widen(c: Claim) -> Claim:
    """The loose reading always contains the strict one; a strict reading is never empty."""
    if c.low is not None and c.high is not None and c.low > c.high:
        c = Claim(c.low, c.low, c.loose_low, c.loose_high)  # "gần 0": nothing below, read as [0, 0]
    loose_low = c.loose_low if c.low is None or c.loose_low is None else min(c.loose_low, c.low)
    loose_high = None if c.loose_high is None or c.high is None else max(c.loose_high, c.high)
    return Claim(c.low, c.high, loose_low, loose_high)


def vague_claim(low: float, high: float) -> Claim:
    """A vague amount ("hàng trăm") claims only its order of magnitude, however it is read."""
    return Claim(float(low), float(high), float(low), float(high))

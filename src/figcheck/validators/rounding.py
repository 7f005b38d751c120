"""Rounding conventions and the granularity (GRIM) test for percentages.

A percentage written with ``d`` decimals is a rounded ratio. Whether "96,35%" can come from a count
``c`` depends on which whole totals ``N`` exist with ``100·c/N`` rounding to 96,35 — and on the
rounding convention. Three are considered:

* ``half-up``   — 96,345 → 96,35 (what most people and spreadsheets do);
* ``half-even`` — ties go to the even digit (96,345 → 96,34);
* ``truncation`` — digits are cut (96,349 → 96,34), a non-standard convention.

Everything here is exact (``fractions.Fraction``): a percentage is read from its written digits, never
from a float.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

CONVENTIONS = ("half-up", "half-even", "truncation")
STANDARD = ("half-up", "half-even")
_DECIMAL_MODE = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "truncation": ROUND_DOWN}


@dataclass(frozen=True)
class Bounds:
    """A set of reals ``lo … hi`` with open or closed ends (``hi`` None = unbounded)."""

    lo: Fraction
    lo_closed: bool
    hi: Fraction | None
    hi_closed: bool


@functools.lru_cache(maxsize=16384, typed=True)  # articles repeat their percentages; the result is immutable
def written(value: float | Decimal, decimals: int) -> Fraction:
    """The exact value of a number as written with ``decimals`` places.

    ``typed``: 0.1 (a float) and Decimal("0.1") differ, and so can their digits at many places.
    """
    return Fraction(Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals)))


def rounds_to(p: Fraction, decimals: int, convention: str) -> Bounds:
    """The reals that ``convention`` rounds to ``p`` at ``decimals`` places."""
    u = Fraction(1, 10**decimals)
    if convention == "truncation":
        return Bounds(p, True, p + u, False)
    half = u / 2
    if convention == "half-up":
        return Bounds(p - half, True, p + half, False)
    # half-even: ties go to the even last digit
    even = (p / u).numerator % 2 == 0 if (p / u).denominator == 1 else False
    return Bounds(p - half, even, p + half, even)


def round_ratio(numerator: int, denominator: int, decimals: int, convention: str = "half-up") -> Decimal:
    """100·numerator/denominator rounded at ``decimals`` places by ``convention``."""
    q = Decimal(100 * numerator) / Decimal(denominator)
    return q.quantize(Decimal(1).scaleb(-decimals), rounding=_DECIMAL_MODE[convention])


def _first_integer(lo: Fraction, closed: bool) -> int:
    n = math.floor(lo)
    return n if closed and n == lo else n + 1


def wholes_for(count: int, p: Fraction, decimals: int, convention: str, *, at_least: int = 1) -> tuple[int, int] | None:
    """The range of whole totals N ≥ ``at_least`` with 100·count/N rounding to ``p``; None if there is none.

    100·c/N falls as N grows, so the set of N is an interval: N ∈ (100c/hi, 100c/lo].
    """
    b = rounds_to(p, decimals, convention)
    if count == 0:
        # 0/N = 0 for every N: possible exactly when 0 rounds to p
        zero_ok = (b.lo < 0 or (b.lo == 0 and b.lo_closed)) and (b.hi is None or 0 < b.hi)
        return (at_least, 10**18) if zero_ok else None
    c100 = Fraction(100 * count)
    if b.hi is None or b.hi <= 0:
        return None
    n_lo = _first_integer(c100 / b.hi, b.hi_closed)  # N > 100c/hi (≥ when hi is closed)
    n_lo = max(n_lo, at_least, 1)
    if b.lo <= 0:
        return (n_lo, 10**18)
    top = c100 / b.lo  # N ≤ 100c/lo (< when lo is open)
    n_hi = math.floor(top)
    if not b.lo_closed and n_hi == top:
        n_hi -= 1
    return (n_lo, n_hi) if n_lo <= n_hi else None


def whole_exists(count: int, p: Fraction, decimals: int, convention: str, *, at_least: int = 1) -> bool:
    return wholes_for(count, p, decimals, convention, at_least=at_least) is not None


def conventions_for_whole(count: int, p: Fraction, decimals: int, *, at_least: int = 1) -> list[str]:
    """The conventions under which some whole total gives ``p`` for ``count``."""
    return [c for c in CONVENTIONS if whole_exists(count, p, decimals, c, at_least=at_least)]


def conventions_for_ratio(numerator: int, denominator: int, p: Fraction, decimals: int) -> list[str]:
    """The conventions under which 100·numerator/denominator rounds to ``p``."""
    if denominator == 0:
        return []
    if _integer_rounding_is_exact(numerator, denominator, decimals) and isinstance(p, Fraction):
        return _conventions_by_integers(numerator, denominator, p, decimals)
    return [c for c in CONVENTIONS if written(round_ratio(numerator, denominator, decimals, c), decimals) == p]


_PRECISION = 28  # digits of the default decimal context, in which ``round_ratio`` divides


def _integer_rounding_is_exact(numerator: int, denominator: int, decimals: int) -> bool:
    """Whether ``round_ratio``'s division, rounded to 28 digits before it is rounded at ``decimals`` places,
    gives what exact integer arithmetic gives: its result keeps more places after ``decimals`` than the
    denominator has digits, so it cannot cross a tie or a step of the last place it keeps (100·n/d is at
    least 1/(2·d·10^decimals) away from either when not on it). Plain ints, not too large, only."""
    if type(numerator) is not int or type(denominator) is not int or numerator < 0 or denominator <= 0 \
            or type(decimals) is not int or decimals < 0:
        return False
    whole_digits = len(str(100 * numerator // denominator))
    return whole_digits + decimals + len(str(denominator)) + 1 <= _PRECISION


def _conventions_by_integers(numerator: int, denominator: int, p: Fraction, decimals: int) -> list[str]:
    """``conventions_for_ratio`` by integer division (see ``_integer_rounding_is_exact``)."""
    scaled = p * 10**decimals
    if scaled.denominator != 1:  # p has more places than ``decimals``: nothing rounds to it
        return []
    q, r = divmod(100 * numerator * 10**decimals, denominator)
    above_half, tie = 2 * r > denominator, 2 * r == denominator
    rounded = {"half-up": q + (above_half or tie), "half-even": q + (above_half or (tie and q % 2 == 1)),
               "truncation": q}
    return [c for c in CONVENTIONS if rounded[c] == scaled.numerator]


def nearest_wholes(count: int, p: Fraction, decimals: int) -> list[tuple[int, Decimal]]:
    """The totals either side of 100·count/p and the percentages they give (half-up), for messages."""
    if p <= 0 or count <= 0:
        return []
    centre = Fraction(100 * count) / p
    out = []
    for n in sorted({math.floor(centre), math.ceil(centre)}):
        if n >= 1:
            out.append((n, round_ratio(count, n, decimals)))
    if len(out) == 1:
        n = out[0][0] + 1
        out.append((n, round_ratio(count, n, decimals)))
    return out


def infer_convention(evidence: list[list[str]]) -> str:
    """The convention most of an article's rounded figures allow (ties prefer half-up, then half-even).

    ``evidence`` holds, per rounded figure, the conventions it is consistent with; figures consistent
    with all three say nothing and are ignored. "unknown" when nothing discriminates.
    """
    telling = [e for e in evidence if e and len(e) < len(CONVENTIONS)]
    if not telling:
        return "unknown"
    scores = {c: sum(c in e for e in telling) for c in CONVENTIONS}
    best = max(scores.values())
    return next(c for c in CONVENTIONS if scores[c] == best)


def conventions_for_measured_ratio(part: Fraction, part_decimals: int, whole: Fraction, whole_decimals: int,
                                   p: Fraction, decimals: int) -> list[str]:
    """The conventions under which 100·part/whole rounds to ``p``, where the part and the whole are
    measures known only to their printed precision ("369.882,4 ha" is 369.882,35 … 369.882,45)."""
    hp, hw = Fraction(1, 2 * 10**part_decimals), Fraction(1, 2 * 10**whole_decimals)
    if whole - hw <= 0 or part - hp < 0:
        return []
    return conventions_for_span(100 * (part - hp) / (whole + hw), 100 * (part + hp) / (whole - hw), p, decimals)


def conventions_for_span(lo: Fraction, hi: Fraction, p: Fraction, decimals: int) -> list[str]:
    """The conventions under which some real of ``lo … hi`` (closed) rounds to ``p``."""
    out = []
    for c in CONVENTIONS:
        b = rounds_to(p, decimals, c)
        if (b.hi is None or lo < b.hi or (lo == b.hi and b.hi_closed)) and (hi > b.lo or (hi == b.lo and b.lo_closed)):
            out.append(c)
    return out

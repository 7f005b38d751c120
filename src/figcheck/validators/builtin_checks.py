"""Built-in checks: the rules that need rounding logic rather than interval arithmetic.

A pack names them with ``check:`` (as pandera registers custom checks). Each takes a table (a
:class:`figcheck.validators.tables.ColumnTable`) and the rows' number conventions and returns,
per row, an :class:`Outcome`: not applicable, pass, info (holds only by truncation) or error — with the
conventions the row is consistent with (evidence for the article's rounding convention) and, for an
info or an error, the arithmetic and, where one small edit would fix it, a suggestion. A pass carries
no explanation: nothing reports it, and wording it cost more than the check (issue 13).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from typing import Any

from figcheck.validators import rounding as rnd
from figcheck.reading.numbers import format_number
from figcheck.validators.tables import ColumnTable, RowView

Row = RowView  # a row's values by column name (``get``, as a dict's)


@dataclass
class Outcome:
    status: str  # na | pass | info | error
    conventions: list[str] = field(default_factory=list)
    explanation: str = ""
    suggestion: str | None = None


NA = Outcome("na")
PASS = Outcome("pass")


def _exact_whole(row: Row, name: str) -> int | None:
    """The value of figure ``name`` when the text states it exactly as a whole number."""
    v = row.get(f"{name}.value")
    if v is None or (isinstance(v, float) and math.isnan(v)) or row.get(f"{name}.qualifier") is not None:
        return None
    if float(v) != int(v):
        return None
    return int(v)


def _exact_percent(row: Row, name: str) -> tuple[Fraction, int] | None:
    v = row.get(f"{name}.value")
    if v is None or (isinstance(v, float) and math.isnan(v)) or row.get(f"{name}.qualifier") is not None:
        return None
    if row.get(f"{name}.unit") != "percent":
        return None
    d = int(row.get(f"{name}.decimals") or 0)
    return rnd.written(v, d), d


def _pct(p: Fraction | Decimal, d: int, conv: str) -> str:
    return format_number(Decimal(p.numerator) / Decimal(p.denominator) if isinstance(p, Fraction) else p, conv, d) + "%"


def _classify(convs: list[str]) -> str:
    if any(c in rnd.STANDARD for c in convs):
        return "pass"
    return "info" if convs else "error"


def share_granularity(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """GRIM for shares: a count c reported as p% needs a whole total N giving p at p's precision."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        conv = number_convention[i]
        count = _exact_whole(r, "part")
        pct = _exact_percent(r, "percent")
        if count is None or pct is None or r.get("part.unit") != "count":
            out.append(NA)
            continue
        p, d = pct
        whole = _exact_whole(r, "whole")
        if whole is not None:
            convs = rnd.conventions_for_ratio(count, whole, p, d)
            status = _classify(convs)
            if status == "pass":
                out.append(Outcome("pass", convs))
                continue
            actual = rnd.round_ratio(count, whole, d) if whole else None
            expl = (f"{format_number(count, conv)}/{format_number(whole, conv)} = {_pct(actual, d, conv)}"
                    f"{'' if status == 'pass' else ', not ' + _pct(p, d, conv)}") if actual is not None else ""
            if status == "info":
                expl += " when rounded; truncated, it gives the written figure"
            out.append(Outcome(status, convs, expl, None if status == "pass" or actual is None else _pct(actual, d, conv) + "?"))
            continue
        if p > 100:
            out.append(NA)  # the 0–100 range rule speaks for it
            continue
        upper = _largest_whole(r)
        if upper is not None and upper >= count:
            out.append(_share_of_bounded_whole(count, upper, p, d, conv))
            continue
        convs = rnd.conventions_for_whole(count, p, d, at_least=max(count, 1))
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        near = rnd.nearest_wholes(count, p, d)
        sides = ", ".join(f"{format_number(count, conv)}/{format_number(n, conv)} = {_pct(v, d, conv)}" for n, v in near)
        if status == "info":
            n = rnd.wholes_for(count, p, d, "truncation", at_least=max(count, 1))
            expl = (f"{sides}: no whole total gives {_pct(p, d, conv)} when rounded; truncated, "
                    f"{format_number(count, conv)}/{format_number(n[0], conv)} does")
            out.append(Outcome("info", convs, expl))
            continue
        expl = f"{sides}, so no whole total gives {_pct(p, d, conv)}"
        best = min(near, key=lambda nv: abs(Fraction(nv[1]) - p)) if near else None
        out.append(Outcome("error", convs, expl, _pct(best[1], d, conv) + "?" if best else None))
    return out


def _largest_whole(r: Row) -> int | None:
    """The largest of the wholes a share with a part lists (the counts its base lies between the part and:
    "247 phiếu … chiếm 96,48%" after "256 cử tri", "254 cử tri" — votes out of the voters, or of a base
    between, such as the valid ballots, that the text need not print)."""
    if r.get("part.id") is None or not r.get("wholes.n"):
        return None
    hi = r.get("wholes.max.hi")
    if hi is None or not math.isfinite(hi) or hi != r.get("wholes.max.lo") or float(hi) != int(hi):
        return None
    return int(hi)


def _share_of_bounded_whole(count: int, upper: int, p: Fraction, d: int, conv: str) -> Outcome:
    """GRIM for a count whose base is between the count itself and ``upper``."""
    ranges = {c: rnd.wholes_for(count, p, d, c, at_least=max(count, 1)) for c in rnd.CONVENTIONS}
    convs = [c for c, rg in ranges.items() if rg is not None and rg[0] <= upper]
    status = _classify(convs)
    if status == "pass":
        return Outcome("pass", convs)
    low = rnd.round_ratio(count, upper, d) if upper else None
    sides = (f"{format_number(count, conv)}/{format_number(upper, conv)} = {_pct(low, d, conv)} … "
             f"{format_number(count, conv)}/{format_number(count, conv)} = 100%") if low is not None else ""
    if status == "info":
        return Outcome("info", convs, f"{sides}: no base up to {format_number(upper, conv)} gives {_pct(p, d, conv)} "
                                      "when rounded; truncated, one does")
    return Outcome("error", convs, f"{sides}, so no base up to {format_number(upper, conv)} gives {_pct(p, d, conv)}")


def share_of_whole_granularity(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """GRIM for a percentage of a known whole whose part is not stated: some count out of the whole must
    give the percentage as written ("có 78,24% cơ sở" of 2.420 cannot be)."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        pct = _exact_percent(r, "percent")
        if r.get("part.id") is not None or pct is None:
            out.append(NA)
            continue
        out.append(_share_of_known_whole(_exact_whole(r, "whole"), pct, number_convention[i]))
    return out


def share_of_any_whole_granularity(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """GRIM for a percentage whose noun fits two earlier counts ("57,1% số vụ" after "14 vụ cháy, 1 vụ
    nổ"): each count, and the two together, is a reading of its whole; an error only when no reading
    gives the percentage, an info when only truncation does."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        pct = _exact_percent(r, "percent")
        if r.get("part.id") is not None or r.get("whole.id") is not None or pct is None or r.get("wholes.n") != 2:
            out.append(NA)
            continue
        readings = []
        for agg in ("min", "max", "sum"):
            lo, hi = r.get(f"wholes.{agg}.lo"), r.get(f"wholes.{agg}.hi")
            if lo is None or hi is None or math.isnan(lo) or lo != hi or float(lo) != int(lo):
                break
            readings.append(int(lo))
        if len(readings) != 3:
            out.append(NA)
            continue
        conv = number_convention[i]
        outcomes = [(w, _share_of_known_whole(w, pct, conv)) for w in dict.fromkeys(readings)]
        statuses = {o.status for _, o in outcomes}
        convs = sorted({c for _, o in outcomes for c in o.conventions})
        if "pass" in statuses or "na" in statuses:
            out.append(Outcome("pass", convs) if "pass" in statuses else NA)
            continue
        expl = "; ".join(f"of {format_number(w, conv)}: {o.explanation}" for w, o in outcomes)
        out.append(Outcome("info" if "info" in statuses else "error", convs, expl))
    return out


def _share_of_known_whole(whole: int | None, pct: tuple[Fraction, int], conv: str) -> Outcome:
    """"78,24% of 2.420": some whole count k out of the whole must give the percentage as written."""
    if whole is None or whole <= 0:
        return NA
    p, d = pct
    if p > 100:
        return NA  # the 0–100 range rule speaks for it
    k0 = int(p * whole / 100)
    near = [k for k in range(max(0, k0 - 1), min(whole, k0 + 2) + 1)]
    convs = sorted({c for k in near for c in rnd.conventions_for_ratio(k, whole, p, d)})
    status = _classify(convs)
    if status == "pass":
        return Outcome("pass", convs)
    sides = ", ".join(f"{format_number(k, conv)}/{format_number(whole, conv)} = {_pct(rnd.round_ratio(k, whole, d), d, conv)}"
                      for k in (k0, k0 + 1) if k <= whole)
    if status == "info":
        return Outcome("info", convs, f"{sides}: no count of the {format_number(whole, conv)} gives {_pct(p, d, conv)} "
                                      "when rounded; truncated, one does")
    best = min((k0, k0 + 1), key=lambda k: abs(Fraction(rnd.round_ratio(k, whole, d)) - p))
    return Outcome("error", convs, f"{sides}, so no count of the {format_number(whole, conv)} gives {_pct(p, d, conv)}",
                   _pct(rnd.round_ratio(best, whole, d), d, conv) + "?")


def measure_share_consistency(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A percentage of two measures of one unit ("369.882,4 ha/392.069 ha, đạt 94,34% kế hoạch") must be
    100·part/whole at its printed precision, the measures taken to theirs."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        conv = number_convention[i]
        pct = _exact_percent(r, "percent")
        unit = r.get("part.unit")
        part, whole = (_written(r, name) for name in ("part", "whole"))
        if pct is None or part is None or whole is None or unit in (None, "count", "percent") \
                or r.get("whole.unit") != unit:
            out.append(NA)
            continue
        p, d = pct
        (pv, pd), (wv, wd) = part, whole
        span = _percent_span(r)
        # (each measure anywhere within its printed precision, a multiplier's included: "2,15 nghìn tỷ đồng" is
        # 2,145 … 2,155 nghìn tỷ, not 2.150.000.000.000 ± 0,5 đồng)
        convs = rnd.conventions_for_span(*span, p, d) if span else rnd.conventions_for_measured_ratio(pv, pd, wv, wd, p, d)
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        actual = Decimal(pv.numerator * wv.denominator * 100) / Decimal(pv.denominator * wv.numerator) if wv else None
        ratio = _pct(actual.quantize(Decimal(1).scaleb(-d - 1)), d + 1, conv) if actual is not None else "?"
        part_lo, part_hi = _exact_float(r.get("part.lo")), _exact_float(r.get("part.hi"))
        scaled = part_lo is not None and part_hi is not None and part_hi - part_lo > Fraction(3, 2 * 10 ** pd)
        # (an amount written with a multiplier, "4.215 tỷ đồng", is not spelled out in its units)
        sides = f"the ratio is {ratio}" if scaled else (
            f"{format_number(Decimal(pv.numerator) / pv.denominator, conv, pd)}/"
            f"{format_number(Decimal(wv.numerator) / wv.denominator, conv, wd)} {unit} = {ratio}")
        if status == "info":
            out.append(Outcome("info", convs, f"{sides}: {_pct(p, d, conv)} when truncated, not when rounded"))
            continue
        best = _pct(actual.quantize(Decimal(1).scaleb(-d)), d, conv) + "?" if actual is not None else None
        out.append(Outcome("error", convs, f"{sides}, not {_pct(p, d, conv)}", best))
    return out


def measure_share_of_whole(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A percentage of an amount out of a larger amount of the same unit ("thu ngân sách 1.200 tỷ đồng,
    trong đó thu nội địa 900 tỷ đồng, chiếm 75%"): 100·part/whole, each amount anywhere within its printed
    precision ("1,1 tỷ USD" is 1,05 … 1,15 tỷ), must round to the percentage as written — where a cue word states
    the part within the whole (``cue: "within"``): two amounts side by side may be of anything ("kiến nghị thu hồi
    31,45 tỷ đồng; đã thu hồi 22,8 tỷ đồng, đạt 75,2%" may count earlier years' too). An amount with a qualifier
    ("hơn 900 tỷ") is not checked here."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        unit = r.get("part.unit")
        pct = _exact_percent(r, "percent")
        if pct is None or unit in (None, "count", "percent") or r.get("whole.unit") != unit or r.get("cue") != "within" \
                or r.get("part.qualifier") is not None or r.get("whole.qualifier") is not None:
            out.append(NA)
            continue
        span = _percent_span(r)
        if span is None:
            out.append(NA)
            continue
        lo, hi = span
        p, d = pct
        convs = rnd.conventions_for_span(lo, hi, p, d)
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        conv = number_convention[i]
        part_v, whole_v = Fraction(r.get("part.value")), Fraction(r.get("whole.value"))
        actual = Decimal(part_v.numerator * whole_v.denominator * 100) / Decimal(part_v.denominator * whole_v.numerator)
        ratio = f"the ratio is {_pct(actual.quantize(Decimal(1).scaleb(-d - 1)), d + 1, conv)}"
        if status == "info":
            out.append(Outcome("info", convs, f"{ratio}: {_pct(p, d, conv)} when truncated, not when rounded"))
            continue
        span = (f"{_pct(Decimal(lo.numerator) / lo.denominator, d + 1, conv)} … "
                f"{_pct(Decimal(hi.numerator) / hi.denominator, d + 1, conv)}")
        out.append(Outcome("error", convs, f"{ratio} ({span} with the amounts anywhere within their printed precision), "
                                           f"not {_pct(p, d, conv)}",
                           _pct(actual.quantize(Decimal(1).scaleb(-d)), d, conv) + "?"))
    return out


def _percent_span(r: Row) -> tuple[Fraction, Fraction] | None:
    """100·part/whole with each measure anywhere within its printed precision (its ``lo`` … ``hi``); None where a
    bound is missing or the whole may be none."""
    bounds = [_exact_float(r.get(f"{name}.{end}")) for name in ("part", "whole") for end in ("lo", "hi")]
    if any(b is None for b in bounds) or bounds[2] <= 0:
        return None
    part_lo, part_hi, whole_lo, whole_hi = bounds
    return 100 * part_lo / whole_hi, 100 * part_hi / whole_lo


def _written(row: Row, name: str) -> tuple[Fraction, int] | None:
    """A measure as printed, with its decimals; None when a qualifier or nothing is there."""
    v = row.get(f"{name}.value")
    if v is None or (isinstance(v, float) and math.isnan(v)) or row.get(f"{name}.qualifier") is not None:
        return None
    d = int(row.get(f"{name}.decimals") or 0)
    return rnd.written(v, d), d


def _previous_exists(current: int, p: Fraction, d: int, conv: str, direction: str) -> tuple[int, int] | None:
    """Whole earlier values P with |current − P|/P rounding to p% (the change's GRIM)."""
    b = rnd.rounds_to(p, d, conv)
    # x = 100·|C − P|/P; for a decrease 100·C/P = 100 − x, for an increase 100·C/P = 100 + x
    if direction == "decrease":
        lo, lo_closed = 100 - (b.hi if b.hi is not None else Fraction(10**9)), b.hi_closed
        hi, hi_closed = 100 - b.lo, b.lo_closed
        at_least = current + 1
    else:
        lo, lo_closed, hi, hi_closed = 100 + b.lo, b.lo_closed, 100 + (b.hi if b.hi is not None else Fraction(10**9)), b.hi_closed
        at_least = 1
    if current == 0:
        ok = lo < 0 or (lo == 0 and lo_closed)
        return (at_least, at_least) if ok and direction == "decrease" else None
    shifted = rnd.Bounds(max(lo, Fraction(0)), lo_closed if lo > 0 else False, hi, hi_closed)
    if hi <= 0:
        return None
    c100 = Fraction(100 * current)
    n_lo = max(math.floor(c100 / shifted.hi) + (0 if shifted.hi_closed and (c100 / shifted.hi).denominator == 1 else 1),
               at_least)
    if shifted.lo <= 0:
        n_hi = 10**18
    else:
        top = c100 / shifted.lo
        n_hi = math.floor(top) - (1 if not shifted.lo_closed and top.denominator == 1 else 0)
    if direction == "increase":
        n_hi = min(n_hi, current - 1)
    return (n_lo, n_hi) if n_lo <= n_hi else None


def change_consistency(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A value, its absolute change and its percentage must imply one whole earlier value."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        conv = number_convention[i]
        direction = r.get("direction")
        current = _exact_whole(r, "current")
        delta = _exact_whole(r, "delta")
        previous = _exact_whole(r, "previous")
        pct = _exact_percent(r, "percent")
        unit = r.get("current.unit")
        if unit not in (None, "count", "percent", "pp") and direction in ("increase", "decrease") \
                and (r.get("delta.unit") == unit or r.get("delta.id") is None and r.get("previous.unit") == unit):
            out.append(_measure_change(r, direction, conv))
            continue
        if r.get("current.id") is None and direction in ("increase", "decrease") and pct is not None \
                and r.get("previous.unit") is not None and r.get("previous.unit") == r.get("delta.unit"):
            # "So với năm 2024 (1.824,5 tỷ đồng), tổng thu tăng 322,3 tỷ đồng, tương đương 15,3%": no current value,
            # the percentage is the change over the earlier one
            out.append(_change_over_previous(r, conv))
            continue
        if unit == "percent" and r.get("previous.unit") == "percent" and direction in ("increase", "decrease"):
            out.append(_rate_change(r, direction, conv))
            continue
        if current is None or unit != "count" or direction not in ("increase", "decrease"):
            out.append(NA)
            continue
        sign = 1 if direction == "increase" else -1
        if previous is None and delta is not None:
            previous = current - sign * delta
            if previous < 0:
                out.append(Outcome("error", [], f"{format_number(current, conv)} − {format_number(delta, conv)} = "
                                                 f"{format_number(previous, conv)}: the earlier value would be negative"))
                continue
            derivation = (f"{format_number(current, conv)} {'−' if sign > 0 else '+'} {format_number(delta, conv)} = "
                          f"{format_number(previous, conv)}")
        elif previous is not None:
            if (current - previous) * sign < 0:
                out.append(Outcome("error", [], f"{format_number(previous, conv)} → {format_number(current, conv)} is not a "
                                                 f"{'rise' if sign > 0 else 'fall'}, yet the text calls it one"))
                continue
            stated = delta
            delta = abs(current - previous)
            derivation = f"{format_number(current, conv)} vs {format_number(previous, conv)}"
            if stated is not None and stated != delta:
                # "208 bài, tăng 45 bài so với năm trước (168 bài)": all three values are stated
                later, earlier = (current, previous) if sign > 0 else (previous, current)
                out.append(Outcome("error", [], f"{format_number(later, conv)} − {format_number(earlier, conv)} = "
                                                 f"{format_number(delta, conv)}, not {format_number(stated, conv)}"))
                continue
        else:
            derivation = ""
        if pct is None:
            out.append(Outcome("pass" if previous is not None else "na"))
            continue
        p, d = pct
        if previous is not None:
            if previous == 0:
                out.append(Outcome("error", [], f"{derivation}: a change from 0 has no percentage"))
                continue
            convs = rnd.conventions_for_ratio(delta, previous, p, d)
            status = _classify(convs)
            if status == "pass":
                out.append(Outcome("pass", convs))
                continue
            actual = rnd.round_ratio(delta, previous, d)
            expl = (f"{derivation}; {format_number(delta, conv)}/{format_number(previous, conv)} = {_pct(actual, d, conv)}"
                    f"{'' if status == 'pass' else ', not ' + _pct(p, d, conv)}")
            if status == "info":
                expl += " when rounded; truncated, it gives the written figure"
            out.append(Outcome(status, convs, expl, None if status == "pass" else _pct(actual, d, conv) + "?"))
            continue
        if direction == "decrease" and p > 100:
            out.append(NA)  # the decrease-at-most-100 rule speaks for it
            continue
        convs = [c for c in rnd.CONVENTIONS if _previous_exists(current, p, d, c, direction)]
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        centre = Fraction(100 * current) / (100 + sign * p) if 100 + sign * p > 0 else None
        near = sorted({math.floor(centre), math.ceil(centre)}) if centre is not None and centre > 0 else []
        sides = ", ".join(
            f"{format_number(current, conv)} vs {format_number(n, conv)}: {_pct(rnd.round_ratio(abs(current - n), n, d), d, conv)}"
            for n in near if n > 0)
        expl = f"no whole earlier value gives a {'rise' if sign > 0 else 'fall'} of {_pct(p, d, conv)}" + (f" ({sides})" if sides else "")
        if status == "info":
            expl += "; truncated, one does"
        out.append(Outcome(status, convs, expl))
    return out


def _exact_float(x: Any) -> Fraction | None:
    """A float sum of written percentages as the exact decimal it stands for (they have few decimals)."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return Fraction(Decimal(repr(round(float(x), 9))))


def share_parts_sum(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """The shares of one whole listed together (a breakdown of percentages, ``cue: "shares"``): a complete
    list adds up to 100% within the rounding of its parts, an open one to at most 100%. Each part written
    with ``d`` decimals is within ±½ unit of the truth when rounded, or up to one unit below it when
    truncated, so n parts of one decimal may add up to 99,9–100,1% (rounded) or 99,9–100% (truncated)."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        lo, hi = _exact_float(r.get("parts.sum.lo")), _exact_float(r.get("parts.sum.hi"))
        if r.get("cue") != "shares" or lo is None or hi is None or (r.get("parts.n") or 0) < 2:
            out.append(NA)
            continue
        written_sum, width = (lo + hi) / 2, hi - lo
        complete = bool(r.get("exhaustive"))
        ranges = {"half-up": (lo, hi, True), "half-even": (lo, hi, True), "truncation": (written_sum, written_sum + width, False)}
        if complete:
            convs = [c for c, (a, b, closed) in ranges.items() if a <= 100 and (100 < b or (closed and 100 == b))]
        else:
            convs = [c for c, (a, _, _) in ranges.items() if a <= 100]
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        conv = number_convention[i]
        d = next(k for k in range(10) if (written_sum * 10**k).denominator == 1)
        total = _pct(written_sum, d, conv)
        spread = f"{_pct(lo, d + 1, conv)}–{_pct(hi, d + 1, conv)}"
        if complete:
            expl = (f"the {r.get('parts.n')} shares of the whole add up to {total} (before rounding {spread}), "
                    "not 100%")
        else:
            expl = f"the {r.get('parts.n')} shares of the whole add up to {total} (before rounding {spread}), more than 100%"
        if status == "info":
            expl += "; truncated, they can make it"
        out.append(Outcome(status, convs, expl))
    return out


def pooled_share(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A lead percentage of several groups detailed after it ("hơn 58% học sinh" of grades 9 and 11) is the
    groups' parts over their wholes together: at the printed precision when it has no qualifier (truncation
    only: info), within its qualifier's loosest reading when it has one ("hơn 58%": above 58%)."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        n = r.get("pooled_parts.n")
        v = r.get("percent.value")
        if not n or n < 2 or n != r.get("pooled_wholes.n") or v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(NA)
            continue
        sums = []
        for name in ("pooled_parts", "pooled_wholes"):
            lo, hi = r.get(f"{name}.sum.lo"), r.get(f"{name}.sum.hi")
            sums.append(int(lo) if lo is not None and lo == hi and math.isfinite(lo) and float(lo) == int(lo) else None)
        part, whole = sums
        if part is None or not whole:
            out.append(NA)
            continue
        conv = number_convention[i]
        d = int(r.get("percent.decimals") or 0)
        qualifier = r.get("percent.qualifier")
        ratio = Fraction(100 * part, whole)
        shown = f"{format_number(part, conv)}/{format_number(whole, conv)} = {_pct(rnd.round_ratio(part, whole, d + 2), d + 2, conv)}"
        if qualifier is None:
            p = rnd.written(v, d)
            convs = rnd.conventions_for_ratio(part, whole, p, d)
            status = _classify(convs)
            if status == "pass":
                out.append(Outcome("pass", convs))
                continue
            expl = f"the groups together: {shown}, not {_pct(p, d, conv)}"
            if status == "info":
                expl += " when rounded; truncated, it gives the written figure"
            out.append(Outcome(status, convs, expl, _pct(rnd.round_ratio(part, whole, d), d, conv) + "?"))
            continue
        llo, lhi = r.get("percent.llo"), r.get("percent.lhi")
        low = Fraction(Decimal(repr(llo))) if llo is not None and math.isfinite(llo) else None
        high = Fraction(Decimal(repr(lhi))) if lhi is not None and math.isfinite(lhi) else None
        if (low is None or ratio >= low) and (high is None or ratio <= high):
            out.append(Outcome("pass", []))
            continue
        out.append(Outcome("error", [], f"the groups together: {shown}, which "
                                        f"'{str(qualifier).replace('_', ' ')} {format_number(v, conv, d)}%' does not allow"))
    return out


def whole_number(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A count of things must be a whole number."""
    counted_roles = ("count", "delta", "numerator", "denominator")
    out: list[Outcome] = []
    for i, (value, unit, role, countable) in enumerate(zip(table.columns["value.value"], table.columns["unit"],
                                                           table.columns["role"], table.columns["countable"])):
        v = float(value) if isinstance(value, (int, float)) else math.nan
        if not (unit == "count" and role in counted_roles and not math.isnan(v) and bool(countable)):
            out.append(NA)
        elif math.isfinite(v) and v != round(v):  # an infinite count is the range rules' to judge
            out.append(Outcome("error", [], f"{format_number(v, number_convention[i])} is not a whole number",
                               f"{format_number(round(v), number_convention[i])}?"))
        else:
            out.append(PASS)
    return out


def change_times_consistency(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """"31 người, … tăng 2,4 lần (tăng 22 người)": the earlier value is 31 − 22 = 9, and "tăng 2,4 lần" is
    read either as the ratio 31/9 or as the rise 22/9 in multiples; an error only when neither rounds to the
    multiple as written (an info when only truncation gives it)."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        conv = number_convention[i]
        current, delta = _exact_whole(r, "current"), _exact_whole(r, "delta")
        t = r.get("times.value")
        if r.get("direction") != "increase" or current is None or delta is None or t is None \
                or (isinstance(t, float) and math.isnan(t)) or r.get("times.qualifier") is not None:
            out.append(NA)
            continue
        previous = current - delta
        if previous <= 0:
            out.append(NA)  # the error is the change rule's: the earlier value cannot be
            continue
        d = int(r.get("times.decimals") or 0)
        written_t = rnd.written(t, d)
        readings = {"ratio": Fraction(current, previous), "rise": Fraction(delta, previous)}
        convs = sorted({c for x in readings.values() for c in rnd.CONVENTIONS
                        if rnd.written(_round_fraction(x, d, c), d) == written_t})
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        f = lambda x: format_number(_round_fraction(x, d + 1, "half-up"), conv, d + 1)  # noqa: E731
        expl = (f"{format_number(current, conv)} − {format_number(delta, conv)} = {format_number(previous, conv)}; "
                f"{format_number(current, conv)}/{format_number(previous, conv)} = {f(readings['ratio'])} and "
                f"{format_number(delta, conv)}/{format_number(previous, conv)} = {f(readings['rise'])}, "
                f"neither {format_number(Decimal(written_t.numerator) / written_t.denominator, conv, d)}")
        if status == "info":
            expl += " when rounded; truncated, one gives the written figure"
        out.append(Outcome(status, convs, expl))
    return out


def multiple_of_earlier(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """"72 triệu đồng/năm, gấp 3 lần so với năm 2015 (24 triệu đồng)": the current value over the earlier one, each
    anywhere within its printed precision, rounds to the multiple ("A gấp 3 lần B" is A = 3·B; unlike "tăng 3 lần",
    it is never read as a rise of 3 times, nor truncated). An error when it does not."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        t = r.get("times.value")
        if r.get("direction") != "increase" or t is None or (isinstance(t, float) and math.isnan(t)) \
                or r.get("times.qualifier") is not None or r.get("delta.id") is not None or r.get("previous.id") is None:
            out.append(NA)
            continue
        out.append(_multiple_of_previous(r, t, number_convention[i]))
    return out


def _multiple_of_previous(r: Row, t: float, conv: str) -> Outcome:
    bounds = [_exact_float(r.get(f"{name}.{end}")) for name in ("current", "previous") for end in ("lo", "hi")]
    if any(b is None for b in bounds) or r.get("current.qualifier") is not None \
            or r.get("previous.qualifier") is not None or bounds[2] <= 0:
        return NA
    c_lo, c_hi, p_lo, p_hi = bounds
    d = int(r.get("times.decimals") or 0)
    written_t = rnd.written(t, d)
    # (a multiple is rounded, never truncated: "gấp 3 lần" is not said of 3,9 times — "gần 4 lần" is)
    convs = [c for c in rnd.conventions_for_span(c_lo / p_hi, c_hi / p_lo, written_t, d) if c in rnd.STANDARD]
    if convs:
        return Outcome("pass", convs)
    current, previous = Fraction(r.get("current.value")), Fraction(r.get("previous.value"))
    f = lambda x: format_number(_round_fraction(x, d + 2, "half-up"), conv, d + 2)  # noqa: E731
    return Outcome("error", [], f"the ratio is {f(current / previous)}, not "
                                f"{format_number(Decimal(written_t.numerator) / written_t.denominator, conv, d)}")


def _round_fraction(x: Fraction, decimals: int, convention: str) -> Decimal:
    q = Decimal(x.numerator) / Decimal(x.denominator)
    return q.quantize(Decimal(1).scaleb(-decimals), rounding=rnd._DECIMAL_MODE[convention])


def parts_change_consistency(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A total and its two parts, each with its percentage change: the parts' earlier values c/(1 ± p) add up
    to the total's, every figure taken over the values its wording allows (a qualifier read loosely, a
    percentage to its rounding). An error when no such values agree; an info when only truncated
    percentages make them agree."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        conv = number_convention[i]
        sign = {"increase": 1, "decrease": -1}.get(r.get("direction"))
        values = [_loose(r, name) for name in ("total", "first", "second")]
        pcts = [_exact_percent(r, name) for name in ("percent", "first_percent", "second_percent")]
        if sign is None or any(v is None for v in values) or any(p is None for p in pcts) \
                or any(sign < 0 and p >= 100 for p, _ in pcts):
            out.append(NA)
            continue
        (tl, th), (al, ah), (bl, bh) = values
        if al + bl > th or ah + bh < tl:
            out.append(NA)  # the parts do not add up to the total: the breakdown rule speaks for it
            continue
        convs = []
        for c in rnd.CONVENTIONS:
            (tlo, thi), (alo, ahi), (blo, bhi) = (_earlier(v, rnd.rounds_to(p, d, c), sign)
                                                 for v, (p, d) in zip(values, pcts))
            if alo + blo <= thi and ahi + bhi >= tlo:
                convs.append(c)
        status = _classify(convs)
        if status == "pass":
            out.append(Outcome("pass", convs))
            continue
        mid = [Fraction(r.get(f"{n}.value")) / (1 + sign * p / 100) for n, (p, _) in
               zip(("total", "first", "second"), pcts)]
        f = lambda x: format_number(round(x), conv)  # noqa: E731
        expl = (f"the earlier values: {f(mid[1])} and {f(mid[2])} of the parts make {f(mid[1] + mid[2])}, "
                f"the total's is {f(mid[0])}")
        if status == "info":
            expl += "; only truncated percentages make them agree"
        out.append(Outcome(status, convs, expl))
    return out


def _loose(r: Row, name: str) -> tuple[Fraction, Fraction] | None:
    lo, hi = r.get(f"{name}.llo"), r.get(f"{name}.lhi")
    if lo is None or hi is None or any(math.isnan(x) or math.isinf(x) for x in (lo, hi)):
        return None
    return Fraction(lo), Fraction(hi)


def _earlier(value: tuple[Fraction, Fraction], b: rnd.Bounds, sign: int) -> tuple[Fraction, Fraction]:
    """The earlier values a value in [lo, hi] and a change of b% allow: value/(1 ± p/100)."""
    lo, hi = value
    p_hi = b.hi if b.hi is not None else b.lo
    if sign > 0:
        return lo / (1 + p_hi / 100), hi / (1 + b.lo / 100)
    return lo / (1 - b.lo / 100), hi / (1 - min(p_hi, Fraction(9999, 100)) / 100)


def range_count(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A count numbered by a range of identifiers ("151 ca (BN17577-17727)") is last − first + 1."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        first, last = _exact_whole(r, "first"), _exact_whole(r, "last")
        # the count's loose reading: "khoảng 150 ca" is not contradicted by 151 identifiers
        lo, hi = r.get("count.llo"), r.get("count.lhi")
        if first is None or last is None or lo is None or math.isnan(lo):
            out.append(NA)
            continue
        n = last - first + 1
        if lo <= n and (hi is None or math.isnan(hi) or n <= hi):
            out.append(PASS)
            continue
        count = r.get("count.value")
        out.append(Outcome("error", [], f"{last} − {first} + 1 = {format_number(n, number_convention[i])}, not "
                                         f"{format_number(count, number_convention[i])}",
                           f"{format_number(n, number_convention[i])}?"))
    return out


def _percent_in_span(lo: Fraction, hi: Fraction, p: Fraction, d: int, conv: str, explain) -> Outcome:
    """Whether a percentage ``p`` (``d`` decimals) as written can be any value in [lo, hi] (the figures each to
    their printed precision), under each rounding convention: pass, info (truncated only) or error, the error
    explained by ``explain(span)`` with the span's ends one decimal finer than written."""
    convs = []
    for c in rnd.CONVENTIONS:
        b = rnd.rounds_to(p, d, c)
        if (b.hi is None or lo < b.hi or lo == b.hi and b.hi_closed) and (hi > b.lo or hi == b.lo and b.lo_closed):
            convs.append(c)
    status = _classify(convs)
    if status == "pass":
        return Outcome("pass", convs)
    q = Decimal(1).scaleb(-(d + 1))
    ends = [_pct((Decimal(x.numerator) / x.denominator).quantize(q), d + 1, conv) for x in (lo, hi)]
    expl = explain(ends[0] if ends[0] == ends[1] else f"{ends[0]} to {ends[1]}")
    if status == "info":
        return Outcome("info", convs, expl + " when rounded; truncated, it gives the written figure")
    return Outcome("error", convs, expl)


def _bounds(r: Row, *keys: str) -> list[Fraction] | None:
    """The loose bounds of the figures named, or None where one is missing or not finite."""
    found = [r.get(k) for k in keys]
    if any(b is None or math.isnan(b) or math.isinf(b) for b in found):
        return None
    return [Fraction(b) for b in found]


def _change_over_previous(r: Row, conv: str) -> Outcome:
    """The percentage of a change stated with the earlier value and no current one: 100·delta/previous, each
    to its printed precision (exact for counts), must round to the one written."""
    p, d = _exact_percent(r, "percent")
    bounds = _bounds(r, "previous.llo", "previous.lhi", "delta.llo", "delta.lhi")
    if bounds is None or bounds[0] <= 0:
        return NA
    pl, ph, dl, dh = bounds
    previous, delta = r.get("previous.value"), r.get("delta.value")
    unit = r.get("previous.unit")
    unit = "" if unit in (None, "count") else f" {unit}"
    return _percent_in_span(100 * dl / ph, 100 * dh / pl, p, d, conv, lambda span: (
        f"a change of {format_number(delta, conv)}{unit} from the earlier {format_number(previous, conv)}{unit}: "
        f"{format_number(delta, conv)}/{format_number(previous, conv)} = {span}, not {_pct(p, d, conv)}"))


def _measure_change_of_previous(r: Row, direction: str, conv: str) -> Outcome:
    """A measure and its earlier value with the change's percentage ("8.642 tỷ đồng, tăng 12,4% so với cùng kỳ
    năm 2024 (7.486 tỷ đồng)"): 100·|current − previous|/previous, each to its printed precision, must round to
    the one written, and the direction must be the written one."""
    p, d = _exact_percent(r, "percent")
    bounds = _bounds(r, "current.llo", "current.lhi", "previous.llo", "previous.lhi")
    if bounds is None or bounds[2] <= 0:
        return NA
    cl, ch, pl, ph = bounds
    sign = 1 if direction == "increase" else -1
    lo, hi = sorted((100 * sign * (cl - ph) / ph, 100 * sign * (ch - pl) / pl))
    current, previous, unit = r.get("current.value"), r.get("previous.value"), r.get("current.unit")
    return _percent_in_span(lo, hi, p, d, conv, lambda span: (
        f"{format_number(current, conv)} vs {format_number(previous, conv)} {unit}: "
        f"a {'rise' if sign > 0 else 'fall'} of {span} (the figures to their printed precision), not {_pct(p, d, conv)}"))


def _measure_delta_of_previous(r: Row, direction: str, conv: str) -> Outcome:
    """A measure, its change and its earlier value all printed ("4,82 tỷ USD, tăng 0,46 tỷ USD so với cùng kỳ
    năm 2024 (4,36 tỷ USD)"): the difference, over every value the printed figures allow, must hold the change
    written, in the direction written."""
    bounds = _bounds(r, "current.llo", "current.lhi", "previous.llo", "previous.lhi")
    change = _bounds(r, "delta.llo", "delta.lhi", "delta.llo", "delta.lhi")
    if bounds is None or change is None:
        return NA
    cl, ch, pl, ph = bounds
    dl, dh = change[0], change[1]
    sign = 1 if direction == "increase" else -1
    lo, hi = sorted((sign * (cl - ph), sign * (ch - pl)))
    if hi >= dl and lo <= dh:
        return Outcome("pass")
    current, previous, delta = r.get("current.value"), r.get("previous.value"), r.get("delta.value")
    later, earlier = (current, previous) if sign > 0 else (previous, current)
    unit = r.get("current.unit")
    return Outcome("error", [], f"{format_number(later, conv)} − {format_number(earlier, conv)} = "
                                f"{format_number(abs(current - previous), conv)} {unit}, not {format_number(delta, conv)}")


def _rate_change(r: Row, direction: str, conv: str) -> Outcome:
    """A rate and its earlier value ("tỷ lệ hộ nghèo giảm từ 3,25% xuống còn 2,14%"), each to its printed
    precision: the change must go the way the text says, and a change stated in points ("giảm 1,11 điểm phần
    trăm") must be the difference. A change in per cent ("giảm 34,2%") is read both ways, as points and
    relative to the earlier rate: an error only where it fits neither."""
    bounds = _bounds(r, "current.llo", "current.lhi", "previous.llo", "previous.lhi")
    if bounds is None:
        return NA
    cl, ch, pl, ph = bounds
    sign = 1 if direction == "increase" else -1
    lo, hi = sorted((sign * (cl - ph), sign * (ch - pl)))
    current, previous = r.get("current.value"), r.get("previous.value")
    shown = f"{format_number(previous, conv)}% → {format_number(current, conv)}%"
    if hi < 0:
        return Outcome("error", [], f"{shown} is not a {'rise' if sign > 0 else 'fall'}, yet the text calls it one")
    lo = max(lo, Fraction(0))
    if r.get("points.id") is not None and r.get("points.qualifier") is None and r.get("points.value") is not None:
        d = int(r.get("points.decimals") or 0)
        points = rnd.written(r.get("points.value"), d)
        return _percent_in_span(lo, hi, points, d, conv, lambda span: (
            f"{shown}: a {'rise' if sign > 0 else 'fall'} of {span.replace('%', '')} points "
            f"(the figures to their printed precision), not {format_number(r.get('points.value'), conv, d)}"))
    pct = _exact_percent(r, "percent")
    if pct is None:
        return Outcome("pass")
    p, d = pct
    as_points = _percent_in_span(lo, hi, p, d, conv, lambda span: span)
    if as_points.status == "pass" or pl <= 0:
        return as_points if as_points.status == "pass" else NA
    as_ratio = _percent_in_span(100 * lo / ph, 100 * hi / pl, p, d, conv, lambda span: span)
    if as_ratio.status == "pass":
        return as_ratio
    if "info" in (as_points.status, as_ratio.status):
        return Outcome("info", as_points.conventions + as_ratio.conventions,
                       f"{shown}: {_pct(p, d, conv)} fits only a truncated reading")
    return Outcome("error", [], f"{shown}: a {'rise' if sign > 0 else 'fall'} of {as_points.explanation.replace('%', '')} points "
                                f"or {as_ratio.explanation} of the earlier rate (the figures to their printed "
                                f"precision), not {_pct(p, d, conv)}")


def _measure_change(r: Row, direction: str, conv: str) -> Outcome:
    """A measure, its change and the change's percentage ("117,02 tỷ USD, tăng 0,8% (tương ứng tăng 904 triệu
    USD)"): the percentage 100·delta/(current ∓ delta), over every value the printed figures allow (each to
    its printed precision, a qualifier read loosely), must round to the one written."""
    pct = _exact_percent(r, "percent")
    if pct is not None and r.get("delta.id") is None and r.get("previous.unit") == r.get("current.unit"):
        return _measure_change_of_previous(r, direction, conv)
    if r.get("delta.id") is not None and r.get("previous.id") is not None \
            and r.get("previous.unit") == r.get("current.unit") == r.get("delta.unit"):
        stated = _measure_delta_of_previous(r, direction, conv)
        if stated.status != "pass" or pct is None:
            return stated
    bounds = _bounds(r, "current.llo", "current.lhi", "delta.llo", "delta.lhi")
    if pct is None or bounds is None:
        return NA
    cl, ch, dl, dh = bounds
    p, d = pct
    if direction == "increase":
        if cl - dh <= 0:
            return NA  # the earlier value could be nothing: no percentage to test
        lo, hi = 100 * dl / (ch - dl), 100 * dh / (cl - dh)
    else:
        lo, hi = 100 * dl / (ch + dl), 100 * dh / (cl + dh)
    current, delta = r.get("current.value"), r.get("delta.value")
    previous = current - delta if direction == "increase" else current + delta
    unit = r.get("current.unit")
    return _percent_in_span(lo, hi, p, d, conv, lambda span: (
        f"{format_number(current, conv)} {'−' if direction == 'increase' else '+'} {format_number(delta, conv)} = "
        f"{format_number(previous, conv)} {unit}; {format_number(delta, conv)}/{format_number(previous, conv)} = "
        f"{span} (the figures to their printed precision), not {_pct(p, d, conv)}"))


def _digits(r: Row, name: str) -> str | None:
    """The digits ``name`` is written with (its value at its printed decimals, no separators), or None."""
    v, d = r.get(f"{name}.value"), r.get(f"{name}.decimals")
    if v is None or (isinstance(v, float) and math.isnan(v)) or r.get(f"{name}.qualifier") is not None:
        return None
    return f"{Decimal(str(v)):.{int(d or 0)}f}".replace(".", "").lstrip("-")


def headline_digits_swapped(table: ColumnTable, number_convention: list[str]) -> list[Outcome]:
    """A title figure written with the body figure's digits in another order ("215 trường hợp" over "251
    trường hợp", "48,2%" over "42,8%"): a transposition typo, not rounding or another period — rounding keeps the
    leading digits, and another period's figure is not the same digits by chance once there are three of them."""
    out: list[Outcome] = []
    for i, r in enumerate(table.rows()):
        title, body = _digits(r, "title"), _digits(r, "body")
        if title is None or body is None or r.get("title.unit") != r.get("body.unit") \
                or r.get("title.decimals") != r.get("body.decimals"):
            out.append(NA)
            continue
        if title == body or len(title) < 3 or len(title) != len(body) or sorted(title) != sorted(body):
            out.append(PASS)
            continue
        conv = number_convention[i]
        d = int(r.get("title.decimals") or 0)
        tv, bv = format_number(r.get("title.value"), conv, d), format_number(r.get("body.value"), conv, d)
        out.append(Outcome("error", [], f"{tv} and {bv} are the same digits in another order", f"{tv} → {bv}?"))
    return out


CHECKS = {"share_granularity": share_granularity, "headline_digits_swapped": headline_digits_swapped, "share_of_whole_granularity": share_of_whole_granularity,
          "measure_share_consistency": measure_share_consistency,
          "measure_share_of_whole": measure_share_of_whole,
          "share_of_any_whole_granularity": share_of_any_whole_granularity,
          "change_consistency": change_consistency, "share_parts_sum": share_parts_sum,
          "pooled_share": pooled_share, "range_count": range_count,
          "change_times_consistency": change_times_consistency, "multiple_of_earlier": multiple_of_earlier,
          "parts_change_consistency": parts_change_consistency,
          "whole_number": whole_number}

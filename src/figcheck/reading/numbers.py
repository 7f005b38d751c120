"""Reading written numbers: digit strings in either convention, and spelled Vietnamese numbers.

Vietnamese groups thousands with "." and marks decimals with ","; some sites use the English
convention. A numeral is *ambiguous* when one separator followed by exactly three digits could be either
("4.340", "4,340"); those follow the document's dominant convention, decided by the unambiguous ones.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from figcheck.languages import Language

# A digit string with separators. Linear: no nested quantifiers.
NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")
MAX_DIGITS = 30  # longer digit strings are identifiers (or garbage), never figures


@dataclass(frozen=True)
class Numeral:
    value: Decimal
    decimals: int  # digits after the decimal mark as written


def _groups_ok(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def numeral_evidence(token: str) -> str | None:
    """Which convention a numeral proves on its own: "vi", "en" or None (ambiguous or plain)."""
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        return "vi" if token.rfind(",") > token.rfind(".") else "en"
    if dots > 1:
        return "vi" if _groups_ok(token.split(".")) else None
    if commas > 1:
        return "en" if _groups_ok(token.split(",")) else None
    if dots == 1:
        return None if len(token.split(".")[1]) == 3 else "en"
    if commas == 1:
        return None if len(token.split(",")[1]) == 3 else "vi"
    return None


def dominant_convention(text: str, default: str = "vi") -> str:
    """The convention most unambiguous numerals in ``text`` follow (``default`` on a tie)."""
    counts = {"vi": 0, "en": 0}
    for m in NUMERAL.finditer(text):
        ev = numeral_evidence(m.group(0))
        if ev:
            counts[ev] += 1
    if counts["vi"] == counts["en"]:
        return default
    return "vi" if counts["vi"] > counts["en"] else "en"


@functools.lru_cache(maxsize=8192)  # articles repeat their numerals ("1", "2", "100"); the result is immutable
def parse_numeral(token: str, convention: str = "vi") -> Numeral | None:
    """Read a digit string ("4.340", "98,3", "4,340.5"); None when it is not a well-formed number.

    ``convention`` ("vi" or "en") settles the ambiguous cases.
    """
    if sum(c.isdigit() for c in token) > MAX_DIGITS:
        return None
    if "\u066b" in token or "\u066c" in token:  # Arabic separators say which is which: "٤٬٣٤٠٫٥"
        if "." in token or "," in token or token.count("\u066b") > 1:
            return None
        whole, _, frac = token.partition("\u066b")
        parts = whole.split("\u066c")
        return _make("".join(parts), frac) if len(parts) == 1 or _groups_ok(parts) else None
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        decimal_mark = "," if token.rfind(",") > token.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _, frac = token.rpartition(decimal_mark)
        if decimal_mark in whole or not _groups_ok(whole.split(group_mark)):
            return None
        return _make(whole.replace(group_mark, ""), frac)
    for mark, native in ((".", "vi"), (",", "en")):
        count = dots if mark == "." else commas
        if count == 0:
            continue
        parts = token.split(mark)
        if count > 1:  # several marks of one kind can only be thousands groups
            return _make("".join(parts), "") if _groups_ok(parts) else None
        # One mark: a group when followed by exactly three digits in its native convention.
        is_group = len(parts[1]) == 3 and _groups_ok(parts) and convention == native
        return _make("".join(parts), "") if is_group else _make(parts[0], parts[1])
    return _make(token, "")


def _make(whole: str, frac: str) -> Numeral | None:
    # digits only: Decimal also reads "NaN", "Infinity", "1e5" and "1_000", which no article writes as a number
    if not (whole or frac) or (whole and not whole.isdecimal()) or (frac and not frac.isdecimal()):
        return None
    try:
        value = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    except InvalidOperation:
        return None
    return Numeral(value=value, decimals=len(frac))


# --- spelled numbers -----------------------------------------------------------------------------


class SpelledNumbers:
    """Parser for spelled numbers of one language, driven by its lexicon's ``spelled`` section."""

    def __init__(self, lang: Language) -> None:
        sp = lang.data["spelled"]
        self.digits = {k.lower(): int(v) for k, v in sp["digits"].items()}
        self.after_tens = {k.lower(): int(v) for k, v in sp["after_tens"].items()}
        self.after_ten = {k.lower(): int(v) for k, v in sp["after_ten"].items()}
        self.never_units = {w.lower() for w in sp["never_units"]}
        self.ten = {w.lower() for w in sp["ten"]}
        self.tens = {w.lower() for w in sp["tens"]}
        self.zero_tens = {w.lower() for w in sp["zero_tens"]}
        self.hundred = {w.lower() for w in sp["hundred"]}
        self.scales = {k.lower(): int(v) for k, v in sp["scales"].items()}
        self.negative = {w.lower() for w in sp["negative"]}
        self.vocabulary = (
            set(self.digits) | set(self.after_tens) | self.ten | self.tens | self.zero_tens
            | self.hundred | set(self.scales) | self.negative
        )

    def parse(self, words: list[str]) -> int | None:
        """The value of a run of number words, or None when the run is not a well-formed number."""
        words = [w.lower() for w in words]
        if not words:
            return None
        sign = 1
        if words[0] in self.negative:
            sign, words = -1, words[1:]
        total, group = 0, None  # group: the value below the current scale word
        last_scale = None
        i = 0
        while i < len(words):
            if words[i] in self.scales and last_scale is not None and group is None:
                # "một nghìn tỷ": a scale right after a scale multiplies everything so far
                total *= self.scales[words[i]]
                last_scale = self.scales[words[i]]
                i += 1
                continue
            # read one group below 1000: [d trăm] [linh d | mười [u] | d mươi [u] | d]
            g, i = self._below_thousand(words, i)
            if g is None:
                return None
            if i < len(words) and words[i] in self.scales:
                scale = self.scales[words[i]]
                # "một trăm nghìn": scales combine downwards; "ba triệu hai trăm nghìn" is fine.
                if last_scale is not None and scale >= last_scale:
                    # "nghìn tỷ": scale stacking (e.g. 1 nghìn tỷ) multiplies the whole so far
                    total = (total + g) * scale
                else:
                    total += g * scale
                last_scale = scale
                i += 1
                group = None
            else:
                group = g
                if i < len(words):
                    return None
                break
        if group is not None:
            # a bare trailing group after a scale ("hai nghìn năm" is ambiguous; accept it as 2005
            # only when "linh"/"trăm" spell it out, which _below_thousand already required)
            total += group
        return sign * total

    def _unit(self, w: list[str], i: int, forms: dict[str, int]) -> tuple[int, int]:
        """The unit digit after a tens word, in one of its special ``forms`` or as a plain digit."""
        if i < len(w) and w[i] in forms:
            return forms[w[i]], i + 1
        if i < len(w) and w[i] in self.digits and w[i] not in self.never_units:
            return self.digits[w[i]], i + 1
        return 0, i

    def _below_thousand(self, w: list[str], i: int) -> tuple[int | None, int]:
        n = len(w)
        value = 0
        seen = False
        # hundreds
        if i + 1 < n and w[i] in self.digits and w[i + 1] in self.hundred:
            value += self.digits[w[i]] * 100
            i += 2
            seen = True
            if i < n and w[i] in self.zero_tens:  # "bảy trăm linh năm"
                if i + 1 < n and w[i + 1] in self.digits:
                    return value + self.digits[w[i + 1]], i + 2
                return None, i
        elif i < n and w[i] in self.hundred:  # "trăm" alone = 100 ("trăm nghìn")
            value, i, seen = 100, i + 1, True
        # tens: "mười [u]", "d mươi [u]"
        if i < n and w[i] in self.ten:
            unit, i = self._unit(w, i + 1, self.after_ten)
            return value + 10 + unit, i
        if i + 1 < n and w[i] in self.digits and w[i + 1] in self.tens and self.digits[w[i]] >= 1:
            unit, k = self._unit(w, i + 2, self.after_tens)
            return value + self.digits[w[i]] * 10 + unit, k
        if i < n and w[i] in self.digits:
            if seen:  # "hai trăm năm" (= 250 colloquially) is ambiguous: refuse rather than guess
                return None, i
            return value + self.digits[w[i]], i + 1
        return (value, i) if seen else (None, i)


def format_number(x: float | Decimal | int, convention: str = "vi", decimals: int | None = None) -> str:
    """Write ``x`` in a document's convention: 4.340 and 98,3 ("vi"), 4,340 and 98.3 ("en")."""
    if isinstance(x, float) and (x != x or x in (float("inf"), float("-inf"))):
        return "∞" if x > 0 else ("−∞" if x < 0 else "?")
    d = Decimal(str(x))
    if decimals is None:
        d = d.normalize()
        exponent = d.as_tuple().exponent
        decimals = min(max(0, -exponent), 4) if isinstance(exponent, int) else 0
    q = d.quantize(Decimal(1).scaleb(-decimals)) if decimals else d.quantize(Decimal(1))
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    group, mark = (".", ",") if convention == "vi" else (",", ".")
    parts = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    out = sign + group.join(parts)
    return f"{out}{mark}{frac}" if frac else out

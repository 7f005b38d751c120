"""Unicode normalisation: NFC, and the modern tone placement for "oa", "oe", "uy".

Old-style spelling puts the tone on the second vowel of an open "oa/oe/uy" syllable ("hoá", "thuỷ",
"khoẻ"); the modern one on the first ("hóa", "thủy", "khỏe"). Both spell the same word, so figcheck
reads one form. The rewrite keeps the NFC length, so offsets stay valid.
"""

from __future__ import annotations

import re
import unicodedata

from figcheck.reading.encodings import INVISIBLE_CLASS as _INVISIBLE_CLASS
from figcheck.reading.encodings import strip_invisible

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# In NFD: first vowel o/u (not the u of "qu"), second vowel a/e/y, then the tone mark, then no further
# letter or mark (an open syllable). One fixed-width match per syllable: linear in the text.
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])"
)

# The same syllables as they stand in NFC text: o/u, then a/e/y with the tone composed into it, ending the
# word (every syllable the pattern above rewrites is one of these; a few of these it leaves alone). Text in
# NFC with none of them is its own result, without the round trip through NFD (most text, every time).
# (the look-behind follows the first letter, so that re skips in C to the o's and u's)
_OLD_STYLE_NFC = re.compile(
    r"[oOuU](?<![qQ].)["
    + "".join(unicodedata.normalize("NFC", v + t) for v in "aAeEyY" for t in _TONES)
    + r"](?![^\W\d_])"
)


def _move_tone(m: re.Match[str]) -> str:
    first, second, tone = m.groups()
    if first in "uU" and second in "aAeE":  # "ua", "ue" are not in the rule ("của", "thuế")
        return m.group(0)
    if first in "oO" and second in "yY":
        return m.group(0)
    return f"{first}{tone}{second}"


def normalize_text(text: str) -> str:
    """``text`` without invisible characters, in NFC, with modern tone placement.

    Zero-width, bidirectional and control characters are removed first ("4.3\u200b40" reads 4.340), so
    figcheck's offsets are into this cleaned NFC text; tone placement keeps its length.
    """
    text = strip_invisible(text)
    if text.isascii():
        return text
    if unicodedata.is_normalized("NFC", text) and _OLD_STYLE_NFC.search(text) is None:
        return text
    nfd = unicodedata.normalize("NFD", text)
    fixed = _OLD_STYLE.sub(_move_tone, nfd)
    return unicodedata.normalize("NFC", fixed)


def cleaned_offsets(raw: str) -> tuple[list[int], list[int]] | None:
    """Where each character of ``normalize_text(raw)`` came from in ``raw``: its start and its end.

    Reports that point into a file as it is on disk (CI formats: decomposed accents, invisible
    characters, CRLF) map figcheck's offsets back with these lists: character ``k`` of the cleaned
    text is ``raw[starts[k]:ends[k]]``. None if the cleaned text cannot be aligned with ``raw``
    character by character (a composition across base letters, as in Hangul jamo).
    """
    kept = [m.start() + i for m in re.finditer(r"[^" + _INVISIBLE_CLASS + r"]+", raw) for i in range(len(m.group()))]
    stripped = "".join(raw[i] for i in kept)
    starts: list[int] = []
    ends: list[int] = []
    n = len(stripped)
    i = 0
    while i < n:  # a base character and the combining marks after it become one or more NFC characters
        j = i + 1
        while j < n and unicodedata.combining(stripped[j]):
            j += 1
        size = len(unicodedata.normalize("NFC", stripped[i:j])) if j - i > 1 or ord(stripped[i]) > 127 else 1
        for k in range(size):
            first = min(i + k, j - 1)
            starts.append(kept[first])
            ends.append(kept[j - 1] + 1 if k == size - 1 else kept[first] + 1)
        i = j
    if len(starts) != len(normalize_text(raw)):
        return None
    return starts, ends

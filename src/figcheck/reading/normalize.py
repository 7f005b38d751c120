"""Unicode normalisation: NFC, and the modern tone placement for "oa", "oe", "uy".

Old-style spelling puts the tone on the second vowel of an open "oa/oe/uy" syllable ("hoá", "thuỷ",
"khoẻ"); the modern one on the first ("hóa", "thủy", "khỏe"). Both spell the same word, so figcheck
reads one form. The rewrite keeps the NFC length, so offsets stay valid.
"""

from __future__ import annotations

import re
import unicodedata

from figcheck.reading.encodings import strip_invisible

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# In NFD: first vowel o/u (not the u of "qu"), second vowel a/e/y, then the tone mark, then no further
# letter or mark (an open syllable). One fixed-width match per syllable: linear in the text.
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])"
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
    nfd = unicodedata.normalize("NFD", text)
    fixed = _OLD_STYLE.sub(_move_tone, nfd)
    return unicodedata.normalize("NFC", fixed)

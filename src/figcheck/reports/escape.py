"""Text from inputs shown on a terminal: control characters made visible, never executed.

A file name, an id or a title can hold ESC, NUL or a bidirectional override; written raw, an OSC or CSI
sequence would retitle, recolour or clear the user's terminal, and an override would disguise a name.
``visible`` writes such characters as ``\\xNN`` / ``\\uNNNN`` escapes; line breaks and tabs stay.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def visible(text: object) -> str:
    """``text`` with control and direction-override characters written as escapes."""
    s = "" if text is None else str(text)
    return _CONTROL.sub(_escape, s) if _CONTROL.search(s) else s


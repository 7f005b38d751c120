"""Decoding Vietnamese text whatever its encoding: UTF-8/16, Windows-1258, TCVN3 (ABC), VNI; mojibake.

Bytes are tried as UTF-8 first (with or without BOM), UTF-16 with a BOM, then — when they are not
UTF-8 — decoded as each legacy Vietnamese encoding and scored by how much Vietnamese they then contain.
UTF-8 that was once read as Windows-1252 or Latin-1 and saved again ("Ä‘", "Ã¡", "áº¥") is detected and
repaired. The legacy tables are data: ``languages/vi_encodings.yaml``.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

import yaml

from figcheck.languages import SAFE_LOADER

ALIASES = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8", "utf-16": "utf-16", "utf16": "utf-16",
           "cp1258": "cp1258", "windows-1258": "cp1258", "win1258": "cp1258", "tcvn3": "tcvn3", "abc": "tcvn3",
           "tcvn": "tcvn3", "vni": "vni", "vni-windows": "vni", "latin-1": "latin-1", "cp1252": "cp1252"}
KNOWN = sorted(set(ALIASES))
VIETNAMESE = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@dataclass
class Decoded:
    text: str | None
    encoding: str | None = None
    error: tuple[str, str | None] | None = None  # (message, where)
    notes: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=None)
def _tables() -> dict:
    raw = resources.files("figcheck.languages").joinpath("vi_encodings.yaml").read_text(encoding="utf-8")
    data = yaml.load(raw, Loader=SAFE_LOADER)
    tcvn = {int(k, 16): v for k, v in data["tcvn3"].items()}
    return {"tcvn3": tcvn, "vni": data["vni"], "mojibake": data["mojibake_markers"]}


def vietnamese_share(text: str) -> float:
    """The share of letters that are Vietnamese-specific, among the non-ASCII characters."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 0.0
    return sum(c.lower() in VIETNAMESE for c in non_ascii) / len(non_ascii)


def decode_tcvn3(data: bytes) -> tuple[str, int]:
    """TCVN3 bytes as text; the count of bytes with no TCVN3 meaning."""
    table = _tables()["tcvn3"]
    out, bad = [], 0
    for b in data:
        if b < 0x80:
            out.append(chr(b))
        elif b in table:
            out.append(table[b])
        else:
            out.append("\ufffd")
            bad += 1
    return "".join(out), bad


def decode_vni(data: bytes) -> tuple[str, int]:
    """VNI-Windows bytes as text (NFC); the count of bytes that are not Windows-1252."""
    spec = _tables()["vni"]
    text = data.decode("cp1252", errors="replace")
    bad = text.count("\ufffd")
    tones, breve, circ, single = spec["tones"], spec["breve"], spec["circumflex"], spec["single"]
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        low, mark = c.lower(), nxt.lower()
        upper = c.isupper()
        base = None
        if low == "a" and mark in breve:
            base, tone = "ă", breve[mark]
        elif low in "aeo" and mark in circ:
            base, tone = {"a": "â", "e": "ê", "o": "ô"}[low], circ[mark]
        elif low in "aeouy" and mark in tones:
            base, tone = low, tones[mark]
        elif low in ("ô", "ö") and mark in tones:  # ơ and ư with a tone
            base, tone = single[low], tones[mark]
        if base is not None:
            letter = unicodedata.normalize("NFC", base + tone)
            out.append(letter.upper() if upper else letter)
            i += 2
            continue
        if low in single:
            out.append(single[low].upper() if upper else single[low])
        else:
            out.append(c)
        i += 1
    return "".join(out), bad


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """UTF-8 once read as Windows-1252/Latin-1: the repaired text and what was done, or the text as is."""
    markers = _tables()["mojibake"]
    hits = sum(text.count(m) for m in markers)
    if hits < 2:
        return text, None
    for wrong in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if vietnamese_share(repaired) > vietnamese_share(text):
            return repaired, f"repaired mojibake: UTF-8 text that had been read as {wrong.upper()}"
    # word by word: where some bytes were lost (Windows-1252 has no character for 0x81, 0x8D, 0x8F,
    # 0x90, 0x9D), the words that still decode are repaired and the others are counted
    fixed, changed, broken = [], 0, 0
    for word in re.split(r"([ \t\r\n]+)", text):  # not \s: a mangled "à" ends in a no-break space
        if word.strip(" \t\r\n") and any(m in word for m in markers):
            for wrong in ("cp1252", "latin-1"):
                try:
                    word = word.encode(wrong).decode("utf-8")
                    changed += 1
                    break
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
            else:
                broken += 1
        fixed.append(word)
    if changed:
        note = f"repaired mojibake in {changed} word(s)"
        return "".join(fixed), note + (f"; {broken} word(s) could not be repaired" if broken else "")
    return text, "looks like mojibake (UTF-8 read as Windows-1252) but could not be repaired"


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``: with ``encoding`` as named, else by BOM, UTF-8, then the best legacy encoding."""
    if encoding is not None:
        name = ALIASES.get(encoding.lower())
        if name is None:
            return Decoded(None, error=(f"unknown encoding {encoding!r} (known: {', '.join(KNOWN)})", None))
        return _decode_as(data, name)
    if data.startswith(codecs.BOM_UTF8):
        return _finish(_decode_as(data[len(codecs.BOM_UTF8):], "utf-8"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16")
    if b"\x00" in data[:4096]:
        return Decoded(None, error=("binary data, not text (NUL byte)", f"byte {data.index(0)}"))
    try:
        return _finish(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # not UTF-8: the legacy encoding under which the bytes read most like Vietnamese
    best: Decoded | None = None
    best_score = 0.0
    for name in ("cp1258", "tcvn3", "vni"):
        d = _decode_as(data, name)
        if d.text is None:
            continue
        score = vietnamese_share(unicodedata.normalize("NFC", d.text)) - d.text.count("\ufffd") / max(1, len(d.text))
        if score > best_score:
            best, best_score = d, score
    if best is not None and best_score >= 0.5:
        best.notes.append(f"decoded as {best.encoding.upper()} (not UTF-8)")
        return best
    line = data[: utf8_error.start].count(b"\n") + 1
    return Decoded(None, error=(f"not valid UTF-8 ({utf8_error.reason}) and not Windows-1258, TCVN3 or VNI "
                                f"Vietnamese; name the encoding with --encoding", f"byte {utf8_error.start}, line {line}"))


def _decode_as(data: bytes, name: str) -> Decoded:
    if name == "tcvn3":
        text, bad = decode_tcvn3(data)
        return Decoded(text, "tcvn3", notes=[f"{bad} byte(s) with no TCVN3 meaning"] if bad else [])
    if name == "vni":
        text, bad = decode_vni(data)
        return Decoded(text, "vni", notes=[f"{bad} byte(s) with no VNI meaning"] if bad else [])
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Decoded(None, error=(f"not valid {name.upper()}: {exc.reason}", f"byte {exc.start}, line {line}"))
    return Decoded(text[1:] if text.startswith("\ufeff") else text, name)


def _finish(d: Decoded) -> Decoded:
    if d.text is not None and d.encoding == "utf-8":
        text, note = repair_mojibake(d.text)
        if note:
            d.text = text
            d.notes.append(note)
    return d


INVISIBLE_CLASS = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
                   "\x00-\x08\x0b\x0c\x0e-\x1f\x7f")  # the characters strip_invisible removes, as a regex class
_INVISIBLE = re.compile("[" + INVISIBLE_CLASS + "]")


def strip_invisible(text: str) -> str:
    """Zero-width, bidirectional and control characters removed ("4.3\\u200b40" reads 4.340)."""
    return _INVISIBLE.sub("", text)

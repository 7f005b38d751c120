"""form: the shares of a form-like layout, one labelled count a field.

Minutes and tallies print their figures as fields, a line each, with "+" (or "-") before every field::

    + Phiếu phát ra: 390 + Phiếu thu lại: 390
    + Phiếu hợp lệ: 382 + Đạt tỷ lệ: 97,9 %
    + Phiếu không hợp lệ: 08 + Đạt tỷ lệ: 0,2%

A rate field ("Đạt tỷ lệ: p%", "Chiếm: p%") right after a labelled count is that count's share of the form's
total: the labelled count of the same run of lines whose label counts the same thing ("phiếu") and which
has no rate of its own. A whole is taken only where every such count has one value; else no relation.
"""

from __future__ import annotations

import bisect
import re

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import LOOKBACK, Cues, relation

_GENERIC = {"tổng", "số", "các", "những", "cộng"}
_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_REST = re.compile(r"[^\n,;.()+]{0,60}")  # the words after a figure, to its clause's end
# "+ Phiếu hợp lệ: " at the end of the text before a figure: a bullet (or the line's start), a label, a colon
_LABEL = re.compile(r"(?:(?P<bullet>[+\-•])\s*|^\s*)(?P<label>[^\W\d_][^\d:+\n;]{0,60}?)\s*:\s*\Z")


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    text = article.text
    taken = {r["roles"].get("percent") for r in done if r["kind"] == "share"}
    body = [f for f in article.figures if f.field == "text" and f.sentence >= 0]
    fields = [(f, _label(text, f)) for f in body]
    rate_words = set(cues.share_words)
    out: list[dict] = []
    rated: set[str] = set()
    pairs: list[tuple[int, Figure, Figure]] = []
    for k in range(1, len(fields)):
        (count, c_label), (pct, p_label) = fields[k - 1], fields[k]
        if pct.unit != "percent" or pct.id in taken or not p_label or not c_label or count.unit != "count" \
                or count.role not in ("count",) or count.value is None or pct.qualifier is not None:
            continue
        if p_label not in rate_words or "\n" in text[count.end:pct.start]:
            continue
        rated.add(count.id)
        pairs.append((k - 1, count, pct))
    lines = Lines(text)
    out += _named_field_shares(text, fields, lines, taken)
    if not pairs:
        return out
    for k, count, pct in pairs:
        head = _head(fields[k][1])
        block = _block(lines, fields, k)
        same = [f for f, label in block if f.id not in rated and f.unit == "count" and f.qualifier is None
                and f.value is not None and f.value >= count.value and _head(label) == head]
        # a count with a rate of its own between ("+ Phiếu hợp lệ: 197 + Đạt tỷ lệ: 98,5%"): a candidate's votes
        # below it may be of that count, not of the total — which, the form does not say
        candidate = _names_candidate(cues, fields[k][1])
        between = [f for f, label in block if candidate and f.id in rated and f.id != count.id and _head(label) == head
                   and f.value is not None and f.value >= count.value]
        if head and same and len({f.value for f in same}) == 1 and not any(f.value < same[-1].value for f in between):
            whole = same[-1]
            out.append(relation("share", [count, pct, whole], {"part": count.id, "percent": pct.id, "whole": whole.id},
                                cue=None, evidence=f"a form's rate field after '{fields[k][1]}', of its total "
                                                   f"'{_label(text, whole)}'"))
    return out


def _named_field_shares(text: str, fields: list[tuple[Figure, str | None]], lines: "Lines",
                        taken: set) -> list[dict]:
    """"+ Số phiếu thu vào: 1.206 / + Số phiếu hợp lệ: 1.186, đạt tỷ lệ 98,34% số phiếu thu vào": a field's
    count, then on its line a percentage that names another field of the form by its label — the share of
    that field's count. Only where one field above, in the run of lines, has that label."""
    out = []
    for k in range(1, len(fields)):
        (count, c_label), (pct, _) = fields[k - 1], fields[k]
        if pct.unit != "percent" or pct.id in taken or not c_label or not pct.noun or count.unit != "count" \
                or count.role != "count" or count.value is None or pct.qualifier is not None \
                or "\n" in text[count.end:pct.start]:
            continue
        # (the words after the percentage to its clause's end: the noun reader may stop short of a label)
        after = _CLAUSE_REST.match(text, pct.end).group(0)
        named = [w for w in _WORD.findall(after.lower()) if w not in _GENERIC]
        if not named:
            continue
        wholes = [f for f, label in _block(lines, fields, k - 1)
                  if f.unit == "count" and f.value is not None and f.qualifier is None
                  and [w for w in _WORD.findall(label) if w not in _GENERIC] == named]
        if len({f.value for f in wholes}) != 1:
            continue
        whole = wholes[0]
        out.append(relation("share", [count, pct, whole], {"part": count.id, "percent": pct.id, "whole": whole.id},
                            cue=None, evidence=f"the percentage names the form's field '{_label(text, whole)}'"))
    return out


def _label(text: str, f: Figure) -> str | None:
    """The field label right before a figure, on its line: "+ Phiếu hợp lệ: 382" → "phiếu hợp lệ"."""
    w0 = max(0, f.start - 80)
    nl = text.rfind("\n", w0, f.start)
    before = text[nl + 1 if nl >= 0 else w0:f.start]
    if not before.rstrip().endswith(":"):
        return None  # quick exit: the label ends with a colon right before the figure (most figures have none)
    at_line_start = nl >= 0 or w0 == 0
    m = _LABEL.search(before)
    if m is None or (not m.group("bullet") and not (at_line_start and m.start() == 0)):
        return None
    return m.group("label").strip().lower()


def _names_candidate(cues: Cues, label: str | None) -> bool:
    words = f" {label or ''} "
    return any(f" {w} " in words for w in cues.lang.words("cues.form_candidate_words"))


def _head(label: str | None) -> str | None:
    words = [w for w in _WORD.findall(label or "") if w not in _GENERIC]
    return words[0] if words else None


class Lines:
    """The article's lines: where each starts and the bullet it opens with, read once."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.bullets = [text[a:a + 3].lstrip()[:1] for a in self.starts]

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def _block(lines: Lines, fields: list[tuple[Figure, str | None]], k: int) -> list[tuple[Figure, str | None]]:
    """The labelled figures before ``fields[k]`` on its line and on the run of lines just above it that open
    with the same bullet ("+", "-", "•")."""
    here = lines.index(fields[k][0].start)
    bullet = lines.bullets[here]
    if bullet not in ("+", "-", "•"):
        return []
    top = here
    while top > 0 and here - top < LOOKBACK and lines.bullets[top - 1] == bullet:
        top -= 1
    out = []
    for j in range(k - 1, max(-1, k - LOOKBACK), -1):
        f, label = fields[j]
        if lines.index(f.start) < top:
            break
        if label:
            out.append((f, label))
    return out

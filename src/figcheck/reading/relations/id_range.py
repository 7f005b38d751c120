"""range: a count and the range of identifiers that numbers its items ("151 ca mắc mới (BN17577-17727)",
"260 ca … mang mã số bệnh nhân BN 17053 – BN 17312"): the count is last − first + 1.

The figure reader reads the range's two numbers as figures of role ``identifier`` (which no other detector
sees); the count is the nearest count before them in their sentence that counts what such identifiers
number (``identifier_ranges.counts`` in the language file).
"""

from __future__ import annotations

import bisect

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import Cues, relation


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    ids = [f for f in article.figures if f.role == "identifier" and f.field == "text"]
    if not ids:
        return []  # no range in the article: nothing to read
    counted = _counted(cues)
    out = []
    for first, last in zip(ids[0::2], ids[1::2]):  # the reader gives each range's first and last together
        if first.sentence != last.sentence or last.value < first.value:
            continue  # "BN17577-727": an abbreviated last number, not a range to count
        sf = by_sentence.get(first.sentence, [])
        before = sf[:bisect.bisect_left([f.start for f in sf], first.start)]
        count = None
        for f in reversed(before):
            noun = (f.noun or "").lower()
            if f.role == "count" and f.unit == "count" and any(noun == w or noun.startswith(w + " ") for w in counted):
                count = f
                break
        if count is None or any(count.end <= o.start < first.start for o in ids):
            continue  # no count of what identifiers number, or another range between: its count
        text = article.text
        opened = text.rfind("(", count.end, first.start)
        close = text.find(")", last.end, last.end + 120)
        if opened >= 0 and text.rfind(")", opened, first.start) < 0 and close >= 0 and text[last.end:close].strip():
            continue  # "(BN17577-17730, trong đó có 3 mã bị hủy)": the bracket qualifies the range
        out.append(relation("range", [count, first, last], {"count": count.id, "first": first.id, "last": last.id},
                            cue="identifiers"))
    return out


def _counted(cues: Cues) -> list[str]:
    found = getattr(cues, "_range_counts", None)
    if found is None:
        found = cues._range_counts = [str(w).lower() for w in
                                      (cues.lang.data.get("identifier_ranges") or {}).get("counts", [])]
    return found

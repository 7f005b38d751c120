"""parts_change: a total and its two parts, each with its percentage change — "349.000 lượt, tăng 11,25% …
(khách nước ngoài khoảng 210.000 lượt, tăng 7,45%; khách nội địa khoảng 139.000 lượt, tăng 17,53%)". The
parts' earlier values (each current/(1 + p)) add up to the total's earlier value.

Read from what the other detectors found: a complete breakdown of a total into two parts, where the total
and each part are the current value of a change stated with its percentage, all in one direction. Lists of
more parts are not read (the table of a relation holds single figures).
"""

from __future__ import annotations

import re

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import Cues, relation


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    changes = {r["roles"]["current"]: r for r in done if r["kind"] == "change" and r["roles"].get("percent")
               and not r["roles"].get("times")}
    if len(changes) < 3:
        return []  # fewer than a total's and two parts' changes: nothing to read
    by_id = {f.id: f for f in article.figures}
    out = []
    for r in done:
        if r["kind"] != "breakdown" or not r.get("exhaustive") or r.get("implied") or r["roles"].get("other_parts") \
                or len(r["roles"]["parts"]) != 2:
            continue
        total, (p1, p2) = r["roles"]["total"], r["roles"]["parts"]
        found = [changes.get(x) for x in (total, p1, p2)]
        if any(c is None for c in found) or len({c["direction"] for c in found}) != 1:
            continue
        pcts = [c["roles"]["percent"] for c in found]
        if any(by_id[p].unit != "percent" for p in pcts):
            continue
        baselines = [_own_baseline(cues, article.text, by_id[p]) for p in pcts]
        if baselines[1] != baselines[0] and baselines[1] or baselines[2] != baselines[0] and baselines[2]:
            continue  # "khách nội địa 139.000 lượt, tăng 30% so với tháng trước": a part against another period
        figs = [by_id[x] for x in (total, pcts[0], p1, pcts[1], p2, pcts[2])]
        out.append(relation("parts_change", figs,
                            {"total": total, "percent": pcts[0], "first": p1, "first_percent": pcts[1],
                             "second": p2, "second_percent": pcts[2]},
                            direction=found[0]["direction"], cue=r.get("cue"),
                            evidence="the parts of a total, each with its change: their earlier values add up"))
    return out


_CLAUSE = re.compile(r"[,;()]|\.(?!\d)")


def _own_baseline(cues: Cues, text: str, pct: Figure) -> str | None:
    """The comparison written right after a percentage in its clause ("tăng 30% so với tháng trước"), or None."""
    rest = text[pct.end:pct.end + 80]
    stop = _CLAUSE.search(rest)
    low = " ".join(rest[:stop.start() if stop else len(rest)].lower().split())
    m = cues.other_period_re.search(low)
    return low[m.start():] if m else None

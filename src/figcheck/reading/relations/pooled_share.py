"""pooled_share: a lead percentage of several groups, detailed group by group after it.

    Kỳ thi chọn học sinh giỏi lớp 9 và lớp 11 …, hơn 58% học sinh dự thi đạt giải. Cụ thể, khối lớp 9 có
    1.286 em dự thi, 741 em đạt giải, đạt tỷ lệ 57,62%. … Với khối 11, có 2.046 em dự thi và 1.191 em đạt
    giải, chiếm tỷ lệ 58,21%.

The lead's percentage is of the groups together: (741 + 1.191)/(1.286 + 2.046). It runs after the
sentence detectors (it reads the shares with a part and a whole they found) and makes a ``share`` with no
part or whole of its own but ``pooled_parts`` and ``pooled_wholes`` (the groups' parts and wholes, in
order), checked by ``core.share.pooled``.

Only where the text makes the groups the whole: the lead sentence names them before its percentage, with
no count between, as a list of one head word ("lớp 9 và lớp 11", "huyện A, huyện B và huyện C"), the next sentence with figures opens with a detail
cue (``cues.part_list_openers``: "Cụ thể", "Chi tiết"), and in the next few sentences each group named has
exactly one share with its part and whole, whose words before the whole name that group — as many shares
as groups. A lead percentage that names one of the groups itself ("58% học sinh lớp 11") is that group's.
"""

from __future__ import annotations

import re

from figcheck.models import Article, Figure
from figcheck.reading.relations.shared import Cues, head_word, relation

REACH = 6  # sentences with figures after the lead where its groups' shares may stand
_WORD = re.compile(r"[^\W_]+")
_AND = " và "


def detect(cues: Cues, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
    full = [r for r in done if r["kind"] == "share" and r["roles"].get("part") and r["roles"].get("whole")
            and r["roles"].get("percent") and r.get("cue") != "a/b"]
    if len(full) < 2:
        return []  # nothing to pool
    text = article.text
    by_id = {f.id: f for f in article.figures}
    in_relation = {fid for r in done for fid in r["figures"]}
    sentences = [s for s in article.sentences if s.index >= 0 and by_sentence.get(s.index)]
    openers = cues.lang.words("cues.part_list_openers")
    periods = set(cues.lang.words("duration_units"))  # "năm 2022 và năm 2023" are periods, not groups of a whole
    shares_in: dict[int, list[dict]] = {}
    for r in full:
        shares_in.setdefault(by_id[r["roles"]["percent"]].sentence, []).append(r)
    out = []
    for n, s in enumerate(sentences[:-1]):
        leads = [f for f in by_sentence[s.index] if f.unit == "percent" and f.role in ("share", "percent")
                 and f.id not in in_relation and f.value is not None and 0 < f.value <= 100]
        if len(leads) != 1 or _AND not in s.text:
            continue
        lead = leads[0] if len(leads) == 1 else None
        if lead is None:
            continue
        # the groups are named before the lead percentage, with no count between: "Kỳ thi … lớp 9 và lớp 11 …,
        # theo đó hơn 58% học sinh …" (not "70% xã đạt chuẩn, huyện A và huyện B dẫn đầu": the leaders)
        groups, listed_to = _groups(text[s.start:lead.start].lower(), periods)
        if len(groups) < 2 or any(s.start + listed_to <= f.start < lead.start and f.unit != "percent"
                                  and f.role in ("count", "measure") for f in by_sentence[s.index]):
            continue
        nxt = sentences[n + 1]
        opening = text[nxt.start:nxt.start + 20].lower().lstrip(" \n-–")
        if not any(opening.startswith(w) and not opening[len(w):len(w) + 1].isalnum() for w in openers):
            continue
        if _names_a_group(text, lead, groups):
            continue
        owned: dict[str, dict] = {}
        clash = False
        for t in sentences[n + 1:n + 1 + REACH]:
            for r in shares_in.get(t.index, ()):
                whole = by_id[r["roles"]["whole"]]
                named = [g for g in groups if _has_word(text[t.start:whole.start].lower(), g)]
                if len(named) == 1:
                    clash |= named[0] in owned
                    owned[named[0]] = r
        if clash or set(owned) != set(groups):
            continue
        rs = [owned[g] for g in groups]
        parts = [by_id[r["roles"]["part"]] for r in rs]
        wholes = [by_id[r["roles"]["whole"]] for r in rs]
        details = " ".join(t.text for t in sentences[n + 1:n + 1 + REACH]).lower()
        if not _counts_what_the_details_count(cues, text, s, lead, parts, details):
            continue
        if len({head_word(w) for w in wholes}) != 1 or len({head_word(p) for p in parts}) != 1 \
                or any(p.unit != "count" or w.unit != "count" or p.qualifier or w.qualifier for p, w in zip(parts, wholes)):
            continue
        out.append(relation("share", [lead] + [f for pw in zip(parts, wholes) for f in pw],
                            {"part": None, "percent": lead.id, "whole": None,
                             "pooled_parts": [p.id for p in parts], "pooled_wholes": [w.id for w in wholes]},
                            cue="pooled", evidence=f"a lead percentage of the groups it names ({', '.join(groups)}), "
                                                   "each detailed after it"))
    return out


def _groups(low: str, periods: set[str]) -> tuple[list[str], int]:
    """The distinguishing words of a list of one head word, and where the list ends: "lớp 9 và lớp 11" →
    ["9", "11"], "huyện a, huyện b và huyện c" → ["a", "b", "c"]."""
    at = low.find(_AND)
    while at >= 0:
        before, after = _WORD.findall(low[max(0, at - 200):at]), _WORD.findall(low[at + len(_AND):at + 60])
        if len(before) >= 2 and len(after) >= 2 and before[-2] == after[0] and before[-1] != after[1] \
                and after[0] not in periods:
            head = after[0]
            items = [after[1], before[-1]]
            k = len(before) - 2  # earlier items: ", head x" before the pair
            while k >= 2 and before[k - 2] == head and low.rfind(",", max(0, at - 200), at) >= 0 and len(items) < 10:
                items.append(before[k - 1])
                k -= 2
            if len(set(items)) == len(items):
                tail = _WORD.search(low, low.find(after[1], at + len(_AND)))
                end = tail.end() if tail else at
                return (list(reversed(items[1:])) + [items[0]] if len(items) > 2 else [items[1], items[0]]), end
        at = low.find(_AND, at + 1)
    return [], 0


def _has_word(low: str, word: str) -> bool:
    return word in _WORD.findall(low)


def _names_a_group(text: str, lead: Figure, groups: list[str]) -> bool:
    """The lead percentage's own words name one of the groups ("58% học sinh lớp 11")."""
    after = re.split(r"[,;.()]", text[lead.end:lead.end + 80], maxsplit=1)[0].lower()
    return any(_has_word(after, g) for g in groups)


def _phrase(text: str, f: Figure) -> list[str]:
    """The words after a figure in its clause ("… 58% học sinh tham dự đạt giải, …" → học, sinh, tham, dự, đạt, giải)."""
    return _WORD.findall(re.split(r"[,;.()]|\d", text[f.end:f.end + 120], maxsplit=1)[0].lower())


def _counts_what_the_details_count(cues: Cues, text: str, s, lead: Figure, parts: list[Figure], details: str) -> bool:
    """The lead percentage counts what the groups' parts count: each part's words (past its head word) are the
    lead's ("90% học sinh lên lớp" is no pool of "400 học sinh đạt học lực khá"), and every word of the lead is
    in the details or the lead's own sentence, or a neutral word ("78% thí sinh nữ đạt yêu cầu" names a part
    of the population the details do not)."""
    lead_words = _phrase(text, lead)
    if not lead_words:
        return False
    neutral = {w for phrase in cues.lang.words("cues.pooled_neutral") for w in phrase.split()}
    known = set(_WORD.findall(details)) | set(_WORD.findall(text[s.start:lead.start].lower())) | neutral
    if any(w not in known for w in lead_words):
        return False
    for p in parts:
        rest = _phrase(text, p)[1:]
        if not rest or any(w not in lead_words for w in rest):
            return False
    return True

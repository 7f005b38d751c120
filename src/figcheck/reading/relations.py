"""Relations between figures: the structure the checks test.

Each detector reads one pattern of report-style writing (see ``shared/glossary.md``):

=============  ==========================================================  ============================
kind           written as                                                  roles
=============  ==========================================================  ============================
subset         "4.340 nguồn tin; trong đó 4.000 tin có giá trị"             whole, part
share          "2.145 khu dân cư (96,15%)", "58/61 vụ, đạt 95,1%"          part, percent, whole?
fraction       "87/92 vụ" (a out of b)                                     part, whole
breakdown      "64 vụ (58 vụ đường bộ, 6 vụ đường thủy)", "N … gồm: …"     total, parts, other_parts
enumeration    "4 xã Bắc Sơn, An Hòa, …", "5 mô hình “…”, “…”"             count (+ items)
pair           "14 tổ với 27 thành viên", "49 vụ = 77 đối tượng"           first, second
change         "64 vụ, tăng 9 vụ (16,36%)", "5 vụ, giảm 72% so với cùng    current, delta?, percent?,
               kỳ", "2.418/2.530 vụ, giảm 4,43%"                           previous?
headline       a figure of the title and the body figure it summarises     title, body
=============  ==========================================================  ============================

``exhaustive`` is false for lists with an open tail ("nhiều …", "…", "v.v.") or introduced as
examples ("như", "tiêu biểu như"); breakdown parts in another unit than the total are listed apart as
``other_parts`` (they cannot be summed) and make the list non-exhaustive.
"""

from __future__ import annotations

import re

from figcheck.languages import Language
from figcheck.models import Article, Figure, Item, Relation
from figcheck.reading.figures import _ends_with_phrase

_GENERIC = {"số", "các", "những", "loại", "lượt", "về", "cộng", "tổng"}
_QUOTED = re.compile(r"[“\"]([^”\"]{1,300})[”\"]")
_BRACKETED = re.compile(r"\([^()]{0,200}\)")


def _word_alternation(words: list[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` as whole words, longest first."""
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])")


def _content_words(noun: str | None) -> set[str]:
    if not noun:
        return set()
    return {w for w in re.findall(r"[^\W\d_]+", noun.lower()) if w not in _GENERIC}


def compatible(a: Figure, b: Figure) -> bool:
    """Two figures count the same kind of thing: same unit and a shared content word in the noun."""
    return a.unit == b.unit and bool(_content_words(a.noun) & _content_words(b.noun))


def _is_name(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in words) \
        and not any(ch in segment for ch in ".:!?")


class RelationReader:
    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.subset_cues = lang.words("cues.subset")
        self.breakdown_cues = lang.words("cues.breakdown")
        self.example_cues = lang.words("cues.examples")
        self.open_tail = lang.words("cues.open_tail")
        self.pair_links = lang.words("cues.pair_link")
        self.increase = lang.words("cues.increase")
        self.decrease = lang.words("cues.decrease")
        self.compared = lang.words("cues.compared")
        self.share_words = lang.words("cues.share") + lang.words("cues.equivalent")
        self.back_ref = lang.words("cues.back_reference")
        self.breakdown_re = _word_alternation(self.breakdown_cues)
        self.open_tail_re = _word_alternation([w for w in self.open_tail if w[0].isalnum()])
        self.open_tail_marks = [w for w in self.open_tail if not w[0].isalnum()]
        self.example_re = _word_alternation(self.example_cues)
        self.list_and = lang.words("cues.list_and")
        self.openers = set(lang.words("cues.sentence_openers"))
        and_alt = "|".join(re.escape(w) for w in self.list_and)
        self.list_sep_re = re.compile(rf",|;|\+|\s(?:{and_alt})\s")
        # one start per run of spaces ((?<!\s)) and no backtracking into it (\s++): linear on long blanks
        self.and_split_re = re.compile(rf"(?<!\s)\s++(?:{and_alt})\s+")
        cue_alt = "|".join(re.escape(c) for c in self.subset_cues)
        self.subset_re = re.compile(rf"(?<![^\W_])(?:{cue_alt})(?![^\W_])", re.IGNORECASE)
        enum_cues = self.breakdown_cues + ["là"]
        self.enum_cue_re = "|".join(re.escape(c) for c in sorted(enum_cues + self.example_cues, key=len, reverse=True))
        back_alt = "|".join(re.escape(c) for c in self.back_ref)
        bd_alt = "|".join(re.escape(c) for c in sorted(enum_cues, key=len, reverse=True))
        self.back_ref_re = re.compile(
            rf"(?<![^\W_])(?:{back_alt})\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+){{0,2}}?)\s*,?\s*(?:{bd_alt})\s*:?\s*",
            re.IGNORECASE)

    # -- entry ------------------------------------------------------------------------------------

    def read(self, article: Article) -> list[Relation]:
        text = article.text
        figs = [f for f in article.figures if f.field == "text"]
        by_sentence: dict[int, list[Figure]] = {}
        for f in figs:
            by_sentence.setdefault(f.sentence, []).append(f)
        rels: list[dict] = []
        for s in article.sentences:
            sf = by_sentence.get(s.index, [])
            if not sf:
                continue
            # the detectors of a sentence see that sentence's relations only: linear in the article
            local: list[dict] = self._fractions(text, sf)
            local += self._changes_and_shares(text, sf, local)
            local += self._subsets(text, s, sf, by_sentence.get(s.index - 1, []))
            local += self._breakdowns(text, s, sf, local)
            local += self._pairs(text, sf)
            rels += local
        rels += self._enumerations(article, by_sentence, rels)
        rels += self._headlines(article)
        self._attach_wholes(rels)
        rels.sort(key=lambda r: (r["start"], r["end"]))
        out = []
        for i, r in enumerate(rels, 1):
            out.append(Relation(id=f"r{i}", **r))
        return out

    # -- helpers ------------------------------------------------------------------------------------

    @staticmethod
    def _rel(kind: str, figures: list[Figure], roles: dict, *, start: int | None = None,
             end: int | None = None, **extra) -> dict:
        ids = list(dict.fromkeys(f.id for f in figures))
        return dict(kind=kind, figures=ids, start=min([f.start for f in figures] + ([start] if start is not None else [])),
                    end=max([f.end for f in figures] + ([end] if end is not None else [])),
                    sentence=figures[0].sentence, roles=roles, **extra)

    def _gap_after_noun(self, text: str, a: Figure, b: Figure) -> str:
        """The words between two figures, without ``a``'s noun."""
        gap = text[a.end:b.start]
        if a.noun:
            idx = gap.find(a.noun)
            if idx >= 0 and not gap[:idx].strip(" (") :
                gap = gap[:idx] + gap[idx + len(a.noun):]
        if a.classifier:
            gap = re.sub(rf"^\s*{re.escape(a.classifier)}\b", "", gap)
        return gap

    def _cue_at_end(self, gap: str, cues: list[str]) -> str | None:
        low = gap.lower().rstrip(" ,:(")
        return next((c for c in cues if _ends_with_phrase(low, c)), None)

    # -- detectors ------------------------------------------------------------------------------------

    def _fractions(self, text: str, sf: list[Figure]) -> list[dict]:
        out = []
        for i, f in enumerate(sf[:-1]):
            d = sf[i + 1]
            if f.role != "numerator" or d.role != "denominator":
                continue
            nxt = sf[i + 2] if i + 2 < len(sf) else None
            gap = self._gap_after_noun(text, d, nxt) if nxt else text[d.end:d.end + 60]
            direction = self._direction(gap)
            if direction or any(c in gap.lower() for c in self.compared):
                pct = nxt if nxt is not None and nxt.unit == "percent" and direction else None
                roles = {"current": f.id, "previous": d.id, "percent": pct.id if pct else None, "delta": None}
                out.append(self._rel("change", [f, d] + ([pct] if pct else []), roles, direction=direction or None,
                                     cue=direction))
                continue
            out.append(self._rel("fraction", [f, d], {"part": f.id, "whole": d.id}))
            if nxt is not None and nxt.unit == "percent" and self._share_gap(gap):
                out.append(self._rel("share", [f, d, nxt], {"part": f.id, "whole": d.id, "percent": nxt.id}))
        return out

    def _share_gap(self, gap: str) -> bool:
        if any(ch in gap for ch in ";.") or len(gap.split()) > 8:
            return False
        low = gap.lower().rstrip()
        return low.endswith("(") or self._cue_at_end(gap, self.share_words) is not None

    def _direction(self, gap: str) -> str | None:
        low = gap.lower().rstrip(" ,(")
        if any(ch in gap for ch in ";."):
            return None
        if any(_ends_with_phrase(low, c) for c in self.increase):
            return "increase"
        if any(_ends_with_phrase(low, c) for c in self.decrease):
            return "decrease"
        return None

    def _changes_and_shares(self, text: str, sf: list[Figure], done: list[dict]) -> list[dict]:
        used = {fid for r in done for fid in r["figures"]}
        out = []
        i = 0
        while i < len(sf) - 1:
            c, d = sf[i], sf[i + 1]
            percent_base = c.unit == "percent" and d.unit in ("percent", "pp") and d.role == "change"
            if c.id in used or (c.role not in ("count", "measure") and not percent_base) \
                    or (c.unit == "percent" and not percent_base):
                i += 1
                continue
            gap = self._gap_after_noun(text, c, d)
            short = not any(ch in gap for ch in ";.") and len(gap.split()) <= 8
            if short and d.role == "delta" and (not d.noun or compatible(c, d) or d.unit == c.unit):
                direction = self._direction(gap) or "increase"
                pct = sf[i + 2] if i + 2 < len(sf) else None
                if pct is not None and pct.unit in ("percent", "pp") and pct.role == "change":
                    g2 = self._gap_after_noun(text, d, pct)
                    if not (g2.strip(" ,(").strip() == "" or self._cue_at_end(g2, self.share_words)):
                        pct = None
                else:
                    pct = None
                roles = {"current": c.id, "delta": d.id, "percent": pct.id if pct and pct.unit == "percent" else None,
                         "previous": None}
                out.append(self._rel("change", [c, d] + ([pct] if pct else []), roles, direction=direction,
                                     cue=direction))
                i += 3 if pct else 2
                continue
            if short and d.unit in ("percent", "pp") and d.role == "change":
                direction = self._direction(gap)
                if direction:
                    roles = {"current": c.id, "delta": None,
                             "percent": d.id if d.unit == "percent" else None, "previous": None}
                    if d.unit == "pp":
                        roles["points"] = d.id
                    out.append(self._rel("change", [c, d], roles, direction=direction, cue=direction))
                    i += 2
                    continue
            if short and d.unit == "percent" and d.role == "share" and self._share_gap(gap):
                out.append(self._rel("share", [c, d], {"part": c.id, "percent": d.id, "whole": None}))
                i += 2
                continue
            i += 1
        return out

    def _subsets(self, text: str, s, sf: list[Figure], prev: list[Figure]) -> list[dict]:
        out = []
        counted = [f for f in sf if f.role in ("count", "measure", "denominator")]
        for m in self.subset_re.finditer(text, s.start, s.end):
            p = m.start()
            before = [f for f in counted if f.end <= p]
            # a cue inside brackets scopes to them: "660 mô hình (trong đó có 144 …, 5 …)"
            open_br = text.rfind("(", s.start, p)
            inside = open_br >= 0 and text.rfind(")", open_br, p) < 0
            scope_end = s.end
            if inside:
                close = text.find(")", p, s.end)
                scope_end = close if close >= 0 else s.end
            if before:
                whole = before[-1]
            elif not text[s.start:p].strip(" ,.;:–-“\"").strip() or text[s.start:p].strip(" ,").lower() in self.openers:
                cands = [f for f in prev if f.role in ("count", "measure")]
                if not cands:
                    continue
                whole = cands[-1]
            else:
                continue
            parts = [f for f in sf if m.end() <= f.start < scope_end and f.role in ("count", "measure")
                     and compatible(whole, f)]
            for part in parts:
                out.append(self._rel("subset", [whole, part], {"whole": whole.id, "part": part.id},
                                     cue=m.group(0).lower(), start=min(whole.start, m.start())))
        return out

    def _breakdowns(self, text: str, s, sf: list[Figure], done: list[dict]) -> list[dict]:
        in_change = {fid for r in done if r["kind"] in ("change", "share") for fid in r["figures"]}
        out = []
        i = 0
        while i < len(sf) - 1:
            t = sf[i]
            if t.role not in ("count", "measure") or t.id in in_change:
                i += 1
                continue
            first = sf[i + 1]
            gap = self._gap_after_noun(text, t, first)
            low = gap.lower()
            if any(ch in gap for ch in ";.") or len(gap.split()) > 10 or any(c in low for c in self.subset_cues):
                i += 1
                continue
            bracket = low.rstrip().endswith("(")
            cue_m = self.breakdown_re.search(low)
            cue = cue_m.group(0) if cue_m else None
            if not (bracket or cue or low.rstrip().endswith(":")):
                i += 1
                continue
            if first.role not in ("count", "measure"):
                i += 1
                continue
            end_limit = s.end
            if bracket:
                close = text.find(")", first.start, s.end)
                end_limit = close if close >= 0 else s.end
            else:
                semi = text.find(";", first.start, s.end)
                end_limit = semi if semi >= 0 else s.end
            parts = [f for f in sf[i + 1:] if f.start < end_limit and f.role in ("count", "measure")]
            # a list stops at a figure that is not separated by a list separator from the previous one
            kept = [parts[0]]
            for a, b in zip(parts, parts[1:]):
                between = text[a.end:b.start]
                if not self.list_sep_re.search(between) or len(between.split()) > 8:
                    break
                kept.append(b)
            parts = kept
            region_end = min(end_limit, max(p.end for p in parts) + 60)
            tail = text[parts[-1].end:region_end].lower()
            tail = tail.split(";")[0]
            same = [p for p in parts if p.unit == t.unit]
            others = [p for p in parts if p.unit != t.unit]
            open_tail = bool(self.open_tail_re.search(tail)) or any(w in tail for w in self.open_tail_marks)
            examples = bool(self.example_re.search(low))
            exhaustive = not (open_tail or examples or others)
            if len(parts) == 1:
                if compatible(t, parts[0]):
                    out.append(self._rel("subset", [t, parts[0]], {"whole": t.id, "part": parts[0].id},
                                         cue=cue or "("))
                elif cue and not bracket:
                    out.append(self._rel("pair", [t, parts[0]], {"first": t.id, "second": parts[0].id}, cue=cue))
                i += 2
                continue
            roles = {"total": t.id, "parts": [p.id for p in same], "other_parts": [p.id for p in others]}
            out.append(self._rel("breakdown", [t] + parts, roles, exhaustive=exhaustive, cue=cue or "(",
                                 end=region_end if open_tail else None))
            i += 1 + len(parts)
        return out

    def _pairs(self, text: str, sf: list[Figure]) -> list[dict]:
        out = []
        for a, b in zip(sf, sf[1:]):
            if a.role != "count" or b.role != "count" or a.unit != "count" or b.unit != "count":
                continue
            gap = self._gap_after_noun(text, a, b)
            if any(ch in gap for ch in ";.") or len(gap.split()) > 12:
                continue
            link = self._cue_at_end(gap, [w for w in self.pair_links if w != "gồm"])
            if link is None or compatible(a, b):
                continue
            out.append(self._rel("pair", [a, b], {"first": a.id, "second": b.id}, cue=link))
        return out

    # -- enumerations --------------------------------------------------------------------------------

    def _items_from(self, text: str, pos: int, limit: int, quoted_only: bool = False) -> tuple[list[Item], int, bool]:
        """Items listed from ``pos``: quoted names, or capitalised names separated by , ; và."""
        items: list[Item] = []
        region = text[pos:limit]
        # quoted items: “A”, “B” và “C”
        q = list(_QUOTED.finditer(region))
        if q and not region[:q[0].start()].strip(" :,"):
            last_end = 0
            for m in q:
                if region[last_end:m.start()].strip(" ,;") not in ("", *self.list_and):
                    break
                items.append(Item(m.group(1).strip(), pos + m.start(1), pos + m.end(1)))
                last_end = m.end()
            return items, pos + last_end, False
        if quoted_only:
            return [], pos, False
        # names: mask bracketed asides ("(quận Lê Chân)") with spaces to keep offsets
        masked = _BRACKETED.sub(lambda m: " " * len(m.group(0)), region)
        stop = len(masked)
        for ch in "“”\".!?:":
            k = masked.find(ch)
            if k >= 0:
                stop = min(stop, k)
        masked = masked[:stop]
        k = 0
        end_pos = pos
        open_tail = False
        for piece in re.finditer(r"[^,;]+", masked):
            seg = piece.group(0)
            subs = self.and_split_re.split(seg)
            off = piece.start()
            stop_all = False
            for sub in subs:
                sub_off = masked.find(sub, off)
                name = sub.strip()
                if not name:
                    continue
                if not _is_name(name):
                    # "… Hồng Thái cùng tham gia": a name that runs into the rest of the sentence
                    words = name.split()
                    head = []
                    for w in words:
                        if not (w[:1].isupper() or w[:1].isdigit()):
                            break
                        head.append(w)
                    if head and items and len(head) <= 6:
                        s = pos + sub_off + (len(sub) - len(sub.lstrip()))
                        hname = " ".join(head)
                        items.append(Item(hname, s, s + len(hname)))
                        end_pos = s + len(hname)
                    low = name.lower()
                    open_tail = any(low.startswith(w) for w in self.open_tail if w[0].isalnum()) or "…" in name
                    stop_all = True
                    break
                s = pos + sub_off + (len(sub) - len(sub.lstrip()))
                items.append(Item(name, s, s + len(name)))
                end_pos = s + len(name)
                off = sub_off + len(sub)
            if stop_all:
                break
            k += 1
        return items, end_pos, open_tail

    def _enumerations(self, article: Article, by_sentence: dict[int, list[Figure]], done: list[dict]) -> list[dict]:
        text = article.text
        totals = {r["roles"].get("total") for r in done if r["kind"] == "breakdown"}
        used = {fid for r in done if r["kind"] in ("share", "change", "fraction") for fid in r["figures"]}
        sentences = article.sentences
        out = []
        for s in sentences:
            sf = by_sentence.get(s.index, [])
            for idx, n in enumerate(sf):
                if n.role != "count" or n.unit != "count" or n.id in totals or n.id in used or n.qualifier == "vague":
                    continue
                if n.value is None or not float(n.value).is_integer() or not 1 <= n.value <= 200:
                    continue
                nxt = sf[idx + 1].start if idx + 1 < len(sf) else s.end
                region_start = n.end
                noun = n.noun or ""
                # split a noun that runs into the first name: "xã Bắc Sơn" → "xã" + "Bắc Sơn"
                noun_words = noun.split()
                lead = []
                for w in noun_words:
                    if lead and w[:1].isupper() and lead[-1][:1].islower():
                        break
                    lead.append(w)
                noun_lead = " ".join(lead)
                after = text[region_start:nxt]
                k = after.find(noun_lead) if noun_lead else 0
                if k < 0 or after[:k].strip():
                    continue
                p = region_start + k + len(noun_lead)
                rest = text[p:nxt]
                cue_m = re.match(rf"\s*,?\s*(?P<cue>{self.enum_cue_re})?\s*:?\s*", rest, re.IGNORECASE)
                cue = (cue_m.group("cue") or "").lower() if cue_m else ""
                if cue_m and rest[cue_m.end() - 1:cue_m.end()] == "" and not cue:
                    pass
                start_items = p + (cue_m.end() if cue_m else 0)
                # names straight after the noun need no cue; after a comma they need one
                if not cue and re.match(r"\s*,", rest):
                    items, end_pos, open_tail = [], p, False
                else:
                    items, end_pos, open_tail = self._items_from(text, start_items, nxt)
                if len(items) < 2 and not (items and text[items[0].start - 1] in "“\""):
                    items = []
                examples = cue in self.example_cues
                if not items:
                    # back-reference in the same or the next sentence: "… các phường, gồm: A, B (X); C …"
                    for s2 in sentences[s.index:s.index + 2]:
                        lo = n.end if s2.index == s.index else s2.start
                        for m in self.back_ref_re.finditer(text, lo, s2.end):
                            ref = m.group("noun").lower()
                            if ref and ref in noun.lower():
                                nxt2 = next((f.start for f in by_sentence.get(s2.index, []) if f.start > m.end()), s2.end)
                                items, end_pos, open_tail = self._items_from(text, m.end(), nxt2)
                                if len(items) >= 2:
                                    cue = m.group(0).strip(" ,:").split()[-1].lower()
                                    break
                                items = []
                        if items:
                            break
                if not items:
                    continue
                tail = text[end_pos:end_pos + 12]
                open_tail = open_tail or tail.lstrip().startswith(("…", "...", "v.v"))
                exhaustive = not (examples or open_tail)
                # an enumeration continued in the next sentence: "5 mô hình “A”, “B”. … mô hình “C”."
                if exhaustive and len(items) < n.value and s.index + 1 < len(sentences) and noun_lead:
                    s2 = sentences[s.index + 1]
                    for m in re.finditer(rf"(?<![^\W_]){re.escape(noun_lead.lower())}(?![^\W_])", text[s2.start:s2.end].lower()):
                        more, e2, _ = self._items_from(text, s2.start + m.end(), s2.end, quoted_only=True)
                        if more:
                            items = items + more
                            end_pos = e2
                            break
                out.append(self._rel("enumeration", [n], {"count": n.id}, exhaustive=exhaustive,
                                     items=items, cue=cue or None, end=max(end_pos, n.end)))
        return out

    # -- headline ---------------------------------------------------------------------------------------

    def _headlines(self, article: Article) -> list[dict]:
        title_figs = [f for f in article.figures if f.sentence == -1]
        body = [f for f in article.figures if f.sentence >= 0 and f.role not in ("delta",)]
        out = []
        for t in title_figs:
            cands = [b for b in body if compatible(t, b) and b.role == t.role]
            if not cands:
                continue

            def distance(b: Figure) -> float:
                lo, hi = b.low if b.low is not None else float("-inf"), b.high if b.high is not None else float("inf")
                tlo, thi = t.low if t.low is not None else float("-inf"), t.high if t.high is not None else float("inf")
                return max(0.0, lo - thi, tlo - hi)

            t_words = _content_words(f"{t.noun or ''} {t.after}")

            def closeness(b: Figure) -> int:
                return -len(t_words & _content_words(f"{b.noun or ''} {b.after}"))

            # the nearest in value, then the one whose wording matches the title best
            best = min(cands, key=lambda b: (distance(b), closeness(b), b.start))
            r = self._rel("headline", [t, best], {"title": t.id, "body": best.id})
            r["start"], r["end"], r["sentence"] = best.start, best.end, best.sentence
            out.append(r)
        return out

    @staticmethod
    def _attach_wholes(rels: list[dict]) -> None:
        """A share whose count is the part of a subset is a share of that subset's whole."""
        whole_of = {r["roles"]["part"]: r["roles"]["whole"] for r in rels if r["kind"] == "subset"}
        for r in rels:
            if r["kind"] == "share" and r["roles"].get("whole") is None:
                w = whole_of.get(r["roles"]["part"])
                if w:
                    r["roles"]["whole"] = w
                    r["figures"].append(w)

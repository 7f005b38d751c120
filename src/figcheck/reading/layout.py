"""The shape of an article: dateline, title, page furniture, sentences and reporting period.

Web articles arrive with more than their text: a dateline glued to the first paragraph, a "Print"
link, a byline, a "Tin khác" block of related headlines, a QR code caption. Their numbers are not the
article's figures, so they are set aside here — never silently: each piece is recorded on the article
as a ``SetAside`` with its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from figcheck.languages import Language
from figcheck.models import Sentence, SetAside

# "05/01/2024", and the ISO dates of CMS exports ("2024-01-05", "2024-01")
_DATE = r"(?:\d{1,2}/\d{1,2}/\d{4}|(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?"
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
# A sentence may end at . ! ? or … (possibly closed by quotes/brackets) before white space; it does when
# the next character is a capital letter, an opening quote or a digit (checked in code), and always at a
# line break.
# (also a full stop right after a percentage with no space before the next sentence: "58,21%.Trong đó …").
# The pattern opens with the character class, not with a look-behind, so that re skips in C to the marks.
_SENTENCE_END = re.compile(r"[.!?…](?:[.!?…]*[\"”’)\]]*[ \t]+|(?<=%\.)(?=[^\W\d_]))")
_LIST_NUMBER = re.compile(r"\d{1,2}|[IVX]{1,4}")  # the number of a line in a numbered list: "1.", "IV."
_ABBREVIATIONS = {"tp", "ts", "ths", "pgs", "gs", "bs", "ks", "st", "tx", "tt", "q", "p", "mr", "ms", "dr", "no"}


@dataclass
class Layout:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    date: str | None = None
    period: str | None = None
    set_aside: list[SetAside] = field(default_factory=list)
    body: list[tuple[int, int]] = field(default_factory=list)  # spans of article text
    sentences: list[Sentence] = field(default_factory=list)


def _reads_as_paragraph(line: str) -> bool:
    """A paragraph of body text: a sentence of fifteen words or more that ends as sentences do."""
    return len(line.split()) >= 15 and line.rstrip().endswith((".", "!", "?", "…", ":", ";", ")", "”", "\""))


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, stripped of surrounding white space."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        pos += len(line)
    return spans


class LayoutReader:
    def __init__(self, lang: Language) -> None:
        self.lang = lang
        weekdays = "|".join(re.escape(w) for w in lang.words("weekdays"))
        furniture = "|".join(re.escape(w) for w in lang.words("dateline_furniture"))
        # "18:22 05/01/2024", "Thứ Ba, 29/12/2020 19:00", "05/01/2024 - 18:22", optionally wrapped in
        # furniture words ("Print … Gốc").
        self.dateline = re.compile(
            rf"^(?:(?:{furniture})\s+)*(?:(?:{weekdays}),?\s+)?"
            rf"(?:(?P<t1>{_TIME})\s*(?:[-–|,]\s*)?(?P<d1>{_DATE})|(?P<d2>{_DATE})(?:\s*(?:[-–|,]\s*)?(?P<t2>{_TIME}))?)"
            rf"(?:\s*(?:\(GMT[+-]\d+\)))?(?:\s+(?:{furniture}))*(?=\s|$)",
            re.IGNORECASE,
        )
        self.furniture_lines = set(lang.words("furniture_lines"))
        self.furniture_prefixes = tuple(lang.words("furniture_prefixes"))
        self.tail_markers = set(lang.words("furniture_tail_markers"))
        self.byline_prefixes = lang.words("byline_prefixes")
        # any of the period patterns, to set aside at once the lines that hold none of them (most lines):
        # each pattern then searches only the lines this one found something in
        self.any_period = re.compile("|".join(f"(?:{r.pattern})" for r in lang.period_regexes) or "(?!)")

    # -- pieces ---------------------------------------------------------------------------------

    def _is_furniture(self, line: str) -> bool:
        low = line.lower()
        return low.strip(" :.-–") in self.furniture_lines or low.startswith(self.furniture_prefixes)

    def _is_byline(self, line: str) -> bool:
        low = line.lower()
        if any(low.startswith(p) and (p.endswith(":") or len(line.split()) <= 5) for p in self.byline_prefixes):
            return not re.search(r"\d", line) and len(line.split()) <= 8
        words = line.split()
        return (
            1 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and not re.search(r"[\d.,;:!?“”\"()]", line)
        )

    def _reads_as_link(self, line: str) -> bool:
        """A line of a related-articles box: a headline, perhaps after a bullet (a bulleted one may end with a full
        stop: "- Cháy nhà ở chiếm 47,7% số vụ cháy năm 2025."), or furniture."""
        bare = line.lstrip(" -–•*+\t")
        bulleted = len(bare) < len(line.lstrip(" \t"))
        return self._reads_as_headline(bare) or bulleted and self._reads_as_headline(bare.rstrip(" .")) \
            or self._is_furniture(line)

    @staticmethod
    def _reads_as_headline(line: str) -> bool:
        words = line.split()
        return 2 <= len(words) <= 30 and not line.rstrip().endswith((".", ":", ";", ",")) and line[:1].isupper()

    # -- whole article ---------------------------------------------------------------------------

    def read(self, text: str, title: str | None = None) -> Layout:
        layout = Layout(title=title)
        lines = _lines(text)
        aside_lines: set[int] = set()

        # 1. a leading dateline, possibly followed on the same line by the first paragraph
        first_body_start: dict[int, int] = {}
        if lines:
            s, e = lines[0]
            m = self.dateline.match(text, s, e)
            if m:
                d = m.group("d1") or m.group("d2")
                layout.date = d
                layout.set_aside.append(SetAside("dateline", text[s:m.end()], s, m.end()))
                rest = m.end()
                while rest < e and text[rest].isspace():
                    rest += 1
                if rest >= e:
                    aside_lines.add(0)
                else:
                    first_body_start[0] = rest

        # 2. furniture at the end: everything after a tail marker, and a trailing byline with the
        #    headline-like lines after it
        for i, (s, e) in enumerate(lines):
            if self.lang and text[s:e].lower().strip(" :") in self.tail_markers:
                # the marker's links: headline-like lines ("- Hà Nội: 12 người chết vì sốt xuất huyết"); a box in
                # the middle of the article ends there, where paragraphs of the body go on
                j = i + 1
                while j < len(lines) and self._reads_as_link(text[lines[j][0]:lines[j][1]]):
                    j += 1
                body_after = sum(1 for s2, e2 in lines[j:] if _reads_as_paragraph(text[s2:e2]))
                for k in range(i, j if body_after >= 2 else len(lines)):
                    aside_lines.add(k)
                if body_after < 2:
                    break
        for i, (s, e) in enumerate(lines):
            if i not in aside_lines and self._is_furniture(text[s:e]):
                aside_lines.add(i)
        tail = len(lines) - 1
        while tail > 0 and tail in aside_lines:
            tail -= 1
        # walk back over headline-like lines looking for the byline that precedes them
        j = tail
        while j > 0 and j not in aside_lines and self._reads_as_headline(text[lines[j][0]:lines[j][1]]) \
                and not self._is_byline(text[lines[j][0]:lines[j][1]]):
            j -= 1
        if j > 0 and j not in aside_lines and self._is_byline(text[lines[j][0]:lines[j][1]]):
            for k in range(j, tail + 1):
                aside_lines.add(k)
            byline_idx = j
        else:
            byline_idx = None

        for i in sorted(aside_lines):
            if i in first_body_start:
                continue
            s, e = lines[i]
            if i == 0 and layout.set_aside and layout.set_aside[0].start == s:
                continue  # the dateline line, recorded already
            kind = "byline" if i == byline_idx else ("related" if byline_idx is not None and i > byline_idx
                                                     and not self._is_furniture(text[s:e]) else "furniture")
            layout.set_aside.append(SetAside(kind, text[s:e], s, e))

        # 3. the title: the first remaining line, when it reads as a headline and is not all there is
        body_lines = [i for i in range(len(lines)) if i not in aside_lines]
        if title is not None:
            # a title given apart (JSON Lines "title") is often repeated in the text: that line is the title
            # again, not a body sentence whose figures a headline could be compared with
            wanted = " ".join(title.split()).casefold()
            for i in body_lines[:8]:
                s, e = first_body_start.get(i, lines[i][0]), lines[i][1]
                if " ".join(text[s:e].split()).casefold().strip(" .") == wanted.strip(" ."):
                    layout.set_aside.append(SetAside("title", text[s:e], s, e))
                    body_lines = [j for j in body_lines if j != i]
                    break
        if title is None and len(body_lines) > 1:
            i = body_lines[0]
            s = first_body_start.get(i, lines[i][0])
            e = lines[i][1]
            heading = re.match(r"#{1,6}[ \t]+", text[s:e])  # a Markdown heading: "# Title"
            if heading:
                s += heading.end()
            if i not in first_body_start and self._reads_as_headline(text[s:e]):
                layout.title = text[s:e]
                layout.title_span = (s, e)
                body_lines = body_lines[1:]
        for i in body_lines:
            s = first_body_start.get(i, lines[i][0])
            layout.body.append((s, lines[i][1]))

        layout.sentences = self._sentences(text, layout.body)
        layout.period = self._period(text, layout)
        return layout

    def _sentences(self, text: str, body: list[tuple[int, int]]) -> list[Sentence]:
        out: list[Sentence] = []
        for s, e in body:
            start = s
            for m in _SENTENCE_END.finditer(text, s, e):
                nxt = text[m.end():m.end() + 2]
                if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()
                                   or (nxt[0] in "\"“‘([" and nxt[1:2].isupper())):
                    continue
                word = _WORD.findall(text[max(start, m.start() - 6):m.start()])
                if word and word[-1].lower() in _ABBREVIATIONS and text[m.start():m.end()].strip() == ".":
                    continue
                if start == s and _LIST_NUMBER.fullmatch(text, start, m.start()) and text[m.start()] == ".":
                    continue  # "1. Thôn Đông Sơn: …": a line's list number opens its sentence, it ends none
                end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
                if text[start:end].strip():
                    out.append(Sentence(len(out), start, end, text[start:end]))
                start = m.end()
            if text[start:e].strip():
                out.append(Sentence(len(out), start, e, text[start:e]))
        return out

    def _period(self, text: str, layout: Layout) -> str | None:
        """The reporting period: the first period phrase of the title or body ("8 tháng năm 2023")."""
        pieces = ([layout.title] if layout.title else []) + [text[s:e] for s, e in layout.body]
        # lower-cased once, not once per pattern; a piece none of the patterns matches can be dropped for all
        found = [(piece, low) for piece in pieces if self.any_period.search(low := piece.lower())]
        for regex in self.lang.period_regexes:
            for piece, low in found:
                m = regex.search(low)
                if m:
                    return piece[m.start():m.end()]
        return None

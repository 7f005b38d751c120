"""Reading the figures of a sentence: every number in running text that states an amount.

For each number the reader decides, from the words around it, whether it is a figure at all (dates,
times, years, durations, document numbers, model names and identifiers are not), what it counts, how
precisely, and in what role. Intervals come from :mod:`figcheck.reading.intervals`.

Every regular expression here is linear: character classes with single quantifiers, no nesting.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from figcheck.languages import Language
from figcheck.models import Figure, Sentence, new_figure
from figcheck.reading import intervals
from figcheck.reading.numbers import MAX_DIGITS, SpelledNumbers, numeral_evidence, parse_numeral

# A run of digits with inner separators, and whatever letters or % are glued to its end.
_TOKEN = re.compile(r"\d(?:[\d.,/:\u066b\u066c]*\d)?")  # ٫ ٬: the Arabic decimal and thousands separators
# "số người nghiện đang được lập hồ sơ theo dõi là" (anchored at the clause's end: one search per figure)
_NAMED_BEFORE = re.compile(r"(?<![^\W_])số\s+((?:[^\W\d_]+\s+){1,10}?)là\s*$")
_WORD = re.compile(r"[^\W\d_]+(?:[-/][^\W\d_]+)*")
_POWERS_OF_TEN = frozenset({100, 1000, 10000, 100000, 1000000})
# white space, then a word (group 1; optional, as in _ONE_WORD_AFTER, so that it matches wherever tried)
_SPACED_WORD = re.compile(r"\s*([^\W\d_]+(?:[-/][^\W\d_]+)*)?")
_GLUED = re.compile(r"[^\W\d_]+|%")
_RANGE_END = re.compile(r"((?<![^\W\d_])[^\W\d_]++|[-–])\s*+\d[\d.,]*+\s++([^\W\d_]++)")  # "đến 15 tuổi", "- 5 năm"
_PER_POWER_OF_TEN = re.compile(r"(?<!\s)\s*+((?<![^\W\d_])[^\W\d_]++)\s++10{0,2}+(?:[.,]000)++(?![\d.,]\d)")  # "trên 100.000"
_CLAUSE_BREAK = re.compile(r"[,;:()]|\.(?!\d)")
_JOINED_IDENTIFIER = re.compile(r"(?<![\d.,])\d{1,4}+\+\Z")  # "… km 15+" (anchored at the end)
# "…4 ha" right before a "/", or "…2.384 tỷ đồng" (a multiplier before the unit)
_UNIT_SLASH = re.compile(r"\d\s?+(?:(?P<multiplier>[^\W\d_]++)\s)?+(?P<unit>[^\W\d_]++)\Z")
_AFTER_BREAK = re.compile(r"[,;:()\[\]“”\"=\d]")
# NUMERAL's matches that have a separator: a match starts where a run of digits does (no digit before the
# first one: linear; the look-behind follows that digit so that re skips in C to the digits)
_SEPARATED_NUMERAL = re.compile(r"\d(?<!\d\d)\d*(?:[.,]\d+)+")
# the first word (two words) after a position with nothing but white space before each: one match, not a loop.
# The words are optional so that the pattern matches wherever it is tried (an empty match when no word
# follows): a failed attempt after a long run of spaces would be retried at each of them.
_ONE_WORD_AFTER = re.compile(r"\s*([^\W\d_]+(?:[-/][^\W\d_]+)*)?")
_TWO_WORDS_AFTER = re.compile(r"\s*([^\W\d_]+(?:[-/][^\W\d_]+)*)?(?:\s*([^\W\d_]+(?:[-/][^\W\d_]+)*))?")
# characters up to a clause break, matched on reversed text to find the last clause in linear time
_CLAUSE_TAIL = re.compile(r"[^,;:()\[\]\"“”.!?…=\n]*")


_MEMO_SIZE = 4096  # answers kept for the nouns of figures, beyond which they are forgotten (memory stays flat)
# "5.2," or "6.1 và" ending a text — or a code such as "4D," ("Quốc lộ 4D, 279, 3B")
_LISTED_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{1,3}|[^\W\d_]{1,2})?(?:\s*+,|\s++và)$")
_BOUND_QUALIFIERS = frozenset(("more_than", "less_than", "at_least"))  # what a bound says: over, under, at least


class NumberOutOfRange(ValueError):
    """A written number beyond what a float holds ("một" followed by 35 × "tỷ"): the article is an input error."""

    def __init__(self, text: str, offset: int, field: str = "text") -> None:
        super().__init__(f"number too large to check: {text[:60]!r}")
        self.text, self.offset, self.field = text, offset, field


@dataclass
class _Candidate:
    start: int  # absolute offsets of the figure's text (qualifier included)
    end: int
    num_start: int  # the number itself
    num_end: int
    value: Decimal | None
    decimals: int
    qualifier: str | None
    unit: str
    role: str
    multiplier: int = 1
    vague: tuple[float, float] | None = None
    spelled: bool = False


def _ends_with_phrase(text: str, phrase: str) -> bool:
    """``text`` ends with the whole-word ``phrase`` (both lower-case)."""
    if not text.endswith(phrase):
        return False
    before = text[: len(text) - len(phrase)]
    return not before or not (before[-1].isalnum() or before[-1] == "_") or not phrase[0].isalnum()


def _starts_with_phrase(text: str, phrase: str) -> bool:
    if not text.startswith(phrase):
        return False
    rest = text[len(phrase):]
    return not rest or not (rest[0].isalnum() or rest[0] == "_") or not phrase[-1].isalnum()


def _starts_with_any_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """``text`` starts with one of the whole-word ``phrases``: one C-level ``startswith`` on all of them
    first (most texts start with none), then each that could be compared."""
    return text.startswith(phrases) and any(_starts_with_phrase(text, p) for p in phrases)


# the second end of a range of percentages after the first's number: "50 - 100%", "70–80%"
_PERCENT_RANGE_END = re.compile(r"[-–]\x20?\d{1,3}(?:[.,]\d{1,2})?\x20?%")

# Day.month ("16.1", "18.7") and month.year ("9.2012") written with a dot: dates, after a date word
# (the first) or always (the second).
_DOTTED_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d")
_MONTH_YEAR = re.compile(r"(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d")


_OPENERS = "([{“\"'‘-–—"  # an opening bracket or quote may stand before a phrase


class PhraseSet:
    """Whole-word phrases, matched at the end or the start of a text in time independent of their number.

    Word phrases are looked up in a set, by the lengths of those that end (or start) with the text's
    last (first) word; the few phrases with other characters ("v.v.", "=") are compared one by one.
    """

    def __init__(self, phrases: list[str]) -> None:
        self.word_phrases: set[tuple[str, ...]] = set()
        self.others: list[str] = []
        for p in phrases:
            words = tuple(_WORD.findall(p))
            if words and " ".join(words) == p:
                self.word_phrases.add(words)
            else:
                self.others.append(p)
        self.longest = max((len(w) for w in self.word_phrases), default=0)
        self.others_tuple = tuple(self.others)  # one C-level endswith / startswith before comparing them
        # the lengths (2 words or more) of the phrases ending, and starting, with each word
        self.by_last: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        for words in self.word_phrases:
            if len(words) > 1:
                self.by_last.setdefault(words[-1], []).append(len(words))
                self.by_first.setdefault(words[0], []).append(len(words))
        for index in (self.by_last, self.by_first):
            for word, lengths in index.items():
                index[word] = sorted(set(lengths))

    def ends(self, text: str) -> bool:
        """``text`` (lower-case, stripped on the right) ends with one of the phrases as whole words."""
        if self.others and text.endswith(self.others_tuple) \
                and any(_ends_with_phrase(text, p) for p in self.others):
            return True
        if not text or not (text[-1].isalnum()):
            return False
        # white-space words, so a phrase never matches across punctuation ("tổng, số" is not "tổng số");
        # only the phrase's first word may carry punctuation before it ("(trên")
        window = text[-80:]
        last = window.rsplit(None, 1)[-1]
        if (last.lstrip(_OPENERS),) in self.word_phrases:
            return True
        lengths = self.by_last.get(last)
        if not lengths:
            return False
        words = window.split()
        for k in lengths:
            if k > len(words):
                break
            tail = words[-k:]
            if tuple([tail[0].lstrip(_OPENERS)] + tail[1:]) in self.word_phrases:
                return True
        return False

    def starts(self, text: str) -> bool:
        """``text`` (lower-case, stripped on the left) starts with one of the phrases as whole words."""
        if self.others and text.startswith(self.others_tuple) \
                and any(_starts_with_phrase(text, p) for p in self.others):
            return True
        if not text or not text[0].isalnum():
            return False
        window = text[:80]
        first = window.split(None, 1)[0]
        if (_strip_punct(first),) in self.word_phrases:  # "vụ," starts with "vụ"
            return True
        lengths = self.by_first.get(first)
        if not lengths:
            return False
        words = window.split()
        for k in lengths:
            if k > len(words):
                break
            head = words[:k]
            if tuple(head[:-1] + [_strip_punct(head[-1])]) in self.word_phrases:
                return True
        return False


def _strip_punct(word: str) -> str:
    """A word without the punctuation around it ("(trên" → "trên", "vụ," → "vụ")."""
    if word.isalpha():  # letters only (most words): all of it is the word _WORD finds
        return word
    m = _WORD.search(word)
    return m.group(0) if m else word


def _fold_risk(letters: set[str]) -> re.Pattern[str] | None:
    """A pattern finding, in lower-cased text, the characters a case-insensitive pattern made of ``letters``
    would also take for one of them (Python's extra case equivalences); None if they are not known."""
    try:
        from re._casefix import _EXTRA_CASES  # Python ≥ 3.11: what re.IGNORECASE adds to lower-casing
    except ImportError:  # pragma: no cover - another Python: always the case-insensitive patterns
        return None
    extra = sorted({chr(c) for ch in letters for c in _EXTRA_CASES.get(ord(ch), ())})
    return re.compile("[" + "".join(re.escape(c) for c in extra) + "]") if extra else re.compile(r"(?!)")


def whole_words_pattern(phrases: list[str]) -> re.Pattern[str]:
    r"""The phrases (none empty; the first that matches wins, as in an alternation) as whole words: no letter or
    digit right before or after a match.

    The same matches as ``(?<![^\W_])(?:p1|p2|…)(?![^\W_])``, found faster: that pattern opens with a
    look-behind, so ``re`` tries it at every position of the text; here each alternative opens with its first
    character (the look-behind follows it, one character further back), so ``re`` skips in C to the
    positions where one of those characters stands.
    """
    by_first: dict[str, list[str]] = {}  # in the phrases' order, which decides between two at one position
    for p in phrases:
        by_first.setdefault(p[0], []).append(p[1:])
    branches = [re.escape(first) + r"(?<![^\W_].)(?:" + "|".join(map(re.escape, rests)) + ")"
                for first, rests in by_first.items()]
    return re.compile("(?:" + ("|".join(branches) or "(?!)") + r")(?![^\W_])")


def _is_season(first: str, second: str) -> bool:
    """"2026/27", "2025/2026": a year and the next, written as a season or a school year."""
    if not (len(first) == 4 and first.isdigit() and second.isdigit() and len(second) in (2, 4)):
        return False
    year = int(first)
    return 1900 <= year <= 2100 and int(second) == (year + 1 if len(second) == 4 else (year + 1) % 100)


class FigureReader:
    """Reads figures from sentences, with the vocabulary of one language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.spelled = SpelledNumbers(lang)
        self.multipliers = {k: int(v) for k, v in lang.mapping("multipliers").items()}
        self.not_multiplier_phrases = {tuple(p.lower().split()) for p in lang.words("not_multiplier_phrases")}
        self.percent_words = lang.words("percent")
        self.pp_words = lang.words("percentage_point")
        self.percent_prefixes = tuple(self.percent_words + self.pp_words)  # one C-level test before the loops
        self.classifiers = set(lang.words("classifiers"))
        self.identifier_before = PhraseSet(lang.words("identifier_before"))
        self.identifier_exceptions = PhraseSet(lang.words("identifier_before_exceptions"))
        self.date_words = PhraseSet(lang.words("date_words"))
        # (an age or a star rating after a number is no count either: both are dropped alike)
        self.duration_units = set(lang.words("duration_units")) | set(lang.words("attribute_units"))
        self.milestone_words = tuple(" " + w for w in lang.words("milestone_before"))
        self.stop_after_first = frozenset(lang.words("noun_stop_after_first"))
        self.whole_openers = frozenset(w.split()[0] for w in lang.words("cues.whole_words"))
        self.range_to = tuple(lang.words("range_to"))  # "từ 6 đến 15 tuổi"
        self.range_from = frozenset(lang.words("range_from"))  # "độ tuổi từ 15 đến 34"
        self.score_nouns = frozenset(lang.words("score_nouns"))  # "số bài đạt từ 8 điểm"
        title_words = sorted(lang.data.get("title_words", []), key=len, reverse=True)  # (as written: capitalised)
        titles = "|".join(re.escape(w) for w in title_words)
        openers = "|".join(re.escape(w) for w in lang.words("title_openers"))
        # (the title word keeps its capital: "theo đề án của huyện, 120 hộ" names no programme)
        self.title_before = re.compile(rf"(?<![^\W_])(?i:{openers})\s++(?:{titles})(?![^\W_])[^,;:()\d]*+$") \
            if titles and openers else None
        self.title_breaks = frozenset(lang.words("title_breaks"))
        self.title_words = tuple(title_words)
        self.named_works = PhraseSet(lang.words("named_works"))
        self.attribute_units = frozenset(lang.words("attribute_units"))
        self.list_and = frozenset(lang.words("cues.list_and"))  # "6 và 9 tuổi"
        self.per_words = set(lang.words("per_words"))  # "42,6 ca trên 100.000 dân"
        self.threshold_after = lang.words("threshold_after")  # "từ 8 điểm trở lên"
        self.singled_out = lang.words("cues.separately")  # "…, riêng các đoàn tàu … đạt 112,4%"
        self.stop_words = set(lang.words("noun_stop_words"))
        self.stop_phrases = {tuple(p.split()) for p in lang.words("noun_stop_phrases")}
        self.stop_phrase_starts = {p[0] for p in self.stop_phrases}
        self.stop_word_nouns = {tuple(w.split()) for w in lang.words("stop_word_nouns")}
        self.named_before_stop = {w.split()[0] for w in lang.words("named_before_stop")}
        self.drop_first = set(lang.words("noun_drop_first"))
        self.vague = sorted(((k, tuple(v)) for k, v in lang.mapping("vague_amounts").items()),
                            key=lambda kv: len(kv[0]), reverse=True)
        self.increase = lang.words("cues.increase")
        self.decrease = lang.words("cues.decrease")
        self.change_words = PhraseSet(self.increase + self.decrease)
        self.compared = PhraseSet(lang.words("cues.compared"))
        self.plan_compared = tuple(sorted((w + " " for w in lang.words("cues.plan_compared")), key=len, reverse=True))
        self.plan_nouns = tuple(lang.words("cues.plan_nouns"))
        self.share_of_a_whole = PhraseSet(lang.words("cues.share_of_a_whole"))
        self.share_words = PhraseSet(lang.words("cues.share"))
        self.ratio_words = PhraseSet(lang.words("cues.ratio_words"))
        self.counted_whole_names = tuple(lang.words("cues.counted_whole_names"))
        self.bar_before = PhraseSet(lang.words("cues.bar_before") + lang.words("cues.aim_before"))
        self.amount_nouns = tuple(lang.words("cues.amount_nouns"))
        # another period named after a percentage's whole: "… cùng kỳ", "… năm 2024"
        self.compared_period_re = re.compile(
            "|".join([rf"(?<![^\W_]){re.escape(w)}(?![^\W_])" for w in lang.words("cues.other_period")]
                     + [p for p in lang.data["period_patterns"]]))
        self.bare_percent_before = PhraseSet(lang.words("cues.bare_percent_before"))
        self.not_numbers = PhraseSet(lang.words("spelled.not_numbers"))
        # two-word phrases whose second word is a number word: "thứ hai", "tháng ba"
        self.not_number_pairs = {tuple(p.split()) for p in lang.words("spelled.not_numbers") if len(p.split()) == 2}
        self.single_needs_noun = set(lang.words("spelled.single_word_needs_noun"))
        self.unit_map = dict(lang.unit_spellings)
        # a unit right after a number ("7.005 ha"): the number measures something
        self._unit_after = re.compile("(?:" + "|".join(re.escape(u) for u in sorted(self.unit_map, key=len, reverse=True))
                                      + r")(?![^\W\d_])")
        self.any_qualifier = PhraseSet([w for w, _ in lang.qualifier_words])
        self.not_qualifiers = PhraseSet(lang.words("not_qualifiers"))
        self.not_units = lang.words("not_units")
        self.not_units_tuple = tuple(self.not_units)
        self.average_words = [str(w).lower() for w in (lang.data.get("products") or {}).get("average", [])]
        self.counted_nouns = PhraseSet(lang.words("counted_nouns") + lang.words("classifiers"))
        self.fractional_counts = PhraseSet(lang.words("fractional_counts"))
        self._whole_heads: dict[str, bool] = {}  # see _whole_head
        self.cumulative = PhraseSet(lang.words("cumulative_before"))
        self.calendar_before = {k: int(v) for k, v in lang.data.get("calendar_before", {}).items()}
        self.calendar_always = set(lang.words("calendar_always"))  # "mùng 5 Tết": a day, whatever follows
        self.calendar_after = lang.words("calendar_after")  # "Ngày 29 Tết": a day
        self.ratio_nouns = lang.words("ratio_nouns")
        self.ratio_nouns_tuple = tuple(self.ratio_nouns)
        self.target_openers = tuple(lang.words("target_openers"))
        verbs = "|".join(re.escape(w) for w in sorted(lang.words("target_verbs"), key=len, reverse=True)) or "(?!)"
        targets = "|".join(re.escape(w) for w in sorted(self.ratio_nouns, key=len, reverse=True)) or "(?!)"
        # (each word starts after a non-letter and none is rescanned: linear on any text)
        self.target_re = re.compile(rf"(?<![^\W_])(?:{verbs})\s++(?:[^\W\d_]++\s++){{0,2}}?(?:{targets})(?![^\W_])")
        allocated = "|".join(re.escape(w) for w in sorted(lang.words("cues.allocated_words"), key=len, reverse=True)) or "(?!)"
        done = "|".join(re.escape(w) for w in sorted(lang.words("cues.done_words"), key=len, reverse=True)) or "(?!)"
        # an amount allocated, then one done of it ("giao 412,5 tỷ đồng, giải ngân 351,8 tỷ đồng, "): searched in a
        # window of a clause only, so linear on any text
        self.allocated_then_done_re = re.compile(
            rf"(?<![^\W_])(?:{allocated})\s++\d[\d.,]*+[^;\d]{{0,40}}?(?<![^\W_])(?:{done})\s++\d[\d.,]*+[^;\d]{{0,20}}$")
        self.year_words = PhraseSet(lang.words("year_words"))
        # "5 trong 1": a combination's name (a vaccine, a product), its numbers no figures
        combination = "|".join(re.escape(w) for w in lang.words("combination_words"))
        self.combination_re = re.compile(rf"(?<![ \t])[ \t]++(?:{combination})[ \t]++1(?![\d.,])") if combination else None
        self.combination_before_re = re.compile(rf"(?<![\d.,])[2-9][ \t]++(?:{combination})[ \t]++$") if combination else None
        ranges = lang.data.get("identifier_ranges") or {}
        self.id_range_prefixes = [str(p) for p in ranges.get("prefixes", [])]
        prefix_alt = "|".join(re.escape(p) for p in sorted(self.id_range_prefixes, key=len, reverse=True))
        # a prefix glued or spaced, a dash, the prefix again or not: digits and blanks each taken at once
        self.id_range_re = re.compile(
            rf"(?<![^\W_])(?P<prefix>{prefix_alt})\x20?(?P<first>\d{{1,9}})(?!\d)\x20*+[-–—]\x20*+(?:(?P=prefix)\x20?)?"
            rf"(?P<last>\d{{1,9}})(?=\x20*+(?:[),.;:\n]|$))") if prefix_alt else None  # not "BN17 – 45 tuổi"
        vague_alt = "|".join(re.escape(k) for k, _ in self.vague)
        self.vague_re = re.compile(rf"(?<![^\W_])(?:{vague_alt})(?![^\W_])", re.IGNORECASE)
        vocab = sorted(self.spelled.vocabulary, key=len, reverse=True)
        self.spelled_word_re = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, vocab)) + r")(?![^\W_])",
                                          re.IGNORECASE)
        # The same two patterns in lower case, run on the lower-cased text: one lower() per text instead of a
        # case-insensitive scan of each sentence, and the same matches wherever lower-casing keeps every
        # offset and no character reaches one of the patterns' letters only through Python's extra case
        # equivalences ("ı" for "i", "ſ" for "s"): ``fold_risk`` finds those, and then the patterns above run.
        self.vague_low_re = whole_words_pattern([k.lower() for k, _ in self.vague])
        self.spelled_low_re = whole_words_pattern([w.lower() for w in vocab])
        self.fold_risk = _fold_risk({ch for k, _ in self.vague for ch in k.lower()}
                                    | {ch for w in vocab for ch in w.lower()})

    # -- public ----------------------------------------------------------------------------------

    def read(self, text: str, sentences: list[Sentence], convention: str, *, field: str = "text",
             first_id: int = 1) -> list[Figure]:
        figures: list[Figure] = []
        lowered: str | None = text.lower()
        if len(lowered) != len(text) or self.fold_risk is None or self.fold_risk.search(lowered):
            lowered = None  # the case-insensitive patterns, sentence by sentence
        for sentence in sentences:
            for cand in self._sentence_candidates(text, sentence, convention, lowered):
                fig = self._figure(text, sentence, cand, f"f{first_id + len(figures)}", field, figures)
                if fig.role == "identifier":  # numbers no thing: no noun, never a count
                    fig = replace(fig, noun=None, classifier=None, countable=False)
                if fig.noun is None and figures and figures[-1].sentence == fig.sentence and figures[-1].noun \
                        and fig.unit == figures[-1].unit \
                        and self.cumulative.ends(text[max(sentence.start, fig.start - 40):fig.start].lower().rstrip()):
                    # "xây mới 523 tổ chức cơ sở, nâng tổng số lên 2.420": the total counts what was added
                    fig = replace(fig, noun=figures[-1].noun, classifier=figures[-1].classifier,
                                  countable=figures[-1].countable)
                if fig.noun is None and fig.role == "count" and fig.unit == "count":
                    # "Số người nghiện đang được lập hồ sơ theo dõi là 912": the noun stands before the number
                    named = self._named_before(text, sentence.start, fig.start)
                    if named:
                        fig = replace(fig, noun=named)
                if fig.role == "count" and fig.decimals and fig.noun and any(
                        g.sentence == fig.sentence and g.role == "rate" and (g.noun or "").split("/")[0] == fig.noun
                        for g in figures[-3:]):
                    # "2,16 con/phụ nữ, cao hơn mức sinh thay thế (2,1 con)": the same rate, its "per" left out
                    fig = replace(fig, role="rate", countable=False)
                if fig.role == "denominator" and figures and figures[-1].role == "numerator":
                    # "87/92 vụ": the numerator counts what the denominator counts
                    figures[-1] = replace(figures[-1], noun=fig.noun, classifier=fig.classifier, after=fig.after)
                figures.append(fig)
        return figures

    # -- candidates --------------------------------------------------------------------------------

    def _sentence_candidates(self, text: str, sentence: Sentence, convention: str,
                             lowered: str | None = None) -> list[_Candidate]:
        s0, s1 = sentence.start, sentence.end
        out: list[_Candidate] = []
        taken: list[tuple[int, int]] = []
        ranges: list[int] = []  # the identifier ranges' spans, start and end in turn
        sentence_text = text[s0:s1]
        if self.id_range_re is not None and any(p in sentence_text for p in self.id_range_prefixes):
            out += self._identifier_ranges(text, s0, s1)
            taken += [(c.start, c.end) for c in out]
            ranges = [x for c in out for x in (c.start, c.end)]
        for m in _TOKEN.finditer(text, s0, s1):
            for cand in self._digit_candidates(text, s0, s1, m, convention):
                if ranges and bisect.bisect_right(ranges, cand.start) % 2 == 1:
                    continue  # a number of an identifier range read above
                out.append(cand)
                taken.append((cand.start, cand.end))
        vague = self.vague_re.finditer(text, s0, s1) if lowered is None else self.vague_low_re.finditer(lowered, s0, s1)
        for m in vague:
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            nxt = self._words_after(text, m.end(), s1, 1)
            if nxt and (nxt[0] in self.duration_units or nxt[0] in self.multipliers):
                continue
            # "vài" alone before a digit is part of that number's phrase, not an amount of its own
            if text[m.end():m.end() + 2].strip()[:1].isdigit():
                continue
            low, high = next(v for k, v in self.vague if k == m.group(0).lower())
            out.append(_Candidate(m.start(), m.end(), m.start(), m.end(), None, 0, "vague", "count", "count",
                                  vague=(float(low), float(high))))
            taken.append((m.start(), m.end()))
        out.extend(self._spelled_candidates(text, s0, s1, taken, lowered))
        out.sort(key=lambda c: c.start)
        return self._measure_fractions(text, out)

    def _identifier_ranges(self, text: str, s0: int, s1: int) -> list[_Candidate]:
        """"BN17577-17727", "BN 17053 – BN 17312": the first and the last identifier of a range, each a
        figure of role ``identifier`` (no count: what the range numbers is the count before it)."""
        out = []
        for m in self.id_range_re.finditer(text, s0, s1):
            for g in ("first", "last"):
                out.append(_Candidate(m.start(g), m.end(g), m.start(g), m.end(g), Decimal(m.group(g)), 0, None,
                                      "count", "identifier"))
        return out

    @staticmethod
    def _field_value(text: str, before: str, end: int, s1: int) -> bool:
        """The number is the value of a labelled field of a form: "+ Phiếu không hợp lệ: 08 + …"."""
        return before.endswith(":") and before[:-1].rstrip()[-1:].isalpha() \
            and text[end:s1].lstrip(" \t")[:1] in ("", "+", "\n", ";")

    def _unit_before_slash(self, text: str, s0: int, slash: int) -> str | None:
        """The unit word glued before a "/" that follows a number: "369.882,4 ha/" → "ha", "2.384 tỷ đồng/" → "đồng"."""
        m = _UNIT_SLASH.search(text[max(s0, slash - 40):slash])
        if m is None or m.group("multiplier") and m.group("multiplier").lower() not in self.multipliers:
            return None
        return self.unit_map.get(m.group("unit").lower())

    @staticmethod
    def _measure_fractions(text: str, cands: list[_Candidate]) -> list[_Candidate]:
        """"369.882,4 ha/392.069 ha": two measures of one unit on each side of a slash are a part of a whole
        (done out of planned); the number after the slash is read only there."""
        out: list[_Candidate] = []
        for c in cands:
            prev = out[-1] if out else None
            if c.num_start > 1 and text[c.num_start - 1] == "/" and text[c.num_start - 2].isalpha():
                if prev is None or prev.end != c.num_start - 1 or prev.role != "measure" or c.role != "measure" \
                        or prev.unit != c.unit or prev.qualifier is not None:
                    continue  # "tạ/ha/năm 5", "ha/1 hộ": not a fraction, and no figure of its own
                out[-1] = replace(prev, role="numerator")
                c = replace(c, role="denominator")
            out.append(c)
        return out

    def _digit_candidates(self, text: str, s0: int, s1: int, m: re.Match[str], convention: str):
        start, end = m.start(), m.end()
        token = m.group(0)
        prev_char = text[start - 1] if start > s0 else " "
        next_char = text[end] if end < s1 else " "
        # glued to letters, or part of "12-NQ/TU", "K59", "COVID-19", "124/2011/TT-BCA": an identifier
        # a signed percentage in brackets or after a space: "giảm 10 người (-53%)", "(+12,5%)"
        signed = prev_char in "-+−" and (start - 1 == s0 or text[start - 2] in "( ") \
            and _GLUED.match(text, end, s1) is not None and _GLUED.match(text, end, s1).group(0) == "%"
        over = prev_char == "/" and self._unit_before_slash(text, s0, start - 1)
        if prev_char.isalpha() or (prev_char in "-–_#№" and not signed) or (prev_char in "/." and start - 1 > s0
                                                                           and text[start - 2].isalnum() and not over):
            return
        if next_char in "-–/_" and end + 1 < s1 and text[end + 1].isalnum():
            return  # ("2024–2025", "12-NQ/TU": a span of years or a code)
        if next_char == "." and end + 1 < s1 and text[end + 1].isdigit():
            return  # "1.1.1.1…" or a version number: malformed for either convention
        if token.count(":"):
            return  # a time ("18:22") or a reference ("1:2") — never a figure
        if start == s0 and len(token) <= 2 and next_char in ".)" and token.isdigit() \
                and (end + 1 == s1 or text[end + 1] in " \t"):
            return  # "1. Thôn Đông Sơn: …", "2) …": the number of a line in a list opens the sentence
        if _DOTTED_DATE.fullmatch(token) and (_MONTH_YEAR.fullmatch(token) or self.date_words.ends(
                text[max(s0, start - 30):start].lower().rstrip())):
            return  # "Chiều 16.1", "Ngày 4.3", "tháng 5.2015": a date written with a dot
        if "/" in token:
            yield from self._slash_candidates(text, s0, s1, start, end, token, convention)
            return
        if len(token) > MAX_DIGITS and sum(c.isdigit() for c in token) > MAX_DIGITS:
            return
        before = text[max(s0, start - 40):start].lower().rstrip()
        if self._is_identifier_context(before) and text[end:end + 1] != "%" \
                and not self._name_then_count(text, start, end, s1) and not self._measure_unit_after(text, end, s1):
            # "thôn 4", "số 12" — but "khu vực nông thôn 42,9%" is a percentage, "TP Hải Phòng 40 người" a count,
            # "điều 22.051,7 ha" (cashew) an area
            return
        if self._range_of_attribute_before(before) or self._range_opening_after_attribute(text, before, end, s1):
            return  # "trong độ tuổi từ 15 đến 34 (chiếm 68,4%)", "độ tuổi 25 - 40": the ends of a range of ages
        if self.combination_re is not None and (self.combination_re.match(text, end, s1) or token == "1"
                                                and self.combination_before_re.search(text[max(s0, start - 12):start])):
            return  # "vắc xin 5 trong 1", "6 trong 1": the name of a combination, no count
        if self._in_a_title(text, s0, start):
            return  # "theo Đề án đầu tư xây dựng ít nhất 1 triệu căn hộ …": a target in a programme's name
        if len(token) <= 2 and token.isdigit() and self._number_of_a_work(text, s0, start, end, s1):
            return  # "cầu Trà Khúc 3 đạt 72,5% khối lượng": the number ends the bridge's name
        if len(token) > 1 and token[0] == "0" and token[1].isdigit() \
                and not (len(token) == 2 and (self._words_after(text, end, s1, 1) or self._field_value(text, before, end, s1))):
            return  # phone numbers and codes ("0912…", "05") — but "05 vụ", "06 đơn vị", "hợp lệ: 08 +" are counts
        glued = _GLUED.match(text, end, s1)
        glued_text = glued.group(0) if glued else ""
        numeral = parse_numeral(token, convention)
        if numeral is None:
            return
        value, decimals = numeral.value, numeral.decimals
        pos = end
        unit, role, multiplier = "count", "count", 1
        if glued_text:
            low = glued_text.lower()
            if low == "%":
                unit, role, pos = "percent", "percent", end + 1
            elif low in self.unit_map:
                unit, role, pos = self.unit_map[low], "measure", end + len(glued_text)
            elif low[:1] == "h" and low[1:].isdigit() or low == "h":
                return  # "19h00", "18h": a time
            else:
                return  # "K59"-like code read backwards ("59K"), "2a": an identifier
        else:
            after_low = text[end:min(s1, end + 60)].lower()  # a window: linear however long the sentence
            stripped = after_low.lstrip()
            gap = len(after_low) - len(stripped)
            words = self._words_after(text, end, s1, 2)
            first = words[0] if words else ""
            if first in self.multipliers and gap <= 1 and tuple(words[:2]) not in self.not_multiplier_phrases:
                multiplier = self.multipliers[first]
                value = value * multiplier
                pos = end + gap + len(first)
                window = text[pos:min(s1, pos + 60)].lower()
                stripped = window.lstrip()
                gap = len(window) - len(stripped)
                words = self._words_after(text, pos, s1, 2)
                first = words[0] if words else ""
            if stripped.startswith("%") and gap <= 1:
                unit, role, pos = "percent", "percent", pos + gap + 1
            else:
                pp = pc = None
                if stripped[:1] and not stripped[0].isdigit() and gap <= 1 \
                        and stripped.startswith(self.percent_prefixes):
                    pp = next((w for w in self.pp_words if _starts_with_phrase(stripped, w)), None)
                    pc = next((w for w in self.percent_words if _starts_with_phrase(stripped, w)), None)
                if pp and gap <= 1:
                    unit, role, pos = "pp", "change", pos + gap + len(pp)
                elif pc and gap <= 1:
                    unit, role, pos = "percent", "percent", pos + gap + len(pc)
                elif first in self.unit_map and gap <= 1 and (len(first) > 1 or first in ("g", "m", "l")) \
                        and text[pos + gap:pos + gap + len(first)].lower() == first \
                        and not self._not_unit(stripped + " "):
                    unit, role, pos = self.unit_map[first], "measure", pos + gap + len(first)
                elif first in self.duration_units and multiplier == 1:
                    return  # "8 tháng", "3 năm": a duration or a period
                elif multiplier == 1 and gap <= 1 and stripped[:1] in "-–" and _PERCENT_RANGE_END.match(stripped):
                    return  # "27 hồ tích đạt từ 50 - 100% dung tích": the first end of a range of percentages
                elif multiplier == 1 and (first in self.range_to or first in self.list_and or stripped[:1] in "-–") \
                        and self._range_of_durations(stripped):
                    return  # "từ 6 đến 15 tuổi", "3-5 năm", "6 và 9 tuổi": the first of them is no count either
        if unit == "count" and multiplier == 1 and value <= 100 and self.bare_percent_before.ends(before) \
                and text[pos:s1].lstrip()[:1] in ("", ".", ";", ",", ")"):
            # "… chiếm 86,66." with the sign left out: nothing but a share is "chiếm" with no noun
            unit, role = "percent", "percent"
        # years: "năm 2023", and bare 4-digit years not followed by a counted noun
        if unit == "count" and decimals == 0 and multiplier == 1 and "." not in token and "," not in token:
            if self.year_words.ends(before) \
                    or (1900 <= value <= 2100 and len(token) == 4 and not self._noun_follows(text, pos, s1)):
                return
            # "tháng 6", "ngày 15", "quý 2": a month, a day, a quarter — not a count
            last = before.split()[-1:] if before else []
            if last and last[0] in self.calendar_before and 1 <= value <= self.calendar_before[last[0]] \
                    and (last[0] in self.calendar_always or not self._noun_follows(text, pos, s1)
                         or self._words_after(text, pos, s1, 1)[:1] in ([w] for w in self.calendar_after)):
                return
        if unit == "count" and prev_char in "“\"'‘" and not self._noun_follows(text, pos, s1):
            return  # “4 tại chỗ…”: a number that opens a quoted name is part of the name
        if unit == "count" and convention == "vi" and multiplier == 1 and token.count(".") == 1 and "," not in token \
                and len(token) - token.index(".") - 1 in (1, 2):
            # "chỉ tiêu 19.2", "mục 2.3": where a dot groups thousands, one or two digits after it make no count —
            # a number of a section or a criterion (a percentage or a measure so written is still read)
            return
        qualifier, q_start = self._qualifier(text, s0, start)
        if role in ("count", "measure") and self.change_words.ends(text[max(s0, q_start - 25):q_start].lower().rstrip()):
            role = "delta"
        if signed:
            q_start = start - 1  # the sign is part of the figure's text: its direction
        yield _Candidate(q_start, pos, start, end, value, decimals, qualifier, unit, role, multiplier)

    def _slash_candidates(self, text, s0, s1, start, end, token, convention):
        parts = token.split("/")
        if len(parts) != 2 or not all(parts):
            return  # "05/01/2024" and other chains: dates and document numbers
        before = text[max(s0, start - 30):start].lower().rstrip()
        if self.date_words.ends(before) or self._is_identifier_context(before):
            return
        if any(p[0] == "0" and len(p) > 1 and p[1].isdigit() for p in parts):
            return  # "05/01": a date
        if _is_season(parts[0], parts[1]):
            return  # "mùa giải 2026/27", "năm học 2025/2026": a span of two years
        a = parse_numeral(parts[0], convention)
        b = parse_numeral(parts[1], convention)
        if a is None or b is None:
            return
        # "607,5/607,5 ha", "497/497 ha": measures of the unit after the pair; with decimals and no unit, no
        # fraction ("8,5/10")
        m = _WORD.match(text, end + 1, s1) if text[end:end + 1] == " " else None
        unit = self.unit_map.get(m.group(0).lower()) if m and len(m.group(0)) > 1 else None
        if a.decimals or b.decimals or unit is not None and unit != "count" and (a.value > 31 or b.value > 12):
            if unit is None or self._is_identifier_context(before):
                return
            mid, pos = start + len(parts[0]), m.end()
            qualifier, q_start = self._qualifier(text, s0, start)
            yield _Candidate(q_start, mid, start, mid, a.value, a.decimals, qualifier, unit, "numerator")
            yield _Candidate(mid + 1, pos, mid + 1, end, b.value, b.decimals, None, unit, "denominator")
            return
        plain = "." not in token and "," not in token
        if plain and a.value <= 31 and 1 <= b.value <= 12:
            # "29/12", "15/9" are a day and a month — unless a counted noun follows ("19/11 vụ" is a
            # fraction, however wrong)
            rest = text[end:min(s1, end + 40)].lower().lstrip()
            if not self.counted_nouns.starts(rest) and (a.value > b.value or not self._noun_follows(text, end, s1)):
                return
        qualifier, q_start = self._qualifier(text, s0, start)
        mid = start + len(parts[0])
        yield _Candidate(q_start, mid, start, mid, a.value, 0, qualifier, "count", "numerator")
        yield _Candidate(mid + 1, end, mid + 1, end, b.value, 0, None, "count", "denominator")

    def _spelled_candidates(self, text: str, s0: int, s1: int, taken: list[tuple[int, int]],
                            lowered: str | None = None):
        # group consecutive number words into runs
        runs: list[list[re.Match[str]]] = []
        matches = self.spelled_word_re.finditer(text, s0, s1) if lowered is None \
            else self.spelled_low_re.finditer(lowered, s0, s1)
        for m in matches:
            if any(a <= m.start() < b for a, b in taken):
                continue
            if m.group(0).lower() in self.multipliers and text[m.start() - 1:m.start()] == " " \
                    and tuple(self._words_after(text, m.start() - 1, s1, 2)) in self.not_multiplier_phrases:
                runs.append([])  # "năm tỷ lệ": the scale word opens another word, and ends the run before it
                continue
            if runs and runs[-1] and text[runs[-1][-1].end():m.start()].strip() == "" \
                    and m.start() - runs[-1][-1].end() <= 2:
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            if not run:
                continue
            while run:
                words = [m.group(0) for m in run]
                value = self.spelled.parse(words)
                if value is not None:
                    break
                run = run[:-1]
            if not run or value is None:
                continue
            start, end = run[0].start(), run[-1].end()
            # each test below only sets the run aside; the one that does so most often (a number word alone,
            # "một", "năm", with no counted noun after it) is asked first
            if len(run) == 1:
                rest = text[end:min(s1, end + 40)].lower().lstrip()
                if words[0].lower() not in self.single_needs_noun or words[0].lower() == "không" \
                        or not self.counted_nouns.starts(rest):
                    continue
            phrase = text[start:min(s1, end + 20)].lower()
            if self.not_numbers.starts(phrase):
                continue
            prev_words = _WORD.findall(text[max(s0, start - 30):start].lower())
            if prev_words and (prev_words[-1], words[0].lower()) in self.not_number_pairs:
                continue  # "thứ hai", "tháng ba"
            nxt = self._words_after(text, end, s1, 1)
            following = text[end:end + 2].strip()[:1]
            if following.isdigit():
                continue  # "năm 2023"
            if nxt and nxt[0] in self.duration_units:
                continue  # "hai năm": a duration
            qualifier, q_start = self._qualifier(text, s0, start)
            role = "delta" if self.change_words.ends(text[max(s0, q_start - 25):q_start].lower().rstrip()) else "count"
            yield _Candidate(q_start, end, start, end, Decimal(value), 0, qualifier, "count", role, spelled=True)

    # -- context helpers ----------------------------------------------------------------------------

    def convention(self, text: str, default: str) -> str:
        """The number convention of an article: ``default`` (the language's) unless at least two numerals
        that are neither dates nor identifiers prove the other one, and outnumber those that prove it.

        "Chiều 16.1", "tháng 9.2012", "tiêu chí số 19.2" are no evidence: a date or an identifier written
        with a dot says nothing of how the article writes its figures. A dot with one or two digits after
        it proves the English convention only before a percent sign or a word ("0.2%", "4.5 tấn").
        """
        counts = {"vi": 0, "en": 0}
        for m in _SEPARATED_NUMERAL.finditer(text):  # a numeral without a separator proves nothing
            token = m.group(0)
            evidence = numeral_evidence(token)
            if evidence is None:
                continue
            before = text[max(0, m.start() - 40):m.start()].lower().rstrip()
            if self.date_words.ends(before) or self._is_identifier_context(before) \
                    or (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/-")):
                continue
            if _DOTTED_DATE.fullmatch(token):
                continue
            if evidence == "en" and token.count(".") == 1 and "," not in token:
                rest = text[m.end():m.end() + 2]
                if not (rest[:1] == "%" or rest.lstrip()[:1].isalpha() and rest.lstrip()[:1].islower()):
                    continue
            counts[evidence] += 1
        other = "en" if default == "vi" else "vi"
        return other if counts[other] >= 2 and counts[other] > counts[default] else default

    def _target_before(self, text: str, s0: int, start: int) -> bool:
        """A word of a target ("dự toán", "kế hoạch") stands after "vượt" or "hoàn thành" earlier in the sentence."""
        low = text[s0:start].lower()
        return any(w in low for w in self.ratio_nouns) and self.target_re.search(low) is not None

    def _per_something(self, text: str, end: int, noun: str | None, s1: int) -> bool:
        """A count per something: its noun has a "/" ("km/h", "đồng/người"), a "/" follows it ("doanh
        nghiệp/1.000 dân", "ca/100.000 dân"), or a word for "per" and a power of ten ("42,6 ca trên 100.000 dân")."""
        if noun and "/" in noun:
            return True
        rest = text[end:min(s1, end + 80)].lstrip()
        if noun and rest.startswith(noun):
            rest = rest[len(noun):]
        if rest.startswith("/"):
            return True
        m = _PER_POWER_OF_TEN.match(rest)
        return m is not None and m.group(1).lower() in self.per_words

    def _after_a_rate_base(self, text: str, s0: int, c: "_Candidate", previous: list[Figure]) -> bool:
        """A number with decimals after a rate's base in its sentence ("Tỷ lệ người chết … trên 100.000 dân của tỉnh
        là 14,69 người (…), cao hơn bình quân cả nước (khoảng 10,5 người)"): so many per that base, no count —
        the base a power of ten after a word for "per", or a rate of the same sentence before it."""
        for prev in reversed(previous[-3:]):
            if prev.start < s0:
                break
            if prev.role == "rate":
                return True
            # (the per word opens the base's own text, read as its qualifier: "trên 100.000")
            if prev.value in _POWERS_OF_TEN and prev.qualifier is not None \
                    and prev.text.split()[0].lower() in self.per_words and ";" not in text[prev.end:c.start]:
                return True
        return False

    def _score_from(self, text: str, s0: int, c: "_Candidate", noun: str | None, s1: int) -> bool:
        """A score after the word for "from" and no other end of a range: "số bài đạt từ 8 điểm" (8 and up)."""
        if not noun or noun.lower().split()[0] not in self.score_nouns:
            return False
        before = text[max(s0, c.start - 12):c.start].lower().split()
        if not before or before[-1] not in self.range_from:
            return False
        rest = text[c.end:min(s1, c.end + 30)].lower().split()[1:3]
        return not any(w in self.range_to or w in ("-", "–") for w in rest)

    def _after_a_milestone_word(self, text: str, s0: int, start: int) -> bool:
        """The figure is a milestone passed ("lần đầu tiên vượt mốc 5.000 tỷ đồng"): a bound, not an amount."""
        return bool(self.milestone_words) and (" " + text[max(s0, start - 12):start].lower().rstrip()).endswith(
            self.milestone_words)

    def _threshold_after(self, text: str, end: int, noun: str | None, s1: int) -> bool:
        """The number and its noun are followed by a word that makes them a bound ("từ 8 điểm trở lên")."""
        rest = text[end:min(s1, end + 60)].lower().lstrip()
        # (the noun may end inside the threshold: "từ 27 trở lên", "30 lần trở lên" — "lên" ends a noun)
        reach = len(noun) + 1 if noun and rest.startswith(noun.lower()) else 0
        for w in self.threshold_after:
            at = rest.find(w, 0, reach + len(w) + 1)
            if 0 <= at <= reach and (at == 0 or rest[at - 1] == " ") and not rest[at + len(w):at + len(w) + 1].isalpha():
                return True
        # (the noun may run into the threshold word: "8 điểm trở lên" read with the noun "điểm trở lên")
        return bool(noun) and any(f" {w}" in f" {noun.lower()}" for w in self.threshold_after)

    def _bound_of_a_count(self, text: str, s0: int, c: _Candidate, previous: list[Figure]) -> bool:
        """A measure with "trên"/"dưới" that describes the things a count before it counts, in the same
        clause ("Có 36 mặt hàng đạt kim ngạch xuất khẩu trên 1 tỷ USD, trong đó 8 mặt hàng trên 10 tỷ USD"):
        each thing's bound, not an amount — but not a total stated of them ("36 dự án với tổng vốn trên …")."""
        prev = previous[-1] if previous and previous[-1].end >= s0 else None
        if prev is None or prev.unit != "count" or prev.role != "count":
            return False
        between = text[prev.end:c.start].lower()
        return not any(ch in between for ch in ",;:()") and not self.whole_openers & set(between.split()) \
            and len(between.split()) <= 10

    def _base_of_a_rate(self, text: str, c: _Candidate, previous: list[Figure]) -> bool:
        """The "100.000" of "42,6 ca trên 100.000 dân": the base of the rate just before, no count either."""
        prev = previous[-1] if previous else None
        if prev is None or prev.role != "rate":
            return False
        between = text[prev.end:c.start].lower().split()
        if prev.noun and between[:len(prev.noun.split())] == prev.noun.lower().split():
            between = between[len(prev.noun.split()):]
        opening = text[c.start:c.end].split()[0].lower()  # the per word may open the figure, as its qualifier
        return between in (["/"], *([w] for w in self.per_words)) or text[prev.end:c.start].rstrip().endswith("/") \
            or not between and opening in self.per_words

    def _singled_out_of_a_ratio(self, text: str, s0: int, start: int, previous: list[Figure]) -> bool:
        """"hệ số sử dụng chỗ bình quân 92,6%, riêng các đoàn tàu ngày cao điểm đạt 112,4%": a part singled out
        of the ratio just before in the sentence is the same ratio."""
        prev = previous[-1] if previous and previous[-1].start >= s0 else None
        if prev is None or prev.unit != "percent" or prev.role != "percent":
            return False
        between = text[prev.end:start].lower()
        if ";" in between or re.search(r"\.(?!\d)", between):
            return False
        clause = between.lstrip(" ,")
        return any(clause.startswith(w + " ") for w in self.singled_out)

    def _ratio_in_clause(self, text: str, s0: int, start: int) -> bool:
        """The clause before the number speaks of a ratio to a capacity or a target ("công suất sử dụng giường
        bệnh đạt 118,6%"): free to pass 100, as after the target's noun."""
        # (the clause may be long: "Công suất sử dụng giường bệnh tại các bệnh viện tuyến tỉnh bình quân đạt 104%")
        window = text[max(s0, start - 120):start].lower()
        if not any(w in window for w in self.ratio_nouns):
            return False  # most numbers: no such word near them
        clause = _CLAUSE_BREAK.split(window)[-1]
        return any(re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", clause) for w in self.ratio_nouns)

    def _average_before(self, text: str, s0: int, start: int) -> bool:
        """An average stands before the number in its clause ("Bình quân mỗi huyện khởi tố 142,7 vụ"): a count
        that need not be whole."""
        # (commas may stand between: "Bình quân mỗi huyện, thành phố khởi tố 142,7 vụ")
        window = text[max(s0, start - 60):start].lower()
        if not any(w in window for w in self.average_words):
            return False  # most numbers: no average word near them at all
        clause = re.split(r"[;:()]|\.(?!\d)", window)[-1]
        return any(re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", clause) for w in self.average_words)

    def _measure_unit_after(self, text: str, end: int, s1: int) -> bool:
        """A unit of measure follows the number ("22.051,7 ha"): a quantity, whatever word stands before it."""
        m = _WORD.match(text, end + 1, s1) if text[end:end + 1] == " " else None
        if m and m.group(0).lower() in self.multipliers and text[m.end():m.end() + 1] == " ":
            m = _WORD.match(text, m.end() + 1, s1)  # ("ở mức 2.215 tỷ đồng": the unit after the multiplier)
        # (a rate's unit counts too: "ở mức 118.500 đồng/kg")
        if not m or len(m.group(0)) <= 1 or self.unit_map.get(m.group(0).lower().split("/")[0]) in (None, "count"):
            return False
        rest = text[m.start():min(s1, m.start() + 30)].lower() + " "
        return not self._not_unit(rest)  # "đồng chí", "tấn công"

    def _not_unit(self, rest: str) -> bool:
        """``rest`` (lower-case) starts with a word that begins like a unit and is none ("đồng chí", "tấn công")."""
        return _starts_with_any_phrase(rest, self.not_units_tuple)

    def _number_of_a_work(self, text: str, s0: int, start: int, end: int, s1: int) -> bool:
        """A number right after the capitalised name of a work ("cầu Trà Khúc 3", "Nhà máy thủy điện Hòa Bình 2"),
        with no noun after it (``named_works``), or after any capitalised name with another number right after it
        ("Hòa Liên 5 412 lô"): the last word of the name."""
        if text[start - 1:start] != " " or not text[start - 2:start - 1].isalpha():
            return False
        space = text.rfind(" ", max(s0, start - 40), start - 1)
        if not text[space + 1:space + 2].isupper():
            return False  # (the word before is no capitalised name: most numbers)
        words = text[max(s0, start - 80):start].split()
        k = len(words)
        while k and len(words) - k < 4 and words[k - 1][:1].isupper() and words[k - 1].isalpha():
            k -= 1
        if k == len(words) or k == 0:
            return False
        if text[end:end + 1] == " " and text[end + 1:end + 2].isdigit():
            return True  # "Khu tái định cư Hòa Liên 5 412 lô": another number follows, the count of the named one
        return not self._noun_follows(text, end, s1) and self.named_works.ends(" ".join(words[:k]).lower())

    def _in_a_title(self, text: str, s0: int, start: int) -> bool:
        """The number stands in the name of a programme or a strategy, a few words after it ("theo Đề án đầu tư
        xây dựng ít nhất 1 triệu căn hộ")."""
        if self.title_before is None:
            return False
        window = text[max(s0, start - 100):start]
        if not any(w in window for w in self.title_words):
            return False  # quick exit: no title word as written
        m = self.title_before.search(window)
        if m is None:
            return False
        words = window[m.start():].lower().split()
        return len(words) <= 14 and not any(w in self.title_breaks for w in words[1:])

    def _range_of_attribute_before(self, before: str) -> bool:
        """``before`` (lower-case, stripped on the right) ends with an attribute and the start of a range of it:
        "độ tuổi từ" (the range's first end), "độ tuổi từ 15 đến" (its last)."""
        words = before.split()[-5:]
        ranged = False
        if words and (words[-1] in self.range_to or words[-1] in ("-", "–")):
            if len(words) < 2 or not words[-2][:1].isdigit():
                return False
            words, ranged = words[:-2], True
        if words and words[-1] in self.range_from:
            words, ranged = words[:-1], True
        return ranged and bool(words) and words[-1] in self.attribute_units

    def _range_opening_after_attribute(self, text: str, before: str, end: int, s1: int) -> bool:
        """The number follows an attribute ("độ tuổi") and another end of a range follows it ("25 - 40",
        "25 đến 40"): the range's first end, no count."""
        last = before.split()[-1:]
        if not last or last[0] not in self.attribute_units:
            return False
        after = text[end:min(s1, end + 12)].lower().split()
        return len(after) >= 2 and (after[0] in ("-", "–") or after[0] in self.range_to) and after[1][:1].isdigit()

    def _range_of_durations(self, after: str) -> bool:
        """``after`` (lower-case, from the first word after a number) goes on to the other end of a range of
        durations or attributes ("đến 15 tuổi", "- 5 năm"), or of measures ("ngập từ 1 đến 2 m": a bound of the
        depth, no count)."""
        m = _RANGE_END.match(after)
        return m is not None and (m.group(1) in self.range_to + ("-", "–") or m.group(1) in self.list_and) \
            and (m.group(2) in self.duration_units or m.group(2) in self.unit_map
                 and (m.group(1) in self.range_to or m.group(1) in ("-", "–")))

    def _is_identifier_context(self, before: str) -> bool:
        if before.endswith(")") and "(" in before[-12:]:
            before = before[: before.rfind("(")].rstrip()
        if before.endswith("+"):
            joined = _JOINED_IDENTIFIER.search(before)
            if joined:  # "Km 15+200": the number after the "+" goes on the identifier before it
                before = before[:joined.start()].rstrip()
        # an exception ("số tiền") overrides an identifier word ("số"); most text ends with neither
        if self.identifier_before.ends(before) and not self.identifier_exceptions.ends(before):
            return True
        # "tổ dân phố 5.2, 6.1 và 7.3": a number listed after an identifier's number is one too
        listed = _LISTED_NUMBER.search(before) if before[-1:] == "," or before.endswith(" và") else None
        while listed is not None:
            before = before[:listed.start()].rstrip()
            if self.identifier_before.ends(before) and not self.identifier_exceptions.ends(before):
                return True
            listed = _LISTED_NUMBER.search(before) if before[-1:] == "," or before.endswith(" và") else None
        return False

    def _named_before(self, text: str, s0: int, start: int) -> str | None:
        """The noun of "số <noun> … là N" in the clause before a number with no noun after it."""
        clause = re.split(r"[;,:()]|\.(?!\d)", text[max(s0, start - 80):start])[-1]
        m = _NAMED_BEFORE.search(clause.lower())
        if not m:
            return None
        words = []
        for w in m.group(1).split():
            if w in self.stop_words or w in self.named_before_stop:
                break
            words.append(w)
        return " ".join(words[:3]) or None

    def _name_then_count(self, text: str, start: int, end: int, s1: int) -> bool:
        """The identifier word before the number ends a place name, and a counted noun follows: "TP Hải
        Phòng 40 người" counts people ("Phòng" is no room)."""
        words = re.findall(r"[^\W\d_]+", text[max(0, start - 30):start])
        if len(words) < 2 or not (words[-1][:1].isupper() and words[-2][:1].isupper()):
            return False
        rest = text[end:min(s1, end + 40)].lower().lstrip()
        return self.counted_nouns.starts(rest) or self._unit_after.match(rest) is not None

    def _words_after(self, text: str, pos: int, limit: int, n: int) -> list[str]:
        """The first ``n`` (1 or 2) words after ``pos``, lower-case, as long as only spaces come between."""
        m = (_ONE_WORD_AFTER if n == 1 else _TWO_WORDS_AFTER).match(text, pos, min(limit, pos + 80))
        return [w.lower() for w in m.groups() if w is not None] if m is not None else []

    def _noun_follows(self, text: str, pos: int, limit: int) -> bool:
        words = self._words_after(text, pos, limit, 1)
        if not words or words[0] in self.stop_words or words[0] in self.duration_units \
                or words[0] in self.spelled.vocabulary:
            return False
        # (nor a phrase that ends noun phrases: "tháng 3 lần lượt xảy ra …" names a month, no count of "lần")
        return words[0] not in self.stop_phrase_starts or tuple(self._words_after(text, pos, limit, 2)) not in self.stop_phrases

    def _qualifier(self, text: str, s0: int, start: int) -> tuple[str | None, int]:
        before = text[max(s0, start - 25):start]
        stripped = before.rstrip()
        if len(before) - len(stripped) > 1 and not before.endswith(" "):
            return None, start
        low = stripped.lower()
        if not self.any_qualifier.ends(low) or self.not_qualifiers.ends(low):
            return None, start  # "khách nước ngoài 210.000 lượt": foreign visitors, not "more than"
        for word, kind in self.lang.qualifier_words:
            if _ends_with_phrase(low, word):
                return kind, start - (len(before) - len(stripped)) - len(word)
        return None, start

    def _figure(self, text: str, sentence: Sentence, c: _Candidate, fid: str, field: str,
                previous: list[Figure]) -> Figure:
        s0, s1 = sentence.start, sentence.end
        classifier, noun = self._noun(text, c.end, s1)
        before = self._clause_before(text, s0, c.start, previous)
        after = self._clause_after(text, c.end, s1)
        role = c.role
        if c.unit == "percent":
            noun = noun or self._plan_compared(text, c.end, s1)
            role = "change" if text[c.start] in "-+−" else self._percent_role(text, s0, c, previous, noun)
        elif c.unit == "count" and role in ("count", "delta") and (self._per_something(text, c.end, noun, s1)
                                                                  or self._base_of_a_rate(text, c, previous)
                                                                  or c.decimals and self._after_a_rate_base(text, s0, c, previous)):
            role = "rate"  # "23,4 doanh nghiệp/1.000 dân", "100 km/h", "9,4 triệu đồng/người/tháng": no count
        if role in ("count", "measure") and (self._threshold_after(text, c.end, noun, s1)
                                             or self._score_from(text, s0, c, noun, s1)
                                             or self._after_a_milestone_word(text, s0, c.start)):
            role = "threshold"  # "14.862 bài đạt từ 8 điểm trở lên", "số bài đạt từ 8 điểm": a bound, not an amount
        elif role == "measure" and c.qualifier in _BOUND_QUALIFIERS and self._bound_of_a_count(text, s0, c, previous):
            role = "threshold"  # "36 mặt hàng đạt kim ngạch trên 1 tỷ USD": what each counted thing passes
        whole = c.unit == "count"
        if c.vague is not None:
            claim = intervals.vague_claim(*c.vague)
            value = None
        else:
            claim = intervals.claim(c.value, c.decimals, c.qualifier, whole=whole,
                                    measured=c.unit != "count", multiplier=c.multiplier)
            value = float(c.value)
            low, high = claim.low, claim.high
            if not math.isfinite(value) or (low is not None and not math.isfinite(low)) \
                    or (high is not None and not math.isfinite(high)):
                raise NumberOutOfRange(text[c.start:c.end], c.start, field)
            if value.is_integer() and abs(value) < 2 ** 53:
                value = int(value)
        # a count of things the lexicon knows are whole ("vụ", "người", "khẩu"): only those can be
        # "not a whole number"; "2,4 lần" (times) and "59,6 tạ/ha" (a rate) are not
        head = (classifier or noun or "").lower()
        countable = c.unit == "count" and bool(head) and self._whole_head(head) and "/" not in (noun or "") \
            and not self._average_before(text, sentence.start, c.start)
        return new_figure(
            id=fid, text=text[c.start:c.end], start=c.start, end=c.end, sentence=sentence.index,
            value=value, low=claim.low, high=claim.high, qualifier=c.qualifier, unit=c.unit, noun=noun,
            role=role, loose_low=claim.loose_low, loose_high=claim.loose_high, decimals=c.decimals,
            classifier=classifier, field=field, before=before, after=after, spelled=c.spelled,
            countable=countable,
        )

    def _whole_head(self, head: str) -> bool:
        """The noun (lower-case) counts things the lexicon knows are whole; asked once for each noun (the
        same few nouns are counted again and again), the answers kept up to a bound."""
        known = self._whole_heads.get(head)
        if known is None:
            if len(self._whole_heads) >= _MEMO_SIZE:
                self._whole_heads.clear()
            known = self._whole_heads[head] = self.counted_nouns.starts(head) \
                and not self.fractional_counts.starts(head)
        return known

    def _plan_named_before(self, text: str, s0: int, start: int, before: str) -> bool:
        """A plan is named earlier in the sentence and "đạt" (not "chiếm") gives the bare percentage: "vượt 12,5 km so
        với kế hoạch (400 km), đạt 103,1%", "Thu ngân sách (tỷ đồng): kế hoạch 15.200; thực hiện 16.350; đạt 107,6%" —
        what was done against the plan, free to pass 100."""
        if self.share_of_a_whole.ends(before):
            return False
        low = text[s0:start].lower()
        return any(re.search(rf"(?<![^\W_]){re.escape(n)}(?![^\W_])", low) for n in self.plan_nouns if n in low)

    def _plan_compared(self, text: str, end: int, limit: int) -> str | None:
        """The plan a percentage is compared with after it ("đạt 98,4% so kế hoạch", "so với chỉ tiêu"): its
        noun, as of "đạt 98,4% kế hoạch"; None for most percentages."""
        after = text[end:min(limit, end + 40)].lower().lstrip()
        if not after.startswith(self.plan_compared):
            return None
        rest = after[len(next(w for w in self.plan_compared if after.startswith(w))):].lstrip()
        return next((n for n in self.plan_nouns if _starts_with_phrase(rest, n)), None)

    def _percent_role(self, text: str, s0: int, c: _Candidate, previous: list[Figure], noun: str | None) -> str:
        if noun and _starts_with_any_phrase(noun.lower(), self.ratio_nouns_tuple):
            return "percent"  # "đạt 104% kế hoạch": a ratio to a target, free to pass 100
        if self._after_done_out_of_planned(text, s0, c.start, previous):
            return "percent"
        before = text[max(s0, c.start - 40):c.start].lower().rstrip()
        if before.endswith("("):
            inner = before[:-1].rstrip()
            prev = previous[-1] if previous and previous[-1].end >= s0 else None
            if prev is not None:
                gap = text[prev.end:c.start]
                for word in (prev.classifier, prev.noun):
                    if word and gap.lstrip().startswith(word):
                        gap = gap.lstrip()[len(word):]
                rest = gap.strip(" ,(")
                # "2.145 khu dân cư (96,15%)", "131 xã, phường (98,5%)", "tăng 9 vụ (16,36%)"
                if rest == "" or (len(rest.split()) <= 4 and not any(ch.isdigit() or ch in ";.()" for ch in rest)):
                    return "change" if prev.role == "delta" else "share"
            before = inner
        if self.bar_before.ends(before):
            return "threshold"  # "Có 3 huyện chưa đạt 90% là …": the bar each failed, no share
        if self.change_words.ends(before):
            return "change"
        after = text[c.end:c.end + 40].lower().lstrip()
        if self.compared.starts(after):
            return "change"
        if self.ratio_words.ends(before) and (not noun or not self._counted_whole_named(after)):
            # "ngành chế biến, chế tạo bằng 110,3%": what "bằng" gives alone is an index, a ratio; and so of an amount
            # ("Dư nợ cho vay bằng 118,0% tổng nguồn vốn huy động") — of a count ("bằng 103,2% tổng số hộ") a share
            return "percent"
        if self.share_words.ends(before):
            # "… hoàn thành vượt dự toán thu nội địa; cao nhất là thành phố A đạt 128,4%": what the sentence
            # measures against a target before it, with no noun of its own, is a ratio to that target
            if not noun and (self._target_before(text, s0, c.start) or self._ratio_in_clause(text, s0, c.start)
                             or text[s0:s0 + 40].lower().lstrip(" -–(").startswith(self.target_openers)
                             or self._singled_out_of_a_ratio(text, s0, c.start, previous)
                             or self._plan_named_before(text, s0, c.start, before)
                             or self.allocated_then_done_re.search(text[max(s0, c.start - 120):c.start].lower())):
                # (and of what was done out of what was allocated: "giao 40 tỷ đồng, giải ngân 41,6 tỷ đồng, đạt 104%")
                return "percent"
            return "share"
        if noun and self._coordinated_with_a_ratio(text, s0, c.start, before, previous):
            return "percent"
        if noun:
            return "share"
        return "percent"

    @staticmethod
    def _after_done_out_of_planned(text: str, s0: int, start: int, previous: list[Figure]) -> bool:
        """The percentage follows, in its clause, a pair a/b whose a passes b ("21.406/21.000 người, đạt 101,93%"):
        done out of planned, a ratio free to pass 100 — no share of a whole."""
        if len(previous) < 2:
            return False
        num, den = previous[-2], previous[-1]
        return num.role == "numerator" and den.role == "denominator" and num.end >= s0 and num.value is not None \
            and den.value is not None and num.value > den.value and not any(ch in text[den.end:start] for ch in ";.") \
            and len(text[den.end:start].split()) <= 14

    def _coordinated_with_a_ratio(self, text: str, s0: int, start: int, before: str, previous: list[Figure]) -> bool:
        """The percentage follows "và" after a ratio to a target in its clause ("bằng 115,8% dự toán huyện giao (8,5
        tỷ đồng) và 110,6% nghị quyết HĐND xã"): a ratio to the second target, as the first is to its own."""
        if not before.endswith(" và"):
            return False
        prev = next((f for f in reversed(previous) if f.end >= s0 and f.unit == "percent"), None)
        if prev is None or prev.role != "percent" or not prev.noun \
                or not _starts_with_any_phrase(prev.noun.lower(), self.ratio_nouns_tuple):
            return False
        gap = text[prev.end:start]
        return len(gap.split()) <= 12 and not any(ch in gap for ch in ";.") \
            and not any(prev.end < f.start and f.unit == "percent" for f in previous)

    def _counted_whole_named(self, after: str) -> bool:
        """The words after a percentage (lower case) name a whole of counted things of this period: "tổng số hộ",
        not "số thu cùng kỳ năm trước", "tổng số vốn huy động" (amounts), "tổng số lượt khách cùng kỳ năm 2024"
        (another period's)."""
        lead = next((w for w in sorted(self.counted_whole_names, key=len, reverse=True) if _starts_with_phrase(after, w)),
                    None)
        if lead is None:
            return False
        rest = after[len(lead):].lstrip()
        clause = re.split(r"[,;.()]", rest, maxsplit=1)[0]
        return not _starts_with_any_phrase(rest, self.amount_nouns) and not self.compared_period_re.search(clause)

    def _noun(self, text: str, pos: int, limit: int) -> tuple[str | None, str | None]:
        """The classifier and the noun phrase after a figure ("khẩu", "súng")."""
        words: list[str] = []
        classifier = None
        end = min(limit, pos + 120)
        while True:
            # the next word, with nothing but white space before it (a match anchored at ``pos``)
            m = _SPACED_WORD.match(text, pos, end)  # None only when pos is past the window
            word = m.group(1) if m is not None else None
            if word is None:
                break
            low = word.lower()
            if not words and classifier is None and low in self.classifiers:
                classifier = low
                pos = m.end()
                continue
            if not words and low in self.drop_first:
                pos = m.end()
                continue
            if not words and low in self.stop_words and self.stop_word_nouns:
                ahead = tuple(w.lower() for w in _WORD.findall(text, m.start(1), m.start(1) + 40)[:2])
                if ahead in self.stop_word_nouns:  # "228 bị can": a noun, though "bị" ends others
                    words.append(word)
                    pos = m.end()
                    continue
            if low in self.stop_words and not (words and (words[-1].lower(), low) in self.stop_word_nouns) \
                    or low in self.spelled.vocabulary and not words and low != "ba":
                break
            if words and word[:1].isupper() and words[-1][:1].islower():
                break  # a proper name begins: "4 xã Bắc Sơn" counts "xã"
            if words and low in self.stop_phrase_starts and (low, *(w.lower() for w in _WORD.findall(
                    text, m.end(), m.end() + 20)[:1])) in self.stop_phrases:
                break  # "64 vụ nói trên" counts "vụ"
            if words and low in self.stop_after_first and words[-1].lower() not in self.whole_openers:
                break  # "86 bị hại số tiền …": another noun phrase begins (not "tổng số …")
            words.append(word)
            pos = m.end()
            if len(words) == 5:
                break
        noun = " ".join(words) if words else None
        if noun is None and classifier is not None:
            noun, classifier = classifier, None
        return classifier, noun

    def _clause_before(self, text: str, s0: int, start: int, previous: list[Figure]) -> str:
        lo = s0
        if previous and previous[-1].end > s0 and previous[-1].end <= start and previous[-1].field == "text":
            lo = max(lo, previous[-1].end)
        chunk = text[max(lo, start - 200):start]
        tail_len = _CLAUSE_TAIL.match(chunk[::-1]).end()  # reversed: linear, stops at the last break
        chunk = chunk[len(chunk) - tail_len:]
        return " ".join(chunk.split()[-12:])

    def _clause_after(self, text: str, end: int, s1: int) -> str:
        stop = min(s1, end + 160)
        m = _AFTER_BREAK.search(text, end, stop)  # the next clause break or number
        return " ".join(text[end:m.start() if m else stop].split()[:10])

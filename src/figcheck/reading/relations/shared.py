"""What every relation detector shares: the language's cue words compiled once, and small helpers.

A detector never holds state of its own: it takes the :class:`Cues` of the language and the figures of
one sentence (or of the article) and returns relation records (plain dicts the reader numbers and
turns into :class:`figcheck.models.Relation`).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from figcheck.languages import Language
from figcheck.models import Figure, Sentence
from figcheck.reading.figures import _ends_with_phrase

GENERIC = {"số", "các", "những", "loại", "lượt", "về", "cộng", "tổng"}
QUOTED = re.compile(r"[“\"]([^”\"]{1,300})[”\"]")
BRACKETED = re.compile(r"\([^()]{0,200}\)")
# How far back or ahead a detector looks for a figure's partner, in figures: far more than any sentence of
# real writing holds, and a bound that keeps reading linear on pathological text.
LOOKBACK = 40
# a clause ends at ";" or a full stop (not the dot of "1.222" or of "TP.HCM")
CLAUSE_END = re.compile(r";|\.(?!\w)")
_LETTERS = re.compile(r"[^\W\d_]+")
_PHRASE_END = re.compile(r"[,;:.()\[\]]")
CLAUSE_BREAK = re.compile(r"[;,:(]|\.(?!\d)")  # what ends the clause a verb before a figure stands in


def per_text(fn):
    """Memoise ``fn(text, *key)`` for the latest text only: the detectors ask the same question of the same
    figure many times an article (every candidate whole, every detector). The key is the few plain values the
    answer depends on (offsets, not the ``Figure``, whose hash would cost more than the answer); only one
    text's answers are kept, so memory stays flat over a corpus, and a new text gets a new dict (swapped in,
    never cleared) so that a reader in another thread never sees another text's answers."""
    memo: list = [(None, {})]

    @functools.wraps(fn)
    def cached(text: str, *key):
        current = memo[0]
        if current[0] is not text:
            current = memo[0] = (text, {})
        answers = current[1]
        try:
            return answers[key]
        except KeyError:
            found = answers[key] = fn(text, *key)
            return found

    return cached


def is_or_starts_with(phrase: str, phrases: frozenset[str] | set[str]) -> bool:
    """``phrase`` is one of ``phrases`` or starts with one and a space ("học sinh giỏi" with "học sinh"): the
    set looked up at each space of ``phrase`` — ``any(phrase == p or phrase.startswith(p + " ") for p in
    phrases)`` without comparing every phrase."""
    if phrase in phrases:
        return True
    space = phrase.find(" ")
    while space >= 0:
        if phrase[:space] in phrases:
            return True
        space = phrase.find(" ", space + 1)
    return False


def word_alternation(words: list[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` as whole words, longest first."""
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])")


@functools.lru_cache(maxsize=8192)  # nouns repeat across an article and a corpus ("vụ", "người", "đối tượng")
def _content_words(noun: str) -> frozenset[str]:
    return frozenset(w for w in _LETTERS.findall(noun.lower()) if w not in GENERIC)


def content_words(noun: str | None) -> set[str]:
    return set(_content_words(noun)) if noun else set()


def compatible(a: Figure, b: Figure) -> bool:
    """Two figures count the same kind of thing: same unit and a shared content word in the noun."""
    return a.unit == b.unit and bool(a.noun) and bool(b.noun) \
        and not _content_words(a.noun).isdisjoint(_content_words(b.noun))


class Cues:
    """The cue words of one language and the patterns built from them, compiled once per language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.subset_cues = lang.words("cues.subset")
        self.anaphoric_subset = set(lang.words("cues.anaphoric_subset"))
        named = lang.data["cues"]["anaphoric_named"]
        alt = lambda key: "|".join(re.escape(w) for w in sorted(named[key], key=len, reverse=True))  # noqa: E731
        self.named_anaphoric_re = re.compile(
            rf"(?:{alt('openers')})\s++(?:(?:{alt('determiners')})\s++)?(?P<noun>[^\W\d_]++(?:\s++[^\W\d_]++){{0,4}}?)"
            # ("Trong số các đối tượng bị bắt, …": with no pointer word, the comma ends the words that name it)
            rf"(?:\s++(?:{alt('pointers')})(?![^\W_])\s*+,?|\s*+,)", re.IGNORECASE)
        self.breakdown_cues = lang.words("cues.breakdown")
        self.example_cues = lang.words("cues.examples")
        self.open_tail = lang.words("cues.open_tail")
        self.pair_links = lang.words("cues.pair_link")
        self.increase = lang.words("cues.increase")
        self.decrease = lang.words("cues.decrease")
        self.compared = lang.words("cues.compared")
        self.share_words = lang.words("cues.share") + lang.words("cues.equivalent")
        self.back_ref = lang.words("cues.back_reference")
        self.rate_words = lang.words("cues.rate")
        self.target_nouns = tuple(lang.words("ratio_nouns"))  # "đạt 67,3% kế hoạch": a ratio to a target
        self.ballot_nouns = frozenset(lang.words("cues.ballot_nouns"))
        self.person_titles = frozenset(lang.words("cues.person_titles"))
        self.whole_name_fillers = frozenset(lang.words("cues.whole_name_fillers"))
        self.whole_counted_in = {w: tuple(nouns) for w, nouns in (lang.data["cues"].get("whole_counted_in") or {}).items()}
        self.share_of_a_whole = frozenset(lang.words("cues.share_of_a_whole"))
        self.respectively_re = re.compile(word_alternation(lang.words("cues.respectively")).pattern, re.IGNORECASE)
        self.classifiers = frozenset(lang.words("classifiers"))
        self.remainder = lang.words("cues.remainder")
        # (groups of phrases, each phrase as its words: what :func:`states_differ` looks for)
        self.exclusive_states = tuple(tuple(tuple(p.lower().split()) for p in group)
                                      for group in lang.data["cues"].get("exclusive_states") or ())
        self.state_openers = tuple(lang.words("cues.state_openers"))
        self.partial = lang.words("cues.partial")
        self.partial_re = word_alternation([w for w in self.partial if w not in self.subset_cues])
        self.part_openers = lang.words("cues.part_openers")
        self.other_part_openers = lang.words("cues.other_part_openers")
        plo = "|".join(re.escape(w) for w in lang.words("cues.part_list_openers"))
        ex_alt = "|".join(re.escape(w) for w in self.example_cues)
        # "Không ít đơn vị đạt kết quả nổi bật, như: quận A bắt 35 vụ …": examples of what the sentence before
        # counted, introduced before the sentence's first figure
        back_words = "|".join(re.escape(w) for w in self.back_ref if w != "số")
        # "Điều đáng lưu ý là các vụ cháy ở khu dân cư chiếm phần lớn (13 vụ), …": a sentence that speaks of
        # "các <noun>" before its first figure lists parts of what the sentence before counted
        self.back_ref_opener_re = re.compile(rf"(?<![^\W_])(?:{back_words})\s++(?P<noun>[^\W\d_]++)", re.IGNORECASE)
        self.examples_colon_re = re.compile(rf"(?<![^\W_])(?:{ex_alt})\s*+:", re.IGNORECASE)
        self.part_list_opener_re = re.compile(rf"(?<![^\W_])(?:{plo})(?![^\W_])(?:\s+[^\W\d_]+){{0,5}}?\s*[,:]", re.IGNORECASE)
        self.shortfall = lang.words("cues.shortfall")
        self.out_of = set(lang.words("cues.out_of"))
        self.compared_re = word_alternation(self.compared)
        self.change_word_re = word_alternation(self.increase + self.decrease)
        # (a plan's value in brackets is no stated count either: "đạt 57,5% kế hoạch năm (3.800.000 lượt)")
        self.other_period_or_target_re = word_alternation(self.compared + lang.words("cues.other_period")
                                                          + [w for w in lang.words("ratio_nouns")])
        self.other_period_re = word_alternation(self.compared + lang.words("cues.other_period"))
        self.place_prefixes = lang.words("cues.place_prefixes")
        headers = "|".join(re.escape(w) for w in lang.words("cues.item_headers"))
        self.item_header_re = re.compile(rf"(?<![^\W_])(?:{headers})(?:\s+như sau)?\s*:", re.IGNORECASE)
        self.cumulative = lang.words("cumulative_before")
        cue_data = lang.data["cues"]
        self.value_links = frozenset(cue_data.get("value_links", []))
        self.stand_ins = {w: tuple(nouns) for w, nouns in (cue_data.get("stand_ins") or {}).items()}
        self.disjoint_labels = [tuple(w.lower() for w in pair) for key in ("disjoint_labels", "complements")
                                for pair in cue_data.get(key, []) if len(pair) == 2]
        self.disjoint_first_words = frozenset(w.split()[0] for pair in self.disjoint_labels for w in pair)
        self.intake = lang.words("cues.intake")
        self.outcomes = lang.words("cues.outcomes")
        self.outcome_verbs = sorted(self.intake + self.outcomes, key=len, reverse=True)
        self.outcome_openers = lang.words("cues.outcome_openers")
        changes = "|".join(re.escape(w) for w in sorted(lang.words("cues.increase") + lang.words("cues.decrease"),
                                                         key=len, reverse=True))
        # what changed, named before the change word: "số người chết giảm", "; người chết tăng"
        self.named_so_re = re.compile(r"(?<![^\W_])số\s+((?:[^\W\d_]+\s+){1,3}?)(?:" + changes + r")\b[^\d]*$")
        # (used whole on a clause; starts only where a run of blanks or a word begins: linear on any text)
        self.named_bare_re = re.compile(r"(?<![\s\w])\s*+((?:[^\W\d_]+\s+){1,3}?)(?:" + changes + r")\s*+")
        self.occurred = lang.words("cues.occurred")
        self.resolved = lang.words("cues.resolved")
        self.outcome_verb_index = verb_index(self.outcome_verbs)
        # a word each phrase of these lists has: where none is in a sentence, its detector has nothing to read
        self.intake_words = {w.split()[-1] for w in self.intake}
        self.resolved_words = {w.split()[-1] for w in self.resolved}
        self.cumulative_words = {w.split()[0] for w in self.cumulative}
        self.verb_index = verb_index(list(set(self.outcome_verbs + self.occurred + self.resolved)))
        # each noun of a same-kind group, longest first, with the group's first word as what it counts
        self.same_kind = sorted(((w.lower(), group[0].lower()) for group in lang.data["cues"].get("same_kind", [])
                                 for w in group), key=lambda wk: len(wk[0]), reverse=True)
        self.breakdown_re = word_alternation(self.breakdown_cues)
        # a breakdown cue that opens a list with a colon: "gồm:", "bao gồm:"
        self.after_colon_cue_re = re.compile(rf"{word_alternation(self.breakdown_cues).pattern}\s*+:", re.IGNORECASE)
        self.each_re = word_alternation(lang.words("cues.each"))
        bd_cues = "|".join(re.escape(c) for c in self.breakdown_cues)
        # right after a closing bracket: ", gồm:" opens another list of the same total
        self.after_bracket_re = re.compile(rf"(?<![\s,])\s*+,?\s*+(?P<cue>{bd_cues})\s*+:\s*+", re.IGNORECASE)
        self.open_tail_re = word_alternation([w for w in self.open_tail if w[0].isalnum()])
        self.open_tail_marks = [w for w in self.open_tail if not w[0].isalnum()]
        self.example_re = word_alternation(self.example_cues)
        self.list_and = lang.words("cues.list_and")
        self.openers = set(lang.words("cues.sentence_openers"))
        sep_alt = "|".join(re.escape(w) for w in sorted(lang.words("cues.separately"), key=len, reverse=True))
        # (the detector takes it only at the start of a clause: the sentence's, or after a comma, a bracket, ";")
        self.separately_re = re.compile(rf"(?<![^\W_])(?:{sep_alt})(?![^\W_])", re.IGNORECASE)
        self.separately_words = {w.split()[-1] for w in lang.words("cues.separately")}
        and_alt = "|".join(re.escape(w) for w in self.list_and)
        self.list_sep_re = re.compile(rf",|;|\+|\s(?:{and_alt})\s")
        # one start per run of spaces ((?<!\s)) and no backtracking into it (\s++): linear on long blanks
        self.and_split_re = re.compile(rf"(?<!\s)\s++(?:{and_alt})\s+")
        cue_alt = "|".join(re.escape(c) for c in self.subset_cues)
        self.subset_re = re.compile(rf"(?<![^\W_])(?:{cue_alt})(?![^\W_])", re.IGNORECASE)
        self.subset_words = {c.split()[0].lower() for c in self.subset_cues}
        enum_cues = self.breakdown_cues + ["là"]
        self.enum_cue_re = "|".join(re.escape(c) for c in sorted(enum_cues + self.example_cues, key=len, reverse=True))
        back_alt = "|".join(re.escape(c) for c in self.back_ref)
        bd_alt = "|".join(re.escape(c) for c in sorted(enum_cues, key=len, reverse=True))
        self.back_ref_re = re.compile(
            rf"(?<![^\W_])(?:{back_alt})\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+){{0,2}}?)\s*,?\s*(?:{bd_alt})\s*:?\s*",
            re.IGNORECASE)

    def is_average(self, text: str, f: Figure, phrase: bool = False) -> bool:
        """``f`` is an average ("Bình quân mỗi ngày xảy ra 38,4 vụ"): an average word stands before it in its
        clause — or, with ``phrase``, in its phrase since the last comma ("…; bình quân mỗi ngày 34 ca", not "36
        mô hình trung bình, 26 mô hình yếu"). An average is no total of parts, nor a part."""
        words = getattr(self, "_average_words", None)
        if words is None:
            words = self._average_words = [str(w).lower() for w in (self.lang.data.get("products") or {}).get("average", [])]
        # (a sentence may open with the average: "Bình quân mỗi ngày, lực lượng … xử lý 234 trường hợp")
        window = text[max(0, f.start - 120):f.start].lower()
        if not any(w in window for w in words):
            return False
        clause = re.split(r"[;:(),]|\.(?!\d)" if phrase else r"[;:()]|\.(?!\d)", window)[-1]
        return any(re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", clause) for w in words)

    def kind_of(self, f: Figure) -> str | None:
        """What a figure counts, with the nouns of one same-kind group as one ("228 bị can" and "766 đối
        tượng" both count "đối tượng"); else its :func:`head_word`. (Answered once a noun and classifier:
        the subset and outcome detectors ask it of every candidate whole.)"""
        kinds = getattr(self, "_kinds", None)
        if kinds is None or len(kinds) > 8192:  # (nouns repeat across a corpus; a new dict keeps memory bounded)
            kinds = self._kinds = {}
        key = (f.noun, f.classifier)
        found = kinds.get(key, kinds)  # (the dict itself: not yet asked; None is an answer)
        if found is kinds:
            found = kinds[key] = self._kind_of(f.noun, f.classifier)
        return found

    def _kind_of(self, noun: str | None, classifier: str | None) -> str | None:
        low = (noun or "").lower()
        for word, kind in self.same_kind:
            if low == word or low.startswith(word + " "):
                return kind
        return _first_word(noun or classifier or "")

    def cue_at_end(self, gap: str, cues: list[str]) -> str | None:
        low = gap.lower().rstrip(" ,:(")
        if not low.endswith(tuple(cues)):
            return None  # (one C test first: most gaps end with none of the cues, whole word or not)
        return next((c for c in cues if _ends_with_phrase(low, c)), None)

    def direction(self, gap: str) -> str | None:
        """``increase`` or ``decrease`` when the gap ends with a change word (and crosses no clause)."""
        low = gap.lower().rstrip(" ,(")
        if CLAUSE_END.search(gap):
            return None
        changes = getattr(self, "_change_word_tuples", None)
        if changes is None:
            changes = self._change_word_tuples = (tuple(self.increase), tuple(self.decrease))
        # (one C test of each list first: most gaps end with no change word, whole word or not)
        if low.endswith(changes[0]) and any(_ends_with_phrase(low, c) for c in self.increase):
            return "increase"
        if low.endswith(changes[1]) and any(_ends_with_phrase(low, c) for c in self.decrease):
            return "decrease"
        return None

    def share_gap(self, gap: str) -> bool:
        """The words between a count and a percentage say the percentage is its share."""
        if CLAUSE_END.search(gap) or len(gap.split()) > 8:
            return False
        low = gap.lower().rstrip()
        return low.endswith("(") or self.cue_at_end(gap, self.share_words) is not None


@dataclass
class SentenceContext:
    """What a sentence-level detector sees: the text, the sentence, its figures, the figures of the
    nearest earlier sentence that states values (``previous``) and of the next sentence with figures
    (``following``), the next few sentences with figures (``ahead``: sentence and its figures, nearest
    first), the sentences that stated values before ``previous`` (``earlier``, nearest first), and the
    relations the detectors before it found in this sentence."""

    text: str
    sentence: Sentence
    figures: list[Figure]
    previous: list[Figure] = field(default_factory=list)
    found: list[dict] = field(default_factory=list)
    following: list[Figure] = field(default_factory=list)
    ahead: list[tuple[Sentence, list[Figure]]] = field(default_factory=list)
    earlier: list[list[Figure]] = field(default_factory=list)
    # the verb before each figure of the article, by (offset, pattern), found once for every detector
    verbs: dict[tuple[int, str], str | None] = field(default_factory=dict)
    lower: str = ""  # the sentence in lower case, for the detectors' quick "can it be here at all" tests
    previous_sentence: Sentence | None = None  # the sentence of ``previous``


def relation(kind: str, figures: list[Figure], roles: dict, *, start: int | None = None,
             end: int | None = None, **extra) -> dict:
    """A relation record over ``figures`` (spanning them, and ``start``/``end`` when given)."""
    ids = list(dict.fromkeys(f.id for f in figures))
    return dict(kind=kind, figures=ids, start=min([f.start for f in figures] + ([start] if start is not None else [])),
                end=max([f.end for f in figures] + ([end] if end is not None else [])),
                sentence=figures[0].sentence, roles=roles, **extra)


def out_of_opening(cues: Cues) -> tuple[str, frozenset[str], frozenset[str]]:
    """The first word of the openers that name a whole ("trong tổng số", "trong số", "trong"), the openers and
    the words that link the whole to the count out of it ("có"), from the language file."""
    found = getattr(cues, "_out_of_openers", None)
    if found is None:
        openers = cues.lang.words("cues.out_of_openers")
        found = cues._out_of_openers = (openers[-1].split()[0], frozenset(openers),
                                        frozenset(cues.lang.words("cues.out_of_links")))
    return found


def opening_whole_and_count(cues: Cues, ctx: SentenceContext) -> tuple[Figure, Figure] | None:
    """The whole a sentence opens with and the count out of it after a comma and the link word: "Trong tổng số
    87 thôn, tổ dân phố, có 85 đơn vị …" → (87 thôn, 85 đơn vị); both exact counts, nothing else between."""
    text, sf = ctx.text, ctx.figures
    if len(sf) < 2:
        return None
    _first, openers, links = out_of_opening(cues)
    whole, part = sf[0], sf[1]
    if whole.role not in ("count", "measure") or part.role not in ("count", "measure") or whole.unit != "count" \
            or part.unit != "count" or whole.qualifier is not None or part.qualifier is not None \
            or whole.value is None or part.value is None:
        return None
    lead = " ".join(text[ctx.sentence.start:whole.start].lower().split()).lstrip(" -–+")
    if lead not in openers:
        # (after a word that opens the sentence: "Đáng chú ý, trong số 38 người bị thương có …")
        opener = next((o for o in cues.openers if lead.startswith(o + ",")), None)
        if opener is None or lead[len(opener) + 1:].strip() not in openers:
            return None
    between = text[whole.end:part.start]
    if any(ch.isdigit() or ch in ";.()" for ch in between):
        return None
    if "," in between:
        link = between.rsplit(",", 1)[1].split()
        if link and " ".join(link).lower() not in links:
            return None
    elif not any(_ends_with_words(between.lower(), w) for w in links):
        return None  # ("Trong số 38 người bị thương có 12 người …": the link word alone after the whole's noun)
    return whole, part


def _ends_with_words(text: str, words: str) -> bool:
    """``text`` ends with the whole words ``words`` (after a space), blanks aside."""
    low = " ".join(text.split())
    return low == words or low.endswith(" " + words)


def gap_after_noun(text: str, a: Figure, b: Figure) -> str:
    """The words between two figures, without ``a``'s noun."""
    return _gap_after_noun(text, a.end, b.start, a.noun, a.classifier)


@per_text  # (each pair of neighbouring figures is asked of by the change, share, breakdown, subset detectors)
def _gap_after_noun(text: str, end: int, start: int, noun: str | None, classifier: str | None) -> str:
    gap = text[end:start]
    if noun:
        idx = gap.find(noun)
        if idx >= 0 and not gap[:idx].strip(" ("):
            gap = gap[:idx] + gap[idx + len(noun):]
    if classifier:
        gap = _leading_word(classifier).sub("", gap)
    return gap


@functools.lru_cache(maxsize=1024)  # the language's classifiers: a handful
def _leading_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(word)}\b")


def total_first_words(cues: "Cues") -> frozenset[str]:
    """The first words of the words that name a whole ("tổng số", "toàn bộ" → "tổng", "toàn"), once a language."""
    found = getattr(cues, "_total_first_words", None)
    if found is None:
        found = cues._total_first_words = frozenset(w.split()[0] for w in cues.lang.words("cues.whole_words"))
    return found


def named_by_the_percentage_before(cues: "Cues", text: str, sf: list[Figure], f: Figure) -> bool:
    """A percentage stands right before ``f`` with only words for "the total" between: "đạt 80,5% tổng số 4.860 căn"
    — ``f`` is the whole the percentage is of, no part of a list."""
    k = next((i for i, g in enumerate(sf) if g is f), 0)
    if k == 0 or sf[k - 1].unit != "percent":
        return False
    between = text[sf[k - 1].end:f.start].lower().split()
    return bool(between) and len(between) <= 3 and all(w in cues.whole_name_fillers or w in cues.lang.words("cues.whole_words")
                                                       for w in between)


def head_word(f: Figure) -> str | None:
    """The first word of a figure's noun (its classifier when it has no noun): what it counts. "334 ngôi
    nhà" and "142 nhà" both count "nhà"."""
    return _first_word(f.noun or f.classifier or "")


@functools.lru_cache(maxsize=8192)
def _first_word(noun: str) -> str | None:
    m = _LETTERS.search(noun.lower())
    return m.group(0) if m else None


def follows_other_count(text: str, figures: list[Figure], i: int) -> bool:
    """``figures[i]`` is the second or later of a run of counts of different things joined by commas
    ("63 vụ, 94 đối tượng, đạt 96,9%"): a percentage after the run may belong to any of them."""
    if i == 0:
        return False
    prev, cur = figures[i - 1], figures[i]
    if prev.role not in ("count", "measure", "denominator") or prev.unit != cur.unit:
        return False
    gap = gap_after_noun(text, prev, cur)
    return gap.strip() in (",", "và", "với", ", với") and head_word(prev) != head_word(cur)


def stands_for(cues: Cues, word_of: Figure, noun_of: Figure) -> bool:
    """``word_of`` counts by a word that stands for ``noun_of``'s noun ("1.250 em" after "22.890 học sinh")."""
    nouns = cues.stand_ins.get(head_word(word_of) or "")
    return bool(nouns) and bool(noun_of.noun) and noun_of.noun.lower().startswith(nouns)


def labelled_apart(cues: Cues, a: Figure, b: Figure, text: str | None = None) -> bool:
    """``a`` and ``b`` count one noun under two labels whose things never overlap ("126 hộ cận nghèo" and "214 hộ
    nghèo", ``cues.disjoint_labels``): neither is a part of the other. With the text, a figure named before its
    number is named so ("số hộ cận nghèo là 1.612 hộ")."""
    return nouns_apart(cues, _named_noun(cues, text, a), _named_noun(cues, text, b))


def _named_noun(cues: Cues, text: str | None, f: Figure) -> str | None:
    """What a figure counts: the words after "số" before it and a linking verb ("số hộ cận nghèo là 1.612 hộ" →
    "hộ cận nghèo") where they open with its noun's head word, else its noun."""
    if text is None or not f.noun or text.rfind("số", max(0, f.start - 80), f.start) < 0:
        return f.noun  # (most figures: no "số" before them)
    words = label_before(text, f).split()
    if len(words) < 3 or words[-1] not in cues.value_links or "số" not in words:
        return f.noun
    last_so = len(words) - 1 - words[::-1].index("số")
    named = words[last_so + 1:-1]
    return " ".join(named) if named and named[0] == f.noun.lower().split()[0] else f.noun


def nouns_apart(cues: Cues, noun_a: str | None, noun_b: str | None) -> bool:
    """Two noun phrases of one head under two labels whose things never overlap (``cues.disjoint_labels``)."""
    if not noun_a or not noun_b or noun_a == noun_b:
        return False
    words_a, words_b = noun_a.lower().split(), noun_b.lower().split()
    if words_a[0] != words_b[0] or cues.disjoint_first_words.isdisjoint(words_a[1:] + words_b[1:]):
        return False  # (most pairs: no word a label of those opens with)
    common = next((k for k, (x, y) in enumerate(zip(words_a, words_b)) if x != y), min(len(words_a), len(words_b)))
    # (what the nouns say past their common words: "đồng chí tái cử" / "đồng chí lần đầu" → "tái cử" / "lần đầu")
    rest_a, rest_b = " ".join(words_a[common:]) + " ", " ".join(words_b[common:]) + " "
    for x, y in cues.disjoint_labels:
        for p, q in ((rest_a, rest_b), (rest_b, rest_a)):
            # (the longer label first: "cận nghèo" holds "nghèo")
            if p.startswith(y + " ") and q.startswith(x + " ") and not q.startswith(y + " "):
                return True
    return False


def described(text: str, f: Figure) -> tuple[str, ...]:
    """The words that say what a figure counts, up to the end of its phrase ("người bị thương")."""
    return _described_after(text, f.end)


@per_text  # (asked of each candidate whole for each part, by several detectors)
def _described_after(text: str, end: int) -> tuple[str, ...]:
    m = _PHRASE_END.search(text, end, end + 60)
    phrase = text[end:m.start() if m else end + 60]
    return tuple(w for w in phrase.lower().split()[:3] if w != "số")


def states_differ(cues: Cues, text: str, a: Figure, b: Figure) -> bool:
    """The two figures count people in states that exclude each other (``cues.exclusive_states``): "70 người bị
    thương" is no part of "54 người chết", though both count "người"."""
    sa = _states_after(text, a.end, cues)
    if not sa:
        return False
    sb = _states_after(text, b.end, cues)
    return bool(sb) and not sa & sb


def state_before(cues: Cues, text: str, f: Figure) -> tuple[str, ...]:
    """The words of a state (``cues.exclusive_states``) that end the clause before the figure's number: "làm chết 98
    người" → ("chết",), "bị thương 121 người" → ("bị", "thương"); () where none does."""
    words = _CLAUSE_START.split(text[max(0, f.start - 40):f.start])[-1].lower().split()
    for group in cues.exclusive_states:
        for phrase in group:
            if tuple(words[-len(phrase):]) == phrase:
                return phrase
    return ()


@per_text  # (asked of every candidate whole for each part)
def _states_after(text: str, end: int, cues: Cues) -> frozenset[int]:
    return state_groups(cues, _described_words_after(text, end, frozenset()))


def state_groups(cues: Cues, words: tuple[str, ...]) -> frozenset[int]:
    """The groups of ``cues.exclusive_states`` whose phrases the words hold (looked up by their first word)."""
    firsts = getattr(cues, "_state_firsts", None)
    if firsts is None:
        firsts = cues._state_firsts = {}
        for k, group in enumerate(cues.exclusive_states):
            for phrase in group:
                firsts.setdefault(phrase[0], []).append((k, phrase))
    found = set()
    for i, w in enumerate(words):
        for k, phrase in firsts.get(w, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                found.add(k)
    return frozenset(found)


def verb_index(verbs: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Verbs by their last word, the longest first: what :func:`verb_before` looks up."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for v in sorted(set(verbs), key=lambda v: len(v.split()), reverse=True):
        words = tuple(v.split())
        if words:
            index.setdefault(words[-1], []).append(words)
    return index


def verb_before(text: str, f: Figure, verbs: dict[str, list[tuple[str, ...]]]) -> str | None:
    """The verb right before the figure, as whole words at the end of its clause ("khởi tố 4 vụ" →
    "khởi tố"; the longest: "xử lý hành chính" before "xử lý")."""
    words = CLAUSE_BREAK.split(text[max(0, f.start - 60):f.start].lower())[-1].split()
    for verb in verbs.get(words[-1], ()) if words else ():
        if tuple(words[-len(verb):]) == verb:
            return " ".join(verb)
    return None


def total_of_an_outcome(cues: Cues, ctx: SentenceContext, f: Figure) -> Figure | None:
    """The total an outcome of the sentence before is out of: "xảy ra 385 vụ … . Đã điều tra làm rõ 341 vụ" → 385 vụ,
    for 341 vụ (a verb of resolving before ``f``, of occurring before the one larger count of its kind before it,
    in that sentence or the one before); None for most figures."""
    if f.value is None or f not in ctx.previous \
            or verbs_before(cues, ctx.text, [f], cues.verb_index, ctx.verbs)[0] not in cues.resolved:
        return None
    pool = ctx.previous + [p for e in ctx.earlier[:1] for p in e]
    totals = [t for t, v in zip(pool, verbs_before(cues, ctx.text, pool, cues.verb_index, ctx.verbs))
              if v in cues.occurred and t.role == "count" and t.unit == f.unit and head_word(t) == head_word(f)
              and t.value is not None and t.value > f.value and t.start < f.start]
    return totals[0] if len(totals) == 1 else None


def verbs_before(cues: Cues, text: str, figures: list[Figure], verbs: dict[str, list[tuple[str, ...]]],
                 memo: dict | None = None) -> list[str | None]:
    """Each figure's verb (of ``verbs``, a :func:`verb_index`); a count right after another of a different
    kind shares its verb ("khởi tố 201 vụ, 228 bị can", "xử lý 254 vụ với 1.505 đối tượng")."""
    found: list[str | None] = []
    memo = {} if memo is None else memo  # the article's: several detectors ask for the same figures' verbs
    for i, f in enumerate(figures):
        key = (f.start, id(verbs))
        v = memo[key] if key in memo else memo.setdefault(key, verb_before(text, f, verbs))
        if v is None and i and found[-1] is not None and f.role in ("count", "measure"):
            before = figures[i - 1]
            if gap_after_noun(text, before, f).strip() in (",", "với", "và") and cues.kind_of(before) != cues.kind_of(f):
                v = found[-1]
        found.append(v)
    return found


_LABEL_START = re.compile(r"[,;:(.]")  # what opens the words that name a part before its number


def label_before(text: str, f: Figure, floor: int = 0, lower: bool = True) -> str:
    """The words that name a figure before its number, in its clause, lower-cased unless asked ("riêng thu
    tiền sử dụng đất đạt" before "3.124,8 tỷ đồng")."""
    window = text[max(floor, f.start - 80):f.start]
    opening = None
    for opening in _LABEL_START.finditer(window):
        pass
    label = " ".join(window[opening.end() if opening else 0:].split())
    return label.lower() if lower else label


def is_place(cues: "Cues", label: str) -> bool:
    """A place name: capitalised words, maybe after a lower-case prefix ("Lào Cai", "tỉnh Yên Bái", "TP Hải
    Phòng"); not "Bộ Quốc phòng"."""
    low = label.lower()
    prefix = next((p for p in cues.place_prefixes if low.startswith(p + " ")), None)
    words = label[len(prefix) + 1:].split() if prefix else label.split()
    # (after a prefix, a number names the place too: "Thôn 1", "tổ dân phố 3")
    return bool(words) and all(w[:1].isupper() or prefix and w.isdigit() for w in words)


def singled_out(cues: "Cues", text: str, f: Figure) -> bool:
    """``f`` is named after a word that singles it out of what came before ("riêng tháng 9 giải ngân 612,6 tỷ
    đồng"): a part of that, never the whole of what follows."""
    label = label_before(text, f)
    return any(label == w or label.startswith(w + " ") for w in cues.lang.words("cues.singled_out"))


LIST_MARK = re.compile(r"[-+•*–]|\d{1,2}[.)]\s")  # what opens an item of a list: a bullet, or "2. "


# a line's label right before its first figure: "TP Đông Hà: 48 tổ, …" (a few words, no digits; possessive: linear)
_LINE_LABEL = re.compile(r"(?<![^\W\d_])[^\W\d_][^\W\d_ ]*+(?: [^\W\d_]++){0,5}+:[ \t]*+")


def on_a_list_line(text: str, f: Figure) -> bool:
    """``f`` stands on a line that opens as an item of a list ("- Huyện Nhơn Trạch: 486 ca;", "2. Thôn B: …"), or on
    one of a run of lines each a label and its figures ("TP Đông Hà: 48 tổ, 312 thành viên;" after a line that ends
    with ":" or ";")."""
    pos = text.rfind("\n", 0, f.start) + 1
    while pos < f.start and text[pos] in " \t":
        pos += 1
    if LIST_MARK.match(text, pos, f.start) is not None:
        return True
    label = _LINE_LABEL.match(text, pos, f.start)
    if label is None or label.end() != f.start:
        return False
    before = text[:pos].rstrip()
    return before.endswith((":", ";"))


def name_before_number(cues: "Cues", text: str, f: Figure) -> list[str]:
    """The words that name what ``f`` counts right before its number, in its clause and after a subset cue:
    "khách quốc tế" in "Trong đó, khách quốc tế 312.400 lượt" (lower-case; the verb, if any, last)."""
    window = text[max(0, f.start - 60):f.start]
    opening = None
    for opening in _CLAUSE_OPENING.finditer(window):
        pass
    name = window[opening.end() if opening else 0:].lower().lstrip()
    cue = cues.subset_re.match(name)
    return (name[cue.end():] if cue else name).split()


_CLAUSE_OPENING = re.compile(r"[,;:(]")


def skip_blanks(text: str, pos: int, end: int) -> int:
    """The first position at or after ``pos`` that is no blank or list dash ("\n- Lào Cai: …")."""
    while pos < end and (text[pos].isspace() or text[pos] in "-–+*•"):
        pos += 1
    return pos


_WORD_TOKEN = re.compile(r"[^\W\d_]+$")


def described_words(text: str, f: Figure, fillers: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """As :func:`described`, the words only: the phrase ends at the first token that is no word ("người
    chết = 0,7%" → ("người", "chết")), and filler words are passed over ("24 người khác bị thương" →
    ("người", "bị", "thương"))."""
    return _described_words_after(text, f.end, fillers if isinstance(fillers, frozenset) else frozenset(fillers))


@per_text  # (asked of every count of a pool for every change that may be of it)
def _described_words_after(text: str, end: int, fillers: frozenset[str] | set[str]) -> tuple[str, ...]:
    phrase = _PHRASE_END.split(text[end:end + 60], maxsplit=1)[0]
    words = []
    for w in phrase.lower().split():
        if not _WORD_TOKEN.match(w):
            break
        if w != "số" and w not in fillers:
            words.append(w)
        if len(words) == 3:
            break
    return tuple(words)


def names_another(words: list[str], noun: str | None) -> bool:
    """The named words and the count's noun go on differently after what they share: "tác phẩm dự thi" is not
    "32 tác phẩm đoạt giải" (one a prefix of the other is the same thing: "vụ" of "vụ cháy")."""
    have = (noun or "").lower().replace(",", " ").split()
    k = 0
    while k < min(len(words), len(have)) and words[k] == have[k]:
        k += 1
    return 0 < k < len(words) and k < len(have)



def from_value_pattern(cues: Cues) -> re.Pattern[str]:
    """What stands before the earlier value of a change from one value to another: "giảm từ" (in "số hộ nghèo
    giảm từ 97 hộ xuống còn 21 hộ"), searched in the lower-cased text before the value; group ``dir`` is the verb."""
    found = getattr(cues, "_from_to_re", None)
    if found is None:
        words = "|".join(re.escape(w) for w in cues.increase + cues.decrease)
        starts = "|".join(re.escape(w) for w in cues.lang.words("range_from"))
        found = cues._from_to_re = re.compile(rf"(?<![^\W_])(?P<dir>{words})\s++(?:{starts})\s*+$")
    return found


def is_from_value(cues: Cues, text: str, f: Figure, floor: int) -> bool:
    """The figure is the earlier value of a change from one value to another ("giảm từ 97 hộ xuống còn 21 hộ"):
    no whole of what the change leads to."""
    return from_value_pattern(cues).search(text[max(floor, f.start - 30):f.start].lower()) is not None


def last_of_a_list(cues: Cues, ctx: SentenceContext, sf: list[Figure], c: Figure) -> bool:
    """``c`` is a part listed after a count of its sentence ("14.318 thí sinh, gồm 7.486 nữ và 6.832 nam"; "…,
    trong đó 7.486 thí sinh nữ"), in the same clause: a change or a share written after it may be of the total as well."""
    text = ctx.text
    # (within a reach before the figure, as the detectors' own: linear on a long sentence of counts)
    floor = max(ctx.sentence.start, c.start - 400)
    lead = text[floor:c.start].lower()
    if not any(w in lead for w in cues.subset_words) and not cues.breakdown_re.search(lead):
        return False  # no list cue before the figure: it is listed in no list
    for cue in (*cues.subset_re.finditer(text, floor, c.start),
                *cues.breakdown_re.finditer(lead)):
        at = cue.start() if cue.re is cues.subset_re else floor + cue.start()
        if CLAUSE_END.search(text, at, c.start):
            continue
        if any(t.end <= at and t.unit == c.unit and t.role in ("count", "measure") and t is not c
               and not CLAUSE_END.search(text, t.end, at) for t in sf):
            return True
    return False


def labels_of_several_dimensions(cues: Cues, labels: list[str]) -> bool:
    """The labels name what is counted by different dimensions — a place, a cause, a time (``cues.dimension_words``:
    "tại", "do", "vào"; one label by one word, another by another): such parts may overlap. Labels of one
    dimension ("tại xã A", "tại xã B", "ở ngoài xã hội", "bị giam giữ") divide."""
    words = cues.lang.words("cues.dimension_words")
    fillers = cues.lang.words("cues.dimension_fillers")

    def mark(label: str) -> str | None:
        low = label.lower().strip(" ,:;-–+")
        cue = cues.subset_re.match(low)
        low = " " + (low[cue.end():] if cue else low) + " "
        for w in fillers:  # ("cháy xảy ra tại …" is "cháy tại …")
            low = low.replace(f" {w} ", " ")
        first = low.split()[:3]
        # (among the first two words: "cháy tại nhà dân", "tại xã A" — not "cháy nhà ở", a kind of house)
        return next((w for w in words for k in (0, 1) if first[k:k + len(w.split())] == w.split()), None)

    marks = {mark(label) for label in labels}
    # (a cause beside parts named otherwise is another dimension too: "18.950 con bò đang cho sữa, 24.100 con do các
    # hộ … nuôi")
    return len(marks - {None}) > 1 or None in marks and bool(marks & set(cues.lang.words("cues.cause_words")))


def votes_for_a_person(cues: Cues, text: str, f: Figure) -> bool:
    """``f`` counts the ballots a person won ("bà Nguyễn Thị Hằng được 171.204 phiếu", "1. Bà …: 171.204 phiếu"):
    in an election of several seats each ballot names several people, so such counts overlap."""
    if head_word(f) not in cues.ballot_nouns:
        return False
    segment = _PERSON_SEGMENT_START.split(text[max(0, f.start - 80):f.start])[-1].lower()
    return any(w in cues.person_titles for w in _LETTERS.findall(segment))


_PERSON_SEGMENT_START = re.compile(r"[;,(\n]")


def names_a_subject(text: str, f: Figure, floor: int = 0) -> bool:
    """The words before ``f`` in its clause (from ``floor``) hold a name of two capitalised words after the first
    word ("Trường THPT chuyên Lê Quý Đôn có 99,5% …"): the clause has a subject of its own."""
    clause = _SUBJECT_CLAUSE_START.split(text[max(floor, f.start - 120):f.start])[-1]
    words = clause.split()[1:]
    return any(a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha() for a, b in zip(words, words[1:]))


_SUBJECT_CLAUSE_START = re.compile(r"[;:(]|\.(?!\d)")


def value_of_a_name(text: str, f: Figure) -> bool:
    """A figure in brackets right after a name of two or more capitalised words ("hai huyện chưa đạt là Mường Lát
    (92,6%) và Quan Sơn (93,8%)"): the named one's own value, not a share of a count before it. (Acronyms, "NTM",
    and phrases in lower case are no names here.)"""
    before = text[max(0, f.start - 60):f.start].rstrip()
    if not before.endswith("("):
        return False
    words = before[:-1].split()[-2:]
    return len(words) == 2 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)


def in_brackets(text: str, f: Figure, reach: int = 200) -> bool:
    """The figure stands inside a bracketed aside opened before it in its sentence ("176 vụ (1 vụ … đường
    thủy …)")."""
    lo = max(0, f.start - reach)
    opened = text.rfind("(", lo, f.start)
    return opened >= 0 and opened > text.rfind(")", lo, f.start) and not CLAUSE_END.search(text, opened, f.start)


_COMMA_AND_A_VERB = re.compile(r"(?<![\s,])\s*+,\s*+(?:[^\W\d_]++\s++){1,2}")  # starts only after a non-blank: linear


def after_a_verb_and_another_count(text: str, before: Figure, f: Figure) -> bool:
    """``f`` follows a count of another thing with only a comma and a verb between ("88 vụ, bắt 142 đối tượng")."""
    if before.role not in ("count", "measure") or before.unit != f.unit or head_word(before) == head_word(f):
        return False
    gap = gap_after_noun(text, before, f)
    return _COMMA_AND_A_VERB.fullmatch(gap) is not None


_REST_END = re.compile(r"[,;:()]|\.(?!\d)")


def counted_rest(cues: Cues, text: str, part: Figure) -> bool:
    """The part's own words end by saying it is the rest ("… và 3 vụ cháy khác", "5 vụ còn lại"): a counted
    remainder, so the list it ends is complete."""
    found = getattr(cues, "_counted_rest", None)
    if found is None:
        found = cues._counted_rest = tuple(" " + w for w in cues.lang.words("cues.counted_rest"))
    rest = text[part.end:part.end + 60]
    stop = _REST_END.search(rest)
    words = rest[:stop.start() if stop else len(rest)].lower().split()
    # (the part's own words: "3 vụ cháy khác", not "17 vụ và các vụ khác", an open tail after it)
    if len(words) > 4 or any(w in cues.list_and or w in cues.lang.words("cues.open_rest_words") for w in words):
        return False
    return (" " + " ".join(words)).endswith(found)


def baseline_in_brackets(cues: Cues, text: str, f: Figure) -> bool:
    """``f`` stands in brackets right after the period it is compared with: "so với năm 2025 (63 giải)"."""
    return _baseline_in_brackets(text, f.start, f.end, cues)


_LIST_SEPARATOR = re.compile(r"[,;]")


def _opens_with_period_and_verb(cues: "Cues", inside: str, segment: str) -> bool:
    """The bracket opens with a period's name and a verb of a few words, then its values ("(năm 2025 bắt giữ 36
    vụ, 57 đối tượng)"), and the value's own segment adds no words: the values are that period's."""
    if segment.strip() and segment != inside:
        return False  # ("(năm 2025 có 36 vụ, trong đó 20 vụ …)": a segment of its own)
    lead = " ".join(_LIST_SEPARATOR.split(inside, 1)[0].lower().split())
    m = next((m for r in cues.lang.period_regexes if (m := r.match(lead))), None)
    end = m.end() if m is not None else None
    other = _other_period_opening(cues).match(lead) if m is None else None
    if other is not None:  # ("(cùng kỳ xảy ra 51 vụ)", "(cùng kỳ năm 2024 xảy ra 51 vụ)")
        rest = lead[other.end():]
        named = next((n for r in cues.lang.period_regexes if (n := r.match(rest.lstrip()))), None)
        end = other.end() + (len(rest) - len(rest.lstrip()) + named.end() if named else 0)
    if end is None:
        return False
    verb = list(itertools.takewhile(lambda w: not w[0].isdigit(), lead[end:].split()))
    return 1 <= len(verb) <= 3 and all(w.isalpha() for w in verb) and not cues.subset_re.match(" ".join(verb))


def _names_a_scope(cues: "Cues", lead: str, before: str) -> bool:
    """The words of a bracket name a place or body wider than the sentence's ("toàn tỉnh năm 2024 có …" after a
    city's count) — not where the text before it speaks of that scope itself ("toàn tỉnh xảy ra 49 vụ …, giảm 7 vụ
    (cả tỉnh năm 2024 xảy ra 58 vụ)")."""
    words = cues.lang.words("cues.scope_words")
    named = [w for w in words if lead.startswith(w + " ") or f" {w} " in lead]
    if not named:
        return False
    before = " " + before.rsplit("\n", 1)[-1].lower()  # (in its paragraph)
    units = {w.split()[-1] for w in named}
    return not any(f" {w} " in before or before.endswith(" " + w) for w in words if w.split()[-1] in units)


def _multiple_of_a_period(cues: "Cues", inner: str) -> bool:
    """``inner`` (lower case) ends with a period's name right after a multiple's word: "… gấp 1,56 lần năm 2025"."""
    for r in cues.lang.period_regexes:
        for m in r.finditer(inner, max(0, len(inner) - 40)):
            if m.end() == len(inner):
                before = inner[:m.start()].split()
                return bool(before) and before[-1] in cues.lang.words("cues.times")
    return False


def _other_period_opening(cues: "Cues") -> re.Pattern[str]:
    """The words of the period compared with, opening a text: "cùng kỳ", "năm trước" (``cues.other_period``)."""
    found = getattr(cues, "_other_period_opening_re", None)
    if found is None:
        words = "|".join(re.escape(w) for w in sorted(cues.lang.words("cues.other_period"), key=len, reverse=True))
        found = cues._other_period_opening_re = re.compile(rf"(?:{words})(?![^\W_])")
    return found


def _period_is(cues: "Cues") -> re.Pattern[str]:
    """A period's name, then a word that gives its value (``cues.period_value_words``) or a colon, and nothing
    else: "năm 2024 là ", "cùng kỳ: "."""
    found = getattr(cues, "_period_is_re", None)
    if found is None:
        words = "|".join(re.escape(w) for w in cues.lang.words("cues.period_value_words"))
        found = cues._period_is_re = re.compile(rf"[^\W_][\w ]{{0,30}}?\s(?:{words})\s?|[^\W_][\w ]{{0,30}}?:\s?")
    return found
_PERIOD_NAME_END = re.compile(r"[,;.)]|\d{5,}")  # what a period's name ("năm 2025", "Tết Giáp Thìn 2024") holds none of


@per_text  # (asked of every figure by the change, share and subset detectors, and again of each candidate)
def _baseline_in_brackets(text: str, start: int, end: int, cues: Cues) -> bool:
    window = text[max(0, start - 120):start]
    opened = window.rfind("(")
    if opened < 0 or ")" in window[opened:]:
        return False
    # ("(71 vụ, 43 người chết, 57 người bị thương)", "(sản lượng 196.800 tấn)": each value of the bracket is of
    # that period — not "(khách nước ngoài khoảng 210.000 lượt, tăng 7,45%; …)", parts with changes of their own)
    segment = _LIST_SEPARATOR.split(window[opened + 1:])[-1]
    close = text.find(")", end, end + 200)
    bracket = (window[opened + 1:] + text[start:close if close >= 0 else end + 200]).lower()
    if cues.change_word_re.search(bracket):
        return False
    # (the value's own segment of the bracket: "(năm 2024 là 108 vụ, năm 2023 là 121 vụ)")
    lead = " ".join(segment.lower().split())
    if _period_is(cues).fullmatch(lead) and (cues.other_period_or_target_re.match(lead)
                                       or any(r.search(lead) for r in cues.lang.period_regexes)) \
            and not _names_a_scope(cues, lead, text[max(0, start - 300):start - len(window) + opened]):
        # "(năm 2024 là 136 vụ)", "(cùng kỳ: 40 vụ)", "(thời điểm cuối năm 2025 là 19 đối tượng)": the bracket names
        # the period whose value it gives — not of another scope ("(toàn tỉnh năm 2024 có 2.214 ca)")
        return True
    if _opens_with_period_and_verb(cues, window[opened + 1:], segment):
        return True  # "(năm 2025 bắt giữ 36 vụ, 57 đối tượng)": each value is of that year
    if len(segment.split()) > 3:
        return False
    inner = window[:opened].rstrip()
    if not inner:
        return False
    if _multiple_of_a_period(cues, inner.lower()):
        return True  # "gấp 1,56 lần năm 2025 (312.000 lượt)": the value of the period the multiple is of
    m = None
    for m in cues.other_period_or_target_re.finditer(inner.lower()):
        pass
    # (the period compared with may take a few words: "So với Tết Giáp Thìn 2024 (1.862,4 tỷ đồng)", "so với đợt lũ
    # cùng thời điểm năm 2025 (568,1 tỷ đồng)")
    return m is not None and not _PERIOD_NAME_END.search(inner[m.end():]) and len(inner[m.end():].split()) <= 8


_CLAUSE_START = re.compile(r"[,;(:]|\.(?!\d)")


def in_a_range(cues: Cues, text: str, f: Figure) -> bool:
    """``f`` is an end of a range of numbers: "từ 15 đến 20 đảng viên", "15-20 người" (``range_to``)."""
    found = getattr(cues, "_range_ends", None)
    if found is None:
        to = "|".join(re.escape(w) for w in cues.lang.words("range_to") + ["-", "–"])
        # (a bound's word may stand before the far end: "từ 5,5 đến dưới 6,5")
        bound = "|".join(re.escape(w) for w, _ in cues.lang.qualifier_words)
        found = cues._range_ends = (re.compile(rf"\s*+(?:{to})\s*+(?:(?:{bound})\s++)?\d", re.IGNORECASE),
                                    re.compile(rf"\d\s*+(?:{to})\s*+(?:(?:{bound})\s*+)?$", re.IGNORECASE))
    return found[0].match(text, f.end, f.end + 24) is not None \
        or found[1].search(text, max(0, f.start - 24), f.start) is not None


def right_after(text: str, f: Figure, words, reach: int = 30) -> bool:
    """One of ``words`` (whole words) ends the text right before the figure's number."""
    before = " ".join(text[max(0, f.start - reach):f.start].lower().split())
    return any(before == w or before.endswith(" " + w) for w in words)


def after_out_of_words(cues: Cues, text: str, f: Figure) -> bool:
    """The figure follows the words for "out of" (``cues.out_of``): a whole, not a part — "Trên tổng số 210 vụ xảy
    ra, tỷ lệ điều tra, khám phá đạt 88,57%", "Xét theo loại đường, trong số 14 vụ, quốc lộ 6 vụ, …"."""
    return right_after(text, f, cues.out_of)


def unread_number_between(text: str, figures: list[Figure], start: int, end: int) -> bool:
    """A digit between ``start`` and ``end`` that no figure holds: a number the reader set aside ("đường tỉnh 3 vụ"
    read as a road's name) — a list it stands in may be missing a part."""
    at = start
    for f in figures:
        if f.end <= start or f.start >= end:
            continue
        if any(ch.isdigit() for ch in text[at:f.start]):
            return True
        at = max(at, f.end)
    return any(ch.isdigit() for ch in text[at:end])


def plan_value(cues: Cues, text: str, f: Figure) -> bool:
    """The figure is a plan's value, named right before it (a plan noun in the last few words of its clause): "đạt
    42,3% dự toán 300 tỷ đồng", "kế hoạch giao 500 hộ" — the target, no part of what was done."""
    found = getattr(cues, "_plan_words", None)
    if found is None:
        found = cues._plan_words = [tuple(w.lower().split()) for w in cues.lang.words("cues.plan_nouns")]
    words = _CLAUSE_START.split(text[max(0, f.start - 50):f.start])[-1].lower().split()[-4:]
    return any(words[i:i + len(p)] == list(p) for p in found for i in range(len(words) - len(p) + 1))


def compared_baseline(cues: Cues, text: str, f: Figure) -> bool:
    """``f`` is the value compared with, named in its own clause after "so với" (or a verb of passing a target,
    "vượt") and a plan or another period: "vượt 23,5% so với kế hoạch đề ra là 1.000 đơn vị", "vượt mục tiêu đề ra
    là 10 xã", "so với cùng kỳ năm trước là 40 vụ" — the plan's or the other period's value, no whole of what this
    one counts."""
    before = text[max(0, f.start - 80):f.start]
    clause = _CLAUSE_START.split(before)[-1].lower()
    found = getattr(cues, "_compared_or_passed_re", None)
    if found is None:
        found = cues._compared_or_passed_re = word_alternation(cues.compared + cues.lang.words("target_verbs"))
    m = found.search(clause)
    if m is None:
        return False
    rest = clause[m.end():]
    named = cues.other_period_or_target_re.search(rest)
    return named is not None and not any(ch.isdigit() for ch in rest[named.end():]) \
        and len(rest[named.end():].split()) <= 6


def sum_after_words(cues: "Cues") -> tuple[str, ...]:
    """The words for a sum after the values it adds (``cues.sum_after``), longest first, read once a language."""
    words = getattr(cues, "_sum_after_words", None)
    if words is None:
        words = cues._sum_after_words = tuple(sorted(cues.lang.words("cues.sum_after"), key=len, reverse=True))
    return words


def sum_word_at_end(cues: "Cues", between: str) -> str | None:
    """The word for a sum the words before a value end with, after a comma (", tổng cộng", ", tổng số là"), or None:
    the value is the sum of the values listed before it ("… 168 và 189 tin, tổng cộng 687 tin")."""
    lead = " ".join(between.lower().split())
    return next((w for w in sum_after_words(cues) if lead.endswith(", " + w) or lead.endswith(", " + w + " là")), None)


def ends_with_a_sum_word(cues: "Cues", between: str) -> bool:
    """:func:`sum_word_at_end` finds one."""
    return sum_word_at_end(cues, between) is not None

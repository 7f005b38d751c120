"""Plain data models for each stage: source → article text → figures → relations.

Every stage takes the previous one's models and returns its own; none reaches back. All offsets are
Python string offsets into the article's NFC-normalised text (or into its title, for a figure whose
``field`` is ``"title"``).
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, Callable


def maker(cls: type) -> Callable[..., Any]:
    """A faster constructor for a frozen dataclass with no ``__post_init__``, for the reader's hot paths.

    A frozen dataclass's ``__init__`` sets every field through ``object.__setattr__`` (about 9 µs for a
    :class:`Figure`, 20 of them an article); this one fills the instance's ``__dict__`` at once, in field
    order, with the defaults for what is not given. The object is the same as ``cls(**values)`` (equal,
    same hash and repr); anything ``cls`` would refuse (an unknown or a missing field) goes through
    ``cls(**values)``, so it raises the same ``TypeError``.
    """
    assert "__post_init__" not in vars(cls) and "__slots__" not in vars(cls), cls
    order = tuple(f.name for f in fields(cls))
    names = frozenset(order)
    defaults = {f.name: f.default for f in fields(cls) if f.default is not MISSING}
    factories = tuple((f.name, f.default_factory) for f in fields(cls) if f.default_factory is not MISSING)
    required = names - defaults.keys() - {n for n, _ in factories}
    template = {n: defaults.get(n) for n in order}  # every field, in order; what is given replaces its value
    new = object.__new__

    def make(**values: Any) -> Any:
        keys = values.keys()
        if not keys <= names or not required <= keys:
            return cls(**values)
        own = template.copy()
        own.update(values)
        for n, factory in factories:
            if n not in values:
                own[n] = factory()
        obj = new(cls)
        obj.__dict__.update(own)
        return obj

    return make


def _shallow(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """A dataclass of plain values as a dict, without asdict()'s deep copying (a hot path for reports).

    Its ``__dict__`` holds exactly its fields in field order when it was made by ``__init__``, by
    :func:`maker`, by ``replace`` or by unpickling: then a copy of it is that dict, made at C speed.
    """
    own = obj.__dict__
    if len(own) == len(names) and tuple(own) == names:
        return own.copy()
    return {n: getattr(obj, n) for n in names}


@dataclass(frozen=True)
class InputError:
    """Why an input could not be read, and where ("byte 1042", "line 7")."""

    message: str
    where: str | None = None
    internal: bool = False  # figcheck failed on this input (a bug), rather than the input being unreadable

    def __str__(self) -> str:
        return f"{self.message} ({self.where})" if self.where else self.message


@dataclass(frozen=True)
class Source:
    """One article as it came in, before any reading: decoded text or the error that stopped us."""

    source: str  # the path exactly as given, "-" for stdin, "path:LINE" never: see ``line``
    id: str
    text: str | None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    line: int | None = None  # line number inside a JSON Lines file
    error: InputError | None = None
    notes: tuple[str, ...] = ()  # what reading did that a user should know (encoding, repairs)


@dataclass(frozen=True)
class SetAside:
    """A piece of the input kept out of the figures (page furniture, bylines, a dateline)."""

    kind: str  # "dateline" | "furniture" | "byline" | "related" | "title" (a given title repeated in the text)
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Figure:
    """A number the article states, with the interval of values its wording allows."""

    id: str
    text: str
    start: int
    end: int
    sentence: int
    value: float | None  # None for vague amounts ("hàng trăm"), which only have an interval
    low: float | None  # strict reading of the wording (see validators.intervals)
    high: float | None
    qualifier: str | None  # more_than | nearly | about | up_to | less_than | at_least | vague | None
    unit: str  # count | percent | pp | kg | g | tấn | đồng | …
    noun: str | None
    role: str  # count | delta | measure | share | change | percent | numerator | denominator
    # What a loose reading of the qualifier still allows (equal to low/high where nothing is loose).
    loose_low: float | None = None
    loose_high: float | None = None
    decimals: int = 0  # decimal places as written ("98,3" → 1): the precision of the number
    classifier: str | None = None
    field: str = "text"  # "text" or "title" (a title given apart from the text)
    before: str = ""  # the words before the number in its clause (used to name metrics)
    after: str = ""  # the words after the number in its clause
    spelled: bool = False
    countable: bool = False  # a count of things that come whole ("vụ", "người"): never fractional

    def to_dict(self) -> dict[str, Any]:
        return _shallow(self, _FIGURE_NAMES)


_FIGURE_NAMES = tuple(f.name for f in fields(Figure))
new_figure = maker(Figure)  # Figure(...) for the reader, which makes one per number


@dataclass(frozen=True)
class Item:
    """A named item of an enumeration ("Bắc Sơn" in "4 xã Bắc Sơn, An Hòa, …")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """A structural link between figures that a check can test without re-reading the text.

    ``kind`` is subset | share | fraction | breakdown | enumeration | pair | change | headline | ranking.
    ``roles`` maps a role name to a figure id or a list of ids (e.g. ``{"whole": "f1", "part": "f2"}``,
    ``{"total": "f3", "parts": ["f4", "f5"]}``); ``figures`` lists every id involved.
    """

    id: str
    kind: str
    figures: list[str]
    start: int
    end: int
    sentence: int
    roles: dict[str, Any] = field(default_factory=dict)
    exhaustive: bool | None = None
    # subset, breakdown: true where no cue word states it and the reader infers it ("xảy ra 30 vụ … đã làm rõ
    # 25 vụ": what was solved is within what occurred; "Cụ thể, …" after a total) — checked as info only
    implied: bool | None = None
    direction: str | None = None  # change: "increase" | "decrease"
    items: list[Item] = field(default_factory=list)
    cue: str | None = None
    # why the reader links these figures when a cue word alone does not say it ("the whole is the earlier
    # count of the same thing"); None where the cue is the whole evidence
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "kind": self.kind,
            "figures": list(self.figures),
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            **{k: v for k, v in self.roles.items()},
            "cue": self.cue,
        }
        if self.exhaustive is not None:
            out["exhaustive"] = self.exhaustive
        if self.direction is not None:
            out["direction"] = self.direction
        if self.implied:
            out["implied"] = True
        if self.evidence is not None:
            out["evidence"] = self.evidence
        if self.kind == "enumeration":
            out["items"] = [{"text": i.text, "start": i.start, "end": i.end} for i in self.items]
            out["item_count"] = len(self.items)
        return out



new_relation = maker(Relation)  # Relation(...) for the relation reader

@dataclass
class Article:
    """An article read into figures and relations."""

    source: str
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    period: str | None = None
    url: str | None = None
    line: int | None = None
    error: InputError | None = None
    title_span: tuple[int, int] | None = None  # where the title sits in ``text`` (None if given apart)
    number_convention: str = "vi"  # "vi" (4.340,5) or "en" (4,340.5): the document's dominant one
    notes: list[str] = field(default_factory=list)  # what reading did: legacy encoding, mojibake repair…
    sentences: list[Sentence] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(figure_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "period": self.period,
            "url": self.url,
            "line": self.line,
            "error": None if self.error is None else str(self.error),
            "error_kind": None if self.error is None else ("internal" if self.error.internal else "input"),
            "number_convention": self.number_convention,
            "notes": list(self.notes),
            "sentences": len(self.sentences),
            "set_aside": [{"kind": s.kind, "text": s.text, "start": s.start, "end": s.end} for s in self.set_aside],
            "figures": [f.to_dict() for f in self.figures],
            "relations": [r.to_dict() for r in self.relations],
        }


# -- checks stage ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anomaly:
    """A rule that the article's figures break, with the arithmetic that proves it."""

    id: str
    rule: str
    severity: str  # error | warning | info
    message: str
    figures: list[str]
    start: int
    end: int
    explanation: str
    suggestion: str | None = None
    sentence: int | None = None
    relation: str | None = None
    also: list[str] = field(default_factory=list)  # other rules that flag the same figures

    def to_dict(self) -> dict[str, Any]:
        out = _shallow(self, _ANOMALY_NAMES)
        out["figures"], out["also"] = list(self.figures), list(self.also)
        return out


_ANOMALY_NAMES = tuple(f.name for f in fields(Anomaly))


@dataclass(frozen=True)
class NotEvaluated:
    """A check that could not run for some figures (a bug, a missing figure): neither pass nor fail."""

    rule: str
    reason: str
    figures: list[str] = field(default_factory=list)
    relation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ArticleResult:
    """An article and what its checks found."""

    article: Article
    anomalies: list[Anomaly] = field(default_factory=list)
    not_evaluated: list[NotEvaluated] = field(default_factory=list)
    checked_figures: set[str] = field(default_factory=set)
    convention: str = "unknown"
    internal_error: str | None = None  # the checks failed on this article (a bug); the others still ran
    # set by a worker that already wrote the JSON record (the article's text and figures are then dropped
    # before the result travels back, and ``figure_count`` keeps their number)
    encoded: str | None = None
    figure_count: int | None = None
    # set by the selection stage (figcheck.validators.selection): a fingerprint per anomaly kept, and how
    # many anomalies inline comments suppressed and a baseline already held (not part of the JSON record)
    fingerprints: list[str] = field(default_factory=list)
    suppressed: int = 0
    baselined: int = 0

    @property
    def coverage(self) -> dict[str, int]:
        figures = self.figure_count if self.figure_count is not None else len(self.article.figures)
        return {"figures": figures, "checked": len(self.checked_figures)}

    def worst(self) -> str | None:
        for sev in ("error", "warning", "info"):
            if any(a.severity == sev for a in self.anomalies):
                return sev
        return None

    def to_dict(self) -> dict[str, Any]:
        out = self.article.to_dict()
        out["anomalies"] = [a.to_dict() for a in self.anomalies]
        out["not_evaluated"] = [n.to_dict() for n in self.not_evaluated]
        out["coverage"] = self.coverage
        out["convention"] = self.convention
        out["internal_error"] = self.internal_error
        return out

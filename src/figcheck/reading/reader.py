"""From text to an Article: layout, figures and relations, in that order."""

from __future__ import annotations

import functools

from figcheck.languages import Language, load_language
from figcheck.models import Article, InputError, Sentence, Source
from figcheck.reading.figures import FigureReader, NumberOutOfRange
from figcheck.reading.layout import LayoutReader
from figcheck.reading.normalize import normalize_text
from figcheck.reading.relations import RelationReader


class ArticleReader:
    """Reads article text of one language into figures and relations."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.layout = LayoutReader(lang)
        self.figures = FigureReader(lang)
        self.relations = RelationReader(lang)

    def extract(self, text: str, *, title: str | None = None, source: str = "<text>", id: str = "text",
                date: str | None = None, url: str | None = None, line: int | None = None) -> Article:
        text = normalize_text(text)
        title = normalize_text(title) if title else None
        layout = self.layout.read(text, title)
        body_text = " ".join(text[s:e] for s, e in layout.body)
        convention = self.figures.convention(body_text + " " + (layout.title or ""),
                                             default=self.lang.data["number_format"].get("convention", "vi"))
        figures = []
        if title is not None:  # a title given apart from the text: offsets into the title
            title_sentence = Sentence(-1, 0, len(title), title)
            figures += self.figures.read(title, [title_sentence], convention, field="title")
        elif layout.title_span is not None:
            s, e = layout.title_span
            figures += self.figures.read(text, [Sentence(-1, s, e, text[s:e])], convention)
        figures += self.figures.read(text, layout.sentences, convention, first_id=len(figures) + 1)
        article = Article(
            source=source, id=id, text=text, title=layout.title, date=date or layout.date,
            period=layout.period, url=url, line=line, title_span=layout.title_span,
            number_convention=convention, sentences=layout.sentences, set_aside=layout.set_aside,
            figures=figures,
        )
        article.relations = self.relations.read(article)
        return article

    def read_source(self, src: Source) -> Article:
        if src.error is not None or src.text is None:
            return Article(source=src.source, id=src.id, text="", title=src.title, date=src.date, url=src.url,
                           line=src.line, error=src.error)
        try:
            article = self.extract(src.text, title=src.title, source=src.source, id=src.id, date=src.date,
                                   url=src.url, line=src.line)
        except NumberOutOfRange as exc:
            return Article(source=src.source, id=src.id, text="", title=src.title, date=src.date, url=src.url,
                           line=src.line, error=InputError(str(exc), _place(src, exc)))
        article.notes = list(src.notes)
        return article


def _place(src: Source, exc: NumberOutOfRange) -> str:
    """Where the number is: line and column of the (normalised) text, after the JSON Lines line if any."""
    if exc.field == "title":
        where = f"title, column {exc.offset + 1}"
    else:
        text = normalize_text(src.text or "")
        line = text.count("\n", 0, exc.offset) + 1
        column = exc.offset - (text.rfind("\n", 0, exc.offset) + 1) + 1
        where = f"line {line}, column {column}" if src.line is None else f"text line {line}, column {column}"
    return where if src.line is None else f"line {src.line}, {where}"


@functools.lru_cache(maxsize=None)
def reader_for(language: str = "vi") -> ArticleReader:
    return ArticleReader(load_language(language))

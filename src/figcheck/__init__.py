"""figcheck: check whether the figures an article or a dataset reports agree with each other.

Public API::

    import figcheck
    article = figcheck.extract("Toàn phường có 14 tổ với 27 thành viên.")
    for article in figcheck.read(["draft.txt", "corpus.jsonl"]):
        ...
    for result in figcheck.check(["draft.txt"]):
        for anomaly in result.anomalies:
            print(anomaly.severity, anomaly.message, anomaly.explanation)

    result = figcheck.check_frame(df, rules=["my-pack.yaml"], id="province")  # a pandas or polars frame
    for anomaly in result.anomalies:
        print(anomaly.row, anomaly.rule, anomaly.explanation)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

# pandera imports pyspark's pandas API when pyspark is installed, which then warns about pandas 3 on every
# run although figcheck does not use that API.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)

from typing import TYPE_CHECKING

from figcheck._version import __version__

if TYPE_CHECKING:  # the annotations below; at run time the types are imported on first use (__getattr__)
    from figcheck.models import Anomaly, Article, ArticleResult, Figure, InputError, Item, Relation, SetAside, Source

_MODELS = ("Anomaly", "Article", "ArticleResult", "Figure", "InputError", "Item", "Relation", "SetAside", "Source")


def __getattr__(name: str):
    """The result types, imported on first use (``figcheck --help`` needs none of them)."""
    if name in _MODELS:
        from figcheck import models

        return getattr(models, name)
    raise AttributeError(f"module 'figcheck' has no attribute {name!r}")


__all__ = ["Anomaly", "Article", "ArticleResult", "Figure", "InputError", "Item", "Relation", "SetAside", "Source",
           "check", "check_frame", "extract", "read", "__version__"]


def extract(text: str, *, title: str | None = None, language: str = "vi") -> Article:
    """Read one article's text into figures and relations."""
    from figcheck.reading.reader import reader_for

    return reader_for(language).extract(text, title=title)


def read(paths: Iterable[str], *, language: str = "vi", encoding: str | None = None,
         stdin_format: str = "text") -> Iterator[Article]:
    """Read every article the paths name (files, directories, ``-``, ``.jsonl``), in order.

    An input that cannot be read yields an ``Article`` whose ``error`` says why and where. ``encoding``
    names the encoding of text files (utf-8, utf-16, windows-1258, tcvn3, vni); by default it is detected.
    ``stdin_format="jsonl"`` reads ``-`` as JSON Lines (an article a line) instead of one article.
    """
    from figcheck.models import Article, InputError
    from figcheck.reading.reader import reader_for
    from figcheck.reading.sources import iter_sources

    reader = reader_for(language)
    for src in iter_sources(paths, encoding=encoding, stdin_format=stdin_format):
        try:
            yield reader.read_source(src)
        except Exception as exc:  # noqa: BLE001 - a bug on one input must not lose the others
            import os
            import traceback

            if os.environ.get("FIGCHECK_DEBUG") == "1":
                traceback.print_exc()
            yield Article(source=src.source, id=src.id, text="", line=src.line,
                          error=InputError(f"internal error while reading: {type(exc).__name__}: {exc}", internal=True))


def check(paths: Iterable[str], *, rules: Iterable[str] = (), default_rules: bool = True,
          language: str = "vi") -> Iterator[ArticleResult]:
    """Read and check every article the paths name; one ``ArticleResult`` per article, in order.

    ``rules`` names built-in packs or pack files added to the language's defaults (core + antq for
    Vietnamese); a given pack with a default pack's name replaces it.
    """
    from figcheck.validators.pipeline import check_stream
    from figcheck.rules.loader import load_ruleset

    ruleset = load_ruleset(list(rules), language=language, defaults=default_rules)
    yield from check_stream(read(paths, language=language), ruleset, language)


def check_frame(frame, rules=(), *, id: str | None = None, engine: str | None = None, strict: bool = False,  # noqa: A002
                default_rules: bool = False, language: str = "vi", source: str = "<frame>"):
    """Check a pandas or polars DataFrame against rule packs, as ``figcheck check-table`` checks a file.

    ``rules``: pack names or files (or a loaded RuleSet); the language's default packs are added only with
    ``default_rules=True``. ``id``: the column that names a row in the results. ``engine``: pandas (the
    default for pandas frames), polars (the default for polars frames) or gx. Returns the
    ``TableResult`` the CLI renders (``anomalies``, ``cell_errors``, ``not_evaluated``, ``skipped_for_nulls``,
    ``to_dict()`` for the JSON form); a frame no rule can read has ``error`` set.
    """
    from figcheck.datasets.frames import check_frame as _check_frame

    return _check_frame(frame, rules, id=id, engine=engine, strict=strict, default_rules=default_rules,
                        language=language, source=source)

"""Regular expressions of rule packs (``matches(column, 'pattern')``), run by a bounded engine.

Patterns come from rule files, so they are untrusted: they are limited in length, compiled by the
``regex`` module and every match runs under a time limit, so a pattern that backtracks catastrophically
stops with an error instead of hanging a CI run. Matching is per distinct cell text, cached.
"""

from __future__ import annotations

from functools import lru_cache

MATCH_TIMEOUT = 0.25  # seconds for one cell


class RegexError(ValueError):
    pass


@lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    import regex

    try:
        return regex.compile(pattern, regex.V1)
    except regex.error as exc:
        raise RegexError(str(exc)) from None


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` occurs in ``text``; RegexError when the match takes too long."""
    compiled = compile_pattern(pattern)
    try:
        return compiled.search(text, timeout=MATCH_TIMEOUT) is not None
    except TimeoutError:
        raise RegexError(f"the pattern {pattern!r} took longer than {MATCH_TIMEOUT} s on one cell") from None

"""Language data: lexicons and number formats, one YAML file per language.

The reader's code knows only kinds of words (qualifier, classifier, cue…); which words those are in a
language is read from ``<code>.yaml`` here, so adding a language is adding a file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

# libyaml's parser for the lexicons figcheck ships (read on every run; the same data, about 8 times faster),
# PyYAML's own where libyaml is absent
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Language:
    code: str
    data: dict[str, Any]

    # Convenience accessors; each returns lower-cased words, longest first, so that a scan that takes
    # the first match takes the longest ("lên tới" before "tới").
    def words(self, key: str) -> list[str]:
        node: Any = self.data
        for part in key.split("."):
            node = node[part]
        return sorted((str(w).lower() for w in node), key=len, reverse=True)

    def mapping(self, key: str) -> dict[str, Any]:
        node: Any = self.data
        for part in key.split("."):
            node = node[part]
        return {str(k).lower(): v for k, v in node.items()}

    @functools.cached_property
    def qualifier_words(self) -> list[tuple[str, str]]:
        """(word, qualifier kind) pairs, longest word first."""
        pairs = [(w.lower(), kind) for kind, ws in self.data["qualifiers"].items() for w in ws]
        return sorted(pairs, key=lambda p: len(p[0]), reverse=True)

    @functools.cached_property
    def unit_spellings(self) -> list[tuple[str, str]]:
        pairs = [(s.lower(), unit) for unit, spellings in self.data["units"].items() for s in spellings]
        return sorted(pairs, key=lambda p: len(p[0]), reverse=True)

    @functools.cached_property
    def period_regexes(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.data["period_patterns"]]


def available_languages() -> list[str]:
    """The codes of the languages figcheck has a lexicon for (``vi.yaml`` → ``vi``)."""
    folder = resources.files(__package__)
    return sorted(p.name[:-5] for p in folder.iterdir()
                  if p.name.endswith(".yaml") and re.fullmatch(r"[a-z]{2,3}", p.name[:-5]))


@functools.lru_cache(maxsize=None)
def load_language(code: str = "vi") -> Language:
    """Load the lexicon of language ``code`` shipped with figcheck."""
    if code not in available_languages():
        raise ValueError(f"figcheck has no lexicon for language {code!r} (known: {', '.join(available_languages())})")
    try:
        text = resources.files(__package__).joinpath(f"{code}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"figcheck has no lexicon for language {code!r}") from None
    return Language(code=code, data=yaml.load(text, Loader=SAFE_LOADER))

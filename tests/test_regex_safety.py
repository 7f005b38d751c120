"""Every regular expression of the reader and loader runs in linear time on 1 MB adversarial strings.

The patterns are found by walking figcheck's modules and readers, so a new pattern is covered without
being listed here. The alarm is a hang guard (catastrophic backtracking never ends), not a speed target:
speed is measured by bench/bench_adversarial.py.
"""

import importlib
import pkgutil
import re
import signal

import pytest

from figcheck.languages import load_language
from figcheck.reading.figures import FigureReader
from figcheck.reading.layout import LayoutReader
from figcheck.reading import relations
from figcheck.reading.relations import RelationReader

MODULES = ["figcheck.reading.figures", "figcheck.reading.layout",
           *(f"figcheck.reading.relations.{m.name}" for m in pkgutil.iter_modules(relations.__path__)),
           "figcheck.reading.numbers", "figcheck.reading.normalize", "figcheck.reading.encodings",
           "figcheck.reading.sources", "figcheck.rules.expr", "figcheck.reports.console"]
SIZE = 1_000_000
ADVERSARIAL = {
    "digits and dots": "1." * (SIZE // 2),
    "digits and commas": "1,2" * (SIZE // 3),
    "slashes": "1/2/" * (SIZE // 4),
    "letters": "a" * SIZE,
    "vietnamese words": "hoá trên gần khoảng " * (SIZE // 20),
    "spaces": " " * SIZE,
    "quotes": "“A”, " * (SIZE // 5),
    "brackets": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "capitals": "Tân Tiến, " * (SIZE // 10),
    "marks": "o\u0301" * (SIZE // 2),
    "cues": "các phường, gồm " * (SIZE // 16),
    "percent": "9,5% " * (SIZE // 5),
}


def patterns():
    found = {}
    for name in MODULES:
        mod = importlib.import_module(name)
        for attr, value in vars(mod).items():
            if isinstance(value, re.Pattern):
                found[f"{name}.{attr}"] = value
    lang = load_language("vi")
    for reader in (FigureReader(lang), LayoutReader(lang), RelationReader(lang).cues):
        for attr, value in vars(reader).items():
            if isinstance(value, re.Pattern):
                found[f"{type(reader).__name__}.{attr}"] = value
    for i, regex in enumerate(lang.period_regexes):
        found[f"period_patterns[{i}]"] = regex
    # patterns a detector builds on first use and keeps with the language's cues
    from figcheck.reading.relations import breakdown, enumeration, product
    cues = RelationReader(lang).cues
    found["enumeration.cues_described_re"] = enumeration.cues_described_re(cues)
    found.update({f"breakdown.division[{i}]": p for i, p in enumerate(breakdown._division_words(cues))})
    found.update({f"product.{k}": v for k, v in product._words(cues).items() if isinstance(v, re.Pattern)})
    return found


PATTERNS = patterns()


def test_the_walk_finds_the_readers_patterns():
    assert len(PATTERNS) >= 20
    assert any("dateline" in k for k in PATTERNS) and any("_TOKEN" in k for k in PATTERNS)


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_safe_on_adversarial_input(name):
    regex = PATTERNS[name]
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(60)
    try:
        for kind, text in ADVERSARIAL.items():
            matches = 0
            for _ in regex.finditer(text):
                matches += 1
            regex.match(text)
    except Hang:
        pytest.fail(f"{name} did not finish on the {kind!r} input: catastrophic backtracking")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)

from __future__ import annotations

from pathlib import Path

import pytest

import figcheck

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def figures_by_text(article):
    return {f.text: f for f in article.figures}


@pytest.fixture
def extract():
    return figcheck.extract

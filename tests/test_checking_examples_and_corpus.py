"""The shipped examples raise exactly their deliberate inconsistencies; the shared corpus raises none."""

import pytest

import figcheck
from conftest import EXAMPLES, SHARED_CORPUS

# examples/README.md lists these; each (rule, a figure's text) pair is one deliberate inconsistency
EXPECTED = {
    "examples/huyen-dong-son-2023": [("core.subset.part-within-whole", "1.400"),
                                     ("core.share.granularity", "96,35%"),
                                     ("core.enumeration.items-match-count", "5")],
    "examples/quan-hai-yen-6-thang-2024": [("core.breakdown.parts-sum-to-total", "64"),
                                           ("core.change.consistent", "18,2%"),
                                           ("core.share.percent-range", "108%")],
    "ban-tin-02": [("core.fraction.part-within-whole", "87")],
    "examples/phuong-an-binh-2024": [],
    "examples/xa-tan-lap-6-thang-2024": [],
    "ban-tin-01": [],
}


@pytest.fixture(scope="module")
def example_results():
    return {_key(r.article.id): r
            for r in figcheck.check([str(EXAMPLES)])}


def _key(article_id):
    i = article_id.find("examples/")
    return article_id[i:] if i >= 0 else article_id


def test_examples_raise_exactly_the_deliberate_inconsistencies(example_results):
    assert set(example_results) == set(EXPECTED)
    for key, expected in EXPECTED.items():
        res = example_results[key]
        got = []
        for a in res.anomalies:
            texts = [res.article.figure(f).text for f in a.figures]
            want = next((t for rule, t in expected if rule == a.rule and t in texts), None)
            got.append((a.rule, want))
            assert a.severity == "error", (key, a)
        assert sorted(got) == sorted(expected), (key, [(a.rule, a.explanation) for a in res.anomalies])
        assert res.not_evaluated == []


def test_examples_coverage_and_convention(example_results):
    for res in example_results.values():
        cov = res.coverage
        assert cov["checked"] <= cov["figures"] and cov["checked"] >= cov["figures"] // 2
    assert example_results["examples/phuong-an-binh-2024"].convention == "half-up"


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_shared_corpus_raises_no_warning_or_error():
    results = list(figcheck.check([str(SHARED_CORPUS)]))
    assert len(results) == 3
    for res in results:
        serious = [(a.rule, a.explanation) for a in res.anomalies if a.severity in ("error", "warning")]
        assert serious == [], res.article.source
        assert res.not_evaluated == []
        assert res.coverage["checked"] > 0

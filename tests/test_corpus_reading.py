"""The shared corpus (../shared/corpus): every figure and relation a careful reader sees, nothing else.

The corpus is provided beside the project, not inside it; these tests skip where it is absent.
"""

import pytest

import figcheck
from conftest import SHARED_CORPUS

pytestmark = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the project")

EXPECTED_FIGURES = {
    "haihoa-2023.txt": ["hàng trăm nghìn", "14", "27", "128", "3.437", "3.993", "11", "125", "27", "1", "1,5 kg",
                        "2,3 kg", "14", "235", "287", "7.081", "5.845", "5", "72%"],
    "haiphong-2023.txt": ["15", "trên 660", "144", "44", "5", "4", "gần 600", "trên 210", "100%", "9", "trên 4.340",
                          "4.000", "trên 500", "221", "trên 430 kg", "gần 17 kg", "77", "1.824", "1.095", "98,3%",
                          "99,3%", "98,5%", "90%", "98,4%", "97,8%", "98,4%", "hàng trăm", "gần 80", "135", "157"],
    "hongbang-2020.txt": ["5", "trên 1.200", "782", "49", "77", "83", "159", "29", "35", "10", "5", "1", "1", "1", "7kg",
                          "19", "14", "14", "16"],
}


@pytest.fixture(scope="module")
def corpus():
    return {a.source.rsplit("/", 1)[-1]: a for a in figcheck.read([str(SHARED_CORPUS)])}


def relation_view(a, kind):
    return [[a.figure(x).text for x in r.figures] for r in a.relations if r.kind == kind]


@pytest.mark.parametrize("name", sorted(EXPECTED_FIGURES))
def test_every_figure_and_nothing_else(corpus, name):
    assert [f.text for f in corpus[name].figures] == EXPECTED_FIGURES[name]


def test_haiphong_relations(corpus):
    a = corpus["haiphong-2023.txt"]
    assert a.date == "05/01/2024" and a.title is None
    # new, reviewed and removed models after "trong đó": a list within its whole, not necessarily complete
    assert ["trên 660", "144", "44", "5"] in relation_view(a, "breakdown")
    assert not [r for r in a.relations if r.kind == "breakdown" and r.exhaustive and "trên 660" in
                [a.figure(x).text for x in r.figures]]
    assert ["trên 4.340", "4.000"] in relation_view(a, "subset")
    enums = {a.figure(r.figures[0]).text: r for r in a.relations if r.kind == "enumeration"}
    assert len(enums["4"].items) == 4 and enums["4"].exhaustive
    wards = enums["9"]
    assert len(wards.items) == 9 and wards.exhaustive
    assert "Lê Chân" not in [i.text for i in wards.items]  # bracketed districts are not items
    kinds = {s.kind for s in a.set_aside}
    assert {"dateline", "byline", "related"} <= kinds


def test_haihoa_relations(corpus):
    a = corpus["haihoa-2023.txt"]
    assert a.title.startswith("Dấu ấn phong trào") and a.period == "8 tháng năm 2023"
    assert relation_view(a, "pair") == [["14", "27"], ["128", "3.437"], ["14", "235"]]
    (change,) = [r for r in a.relations if r.kind == "change"]
    assert change.direction == "decrease"


def test_hongbang_relations(corpus):
    a = corpus["hongbang-2020.txt"]
    assert a.date == "29/12/2020"
    assert relation_view(a, "subset") == [["trên 1.200", "782"]]  # across the sentence boundary
    assert relation_view(a, "pair") == [["49", "77"], ["83", "159"], ["29", "35"]]
    (models,) = [r for r in a.relations if r.kind == "enumeration"]
    assert len(models.items) == 5  # four in the sentence, the fifth in the next one
    assert any(s.text == "Tin khác" for s in a.set_aside)

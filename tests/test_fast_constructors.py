"""The reader's fast constructors for frozen models (``figcheck.models.maker``) make the same objects."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from figcheck.models import Figure, Item, Relation, new_figure, new_relation

FIGURE = dict(id="f3", text="trên 4.340 vụ", start=10, end=23, sentence=2, value=4340, low=4341.0, high=4349.0,
              qualifier="more_than", unit="count", noun="vụ", role="count", loose_low=4341.0, loose_high=6520.0,
              decimals=0, classifier=None, field="text", before="đã phát hiện", after="vụ", spelled=False,
              countable=True)


def test_a_figure_is_the_figure_its_class_makes():
    fast, slow = new_figure(**FIGURE), Figure(**FIGURE)
    assert type(fast) is Figure
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict() and list(fast.to_dict()) == list(slow.to_dict())
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert dataclasses.replace(fast, noun="người").noun == "người"
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.noun = "người"


def test_fields_left_out_take_their_defaults_in_field_order():
    given = {k: FIGURE[k] for k in ("id", "text", "start", "end", "sentence", "value", "low", "high", "qualifier",
                                    "unit", "noun", "role")}
    fast, slow = new_figure(**given), Figure(**given)
    assert fast == slow and fast.countable is False and fast.field == "text"
    assert list(vars(fast)) == [f.name for f in dataclasses.fields(Figure)]


def test_a_relation_gets_fresh_default_lists():
    a = new_relation(id="r1", kind="subset", figures=["f1", "f2"], start=0, end=9, sentence=0,
                     roles={"whole": "f1", "part": "f2"})
    b = new_relation(id="r2", kind="pair", figures=["f3"], start=0, end=9, sentence=1)
    assert a == Relation(id="r1", kind="subset", figures=["f1", "f2"], start=0, end=9, sentence=0,
                         roles={"whole": "f1", "part": "f2"})
    a.items.append(Item("x", 0, 1))
    assert b.items == [] and b.roles == {} and b.to_dict() == Relation(**{**vars(b)}).to_dict()
    assert list(vars(b)) == [f.name for f in dataclasses.fields(Relation)]


def test_what_the_class_refuses_it_refuses_the_same_way():
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        new_relation(id="r1", kind="pair", figures=[], start=0, end=1, sentence=0, colour="red")
    with pytest.raises(TypeError, match="missing"):
        new_figure(id="f1", text="1")


def test_a_figure_as_a_dict_has_every_field_in_order_however_it_was_made():
    plain = Figure(**FIGURE)
    expected = [(f.name, getattr(plain, f.name)) for f in dataclasses.fields(Figure)]
    made = [plain, new_figure(**FIGURE), dataclasses.replace(plain, noun="người"),
            pickle.loads(pickle.dumps(plain))]
    odd = Figure(**FIGURE)
    object.__setattr__(odd, "_note", "an attribute that is no field")  # not a field: left out
    for f in made + [odd]:
        assert [k for k, _ in f.to_dict().items()] == [k for k, _ in expected]
    assert list(odd.to_dict().items()) == expected
    assert made[2].to_dict()["noun"] == "người"

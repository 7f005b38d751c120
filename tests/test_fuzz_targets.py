"""The fuzz targets, briefly: the reader, the decoders, the checks and the rule loader never crash.

`python bench/fuzz.py --minutes 60` runs the same targets for an hour.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.synthesis.fuzz import (CELLS, arbitrary_text, jsonl_records, rule_packs, target_check_text,
                                    target_jsonl_record, target_read_bytes, target_rule_pack, target_table_cells,
                                    vietnamese_like_text)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=600))
def test_reading_arbitrary_bytes(data):
    target_read_bytes(data)


@FAST
@given(st.one_of(vietnamese_like_text(), arbitrary_text()))
def test_checking_arbitrary_text(text):
    target_check_text(text)


@FAST
@given(rule_packs())
def test_loading_random_rule_packs(text):
    target_rule_pack(text)


@FAST
@given(jsonl_records())
def test_reading_hostile_json_lines_records(raw):
    target_jsonl_record(raw)


@FAST
@given(st.lists(CELLS, max_size=12))
def test_reading_hostile_table_cells(cells):
    target_table_cells(cells)

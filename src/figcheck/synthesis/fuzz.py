"""Fuzz targets: the reader, the decoders, the rule loader and the checks must never crash.

Each target takes hypothesis-generated input and may only end normally or with the error the API
documents (an ``InputError`` on an article, a ``RuleFileError`` for a pack). ``bench/fuzz.py`` runs them
for as long as asked; the test suite runs them briefly.
"""

from __future__ import annotations

import os
import tempfile

from hypothesis import strategies as st

import figcheck
from figcheck.validators.pipeline import check_stream
from figcheck.rules.loader import RuleFileError, load_pack_chain, load_ruleset
from figcheck.reading.encodings import decode_bytes

VI_WORDS = ["trong đó", "gồm", "gồm:", "tăng", "giảm", "so với cùng kỳ", "trên", "gần", "khoảng", "với", "=", "vụ",
            "đối tượng", "tin", "nguồn tin", "có giá trị", "mô hình", "tổ", "thành viên", "hộ", "nhân khẩu", "xã",
            "phường", "(", ")", ";", ",", ".", "…", "%", "“", "”", "hàng trăm", "mười lăm", "hai mươi mốt", "năm",
            "ngày", "Thông tư số", "tiêu biểu như", "các phường, gồm:", "Tân Tiến", "An Hòa", "Trong đó,", "\n"]
NUMBERS = st.one_of(st.integers(0, 10**7).map(lambda n: f"{n:,}".replace(",", ".")),
                    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]},{t[1]}"),
                    st.tuples(st.integers(0, 200), st.integers(1, 200)).map(lambda t: f"{t[0]}/{t[1]}"),
                    st.integers(0, 100).map(lambda n: f"{n}%"), st.sampled_from(["1.1.1.1", "9" * 60, "0912345678"]))


def vietnamese_like_text():
    return st.lists(st.one_of(st.sampled_from(VI_WORDS), NUMBERS, st.text(max_size=8)), max_size=80) \
        .map(" ".join)


def arbitrary_text():
    return st.text(alphabet=st.characters(codec="utf-8"), max_size=500)


EXPRESSIONS = st.recursive(
    st.one_of(st.sampled_from(["tips.total", "tips.valuable", "groups.count", "groups.members", "x.y", "0", "100",
                               "1.5", "'a'", "parts", "__import__", "a.__class__"]), st.text(max_size=6)),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["<=", "<", ">=", ">", "==", "!=", "+", "-", "*", "/", "and", "or", "**"]),
                  inner).map(" ".join),
        inner.map(lambda e: f"({e})"), inner.map(lambda e: f"not {e}"),
        st.tuples(st.sampled_from(["sum", "min", "max", "abs", "between", "count", "len", "eval"]),
                  st.lists(inner, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})")),
    max_leaves=12)


@st.composite
def rule_packs(draw):
    """YAML text of a rule pack: mostly well-formed, with damaged fields, tags and expressions."""
    rules = []
    for i in range(draw(st.integers(0, 4))):
        fields = {"id": f"fz.r{i}", "severity": draw(st.sampled_from(["error", "warning", "info", "fatal"])),
                  "on": draw(st.sampled_from(["record", "figure", "subset", "breakdown", "change", "nowhere"])),
                  "assert": draw(EXPRESSIONS)}
        if draw(st.booleans()):
            fields["where"] = draw(EXPRESSIONS)
        rules.append("\n".join(["  - " + "\n    ".join(f"{k}: {v!r}" for k, v in fields.items())]))
    head = draw(st.sampled_from(["name: fz\nversion: 1\nlanguage: vi\nextends: [antq]\n",
                                 "name: fz\nversion: 1\nlanguage: vi\n", "name: [1\n", "!!python/name:os.system\n",
                                 "a: &a [1, 2]\nb: *a\n", ""]))
    tail = draw(st.sampled_from(["", "metrics: {m.x: {nouns: [tin]}}\n", "columns: {c: m}\n", "\t- bad\n"]))
    return head + tail + ("rules:\n" + "\n".join(rules) + "\n" if rules else "")


def target_read_bytes(data: bytes) -> None:
    decode_bytes(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fuzz.txt")
        with open(path, "wb") as fh:
            fh.write(data)
        for article in figcheck.read([path]):
            assert article.error is None or not article.error.internal, article.error
            for f in article.figures:
                assert article.text[f.start:f.end] == f.text or f.field == "title"


_RULES = None


def target_check_text(text: str) -> None:
    global _RULES
    _RULES = _RULES or load_ruleset()
    (result,) = check_stream([figcheck.extract(text)], _RULES)
    assert result.internal_error is None
    assert not result.not_evaluated, result.not_evaluated
    for a in result.anomalies:
        assert a.severity in ("error", "warning", "info") and a.start <= a.end


def target_rule_pack(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pack.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            load_pack_chain(path)
        except RuleFileError as exc:
            assert exc.message


# -- JSON Lines records and table cells -----------------------------------------------------------------

JSON_PIECES = ['{"id": ', '{"text": ', '"text": ', '"title": ', '"\\ud800"', '"\\udfff"', '"Có 12 vụ."', "1e999",
               "NaN", "Infinity", "-0", "7" * 5000, "[" * 2000, "]" * 2000, "{" * 50, "}", ",", ":", "null", "true",
               '"một ' + "tỷ " * 35 + '"', "\ufeff", "\x00", '"' + "x" * 50 + '"']


def jsonl_records():
    """Bytes of one JSON Lines line: well-formed records, damaged ones, hostile numbers and nesting."""
    import json

    good = st.fixed_dictionaries({"id": st.one_of(st.text(max_size=8), st.integers(), st.none()),
                                  "text": st.one_of(vietnamese_like_text(), arbitrary_text())},
                                 optional={"title": st.one_of(st.text(max_size=20), st.integers()),
                                           "date": st.text(max_size=10)}).map(lambda d: json.dumps(d, ensure_ascii=False))
    damaged = st.lists(st.one_of(st.sampled_from(JSON_PIECES), st.text(max_size=6)), max_size=12).map("".join)
    return st.one_of(good, damaged).map(lambda s: s.encode("utf-8", "surrogatepass"))


def target_jsonl_record(raw: bytes) -> None:
    """A JSON Lines line is a source or an input error on that line; its article reads and is reported."""
    from figcheck.reading.reader import reader_for
    from figcheck.reading.sources import jsonl_line_source
    from figcheck.reports.json_report import encode_record

    if not raw.strip():
        return
    src = jsonl_line_source("fuzz.jsonl", 3, raw.replace(b"\n", b" "))
    assert src.error is None or src.error.where and src.error.where.startswith("line 3"), src.error
    article = reader_for("vi").read_source(src)
    assert article.error is None or not article.error.internal, article.error
    encode_record(article.to_dict()).encode("utf-8")  # the report can be written: no NaN, inf or surrogate


CELLS = st.one_of(st.sampled_from(["NaN", "nan", "inf", "-inf", "Infinity", "1e999", "1_000", "4.340", "98,3", "trên 4.340",
                                   "gần 600", "-", "+", "", " ", "0x10", "٤٬٣٤٠", "1" * 40, "một " + "tỷ " * 35]),
                  st.text(max_size=30), NUMBERS, st.floats(allow_nan=True, allow_infinity=True),
                  st.integers(min_value=-10**30, max_value=10**30), st.lists(st.integers(), max_size=3),
                  st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.booleans(), st.none())


def target_table_cells(cells: list) -> None:
    """Any column of cells (Parquet lists and structs too) reads as numbers, empty cells or reasons."""
    import math

    import pandas as pd

    from figcheck.datasets.table_check import CellReader, read_cells

    rows, reasons = read_cells(pd.Series(cells, dtype=object), CellReader("vi"), whole=True)
    assert rows.shape == (len(cells), 5) and len(reasons) == len(cells)
    for row, reason in zip(rows, reasons):
        assert reason is None or isinstance(reason, str)
        if reason is None and not math.isnan(row[1]):  # a number: its interval is ordered and finite where written
            assert row[1] <= row[2] or math.isnan(row[2])

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

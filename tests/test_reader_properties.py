"""Property tests: written numbers read back, reading never raises, offsets always hold."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.reading.intervals import claim

LEAD_WORDS = ["Năm qua", "Trong kỳ", "Toàn phường", "Lực lượng công an", "Người dân", "Đơn vị"]
VERBS = ["đã thu", "ghi nhận", "có", "phát hiện", "tiếp nhận", "xử lý"]
NOUNS = ["vụ việc", "đối tượng", "tin báo", "hộ gia đình", "mô hình", "thành viên"]
QUALIFIERS = {"": None, "trên ": "more_than", "hơn ": "more_than", "gần ": "nearly", "khoảng ": "about",
              "dưới ": "less_than", "tới ": "up_to"}
UNITS = {"kg": "kg", "tấn": "tấn", "%": "percent", "": "count"}


def vn_integer(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_decimal(whole: int, frac: str) -> str:
    return f"{vn_integer(whole)},{frac}"


@st.composite
def written_numbers(draw):
    unit = draw(st.sampled_from(list(UNITS)))
    if draw(st.booleans()) or unit == "":
        n = draw(st.integers(min_value=1, max_value=10**9))
        if unit == "percent":
            n = draw(st.integers(min_value=1, max_value=100))
        return vn_integer(n), Decimal(n), 0, unit
    whole = draw(st.integers(min_value=0, max_value=99999 if unit != "%" else 99))
    frac = draw(st.text(alphabet="0123456789", min_size=1, max_size=2).filter(lambda s: not s.endswith("0")))
    return vn_decimal(whole, frac), Decimal(f"{whole}.{frac}"), len(frac), unit


# (no deadline: the first example also imports and builds the reader, 0,2–0,3 s on a loaded machine)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(num=written_numbers(), qualifier=st.sampled_from(list(QUALIFIERS)), lead=st.sampled_from(LEAD_WORDS),
       verb=st.sampled_from(VERBS), noun=st.sampled_from(NOUNS))
def test_written_numbers_read_back(num, qualifier, lead, verb, noun):
    written, value, decimals, unit = num
    unit_text = "" if unit == "" else ("%" if unit == "%" else f" {unit}")
    sentence = f"{lead} {verb} {qualifier}{written}{unit_text} {noun} trên địa bàn."
    a = figcheck.extract(sentence)
    assert len(a.figures) == 1, (sentence, a.figures)
    (f,) = a.figures
    assert Decimal(str(f.value)) == value
    assert f.unit == UNITS[unit]
    assert f.qualifier == QUALIFIERS[qualifier]
    expected = claim(value, decimals, QUALIFIERS[qualifier], whole=f.unit == "count", measured=f.unit != "count")
    assert (f.low, f.high) == (expected.low, expected.high)
    assert f.text == f"{qualifier}{written}{unit_text}".strip()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_reading_never_raises_and_offsets_hold(text):
    a = figcheck.extract(text)
    for f in a.figures:
        assert a.text[f.start:f.end] == f.text
    for r in a.relations:
        assert set(r.figures) <= {f.id for f in a.figures}


VI_CHARS = "0123456789.,%/ ()“”:;-\n" + "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ" + "TĐHNV"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(alphabet=VI_CHARS, max_size=12),
                          st.sampled_from(["trong đó", "gồm", "tăng", "giảm", "trên", "gần", "với", "=", "so với cùng kỳ",
                                           "vụ", "đối tượng", "tin", "(", ")", "%", "hàng trăm", "mười lăm", "87/92"])),
                max_size=60))
def test_vietnamese_like_text_keeps_offsets(pieces):
    a = figcheck.extract(" ".join(pieces))
    for f in a.figures:
        assert a.text[f.start:f.end] == f.text
        assert f.low is None or f.high is None or f.low <= f.high
    for r in a.relations:
        assert r.start <= r.end

"""Ways real report-style articles write their figures, each in sentences of our own.

Every test here comes from a pattern met in real articles where figcheck used to read wrongly or flag
falsely; precision first: what the text does not state unambiguously is never an error.
"""

import figcheck


def rules_of(text: str, title: str | None = None) -> list[tuple[str, str]]:
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.pipeline import check_stream

    article = figcheck.extract(text, title=title)
    [result] = check_stream([article], load_ruleset([]))
    return [(a.severity, a.rule) for a in result.anomalies]


def values(text: str) -> list:
    return [f.value for f in figcheck.extract(text).figures]


# -- numbers: the convention is decided per article from real evidence -----------------------------

def test_a_criterion_number_or_a_dotted_date_does_not_turn_the_article_english():
    text = ("Chiều 16.1, Công an huyện tổng kết năm. Tiêu chí số 19.2 về an ninh được giữ vững. "
            "Các đoàn thể đã cảm hóa 1.698 đối tượng, giúp 1.205 hộ dân.")
    assert 1698 in values(text) and 1205 in values(text)
    assert not [r for r in rules_of(text) if r[1] == "core.figure.count-is-whole"]


def test_dotted_dates_are_not_figures():
    for text in ("Ngày 4.3, huyện mở lớp tập huấn cho 40 học viên.",
                 "Tháng 9.2012, toàn tỉnh xảy ra 24 vụ tai nạn.",
                 "Tối 18.7, lực lượng chức năng bắt 3 đối tượng."):
        figs = figcheck.extract(text).figures
        assert all(f.value in (40, 24, 3) for f in figs), [f.text for f in figs]


def test_a_real_english_article_is_still_read_as_english():
    text = "Ty le dat 97.5% va 98.2% cua 1,250 ho; con lai 2.5% chua dat."
    assert figcheck.extract(text).number_convention == "en"


# -- whole counts --------------------------------------------------------------------------------

def test_only_counts_of_whole_things_must_be_whole():
    assert not rules_of("Năng suất lúa đạt 59,6 tạ/ha, gấp 2,4 lần so với trước.")
    assert ("error", "core.figure.count-is-whole") in rules_of("Công an bắt giữ 2,5 đối tượng trộm cắp.")


# -- enumerations --------------------------------------------------------------------------------

def test_quoted_items_with_a_place_after_each_are_counted_one_by_one():
    text = ("Năm nay tỉnh xây dựng mới 4 mô hình, gồm: “Bến đò an toàn” ở xã Tân Hà; “Cổng trường "
            "an toàn” tại phường Bắc Sơn (TX. Hòa Bình), “Chợ văn minh” ở xã Đông Lợi và “Xóm không ma túy” "
            "ở xã Tây Yên.")
    [enum] = [r for r in figcheck.extract(text).relations if r.kind == "enumeration"]
    assert len(enum.items) == 4
    assert not rules_of(text)


def test_counts_followed_by_other_places_are_no_list_of_names():
    text = ("Cả nước ghi nhận thêm ca mắc: Hà Nam có 5 ca; Bắc Ninh và Lạng Sơn mỗi tỉnh có 4 ca; "
            "Cà Mau, Bạc Liêu, Sóc Trăng mỗi tỉnh có 2 ca.")
    assert not [r for r in figcheck.extract(text).relations if r.kind == "enumeration"]
    assert not rules_of(text)

"""Figures: every pattern the reader must see, and every number it must not take for a figure."""

import pytest

import figcheck
from conftest import figures_by_text


def only(article, text):
    matches = [f for f in article.figures if f.text == text]
    assert len(matches) == 1, f"{text!r} not read exactly once: {[f.text for f in article.figures]}"
    return matches[0]


def test_vietnamese_thousands_and_decimals():
    a = figcheck.extract("Người dân đã gửi 4.340 tin báo, trong năm thu 35.000 viên đạn và 1,5 kg thuốc nổ.")
    assert only(a, "4.340").value == 4340
    assert only(a, "35.000").value == 35000
    kg = only(a, "1,5 kg")
    assert kg.value == 1.5 and kg.unit == "kg" and kg.noun == "thuốc nổ" and kg.role == "measure"
    assert (kg.low, kg.high) == pytest.approx((1.45, 1.55))


def test_english_numbers_follow_the_document():
    a = figcheck.extract("The province counted 1,234,567 residents; 4,340.5 tonnes were seized and 12,500 people came.")
    vals = sorted(f.value for f in a.figures)
    assert vals == [4340.5, 12500, 1234567]
    assert a.number_convention == "en"


def test_multipliers():
    a = figcheck.extract("Tổng kinh phí đạt 1,5 triệu đồng, thu hút 2 nghìn lượt người tham gia.")
    f = only(a, "1,5 triệu đồng")
    assert f.value == 1_500_000 and f.unit == "đồng"
    assert only(a, "2 nghìn").value == 2000


@pytest.mark.parametrize("phrase,low,high", [
    ("hàng trăm", 100, 999), ("hàng nghìn", 1000, 9999), ("vài chục", 20, 99), ("hàng trăm nghìn", 100000, 999999),
])
def test_vague_amounts_are_intervals_not_numbers(phrase, low, high):
    a = figcheck.extract(f"Năm qua có {phrase} lượt người dân tham gia tuần tra.")
    f = only(a, phrase)
    assert f.value is None and (f.low, f.high) == (low, high) and f.qualifier == "vague"


@pytest.mark.parametrize("sentence,text,value", [
    ("Phường thành lập mười lăm tổ tự quản.", "mười lăm", 15),
    ("Lực lượng đã bắt hai mươi mốt đối tượng.", "hai mươi mốt", 21),
    ("Toàn huyện có bảy trăm linh năm hộ tham gia.", "bảy trăm linh năm", 705),
    ("Đã có một trăm nghìn lượt người xem.", "một trăm nghìn", 100000),
    ("Công an xã phát hiện năm vụ trộm cắp.", "năm", 5),
])
def test_spelled_numbers_in_text(sentence, text, value):
    f = only(figcheck.extract(sentence), text)
    assert f.value == value and f.spelled


@pytest.mark.parametrize("sentence", [
    "Một số hộ dân chưa tham gia.", "Năm nay tình hình ổn định.", "Trong năm, phong trào phát triển mạnh.",
    "Đây là một cách làm hay.", "Ngày thứ hai, đoàn làm việc tại xã.",
])
def test_number_words_that_are_not_numbers(sentence):
    assert figcheck.extract(sentence).figures == []


@pytest.mark.parametrize("sentence,qualifier,low,high", [
    ("Người dân cung cấp trên 4.340 nguồn tin.", "more_than", 4341, 4349),
    ("Đã huấn luyện cho gần 600 bảo vệ.", "nearly", 500, 599),
    ("Có khoảng 500 hộ tham gia.", "about", 450, 550),
    ("Thu được tới 50 khẩu súng.", "up_to", 0, 50),
    ("Xảy ra dưới 50 vụ.", "less_than", 0, 49),
    ("Có hơn 210 bảo vệ tham gia.", "more_than", 211, 219),
])
def test_qualifiers_make_intervals(sentence, qualifier, low, high):
    (f,) = figcheck.extract(sentence).figures
    assert f.qualifier == qualifier and (f.low, f.high) == (low, high)
    assert f.text.split()[0] in sentence  # the qualifier is part of the figure's text


def test_percentages_and_roles():
    a = figcheck.extract("Toàn tỉnh có 98,3% khu dân cư đạt tiêu chuẩn an toàn. Số vụ việc giảm 72% so với cùng kỳ. "
                         "Tỷ lệ người dân hài lòng chiếm 87% dân số. Lãi suất cho vay là 96 phần trăm.")
    share = only(a, "98,3%")
    assert share.unit == "percent" and share.role == "share" and share.noun == "khu dân cư"
    assert (share.low, share.high) == pytest.approx((98.25, 98.35))
    assert only(a, "72%").role == "change"
    assert only(a, "87%").role == "share"
    assert only(a, "96 phần trăm").value == 96


def test_percentage_points_are_not_percent_changes():
    a = figcheck.extract("Tỷ lệ tái phạm giảm 2,1 điểm phần trăm so với năm trước.")
    f = only(a, "2,1 điểm phần trăm")
    assert f.unit == "pp" and f.role == "change"


def test_fractions_keep_numerator_denominator_and_noun():
    a = figcheck.extract("Đã điều tra làm rõ 87/92 vụ, 146/146 khu dân cư và 27/28 hộ đạt chuẩn.")
    num, den = only(a, "87"), only(a, "92")
    assert (num.role, den.role) == ("numerator", "denominator")
    assert den.noun == "vụ" and num.noun == "vụ"
    assert only(a, "27").value == 27 and only(a, "28").noun == "hộ"
    assert len([f for f in a.figures if f.text == "146"]) == 2


@pytest.mark.parametrize("sentence,text,classifier,noun,unit", [
    ("Thu hồi 77 khẩu súng các loại.", "77", "khẩu", "súng", "count"),
    ("Thu hồi 1.824 viên đạn.", "1.824", "viên", "đạn", "count"),
    ("Lắp đặt 125 mắt camera tại các ngã tư.", "125", "mắt", "camera", "count"),
    ("Xây dựng 9 Công an phường kiểu mẫu.", "9", None, "Công an phường kiểu mẫu", "count"),
    ("Duy trì 14 tổ bảo vệ dân phố.", "14", None, "tổ bảo vệ dân phố", "count"),
    ("Có 2.145 khu dân cư đạt chuẩn.", "2.145", None, "khu dân cư", "count"),
    ("Thu giữ 7kg thuốc nổ.", "7kg", None, "thuốc nổ", "kg"),
    ("Thu giữ 300g ma túy.", "300g", None, "ma túy", "g"),
    ("Giao nộp 430 kg pháo nổ.", "430 kg", None, "pháo nổ", "kg"),
    ("Trao quà cho 80 đồng chí cán bộ.", "80", None, "đồng chí cán bộ", "count"),
])
def test_counts_and_measures(sentence, text, classifier, noun, unit):
    f = only(figcheck.extract(sentence), text)
    assert (f.classifier, f.noun, f.unit) == (classifier, noun, unit)


@pytest.mark.parametrize("sentence", [
    "18:22 05/01/2024 Hội nghị diễn ra sôi nổi.",
    "Sáng 29/12, hội nghị tổng kết được tổ chức.",
    "Dự kiến ngày 15/9 sẽ hoàn thành.",
    "Trong năm 2023, tình hình ổn định.",
    "Trong 8 tháng đầu năm, tình hình ổn định.",
    "Trong 6 tháng cuối năm, tình hình ổn định.",
    "Thực hiện Thông tư số 124/2011/TT-BCA của Bộ Công an.",
    "Quán triệt Chỉ thị 32-CT/TW của Ban Bí thư.",
    "Thực hiện Nghị quyết 12-NQ/TU của Tỉnh ủy.",
    "Triển khai Đề án 375 của tỉnh.",
    "Ban Chỉ đạo 799 quận họp định kỳ.",
    "Ban Chỉ đạo (BCĐ) 799 các cấp vào cuộc.",
    "Theo Quyết định số 1047 của UBND tỉnh.",
    "Thu hồi súng K59 và súng AK.",
    "Đơn vị đạt tiêu chí số 8.3 của bộ tiêu chí.",
    "Ngày hội được tổ chức ở các quận/huyện.",
    "Mọi thông tin xin gọi 0912345678 hoặc 0225.3842.111.",
    "Lúc 19h00 đoàn công tác có mặt.",
    "Đăng ký định danh điện tử mức 2 cho người dân.",
    "Ông cư trú tại tổ dân phố số 5.",
    "Phòng chống dịch COVID-19 hiệu quả.",
])
def test_not_figures(sentence):
    a = figcheck.extract(sentence)
    assert [f.text for f in a.figures] == []


def test_total_number_of_is_a_figure_not_an_identifier():
    a = figcheck.extract("Thành lập 14 tổ hướng dẫn với tổng số 235 thành viên.")
    assert [f.value for f in a.figures] == [14, 235]


def test_deltas_are_marked():
    a = figcheck.extract("Xảy ra 64 vụ, tăng 9 vụ so với cùng kỳ.")
    assert only(a, "64").role == "count"
    assert only(a, "9").role == "delta"


def test_number_opening_a_quoted_name_is_part_of_the_name():
    a = figcheck.extract("Nhân rộng mô hình “4 tại chỗ, phòng ngừa vi phạm” trên toàn quận.")
    assert a.figures == []


def test_offsets_point_at_the_figure_text():
    text = "Năm 2023, người dân cung cấp trên 4.340 nguồn tin; trong đó 4.000 tin có giá trị (92,2%)."
    a = figcheck.extract(text)
    assert a.figures
    for f in a.figures:
        assert a.text[f.start:f.end] == f.text


def test_title_figures_and_separate_title():
    a = figcheck.extract("Phường có 1.870 hộ tham gia phong trào.", title="Hơn 1.800 hộ tham gia phong trào")
    t = [f for f in a.figures if f.field == "title"]
    assert len(t) == 1 and t[0].sentence == -1 and a.title[t[0].start:t[0].end] == t[0].text


def test_qualifier_inside_brackets_and_phrases_do_not_cross_punctuation():
    (f,) = figcheck.extract("Xảy ra nhiều vụ (trên 500 vụ) trong năm.").figures
    assert (f.text, f.qualifier) == ("trên 500", "more_than")
    # "tổng, số 5" is not "tổng số 5": after "số" alone, 5 is an identifier
    assert figcheck.extract("Báo cáo tổng, số 5 của đoàn.").figures == []
    assert [x.value for x in figcheck.extract("Có tổng số 235 thành viên.").figures] == [235]

"""Each core rule on sentences written for the tests: pass, fail, loose-qualifier and truncation edges."""

import pytest

import figcheck
from figcheck.validators.pipeline import check_stream
from figcheck.rules.loader import load_ruleset

RULESET = load_ruleset()


def check(text, title=None):
    (result,) = check_stream([figcheck.extract(text, title=title)], RULESET)
    return result


def found(text, title=None):
    return [(a.rule, a.severity) for a in check(text, title).anomalies]


@pytest.mark.parametrize("text,expected", [
    # subset
    ("Nhân dân cung cấp 2.100 nguồn tin; trong đó 1.950 tin có giá trị.", []),
    ("Nhân dân cung cấp 2.100 nguồn tin; trong đó 2.150 tin có giá trị.", [("core.subset.part-within-whole", "error")]),
    ("Nhân dân cung cấp trên 4.340 nguồn tin; trong đó 4.345 tin có giá trị.", []),
    ("Nhân dân cung cấp trên 4.340 nguồn tin; trong đó 4.400 tin có giá trị.",
     [("core.subset.part-within-whole", "warning")]),                      # only "trên" read loosely saves it
    ("Nhân dân cung cấp gần 2.000 tin; trong đó 2.150 tin có giá trị.", [("core.subset.part-within-whole", "error")]),
    # fraction
    ("Công an đã làm rõ 41/45 vụ án.", []),
    ("Công an đã làm rõ 47/45 vụ án.", [("core.fraction.part-within-whole", "error")]),
    # breakdown
    ("Toàn tỉnh xảy ra 52 vụ tai nạn (47 vụ đường bộ, 5 vụ đường thủy).", []),
    ("Toàn tỉnh xảy ra 52 vụ tai nạn (47 vụ đường bộ, 6 vụ đường thủy).", [("core.breakdown.parts-sum-to-total", "error")]),
    ("Thu hồi 30 đơn vị vũ khí gồm: 3 quả lựu đạn, 25 khẩu súng, nhiều dao kiếm …", []),
    ("Thu hồi 20 đơn vị vũ khí gồm: 3 quả lựu đạn, 25 khẩu súng, nhiều dao kiếm …",
     [("core.breakdown.parts-within-total", "error")]),
    # enumeration
    ("Mô hình được nhân rộng ở 3 xã Tân Tiến, Đại Bản, Hồng Thái.", []),
    ("Mô hình được nhân rộng ở 4 xã Tân Tiến, Đại Bản, Hồng Thái.", [("core.enumeration.items-match-count", "error")]),
    ("Có 2 mô hình tiêu biểu như “Camera an ninh”, “Tổ tự quản”, “Chốt dân phòng”.",
     [("core.enumeration.items-within-count", "error")]),
    # share range
    ("Có 98,3% khu dân cư đạt chuẩn.", []),
    ("Có 108% khu dân cư đạt chuẩn.", [("core.share.percent-range", "error")]),
    ("Đơn vị đạt 112% kế hoạch năm.", []),                                    # a ratio to a plan may pass 100
    # granularity (GRIM)
    ("Toàn huyện có 2.145 khu dân cư (96,15%) đạt chuẩn.", []),
    ("Toàn huyện có 412 khu dân cư (96,35%) đạt chuẩn.", [("core.share.granularity", "error")]),
    ("Toàn xã có 2 khu dân cư (66,6%) đạt chuẩn.", [("core.share.granularity", "info")]),  # truncation only
    ("Điều tra làm rõ 58/61 vụ, đạt 95,1%.", []),
    ("Điều tra làm rõ 58/61 vụ, đạt 96,1%.", [("core.share.granularity", "error")]),
    # a percentage whose noun fits two counts: an error only when no reading (each, or both) gives it
    ("Năm qua xảy ra 21 vụ cháy, 2 vụ nổ. Khu vực thành thị chiếm 57,14% số vụ.", []),
    ("Năm qua xảy ra 21 vụ cháy, 2 vụ nổ. Khu vực thành thị chiếm 56,52% số vụ.", []),      # 13 of the 23
    ("Năm qua xảy ra 21 vụ cháy, 2 vụ nổ. Khu vực thành thị chiếm 57,34% số vụ.",
     [("core.share.granularity-of-any-whole", "error")]),
    # a/b of measures and its percentage: the ratio at the printed precision (the done may pass the plan)
    ("Huyện đã gieo cấy 12.480,5 ha/13.200 ha, đạt 94,55% kế hoạch.", []),
    ("Huyện đã gieo cấy 12.480,5 ha/13.200 ha, đạt 95,45% kế hoạch.", [("core.share.measured-ratio", "error")]),
    ("Huyện đã gieo cấy 12.480,5 ha/13.200 ha, đạt 94,54% kế hoạch.", [("core.share.measured-ratio", "info")]),
    ("Vụ Hè Thu gieo được 5.310,2 ha/5.200 ha, đạt 102,12% kế hoạch.", []),
    # shares of one whole listed together: complementary sides make 100%, a list before "còn lại" at most 100%
    ("Năm nay xảy ra 20 vụ cháy. Khu vực thành thị chiếm 65% số vụ; khu vực nông thôn 35%.", []),
    ("Năm nay xảy ra 20 vụ cháy. Khu vực thành thị chiếm 65% số vụ; khu vực nông thôn 30%.",
     [("core.breakdown.shares-make-the-whole", "error")]),
    ("Kiểm phiếu:\n+ Phiếu thu về: 200 + Phiếu hợp lệ: 197 + Đạt tỷ lệ: 98,5%\n+ Phiếu không hợp lệ: 03 + Đạt tỷ lệ: 1,5%\n",
     []),
    ("Năm nay xảy ra 20 vụ cháy. Về nguyên nhân, các vụ cháy gồm: do điện chiếm 70% số vụ; do đốt rác chiếm "
     "20%; còn lại chưa rõ nguyên nhân.", []),
    ("Năm nay xảy ra 20 vụ cháy. Về nguyên nhân, các vụ cháy gồm: do điện chiếm 80% số vụ; do đốt rác chiếm "
     "25%; còn lại chưa rõ nguyên nhân.", [("core.breakdown.shares-within-the-whole", "error")]),
    # a lead percentage of the groups detailed after it: their parts over their wholes together
    ("Lớp A và lớp B có 55% học sinh đạt giỏi. Cụ thể, lớp A có 40 học sinh, 20 học sinh đạt giỏi, chiếm 50%. "
     "Lớp B có 60 học sinh, 35 học sinh đạt giỏi, chiếm 58,33%.", []),
    ("Lớp A và lớp B có 57% học sinh đạt giỏi. Cụ thể, lớp A có 40 học sinh, 20 học sinh đạt giỏi, chiếm 50%. "
     "Lớp B có 60 học sinh, 35 học sinh đạt giỏi, chiếm 58,33%.", [("core.share.pooled", "error")]),
    ("Lớp A và lớp B có gần 56% học sinh đạt giỏi. Cụ thể, lớp A có 40 học sinh, 20 học sinh đạt giỏi, chiếm "
     "50%. Lớp B có 60 học sinh, 35 học sinh đạt giỏi, chiếm 58,33%.", []),
    # rankings: the first is the highest, the last the lowest, and in order where the text says so
    ("Tỷ lệ cao nhất là xã A với 40%; kế đến là xã B với 30%; thấp nhất là xã C với 10%.", []),
    ("Tỷ lệ cao nhất là xã A với 40%; kế đến là xã B với 45%; thấp nhất là xã C với 10%.",
     [("core.ranking.first-is-highest", "error")]),
    ("Xếp theo thứ tự, tỷ lệ cao nhất là xã A với 40%; kế đến là xã B với 30%; xã C với 32%; thấp nhất là xã D "
     "với 10%.", [("core.ranking.in-order", "warning")]),
    # change
    ("Xảy ra 64 vụ, tăng 9 vụ (16,36%) so với cùng kỳ.", []),
    ("Xảy ra 64 vụ, tăng 9 vụ (18,36%) so với cùng kỳ.", [("core.change.consistent", "error")]),
    ("Trên địa bàn xảy ra 5 vụ việc, giảm 72% so với cùng kỳ.", []),
    ("Trên địa bàn xảy ra 5 vụ việc, giảm 73% so với cùng kỳ.", [("core.change.consistent", "info")]),  # 14/19 cut
    ("Trên địa bàn xảy ra 5 vụ việc, giảm 72,5% so với cùng kỳ.", [("core.change.consistent", "error")]),
    ("Tai nạn giao thông xảy ra 2.418/2.530 vụ, giảm 4,43%.", []),
    ("Tai nạn giao thông xảy ra 2.418/2.530 vụ, giảm 5,43%.", [("core.change.consistent", "error")]),
    ("Xảy ra 6 vụ, tăng 9 vụ so với cùng kỳ.", [("core.change.consistent", "error")]),
    ("Số vụ giảm 120% so với cùng kỳ, còn 5 vụ.", []),   # no count before the percentage: nothing to relate
    ("Xảy ra 5 vụ việc, giảm 120% so với cùng kỳ.", [("core.change.decrease-at-most-100", "error")]),
    # headline
    ("Hơn 1.800 hộ tham gia phong trào\nPhường có 1.870 hộ tham gia phong trào.", []),
    # a title may round, sum or speak of another period: a disagreement is shown, as info, never an error
    ("Hơn 1.800 hộ tham gia phong trào\nPhường có 1.970 hộ tham gia phong trào.", [("core.headline.agrees-with-body", "info")]),
    ("Gần 2.000 hộ tham gia phong trào\nPhường có 2.970 hộ tham gia phong trào.", [("core.headline.agrees-with-body", "info")]),
    # a rise as a multiple and as an amount: 31 − 22 = 9; 22/9 = 2,4 (the rise) or 31/9 = 3,4 (the ratio)
    ("Có 31 người bị thương. So với cùng kỳ, người bị thương tăng 2,4 lần (tăng 22 người).", []),
    ("Có 31 người bị thương. So với cùng kỳ, người bị thương tăng 3,4 lần (tăng 22 người).", []),
    ("Có 31 người bị thương. So với cùng kỳ, người bị thương tăng 2,9 lần (tăng 22 người).",
     [("core.change.times-consistent", "error")]),
    # products: units × amount each = total; area (ha) × yield (tạ/ha) ÷ 10 = output (tấn)
    ("Huyện lập 120 tổ, mỗi tổ có 3 thành viên, với tổng số 360 người.", []),
    ("Huyện lập 120 tổ, mỗi tổ có 3 thành viên, với tổng số 370 người.", [("core.product.each", "error")]),
    ("Lúa gieo trồng 1.200ha, năng suất bình quân 60,5 tạ/ha; sản lượng đạt 7.260 tấn.", []),
    ("Lúa gieo trồng 1.200ha, năng suất bình quân 60,5 tạ/ha; sản lượng đạt hơn 7.265 tấn.", []),  # up to 7.269: to the printed precision
    ("Lúa gieo trồng 1.200ha, năng suất bình quân 60,5 tạ/ha, sản lượng đạt 7.560 tấn.", [("core.product.yield", "error")]),
    ("Lúa gieo trồng 1.200ha, năng suất bình quân 60,5 tạ/ha; sản lượng đạt 7.560 tấn.", [("core.product.implied-yield", "info")]),
    # the parts' changes against the total's: earlier values 10.000 + 30.000 = 40.000
    ("Tỉnh đón 52.000 lượt khách, tăng 30% (khách nước ngoài 12.000 lượt, tăng 20%; khách nội địa 40.000 lượt, "
     "tăng 33,3%).", []),
    ("Tỉnh đón 52.000 lượt khách, tăng 30% (khách nước ngoài 12.000 lượt, tăng 20%; khách nội địa 40.000 lượt, "
     "tăng 38,3%).", [("core.change.parts-agree-with-total", "error")]),
    # range of identifiers: the count is last − first + 1
    ("Sáng nay ghi nhận 24 ca mắc mới (BN5101-5124).", []),
    ("Sáng nay ghi nhận 25 ca mắc mới (BN5101-5124).", [("core.range.count-matches-identifiers", "error")]),
    ("Sáng nay ghi nhận khoảng 25 ca mắc mới (BN5101-5124).", []),  # "khoảng": about
    # impossible values
    ("Lực lượng đã bắt giữ 2,5 đối tượng.", [("core.figure.count-is-whole", "error")]),
])
def test_core_rules(text, expected):
    assert found(text) == expected


def test_explanations_state_the_arithmetic_in_the_article_format():
    (a,) = check("Toàn huyện có 412 khu dân cư (96,35%) đạt chuẩn.").anomalies
    assert a.explanation == "412/427 = 96,49%, 412/428 = 96,26%, so no whole total gives 96,35%"
    assert a.suggestion == "96,26%?"
    (b,) = check("Quần chúng cung cấp gần 2.000 tin; trong đó 2.150 tin có giá trị.").anomalies
    assert "2.150 tin > 2.000, the most that 'gần 2.000 tin' can mean" in b.explanation
    (c,) = check("Xảy ra 64 vụ, tăng 9 vụ (18,36%) so với cùng kỳ.").anomalies
    assert c.explanation == "64 − 9 = 55; 9/55 = 16,36%, not 18,36%" and c.suggestion == "16,36%?"
    (d,) = check("Toàn tỉnh xảy ra 52 vụ tai nạn (47 vụ đường bộ, 6 vụ đường thủy).").anomalies
    assert d.explanation == "47 + 6 = 53 > 52 vụ tai nạn" and d.suggestion == "52 → 53?"


def test_a_measured_ratio_explains_its_arithmetic():
    (a,) = check("Huyện đã gieo cấy 12.480,5 ha/13.200 ha, đạt 95,45% kế hoạch.").anomalies
    assert a.explanation == "12.480,5/13.200 ha = 94,549%, not 95,45%" and a.suggestion == "94,55%?"


def test_anomaly_span_covers_its_figures():
    text = "Năm qua nhân dân cung cấp 2.100 nguồn tin; trong đó 2.150 tin có giá trị."
    r = check(text)
    (a,) = r.anomalies
    assert text[a.start:a.end] == "2.100 nguồn tin; trong đó 2.150"
    assert [r.article.figure(f).text for f in a.figures] == ["2.100", "2.150"]


def test_rounding_convention_is_inferred():
    half_up = check("Có 1 khu dân cư (12,5%) đạt chuẩn. Có 3 tổ (37,5%) đạt chuẩn. Có 1 hộ (0,5%) tham gia.")
    assert half_up.convention in ("half-up", "half-even", "unknown")
    trunc = check("Toàn xã có 2 khu dân cư (66,6%) đạt chuẩn. Có 1 tổ (33,3%) đạt.")
    assert trunc.convention in ("truncation", "half-up")


def test_antq_rules_on_metrics():
    assert found("Phường duy trì 14 tổ tự quản với 12 thành viên.") == [("antq.groups.members-at-least-groups", "error")]
    assert found("Có 1.870 hộ với 1.600 nhân khẩu tham gia.") == [("antq.households.persons-at-least-households", "error")]
    assert found("Phá 49 vụ = 40 đối tượng.") == [("antq.cases.suspects-at-least-cases", "warning")]
    assert found("Công an thu nhận hồ sơ định danh mức 2 cho 7.081 trường hợp, hướng dẫn kích hoạt cho 7.300 trường hợp.") == \
        [("antq.ecard.activated-within-collected", "error")]
    assert found("Duy trì 600 mô hình, trong năm xây mới 40 mô hình.") == []
    assert found("Nhân dân cung cấp 1.200 tin báo, 1.300 tin có giá trị.") == [("antq.tips.valuable-within-tips", "error")]
    # unlinked cases and suspects are not compared: not every case has a suspect caught
    assert found("Xảy ra 30 vụ, bắt 12 đối tượng.") == []


def test_a_rule_that_cannot_run_is_not_evaluated_not_passed(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text("name: broken\nversion: 1\nlanguage: vi\nrules:\n  - id: broken.list\n    severity: error\n"
                    "    on: breakdown\n    assert: parts <= total\n", encoding="utf-8")
    rs = load_ruleset([str(pack)])
    (res,) = check_stream([figcheck.extract("Xảy ra 52 vụ (47 vụ đường bộ, 6 vụ đường thủy).")], rs)
    assert [n.rule for n in res.not_evaluated] == ["broken.list"]
    assert "list" in res.not_evaluated[0].reason
    assert "broken.list" not in [a.rule for a in res.anomalies]


def test_a_message_names_the_change_it_has_when_no_percentage_is_stated():
    # "{percent|delta}": a change with a delta and no percentage must not print a bare placeholder
    import figcheck
    from figcheck.rules.loader import load_ruleset
    from figcheck.validators.pipeline import check_stream

    [result] = check_stream([figcheck.extract("Toàn huyện có 15 người mất tích, tăng 20 người.")], load_ruleset([]))
    messages = [a.message for a in result.anomalies if a.rule == "core.change.consistent"]
    assert messages == ["15 người mất tích with a change of 20 người does not fit"]


def test_a_range_of_identifiers_explains_its_arithmetic():
    (a,) = check("Sáng nay ghi nhận 25 ca mắc mới (BN5101-5124).").anomalies
    assert a.explanation == "5124 − 5101 + 1 = 24, not 25" and a.suggestion == "24?"


def test_a_multiple_explains_both_readings():
    (a,) = check("Có 31 người bị thương. So với cùng kỳ, người bị thương tăng 2,9 lần (tăng 22 người).").anomalies
    assert a.explanation == "31 − 22 = 9; 31/9 = 3,44 and 22/9 = 2,44, neither 2,9"

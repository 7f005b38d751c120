"""Relations: the structure the checks need, on sentences written for the tests."""

import figcheck


def rels(article, kind):
    return [r for r in article.relations if r.kind == kind]


def text_of(article, fid):
    return article.figure(fid).text


def test_subset_in_one_sentence():
    a = figcheck.extract("Nhân dân cung cấp trên 2.100 nguồn tin; trong đó 1.950 tin có giá trị.")
    (r,) = rels(a, "subset")
    assert text_of(a, r.roles["whole"]) == "trên 2.100" and text_of(a, r.roles["part"]) == "1.950"
    assert r.cue == "trong đó"


def test_subset_across_a_sentence_boundary():
    a = figcheck.extract("Quần chúng cung cấp hơn 900 tin về an ninh. Trong đó, 610 tin có giá trị, giúp phá 12 vụ án.")
    (r,) = rels(a, "subset")
    assert text_of(a, r.roles["whole"]) == "hơn 900" and text_of(a, r.roles["part"]) == "610"


def test_subsets_in_brackets():
    a = figcheck.extract("Duy trì 420 mô hình (trong đó có 60 mô hình mới, sơ kết 25 mô hình, thanh loại 3 mô hình).")
    # parts of one whole after "trong đó": a list that need not be complete, within its whole
    (b,) = rels(a, "breakdown")
    assert sorted(text_of(a, p) for p in b.roles["parts"]) == ["25", "3", "60"]
    assert b.roles["total"] == a.figures[0].id and b.exhaustive is False and b.cue == "trong đó"


def test_subset_with_trong_so_do():
    a = figcheck.extract("Bắt 40 đối tượng, trong số đó 12 đối tượng truy nã.")
    (r,) = rels(a, "subset")
    assert r.cue == "trong số đó"


def test_share_with_brackets_and_with_dat():
    a = figcheck.extract("Có 1.320 khu dân cư (95,45%) đạt chuẩn; điều tra làm rõ 58/61 vụ, đạt 95,1%.")
    shares = rels(a, "share")
    assert len(shares) == 2
    first = shares[0]
    assert text_of(a, first.roles["part"]) == "1.320" and text_of(a, first.roles["percent"]) == "95,45%"
    second = shares[1]
    assert text_of(a, second.roles["whole"]) == "61" and text_of(a, second.roles["percent"]) == "95,1%"
    (frac,) = rels(a, "fraction")
    assert text_of(a, frac.roles["part"]) == "58"


def test_fraction_comparing_periods_is_a_change():
    a = figcheck.extract("Tai nạn giao thông xảy ra 2.418/2.530 vụ, giảm 4,43%.")
    assert rels(a, "fraction") == []
    (c,) = rels(a, "change")
    assert c.direction == "decrease"
    assert text_of(a, c.roles["current"]) == "2.418" and text_of(a, c.roles["previous"]) == "2.530"
    assert text_of(a, c.roles["percent"]) == "4,43%"


def test_breakdown_exhaustive_in_brackets():
    a = figcheck.extract("Toàn tỉnh xảy ra 52 vụ tai nạn (47 vụ đường bộ, 5 vụ đường thủy).")
    (b,) = rels(a, "breakdown")
    assert b.exhaustive is True
    assert [text_of(a, p) for p in b.roles["parts"]] == ["47", "5"]


def test_breakdown_with_open_tail_and_other_units():
    a = figcheck.extract("Thu hồi 300 đơn vị vũ khí gồm: 3 quả lựu đạn, 400g thuốc nổ, 25 khẩu súng tự chế, nhiều dao kiếm …")
    (b,) = rels(a, "breakdown")
    assert b.exhaustive is False
    assert [text_of(a, p) for p in b.roles["parts"]] == ["3", "25"]
    assert [text_of(a, p) for p in b.roles["other_parts"]] == ["400g"]


def test_enumeration_of_names_after_the_noun():
    a = figcheck.extract("Cụm liên kết gồm khu công nghiệp và 3 xã Tân Tiến, Đại Bản, Hồng Thái cùng tham gia.")
    (e,) = rels(a, "enumeration")
    assert [i.text for i in e.items] == ["Tân Tiến", "Đại Bản", "Hồng Thái"] and e.exhaustive


def test_enumeration_with_brackets_and_back_reference():
    a = figcheck.extract("Năm qua xây dựng 4 Công an xã kiểu mẫu. Nhờ đó, an ninh các xã, gồm: Tân Dân, Tân Tiến (An Lão); "
                         "Đông Sơn (Thủy Nguyên) và Kỳ Sơn (Thủy Nguyên), luôn ổn định.")
    (e,) = rels(a, "enumeration")
    assert [i.text for i in e.items] == ["Tân Dân", "Tân Tiến", "Đông Sơn", "Kỳ Sơn"]
    for item in e.items:
        assert a.text[item.start:item.end] == item.text


def test_enumeration_of_quoted_items_continued_in_next_sentence():
    a = figcheck.extract("Quận xây mới 3 mô hình “Camera an ninh”, “Tổ tự quản”. Ngoài ra, quận còn triển khai mô hình "
                         "“Chốt dân phòng”.")
    (e,) = rels(a, "enumeration")
    assert [i.text for i in e.items] == ["Camera an ninh", "Tổ tự quản", "Chốt dân phòng"]


def test_enumeration_of_examples_is_not_exhaustive():
    a = figcheck.extract("Có 12 mô hình tiêu biểu như “Camera an ninh”, “Tổ tự quản”.")
    (e,) = rels(a, "enumeration")
    assert e.exhaustive is False


def test_pairs():
    a = figcheck.extract("Có 14 tổ tự quản với 52 thành viên; 1.870 hộ với 6.912 nhân khẩu; phá 49 vụ = 77 đối tượng.")
    pairs = [(text_of(a, r.roles["first"]), text_of(a, r.roles["second"])) for r in rels(a, "pair")]
    assert pairs == [("14", "52"), ("1.870", "6.912"), ("49", "77")]


def test_changes():
    a = figcheck.extract("Toàn tỉnh xảy ra 64 vụ, tăng 9 vụ (16,36%). Trên địa bàn xảy ra 5 vụ việc, giảm 72% so với cùng kỳ. "
                         "Làm chết 22 người, tăng 3 người.")
    changes = rels(a, "change")
    assert len(changes) == 3
    c1, c2, c3 = changes
    assert (text_of(a, c1.roles["current"]), text_of(a, c1.roles["delta"]), text_of(a, c1.roles["percent"])) == \
        ("64", "9", "16,36%")
    assert c1.direction == "increase"
    assert c2.direction == "decrease" and c2.roles["delta"] is None and text_of(a, c2.roles["percent"]) == "72%"
    assert c3.roles["percent"] is None and text_of(a, c3.roles["delta"]) == "3"


def test_percentage_points_change_has_no_percent():
    a = figcheck.extract("Tỷ lệ đạt 96,2%, giảm 2,1 điểm phần trăm so với năm trước.")
    (c,) = rels(a, "change")
    assert c.roles["percent"] is None and c.roles["points"]


def test_headline():
    a = figcheck.extract("Gần 2.000 tin báo có giá trị\nNăm qua quần chúng cung cấp 1.950 tin báo có giá trị cho công an.")
    (h,) = rels(a, "headline")
    assert text_of(a, h.roles["title"]) == "Gần 2.000" and text_of(a, h.roles["body"]) == "1.950"


def test_relation_spans_cover_their_figures():
    a = figcheck.extract("Toàn tỉnh xảy ra 52 vụ tai nạn (47 vụ đường bộ, 5 vụ đường thủy); có 14 tổ với 52 thành viên.")
    for r in a.relations:
        for fid in r.figures:
            f = a.figure(fid)
            assert r.start <= f.start and f.end <= r.end


def test_share_after_a_noun_list():
    a = figcheck.extract("Toàn tỉnh có 131 xã, phường (98,5%) đạt chuẩn.")
    (s,) = rels(a, "share")
    assert text_of(a, s.roles["part"]) == "131" and text_of(a, s.roles["percent"]) == "98,5%"

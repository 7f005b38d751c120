"""Reading inputs: files, directories, stdin, JSON Lines, encodings, errors, and the article's layout."""

import codecs
import io
import json
import unicodedata

import figcheck
from figcheck.reading.sources import iter_sources

ARTICLE = "Báo cáo tổng kết phong trào năm 2024\nPhường duy trì 14 tổ tự quản với 52 thành viên.\n"


def test_utf8_with_and_without_bom_and_utf16(tmp_path):
    for name, data in [("plain.txt", ARTICLE.encode()), ("bom.txt", codecs.BOM_UTF8 + ARTICLE.encode()),
                       ("u16le.txt", ARTICLE.encode("utf-16")), ("u16be.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"))]:
        (tmp_path / name).write_bytes(data)
    articles = list(figcheck.read([str(tmp_path)]))
    assert len(articles) == 4
    for a in articles:
        assert a.error is None, a.source
        assert [f.value for f in a.figures] == [14, 52]
        assert a.title == "Báo cáo tổng kết phong trào năm 2024"


def test_nfd_and_old_tone_placement_are_normalised():
    text = unicodedata.normalize("NFD", "Công tác hoà giải được duy trì, 12 vụ được hoà giải thành.")
    a = figcheck.extract(text)
    assert unicodedata.is_normalized("NFC", a.text)
    assert "hòa giải" in a.text and "hoà" not in a.text
    (f,) = [f for f in a.figures if f.value == 12]
    assert a.text[f.start:f.end] == "12"


def test_unreadable_inputs_are_reported_and_others_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Có 12 vụ việc".encode() + b"\xff\xfe\xfa more")
    articles = list(figcheck.read([str(bad), str(tmp_path / "missing.txt"), str(good)]))
    assert [a.source for a in articles] == [str(bad), str(tmp_path / "missing.txt"), str(good)]
    assert "UTF-8" in str(articles[0].error) and "byte 18" in str(articles[0].error)  # len("Có 12 vụ việc".encode())
    assert "no such file" in str(articles[1].error)
    assert articles[2].error is None and articles[2].figures


def test_binary_file_is_an_input_error(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (a,) = figcheck.read([str(p)])
    assert "binary" in str(a.error)


def test_jsonl_articles_and_bad_lines(tmp_path):
    p = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a1", "text": "Có 14 tổ với 52 thành viên.", "title": "Phường có 14 tổ", "url": "http://x",
                         "date": "2024-01-05"}, ensure_ascii=False),
             "{not json",
             json.dumps({"id": "a3"}),
             "",
             json.dumps({"id": 4, "text": "Xảy ra 5 vụ."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(figcheck.read([str(p)]))
    assert [a.id for a in articles] == ["a1", f"{(tmp_path / 'corpus').as_posix()}:2",
                                        f"{(tmp_path / 'corpus').as_posix()}:3", "4"]
    a1 = articles[0]
    assert a1.title == "Phường có 14 tổ" and a1.date == "2024-01-05" and a1.url == "http://x" and a1.line == 1
    assert "line 2, column 2" in str(articles[1].error)
    assert "text" in str(articles[2].error) and articles[2].line == 3
    assert articles[3].figures[0].value == 5


def test_stdin():
    (src,) = iter_sources(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert src.source == "-" and src.text.startswith("Báo cáo")


def test_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Có 3 vụ.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Có 4 vụ.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x,y", encoding="utf-8")
    assert [a.source.rsplit("/", 1)[-1] for a in figcheck.read([str(tmp_path)])] == ["a.txt", "z.md"]


def test_dateline_title_and_furniture_are_set_aside():
    text = ("Thứ Hai, 02/12/2024 08:30 In bài\n"
            "Sáng 2/12, quận tổ chức hội nghị tổng kết năm 2024.\n"
            "Trong năm, nhân dân cung cấp 320 tin có giá trị.\n"
            "Minh Anh\n"
            "Tin khác\n"
            "Khánh thành 3 cây cầu mới ở huyện đảo\n")
    a = figcheck.extract(text)
    assert a.date == "02/12/2024"
    assert a.title is None  # the first body line is a sentence, not a headline
    kinds = [s.kind for s in a.set_aside]
    assert kinds[0] == "dateline" and "byline" in kinds
    assert any(s.text == "Khánh thành 3 cây cầu mới ở huyện đảo" for s in a.set_aside)
    assert [f.value for f in a.figures] == [320]  # the related headline's "3" is not a figure
    assert a.period == "năm 2024"


def test_a_related_articles_box_in_the_middle_ends_where_the_body_goes_on():
    text = ("Thanh Hóa, ngày 28/11/2026\n"
            "Tin liên quan:\n"
            "- Xử phạt 1.246 trường hợp vi phạm nồng độ cồn trong tháng 11\n"
            "- Lắp đặt 412 camera giám sát giao thông tại thành phố\n"
            "Ban An toàn giao thông tỉnh cho biết, trong năm trên địa bàn tỉnh xảy ra 246 vụ tai nạn giao thông, làm "
            "chết 168 người, bị thương 152 người.\n"
            "Về địa bàn, tai nạn xảy ra nhiều trên Quốc lộ 1A với 62 vụ, Quốc lộ 47 với 28 vụ và Quốc lộ 45 với 21 "
            "vụ, ít hơn năm trước.\n")
    a = figcheck.extract(text)
    assert [f.value for f in a.figures] == [246, 168, 152, 62, 28, 21]  # the body, not the links
    assert sum(s.kind == "furniture" for s in a.set_aside) == 3
    # a bulleted link may end with a full stop
    a = figcheck.extract("Năm 2026, toàn tỉnh xảy ra 58 vụ cháy, giảm 6 vụ so với năm 2025.\nTin liên quan:\n"
                         "- Cháy nhà ở chiếm 47,7% số vụ cháy năm 2025.\n- Cháy xưởng gỗ ở khu công nghiệp Phú Tài.\n"
                         "Lực lượng cảnh sát đã tổ chức nhiều đợt kiểm tra an toàn phòng cháy tại các chợ, trung tâm thương "
                         "mại và khu dân cư trên địa bàn.\nLãnh đạo Công an tỉnh đề nghị các địa phương tiếp tục quan tâm "
                         "chỉ đạo công tác phòng cháy, chữa cháy trong thời gian tới.")
    assert [f.value for f in a.figures] == [58, 6]
    # a box at the end still sets aside all after it, link or lead
    a = figcheck.extract("Phường có 320 tin có giá trị trong năm 2024, nhiều hơn năm trước.\nTin liên quan\n"
                         "Khánh thành 3 cây cầu mới ở huyện đảo\nHuyện có 12 xã đạt chuẩn nông thôn mới.")
    assert [f.value for f in a.figures] == [320]


def test_dateline_glued_to_first_paragraph():
    a = figcheck.extract("18:05 03/02/2024 Năm 2023, quận giải quyết 58 vụ việc.\nBài: Lan Hương")
    assert a.date == "03/02/2024"
    assert [f.value for f in a.figures] == [58]
    assert a.set_aside[0].text == "18:05 03/02/2024"


def test_headline_title():
    a = figcheck.extract("Hơn 1.800 hộ tham gia phong trào\nPhường có 1.870 hộ tham gia phong trào.")
    assert a.title == "Hơn 1.800 hộ tham gia phong trào"
    assert [f.sentence for f in a.figures] == [-1, 0]


def test_markdown_heading_is_the_title():
    a = figcheck.extract("# Báo cáo năm 2024\n\nPhường có 14 tổ với 27 thành viên.")
    assert a.title == "Báo cáo năm 2024"
    assert a.text[a.title_span[0]:a.title_span[1]] == a.title


def test_a_vanished_file_in_a_directory_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Có 4 vụ.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    articles = list(figcheck.read([str(tmp_path)]))
    assert [a.source.rsplit("/", 1)[-1] for a in articles] == ["a.txt", "gone.txt"]
    assert "cannot read" in str(articles[1].error) or "no such file" in str(articles[1].error)


def test_a_directory_with_thousands_of_files(tmp_path):
    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(f"Có {i + 1} vụ.", encoding="utf-8")
    articles = list(figcheck.read([str(tmp_path)]))
    assert len(articles) == 2000 and all(a.error is None for a in articles)
    assert [a.figures[0].value for a in articles[:3]] == [1, 2, 3]

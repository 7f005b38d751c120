"""Drafts as they are written: .docx (paragraphs and tables, in order) and saved web pages (.html: the
main text through trafilatura, title and date from the page's metadata, page furniture left out)."""

import json

import docx
from click.testing import CliRunner

import figcheck
from figcheck.cli import main

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Huyện Tân Hòa: 412 khu dân cư đạt chuẩn an toàn | Báo Địa Phương</title>
<meta property="og:title" content="Huyện Tân Hòa: 412 khu dân cư đạt chuẩn an toàn">
<meta property="article:published_time" content="2024-01-15T08:30:00+07:00">
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/top10">Top 10 tin đọc nhiều</a></li></ul></nav>
<div class="hotline">Đường dây nóng: 0912 345 678</div></header>
<main><article>
<h1>Huyện Tân Hòa: 412 khu dân cư đạt chuẩn an toàn</h1>
<p>Năm 2023, quần chúng nhân dân huyện Tân Hòa đã cung cấp cho lực lượng công an 1.250 nguồn tin về an
ninh trật tự, trong đó 1.400 tin có giá trị giúp phá nhiều vụ án.</p>
<p>Toàn huyện hiện có 412 khu dân cư, chiếm 96,35% tổng số khu dân cư, được công nhận đạt tiêu chuẩn an
toàn về an ninh trật tự trong năm qua.</p>
<p>Phong trào toàn dân bảo vệ an ninh Tổ quốc tiếp tục được các cấp ủy, chính quyền địa phương quan tâm
chỉ đạo và nhân dân đồng tình hưởng ứng.</p>
</article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Xã Bình An có 27 tổ tự quản mới</a></li>
<li><a href="/b">Công an tỉnh tổng kết 5 năm phong trào</a></li></ul></aside></main>
<footer><p>© 2024 Báo Địa Phương. Giấy phép số 123/GP-BTTTT. Tổng đài 1900 1234.</p></footer>
</body></html>"""


def make_docx(path):
    d = docx.Document()
    d.add_heading("Xã Tân Lập tổng kết năm 2023", level=1)
    d.add_paragraph("Năm 2023, nhân dân xã cung cấp 1.250 nguồn tin; trong đó 1.400 tin có giá trị.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Chỉ tiêu", "Kết quả"
    table.cell(1, 0).text, table.cell(1, 1).text = "Tổ tự quản", "14 tổ với 27 thành viên"
    d.add_paragraph("Ban Chỉ đạo đã xây mới 5 mô hình “A”, “B”, “C” và “D”.")
    d.save(path)


def test_a_word_document_is_read_in_order_tables_included(tmp_path):
    path = tmp_path / "ban-nhap.docx"
    make_docx(path)
    (article,) = figcheck.read([str(path)])
    assert article.error is None and article.title == "Xã Tân Lập tổng kết năm 2023"
    assert [f.text for f in article.figures] == ["1.250", "1.400", "14", "27", "5"]
    assert "Tổ tự quản | 14 tổ với 27 thành viên" in article.text
    assert any("offsets and lines are into the extracted text" in n for n in article.notes)
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    rules = {a["rule"] for a in json.loads(result.stdout)["articles"][0]["anomalies"]}
    assert {"core.subset.part-within-whole", "core.enumeration.items-match-count"} <= rules


def test_a_saved_page_gives_its_main_text_title_and_date(tmp_path):
    path = tmp_path / "tan-hoa.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = figcheck.read([str(path)])
    assert article.error is None
    assert article.title == "Huyện Tân Hòa: 412 khu dân cư đạt chuẩn an toàn" and article.date == "2024-01-15"
    # the article's figures, and none of the menu, hotline, related links or footer
    assert [f.text for f in article.figures] == ["412", "1.250", "1.400", "412", "96,35%"]
    for furniture in ("0912", "Top 10", "27 tổ", "1900", "123/GP"):
        assert furniture not in article.text
    result = CliRunner().invoke(main, ["check", str(path), "--format", "concise"])
    assert result.exit_code == 1 and "core.share.granularity" in result.stdout


def test_directories_take_documents_and_broken_ones_are_input_errors(tmp_path):
    make_docx(tmp_path / "a.docx")
    (tmp_path / "b.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "d.html").write_text("<html><body>  <img src=\"x.png\"> </body></html>", encoding="utf-8")
    articles = {a.source.rsplit("/", 1)[-1]: a for a in figcheck.read([str(tmp_path)])}
    assert set(articles) == {"a.docx", "b.htm", "c.docx", "d.html"}
    assert articles["a.docx"].error is None and articles["b.htm"].error is None
    assert "not a readable Word document" in str(articles["c.docx"].error)
    assert "no text found" in str(articles["d.html"].error)

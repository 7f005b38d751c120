"""The HTML report: one self-contained page, every figure marked, anomalies in their sentence, coverage,
filters — and article text, titles, ids and messages that are markup are shown, never run."""

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

from click.testing import CliRunner

import figcheck
from conftest import EXAMPLES
from figcheck.cli import main

BROKEN = str(EXAMPLES / "huyen-dong-son-2023.txt")


class Page(HTMLParser):
    """The elements of a page: tags with attributes, scripts and their text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def with_class(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and cls in (a.get("class") or "").split()]


def html_of(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "html"], input=input)
    return result.exit_code, result.stdout


def assert_inert(page: Page, raw: str) -> None:
    """Only the report's own script, allowed by hash; no event handlers, nothing fetched."""
    assert len(page.scripts) == 1
    (csp,) = [a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert not page.all("img") and not page.all("link") and not page.all("iframe")
    assert not re.search(r"(src|href)=\"(https?:)?//", raw)


def test_html_report_of_the_examples():
    code, raw = html_of(str(EXAMPLES))
    assert code == 1 and raw.startswith("<!DOCTYPE html>")
    page = Page(raw)
    assert_inert(page, raw)
    articles = list(figcheck.read([str(EXAMPLES)]))
    assert len(page.with_class("section", "item")) == len(articles) == 6
    # every figure is marked in its article's text (the title's too)
    texts = re.findall(r'<div class="text">(.*?)</div>', raw, flags=re.S)
    assert len(texts) == 6
    assert sum(t.count('<mark class="fig') for t in texts) == sum(len(a.figures) for a in articles)
    anomalies = page.with_class("div", "anomaly")
    assert len(anomalies) == 7 and {a["data-severity"] for a in anomalies} == {"error"}
    # the granularity anomaly: its arithmetic, suggestion and the rule's description, and its sentence
    block = raw[raw.index('data-rule="core.share.granularity"'):]
    block = block[:block.index("</div>\n</div>") if "</div>\n</div>" in block else 2000]
    assert "412/427 = 96,49%" in block and "suggestion: 96,26%?" in block
    assert 'class="description"' in block
    sentence = re.search(r'<span class="sentence error" id="(a\d-s\d+)" data-anomalies="([^"]+)">Toàn huyện có '
                         r'<mark class="fig flag-error"[^>]*>412</mark>', raw)
    assert sentence is not None
    for anchor in sentence.group(2).split():
        assert page.all("div", id=anchor)
    # the summary and the filters: a box per severity, the rules in a list
    assert [a["data-severity"] for a in page.all("input") if "data-severity" in a] == ["error", "warning", "info"]
    options = [a["value"] for a in page.all("option")]
    assert "" in options and "core.share.granularity" in options


def test_coverage_lists_unchecked_figures_and_set_aside_passages(tmp_path):
    draft = tmp_path / "nhap.md"
    draft.write_text("Xã Tân Hòa tổng kết năm 2023\n\nNăm 2023, công an xã bắt giữ 3,5 tấn hàng lậu trị giá 120 triệu đồng.\n"
                     "Toàn xã có 12 tổ tự quản với 96 thành viên.\n\nTin liên quan:\nXã khác có 45 tổ tự quản\n",
                     encoding="utf-8")
    _, raw = html_of(str(draft))
    page = Page(raw)
    # measures take part in no check of the default packs: marked as unchecked, and listed
    assert re.search(r'<mark class="fig unchecked"[^>]*>3,5 tấn</mark>', raw)
    assert re.search(r'<mark class="fig unchecked"[^>]*>120 triệu đồng</mark>', raw)
    assert "not checked: 1 sentence(s) with figures no check used" in raw
    assert "1 passage(s) with figures set aside unread" in raw and "Xã khác có 45 tổ tự quản" in raw


def test_markup_in_articles_titles_ids_and_messages_is_shown_not_run(tmp_path):
    evil = "<script>alert(document.domain)</script><img src=x onerror=alert(document.cookie)>"
    record = {"id": f"bai-{evil}", "title": f"Tiêu đề {evil}",
              "text": f"Năm 2023 xã có 10 nguồn tin {evil}; trong đó 12 tin có giá trị \" onmouseover=\"alert(this)."}
    data = tmp_path / "bai.jsonl"
    data.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    pack = tmp_path / "evil.yaml"
    pack.write_text("name: evil\nversion: '1'\nlanguage: vi\nextends: [antq]\nrules:\n"
                    "  - id: evil.rule\n    description: \"<script>alert(4)</script>\"\n    severity: warning\n"
                    "    message: \"<b onclick=alert(5)>{tips.valuable}</b></div><script>alert(6)</script>\"\n"
                    "    assert: tips.total <= 5\n", encoding="utf-8")
    code, raw = html_of(str(data), "--rules", str(pack))
    assert code == 1
    page = Page(raw)
    assert_inert(page, raw)
    assert "alert" not in page.scripts[0]
    assert raw.count("&lt;script&gt;alert(document.domain)&lt;/script&gt;") == 3  # the id, the title, the text
    assert "&lt;b onclick=alert(5)&gt;" in raw and "&#34; onmouseover=&#34;alert(this)" in raw
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in raw and "&lt;script&gt;alert(6)&lt;/script&gt;" in raw
    assert [a for a in page.with_class("div", "anomaly") if a["data-rule"] == "evil.rule"]


def test_html_for_tables_names_rows_and_columns():
    data = str(EXAMPLES / "datasets" / "antq-tinh-2023.csv")
    pack = str(EXAMPLES / "datasets" / "antq-columns.yaml")
    result = CliRunner().invoke(main, ["check-table", data, "--rules", pack, "--id", "tinh", "--format", "html"])
    assert result.exit_code == 1
    raw = result.stdout
    page = Page(raw)
    assert_inert(page, raw)
    assert len(page.with_class("div", "anomaly")) == 2
    assert "row Đông Lâm (line 3)" in raw
    assert "<th>tin_co_gia_tri</th>" in raw and "<td>1.300</td>" in raw

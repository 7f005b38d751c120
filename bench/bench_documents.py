"""Saved web pages: figures read through trafilatura against figcheck's own furniture rules.

Each article of a JSON Lines corpus (default: ../shared/realdev/set-*.jsonl) is wrapped in a news page
with the usual furniture around it — a menu, a dateline, related headlines with figures, tags, a byline
and a footer with licence and phone numbers — and then read two ways:

- ``trafilatura``: figcheck's .html reader (figcheck.reading.documents): the extractor's main text;
- ``own rules``: the page's text nodes, a line per block, read as a text file, so that only figcheck's
  layout rules (furniture lines and prefixes, tail markers, bylines) take the furniture out.

Both are compared with the figures figcheck reads in the article text itself: how many of those are
found (kept), and how many figures come from elsewhere (furniture that leaked in).

    python bench/bench_documents.py [CORPUS.jsonl ...]
"""

from __future__ import annotations

import html
import json
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from figcheck.reading.documents import document_source  # noqa: E402
from figcheck.reading.reader import reader_for  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} | Báo Địa Phương</title>
<meta property="og:title" content="{title}"><meta property="article:published_time" content="2024-01-15T08:30:00+07:00">
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/phap-luat">Pháp luật</a></li><li><a href="/top">Top 10 tin đọc nhiều</a></li></ul></nav>
<div class="hotline">Đường dây nóng: 0912 345 678</div></header>
<main><article><h1>{title}</h1><div class="dateline">Thứ Hai, 15/01/2024 08:30 (GMT+7)</div>
{paragraphs}
<p class="byline">Bài và ảnh: Minh Quang</p>
<div class="tags">Tags: an ninh, trật tự, phong trào</div></article>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a">Xã Bình An có 27 tổ tự quản mới, 96 thành viên</a></li>
<li><a href="/b">Công an tỉnh tổng kết 5 năm phong trào với 1.200 mô hình</a></li>
<li><a href="/c">Hơn 300 tin báo có giá trị trong 6 tháng</a></li></ul></aside></main>
<footer><p>© 2024 Báo Địa Phương. Giấy phép số 123/GP-BTTTT cấp ngày 12/3/2020.</p>
<p>Tòa soạn: 45 đường Trần Phú, phường 3. Điện thoại: 0236 3822 123.</p></footer></body></html>"""

BLOCKS = {"p", "div", "h1", "h2", "h3", "li", "header", "footer", "nav", "aside", "article", "ul", "title"}


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style"):
            self.skip -= 1
        if tag in BLOCKS:
            self.lines.append("")

    def handle_data(self, data):
        if not self.skip:
            self.lines[-1] += data


def page_text(page: str) -> str:
    parser = _Lines()
    parser.feed(page)
    lines = [" ".join(line.split()) for line in parser.lines]
    return "\n\n".join(line for line in lines if line)


def main(paths: list[str]) -> None:
    reader = reader_for("vi")
    totals: dict[str, Counter] = {"trafilatura": Counter(), "own rules": Counter()}
    articles = 0
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            title = rec.get("title") or rec["text"].split("\n", 1)[0]
            body = rec["text"]
            if body.startswith(title):
                body = body[len(title):]
            paras = [p.strip() for p in body.split("\n") if p.strip()]
            page = PAGE.format(title=html.escape(title), paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paras))
            # the figures of the article itself, its paragraphs laid out as both readers lay them out
            truth = Counter(f.text for f in reader.extract("\n\n".join([title, *paras])).figures)
            articles += 1
            ways = {"trafilatura": document_source("page.html", "page", page.encode("utf-8")),
                    "own rules": None}
            for name, src in ways.items():
                if src is None:
                    figures = reader.extract(page_text(page)).figures
                elif src.error is not None:
                    figures = []
                else:
                    figures = reader.extract(src.text, title=src.title).figures
                got = Counter(f.text for f in figures)
                totals[name]["truth"] += sum(truth.values())
                totals[name]["kept"] += sum((got & truth).values())
                totals[name]["leaked"] += sum((got - truth).values())
                totals[name]["articles with leaks"] += bool(got - truth)
    print(f"{articles} articles")
    print(f"{'reader':<12} {'figures kept':>16} {'figures leaked':>15} {'articles with leaks':>20}")
    for name, t in totals.items():
        kept = f"{t['kept']}/{t['truth']} ({100 * t['kept'] / max(1, t['truth']):.1f}%)"
        print(f"{name:<12} {kept:>16} {t['leaked']:>15} {t['articles with leaks']:>20}")


if __name__ == "__main__":
    default = sorted(str(p) for p in (ROOT.parent / "shared" / "realdev").glob("set-*.jsonl"))
    main(sys.argv[1:] or default)

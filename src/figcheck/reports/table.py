"""``figcheck extract --format table``: one rich table of figures (and one of relations) per article."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from figcheck.models import Article
from figcheck.reports.escape import visible


def _num(x: float | None) -> str:
    if x is None:
        return "∞"
    return f"{x:g}"


def article_tables(article: Article) -> Group:
    head = Text(visible(article.title or article.id), style="bold")
    head.append(f"  ({visible(article.source)})", style="dim")
    if article.error is not None:
        return Group(head, Text(f"input error: {visible(article.error)}", style="bold red"))
    meta = Text(f"date {article.date or '—'} · period {article.period or '—'} · "
                f"{len(article.figures)} figures · {len(article.relations)} relations · "
                f"{len(article.set_aside)} pieces set aside", style="dim")
    figures = Table(title="figures", title_justify="left", show_lines=False)
    rows = [(f.id, f.text, str(f.sentence), "—" if f.value is None else f"{f.value:g}",
             f"[{_num(f.low)}, {_num(f.high)}]", f.qualifier or "", f"{f.unit} {f.role}", f.noun or "")
            for f in article.figures]
    for k, col in enumerate(("id", "text", "sent.", "value", "interval", "qual.", "unit role", "noun")):
        # a figure, its value and its interval are never cut; on a narrow console the rest wraps instead
        whole = col in ("id", "text", "value", "interval")
        width = max([len(col)] + [len(r[k]) for r in rows]) if whole else None
        figures.add_column(col, overflow="fold", no_wrap=whole, min_width=width)
    for row in rows:
        figures.add_row(*row)
    relations = Table(title="relations", title_justify="left")
    for col in ("id", "kind", "figures", "detail"):
        relations.add_column(col, overflow="fold")
    for r in article.relations:
        detail = {k: v for k, v in r.to_dict().items()
                  if k not in ("id", "kind", "figures", "start", "end", "sentence", "items") and v not in (None, [])}
        if r.items:
            detail["items"] = [i.text for i in r.items]
        relations.add_row(r.id, r.kind, " ".join(r.figures),
                          ", ".join(f"{k}={v}" for k, v in detail.items()))
    return Group(head, meta, figures, relations, Text(""))


def print_tables(articles: list[Article], console: Console) -> None:
    for article in articles:
        console.print(article_tables(article))

"""The editor's console report: per article a header, each anomaly with its sentence highlighted, and a
closing summary.

Whether there is colour and how wide lines are is rich's decision (``make_console``): colour on a
terminal, none when piped, ``NO_COLOR`` / ``FORCE_COLOR`` / ``COLUMNS`` / ``TERM=dumb`` honoured as rich
honours them. Without colour the figures of a sentence are bracketed «…».
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from figcheck.models import Anomaly, ArticleResult
from figcheck.reports.escape import visible

STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
ICON = {"error": "✖", "warning": "⚠", "info": "ℹ"}
LIGHT = {"error": ("●", "red", "errors"), "warning": ("●", "yellow", "warnings"), "info": ("●", "green", "notes only"),
         None: ("●", "green", "consistent")}


def _sentence_with_figures(result: ArticleResult, anomaly: Anomaly, plain: bool = False,
                           width: int = 100) -> Text | None:
    """The sentence(s) an anomaly is about, its figures highlighted (bracketed «…» in plain text)."""
    article = result.article
    figs = [article.figure(fid) for fid in anomaly.figures]
    text_figs = [f for f in figs if f.field == "text"]
    if not text_figs:
        return None
    indices = sorted({f.sentence for f in text_figs})
    sentences = {s.index: s for s in article.sentences}
    if article.title_span and -1 in indices:
        start_span = article.title_span
    else:
        start_span = None
    spans = [(sentences[i].start, sentences[i].end) for i in indices if i in sentences]
    if start_span:
        spans.insert(0, start_span)
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    if end - start > 600:  # a very long stretch: keep the part around the figures
        start = max(start, min(f.start for f in text_figs) - 200)
        end = min(end, max(f.end for f in text_figs) + 200)
    inside = sorted((f for f in text_figs if start <= f.start and f.end <= end), key=lambda f: f.start)
    # words of the sentence, where a figure never splits: spaces inside a figure are not break points
    words: list[list[tuple[str, bool]]] = [[]]
    pos = start
    for f in inside + [None]:
        stop = end if f is None else f.start
        if f is not None and f.start < pos:
            continue
        for k, chunk in enumerate(re.split(r"\s+", article.text[pos:stop])):
            if k:
                words.append([])
            if chunk:
                words[-1].append((chunk, False))
        if f is None:
            break
        words[-1].append((f"«{f.text}»" if plain else f.text, True))
        pos = f.end
    return _wrap([w for w in words if w], width)


def _wrap(words: list[list[tuple[str, bool]]], width: int) -> Text:
    """Greedy line filling that never breaks inside a word, so a figure ("1,5 triệu") stays whole."""
    text = Text(no_wrap=True, overflow="fold")
    line_len = 0
    for word in words:
        size = sum(len(piece) for piece, _ in word)
        if line_len and line_len + 1 + size > width:
            text.append("\n")
            line_len = 0
        elif line_len:
            text.append(" ")
            line_len += 1
        for piece, is_figure in word:
            text.append(piece, style="bold reverse" if is_figure else None)
        line_len += size
    return text


def shown_path(path: str, width: int) -> str:
    """A path as the console shows it: whole when it fits the width, else its end after "…", so that the file
    name is never broken across lines (a path the width cannot hold is the deep end of a tree)."""
    shown = visible(path)
    room = max(20, (width or 120) - 4)
    return shown if len(shown) <= room else "…" + shown[-(room - 1):]


def article_report(result: ArticleResult, plain: bool = False, width: int = 120) -> Group:
    a = result.article
    worst = result.worst()
    dot, colour, verdict = LIGHT[worst]
    head = Text()
    head.append(f"{dot} ", style=colour)
    head.append(visible(a.title) if a.title else "(no title)", style="bold" if a.title else "dim")
    lines: list[Any] = [head]
    meta = Text(style="dim")
    meta.append(shown_path(a.source, width))
    if a.error is not None:
        lines.append(meta)
        lines.append(Text(f"input error: {visible(a.error)}", style="bold red"))
        return Group(*lines, Text(""))
    when = " · ".join(x for x in (a.date, a.period) if x)
    if when:
        meta.append(f" · {when}")
    cov = result.coverage
    share = f"{100 * cov['checked'] / cov['figures']:.0f}%" if cov["figures"] else "—"
    meta.append(f" · {cov['figures']} figures, {cov['checked']} checked ({share})")
    meta.append(f" · rounding: {result.convention}")
    counts = Counter(x.severity for x in result.anomalies)
    meta.append(" · " + (", ".join(f"{counts[s]} {s}{'s' if counts[s] > 1 else ''}" for s in ("error", "warning", "info")
                                   if counts[s]) or verdict))
    lines.append(meta)
    if a.notes:  # what reading did: an encoding, a repair, text extracted from a document
        lines.append(Text("; ".join(a.notes), style="dim"))
    for an in result.anomalies:
        line = Text()
        line.append(f"{ICON[an.severity]} {an.severity}", style=STYLE[an.severity])
        line.append(f"  {visible(an.rule)}", style="dim")
        if an.also:
            line.append(f" (also {', '.join(an.also)})", style="dim")
        body = [line, Text("  " + visible(an.message))]
        if an.explanation:
            body.append(Text("  " + visible(an.explanation), style="italic"))
        if an.suggestion:
            body.append(Text(f"  suggestion: {visible(an.suggestion)}", style="green"))
        sentence = _sentence_with_figures(result, an, plain, max(20, width - 4))
        if sentence is not None:
            body.append(Panel(sentence, expand=True, border_style="dim", padding=(0, 1)))
        lines.extend(body)
    if result.internal_error:
        lines.append(Text(f"  ✖ internal error: the checks failed on this article ({result.internal_error}); "
                          "run with --debug for the traceback", style="bold red"))
    for ne in result.not_evaluated:
        lines.append(Text(f"  ? not evaluated: {visible(ne.rule)} — {visible(ne.reason)}", style="dim"))
    lines.append(Text(""))
    return Group(*lines)


def summary_table(summary: dict[str, Any]) -> Table:
    table = Table(title="figcheck summary", title_justify="left", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(summary["articles"]))
    table.add_row("inputs with errors", str(summary["input_errors"]))
    table.add_row("figures read", str(summary["figures"]))
    table.add_row("figures checked", str(summary["checked"]))
    for sev in ("error", "warning", "info"):
        table.add_row(Text(f"{ICON[sev]} {sev}s", style=STYLE[sev]), str(summary["anomalies"][sev]))
    table.add_row("not evaluated", str(summary["not_evaluated"]))
    if "suppressed" in summary:
        table.add_row("suppressed by comments", str(summary["suppressed"]))
    if "baselined" in summary:
        table.add_row("already in the baseline", str(summary["baselined"]))
    if summary.get("internal_errors"):
        table.add_row(Text("internal errors", style="bold red"), str(summary["internal_errors"]))
    for rule, n in sorted(summary["by_rule"].items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(Text(f"  {rule}", style="dim"), str(n))
    return table


def make_console(out) -> Console:
    """The console a report prints through: rich detects the terminal, its width and colour support."""
    return Console(file=out, highlight=False, soft_wrap=False, emoji=False)


def is_plain(console: Console) -> bool:
    """No colour at all (piped, ``TERM=dumb``, ``NO_COLOR``): figures are then bracketed «…», not highlighted."""
    return console.color_system is None or console.no_color

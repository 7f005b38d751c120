"""The local page for drafts: a small Flask (WSGI) app, meant for 127.0.0.1.

``GET /`` is a form (paste a draft, or choose a .txt, .md, .docx or .html file); ``POST /check`` reads the draft as
``figcheck check`` reads a file — the same rule packs, inline suppressions honoured — and answers with
the same page as ``--format html``, with the form above it. Uploads are bounded (``max_bytes``; a
larger request is refused with 413 before it is read) and kept in memory: nothing is written to disk.
"""

from __future__ import annotations

import io
from typing import Any

from flask import Flask, Request, request

TEXT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm")
MAX_BYTES = 2 * 1024 * 1024


class InMemoryRequest(Request):
    """A request whose uploaded files stay in memory (werkzeug spools large ones to a temporary file)."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def create_app(ruleset, *, language: str = "vi", max_bytes: int = MAX_BYTES) -> Flask:
    from figcheck.validators.selection import Selection

    app = Flask(__name__)
    app.request_class = InMemoryRequest
    app.config.update(MAX_CONTENT_LENGTH=max_bytes, MAX_FORM_MEMORY_SIZE=max_bytes)
    selection = Selection()

    def page(result=None, problem: str | None = None, draft: str = "", status: int = 200):
        body = _page(result, ruleset, {"draft": draft, "problem": problem, "max_kb": max_bytes // 1024,
                                       "suffixes": ", ".join(TEXT_SUFFIXES)})
        return body, status, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
                              "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

    @app.get("/")
    def form():
        return page()

    @app.post("/check")
    def check():
        from figcheck.reading.documents import DOCUMENT_SUFFIXES, document_source
        from figcheck.reading.sources import text_source

        upload = request.files.get("file")
        draft = request.form.get("text", "")
        if upload is not None and upload.filename:
            name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1]
            if not name.lower().endswith(TEXT_SUFFIXES):
                return page(problem=f"{name}: only {', '.join(TEXT_SUFFIXES)} files can be checked here", status=415)
            data = upload.read()
            if name.lower().endswith(DOCUMENT_SUFFIXES):
                source = document_source(name, name.rsplit(".", 1)[0], data)
            else:
                source = text_source(name, data)
        elif draft.strip():
            source = text_source("draft", draft.encode("utf-8"))
        else:
            return page(problem="paste a draft or choose a file", status=400)
        result = _check(source, ruleset, language, selection)
        if result.article.error is not None:
            return page(problem=f"{source.source}: {result.article.error}", draft=draft, status=422)
        return page(result, draft=draft)

    @app.errorhandler(413)
    def too_large(_error):
        return page(problem=f"the draft is larger than {max_bytes // 1024} KB", status=413)

    return app


def _check(source, ruleset, language: str, selection):
    from figcheck.validators.pipeline import check_sources

    (result,) = list(check_sources([source], ruleset, language, 1, select=selection))
    return result


def _page(result, ruleset, form: dict[str, Any]) -> str:
    """The --format html page for one draft (or none yet), with the form above it."""
    from figcheck.reports.html import render_html
    from figcheck.validators.pipeline import Summary

    summary = Summary()
    if result is not None:
        summary.add(result)
    totals: dict[str, Any] = summary.to_dict()
    if result is not None and result.suppressed:
        totals["suppressed"] = result.suppressed
    return render_html([] if result is None else [result], ruleset, totals, title="figcheck: check a draft", form=form)

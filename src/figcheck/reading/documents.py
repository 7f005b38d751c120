"""Drafts as they are written: Word documents (.docx) and saved web pages or CMS exports (.html, .htm).

- ``.docx`` (python-docx): the paragraphs and tables of the body, in document order; a table row is
  one paragraph of its cells joined by " | "; the title is the document's Title property, else its
  first Title or Heading paragraph.
- ``.html`` (trafilatura, a maintained main-text extractor): the article's main text, with title and
  date from the page's metadata; navigation, related links, comments and other page furniture are
  left out by the extractor.

Paragraphs are separated by a blank line, as in a text file. Offsets and line numbers are into this
extracted text (a note on the source says so), not into the file. Both libraries are the ``documents``
extra; without them, such a file is an input error that names the extra.
"""

from __future__ import annotations

import io
import re

from figcheck.models import InputError, Source

DOCUMENT_SUFFIXES = (".docx", ".html", ".htm")
EXTRA = "pip install 'figcheck[documents]'"


def document_source(path: str, source_id: str, data: bytes) -> Source:
    """The text of a .docx or .html file as a source, or the input error that stops it."""
    suffix = path.lower().rsplit(".", 1)[-1]
    try:
        if suffix == "docx":
            title, date, text, what = *_docx(data), "a Word document"
        else:
            title, date, text, what = *_html(data), "a web page (main text by trafilatura)"
    except ImportError as exc:
        return Source(source=path, id=source_id, text=None,
                      error=InputError(f"reading .{suffix} files needs {exc.name or exc}: {EXTRA}"))
    except _Unreadable as exc:
        return Source(source=path, id=source_id, text=None, error=InputError(str(exc)))
    if not text.strip():
        return Source(source=path, id=source_id, text=None, error=InputError(f"no text found in {what}"))
    note = f"read from {what}: offsets and lines are into the extracted text"
    return Source(source=path, id=source_id, text=text, title=title or None, date=date or None, notes=(note,))


class _Unreadable(Exception):
    pass


def _docx(data: bytes) -> tuple[str | None, str | None, str]:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a zip or XML error: the file is not a Word document
        raise _Unreadable(f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    title = (document.core_properties.title or "").strip() or None
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            line = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            if title is None and line and (style == "Title" or style.startswith("Heading")):
                title = line
                continue
            if line:
                paragraphs.append(line)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:  # merged cells repeat: keep each once
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                if cells:
                    paragraphs.append(" | ".join(cells))
    return title, None, "\n\n".join(paragraphs)


def _html(data: bytes) -> tuple[str | None, str | None, str]:
    import json

    import trafilatura

    out = trafilatura.extract(data, output_format="json", with_metadata=True, include_tables=True,
                              include_comments=False, include_links=False, include_images=False)
    if out is None:
        return None, None, ""
    doc = json.loads(out)
    text = re.sub(r"\n+", "\n\n", doc.get("text") or "").strip()
    title = (doc.get("title") or "").strip() or None
    first = text.split("\n\n", 1)[0]
    if title and " ".join(first.split()) == " ".join(title.split()):
        title = None  # the headline opens the text: read there, as in a text file
    return title, doc.get("date"), text

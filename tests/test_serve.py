"""``figcheck serve``: the local page for drafts, through Flask's test client and for real on 127.0.0.1."""

import io
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

from conftest import EXAMPLES
from figcheck.rules.loader import load_ruleset
from figcheck.web.app import create_app
from test_html_report import Page, assert_inert

DRAFT = "Toàn huyện có 412 khu dân cư (96,35%) đạt tiêu chuẩn an toàn."


@pytest.fixture(scope="module")
def client():
    return create_app(load_ruleset(), max_bytes=2 * 1024 * 1024).test_client()


def test_the_form(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert '<form method="post" action="/check" enctype="multipart/form-data">' in html
    assert "form-action 'self'" in html


def test_a_pasted_draft_gets_the_html_report(client):
    answer = client.post("/check", data={"text": DRAFT})
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert '<span class="sentence error"' in html and "core.share.granularity" in html
    assert '<mark class="fig flag-error"' in html and "412/427 = 96,49%" in html
    assert DRAFT in html  # the draft stays in the form


def test_markup_in_a_draft_is_shown_not_run(client):
    evil = DRAFT + " <script>alert(document.cookie)</script><img src=x onerror=alert(document.domain)>"
    html = client.post("/check", data={"text": evil}).get_data(as_text=True)
    page = Page(html)
    assert_inert(page, html)
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in html


def test_uploads_txt_and_md_only_bounded_and_never_on_disk(client, monkeypatch):
    data = (EXAMPLES / "huyen-dong-son-2023.txt").read_bytes()
    answer = client.post("/check", data={"file": (io.BytesIO(data), "bai.txt")}, content_type="multipart/form-data")
    assert answer.status_code == 200 and "core.enumeration.items-match-count" in answer.get_data(as_text=True)
    refused = client.post("/check", data={"file": (io.BytesIO(b"%PDF-1.4"), "bai.pdf")},
                          content_type="multipart/form-data")
    assert refused.status_code == 415 and "only .txt, .md, .docx, .html, .htm files" in refused.get_data(as_text=True)
    broken = client.post("/check", data={"file": (io.BytesIO(b"PK\x03\x04"), "bai.docx")},
                         content_type="multipart/form-data")
    assert broken.status_code == 422 and "not a readable Word document" in broken.get_data(as_text=True)
    assert client.post("/check", data={"text": "  "}).status_code == 400
    # a file above werkzeug's 500 KB spooling threshold, but within the bound: still nothing on disk
    def no_disk(*args, **kwargs):
        raise AssertionError("a temporary file was created")

    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    big = DRAFT + "\n\n" + "Ghi chú thêm của phóng viên. " * 22_000  # about 650 KB
    answer = client.post("/check", data={"file": (io.BytesIO(big.encode()), "dai.md")},
                         content_type="multipart/form-data")
    assert answer.status_code == 200
    too_big = client.post("/check", data={"file": (io.BytesIO(b"x" * (3 * 1024 * 1024)), "x.txt")},
                          content_type="multipart/form-data")
    assert too_big.status_code == 413 and "larger than 2048 KB" in too_big.get_data(as_text=True)


def test_a_word_draft_is_checked(client, tmp_path):
    from test_documents import make_docx

    make_docx(tmp_path / "nhap.docx")
    answer = client.post("/check", data={"file": (io.BytesIO((tmp_path / "nhap.docx").read_bytes()), "nhap.docx")},
                         content_type="multipart/form-data")
    assert answer.status_code == 200 and "core.enumeration.items-match-count" in answer.get_data(as_text=True)


def test_serve_listens_on_localhost(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200 and b"Paste a draft" in page.read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("figcheck serve did not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=10)

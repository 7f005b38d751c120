"""End to end in a real headless browser (Debian's chromium and chromedriver, installed by .ci/run):
``figcheck serve`` highlights a known inconsistency, a draft with ``<script>`` shows the text and does not
run it, and the report's own filter script runs under its Content-Security-Policy."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

DRAFT = "Toàn huyện có 412 khu dân cư (96,35%) đạt tiêu chuẩn an toàn về an ninh trật tự."
EVIL = (DRAFT + "\n\n<script>document.title = 'pwned'; window.pwned = 1;</script>"
        "<img src=x onerror=\"window.pwned = 2\">")


def _binary(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise AssertionError(f"none of {names} is installed: .ci/run installs Debian's chromium and chromium-driver")


@pytest.fixture(scope="module")
def server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=_binary("chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _check(browser, server, text: str) -> None:
    browser.get(server)
    browser.find_element(By.ID, "text").send_keys(text)
    browser.find_element(By.CSS_SELECTOR, "form[action='/check'] button[type=submit]").click()
    for _ in range(300):
        if browser.find_elements(By.CSS_SELECTOR, ".item .text"):
            return
        time.sleep(0.1)
    raise AssertionError("no report came back: " + browser.page_source[:500])


def test_a_pasted_draft_is_highlighted_and_filtered(browser, server):
    _check(browser, server, DRAFT)
    sentence = browser.find_element(By.CSS_SELECTOR, "span.sentence.error")
    assert "412" in sentence.text and "96,35%" in sentence.text
    flagged = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.fig.flag-error")]
    assert flagged == ["412", "96,35%"]
    anomaly = browser.find_element(By.CSS_SELECTOR, ".anomaly[data-rule='core.share.granularity']")
    assert anomaly.is_displayed() and "412/427 = 96,49%" in anomaly.text
    # the filter script runs (its hash is in the page's policy): unticking "error" hides the anomaly
    browser.find_element(By.CSS_SELECTOR, "input[data-severity='error']").click()
    assert not anomaly.is_displayed()
    assert browser.find_element(By.ID, "shown-count").text == "0"
    assert "muted" in sentence.get_attribute("class").split()


def test_a_script_in_a_draft_is_shown_not_run(browser, server):
    _check(browser, server, EVIL)
    assert browser.title != "pwned"
    assert browser.execute_script("return window.pwned === undefined")
    text = browser.find_element(By.CSS_SELECTOR, ".item .text").text
    assert "<script>document.title = 'pwned'; window.pwned = 1;</script>" in text
    assert not browser.find_elements(By.CSS_SELECTOR, ".item .text img, .item .text script")

"""The web explorer in a real browser: Debian's headless chromium driven over WebDriver.

The app runs under uvicorn in a background thread on 127.0.0.1; ``chromedriver`` (package
``chromium-driver``) is spoken to with plain HTTP (httpx), so no extra Python package is
needed. Screenshots land in ``tests/screenshots/`` (gitignored).

Without /usr/bin/chromium these tests skip locally; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from baogao.library import Library
from baogao.web import create_app

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
SHOTS = Path(__file__).parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
TOKEN = "browser-token"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               "--window-size=1366,900", "--lang=zh-CN"]
HOSTILE = """北京市测试区2024年政府工作报告
<script>window.pwned = 1</script>
<img src=x onerror="window.pwned = 2">地区生产总值增速安排5%左右，登记失业率控制在3.5%以内。
"""


def _chromedriver() -> str | None:
    return shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)


def _require_browser() -> str:
    driver = _chromedriver()
    if Path(CHROMIUM).exists() and driver:
        return driver
    reason = ("chromium or chromedriver is missing: apt-get install -y chromium chromium-driver")
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must run the browser tests)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Browser:
    """A minimal W3C WebDriver client over httpx."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=60)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": CHROME_ARGS},
        }}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        r = self.http.request(method, path, json=body if method == "POST" else None)
        data = r.json()
        value = data.get("value") if isinstance(data, dict) else None
        if r.status_code >= 400:
            message = value.get("message", "") if isinstance(value, dict) else r.text
            raise AssertionError(f"webdriver {method} {path}: {message[:300]}")
        return value

    def cmd(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """A command of this session."""
        return self._call(method, f"/session/{self.session}{path}", body)

    def get(self, url: str) -> None:
        """Open ``url`` and wait for the page to load."""
        self.cmd("POST", "/url", {"url": url})

    @property
    def url(self) -> str:
        """The current URL."""
        return str(self.cmd("GET", "/url"))

    def js(self, script: str, *args: Any) -> Any:
        """Run ``script`` (a function body) in the page."""
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find_all(self, css: str) -> list[str]:
        """Element ids matching ``css``."""
        found = self.cmd("POST", "/elements", {"using": "css selector", "value": css})
        return [e[ELEMENT] for e in found]

    def wait(self, css: str, timeout: float = 10) -> str:
        """The first element matching ``css``, waiting for it to appear."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find_all(css)
            if found:
                return found[0]
            if time.monotonic() > deadline:
                raise AssertionError(f"no element {css!r} on {self.url}")
            time.sleep(0.1)

    def click(self, element: str) -> None:
        """Click an element."""
        self.cmd("POST", f"/element/{element}/click", {})

    def type(self, element: str, text: str) -> None:
        """Type into an input (a file path for a file input)."""
        self.cmd("POST", f"/element/{element}/value", {"text": text})

    def text(self, element: str) -> str:
        """The visible text of an element."""
        return str(self.cmd("GET", f"/element/{element}/text"))

    def attr(self, element: str, name: str) -> str | None:
        """An attribute of an element."""
        value = self.cmd("GET", f"/element/{element}/attribute/{name}")
        return None if value is None else str(value)

    def resize(self, width: int, height: int) -> None:
        """Set the window size."""
        self.cmd("POST", "/window/rect", {"width": width, "height": height})

    def screenshot(self, name: str) -> Path:
        """Save a PNG of the viewport to tests/screenshots/NAME.png."""
        SHOTS.mkdir(exist_ok=True)
        path = SHOTS / f"{name}.png"
        path.write_bytes(base64.b64decode(self.cmd("GET", "/screenshot")))
        return path

    def quit(self) -> None:
        """End the session."""
        try:
            self.cmd("DELETE", "")
        finally:
            self.http.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the seeds, the 2026 provinces and a hostile report, served on loopback."""
    db = tmp_path_factory.mktemp("browser") / "lib.db"
    hostile = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    hostile.write_text(HOSTILE, "utf-8")
    with Library(db) as lib:
        lib.ingest([DATA / "seeds", DATA / "corpus" / "provinces-2026", hostile])
    port = _free_port()
    config = uvicorn.Config(create_app(db, write_token=TOKEN), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless chromium session through chromedriver on a free loopback port."""
    driver = _require_browser()
    port = _free_port()
    proc = subprocess.Popen([driver, f"--port={port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{url}/status", timeout=1).json()["value"]["ready"]:
                break
        except (httpx.HTTPError, KeyError, ValueError):
            pass
        assert time.monotonic() < deadline, "chromedriver did not start"
        time.sleep(0.1)
    b = Browser(url)
    try:
        yield b
    finally:
        try:
            b.quit()
        finally:
            proc.terminate()
            proc.wait(10)


def test_library_lists_reports(site: str, browser: Browser) -> None:
    browser.get(site + "/")
    rows = browser.find_all("table.docs tbody tr")
    assert len(rows) == 21
    assert browser.text(browser.wait("nav a.active")) == "文库"
    browser.screenshot("library")
    browser.type(browser.wait("input[name=region]"), "西城区")
    browser.click(browser.wait(".filters button"))
    browser.wait("a.reset")
    assert "region=" in browser.url
    assert 0 < len(browser.find_all("table.docs tbody tr")) < 21


def test_reader_highlights_facts(site: str, browser: Browser) -> None:
    browser.get(site + "/?q=003_cd0a21e123bf8728")
    browser.click(browser.wait("a.doc-link"))
    mark = browser.wait("article mark.fact-target[data-indicator=gdp_growth]")
    assert "/documents/" in browser.url
    assert "5%左右" in (browser.attr(mark, "title") or "")
    background = browser.js("return getComputedStyle(arguments[0]).backgroundColor",
                            {ELEMENT: mark})
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert len(browser.find_all("article mark.fact")) >= 10
    assert browser.find_all("article a.term")
    assert browser.find_all(".outline a[href^='#sec-']")
    browser.screenshot("reader")
    browser.click(browser.wait(".fact-list a"))
    assert browser.url.endswith("#fact-0")
    browser.click(browser.wait("article a.term"))
    assert "#term-" in browser.url
    browser.screenshot("reader-glossary")


def test_search_opens_the_cited_passage(site: str, browser: Browser) -> None:
    browser.get(site + "/search")
    browser.type(browser.wait("input[name=q]"), "接诉即办")
    browser.click(browser.wait(".search-form button"))
    browser.wait("ol.results mark")
    assert "接诉即办" in browser.text(browser.wait("ol.results .snippet"))
    browser.screenshot("search")
    browser.click(browser.wait("a.result-link"))
    cited = browser.wait("#cited")
    assert "?at=" in browser.url
    assert "接诉即办" in browser.text(cited) or "接诉即办" in browser.js(
        "return arguments[0].closest('p').textContent", {ELEMENT: cited})
    in_view = browser.js("const r = arguments[0].getBoundingClientRect();"
                         "return r.top >= 0 && r.bottom <= window.innerHeight;",
                         {ELEMENT: cited})
    assert in_view, "the cited passage is scrolled into view"
    browser.screenshot("search-result")


def test_tracker_shows_verdicts(site: str, browser: Browser) -> None:
    browser.get(site + "/track?region=西城区")
    badge = browser.wait("table.track .verdict-met")
    assert browser.text(badge) == "完成"
    assert browser.find_all("table.track td.quote a")
    browser.screenshot("track")


def test_compare_draws_a_chart(site: str, browser: Browser) -> None:
    browser.get(site + "/compare?indicator=gdp_growth&kind=target&period=2026")
    img = browser.wait("figure.chart img")
    loaded = browser.js("const i = arguments[0]; return i.complete && i.naturalWidth > 0;",
                        {ELEMENT: img})
    assert loaded, "the SVG chart loads"
    assert len(browser.find_all("table.facts tbody tr")) >= 10
    browser.screenshot("compare")


def test_hostile_report_stays_inert(site: str, browser: Browser) -> None:
    browser.get(site + "/?q=hostile")
    browser.click(browser.wait("a.doc-link"))
    browser.wait("article p")
    assert browser.js("return window.pwned === undefined")
    assert "<script>" in browser.text(browser.wait("article"))


def test_upload_through_the_form(site: str, browser: Browser, tmp_path: Path) -> None:
    report = tmp_path / "上传测试.txt"
    report.write_text("北京市上传区2025年政府工作报告\n各位代表：\n"
                      "全区地区生产总值增长5.5%左右。\n", "utf-8")
    browser.get(site + "/upload")
    browser.type(browser.wait("input[type=file]"), str(report))
    browser.type(browser.wait("input[name=token]"), TOKEN)
    browser.click(browser.wait("#upload-form button"))
    link = browser.wait("#upload-result a", timeout=30)
    assert "新增 1" in browser.text(browser.wait("#upload-result .ok"))
    browser.screenshot("upload")
    browser.click(link)
    assert "上传区" in browser.text(browser.wait("article"))


def test_mobile_layout(site: str, browser: Browser) -> None:
    browser.resize(390, 844)
    try:
        browser.get(site + "/?q=003_cd0a21e123bf8728")
        browser.click(browser.wait("a.doc-link"))
        browser.wait("article mark.fact")
        overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, "no horizontal scrolling on a phone"
        browser.screenshot("reader-mobile")
    finally:
        browser.resize(1366, 900)


# -- the first hour in the explorer: numbers, facts, errors, phones -----------------------------

PHONE = (390, 844)


def _no_sideways_scroll(browser: Browser) -> bool:
    return bool(browser.js(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_facts_page_numbers_sorting_paging_facets(site: str, browser: Browser) -> None:
    browser.get(site + "/facts?indicator=地区生产总值")
    body = browser.text(browser.wait("main"))
    assert "e+" not in body and "E+" not in body
    assert "万亿元" in body, "large 亿元 amounts are shown in 万亿元"
    header = browser.text(browser.wait("h1 small"))
    assert header.startswith("共 ")
    assert browser.find_all(".facet li a"), "facets with counts"
    browser.screenshot("facts")
    browser.click(browser.wait("th a.sort[href*='sort=value']"))
    browser.wait("th a.sort.on")
    assert "sort=value" in browser.url
    values = browser.js("return [...document.querySelectorAll('table.facts td.value')]"
                        ".map(td => td.textContent.trim())")
    assert values, "rows sorted by value"
    browser.get(site + "/facts")
    total = int(browser.text(browser.wait("h1 small")).split()[1].replace(",", ""))
    assert total > 100
    next_link = browser.wait(".pager a[rel=next]")
    browser.click(next_link)
    assert "page=2" in browser.url
    assert "第 101–" in browser.text(browser.wait(".pager-note"))


def test_facts_region_picker_takes_several_regions(site: str, browser: Browser) -> None:
    browser.get(site + "/facts")
    browser.js("const s = document.querySelector('select[name=region]');"
               "for (const o of s.options) {"
               "  o.selected = ['上海市', '广东省'].includes(o.value); }")
    browser.click(browser.wait(".facts-filters button[type=submit]"))
    browser.wait("table.facts tbody tr")
    assert browser.url.count("region=") == 2
    regions = set(browser.js("return [...document.querySelectorAll("
                             "'table.facts td[data-label=地区]')]"
                             ".map(td => td.textContent.trim())"))
    assert regions == {"上海市", "广东省"}


def test_cite_this_and_permalink_on_every_fact(site: str, browser: Browser) -> None:
    browser.get(site + "/facts?region=西城区")
    browser.wait("table.facts tbody tr")
    # both counted in one script once the page has loaded (two separate lookups could see
    # the table at two moments while a slow machine still parsed it)
    rows, links = browser.js(
        "return new Promise(function (done) {"
        " function count() { done([document.querySelectorAll('table.facts tbody tr').length,"
        " document.querySelectorAll('table.facts a.permalink').length]); }"
        " if (document.readyState === 'complete') { count(); }"
        " else { window.addEventListener('load', count); } });")
    assert rows > 0
    assert links == rows
    browser.click(browser.wait("details.cite summary"))
    text = browser.js("return document.querySelector('details.cite textarea').value")
    assert "/documents/" in text and "原文" in text and "北京市西城区" in text
    browser.screenshot("facts-cite")


def test_invalid_year_keeps_the_form_and_says_why_in_chinese(site: str,
                                                             browser: Browser) -> None:
    browser.get(site + "/facts?region=西城区&year=99999999999999999999")
    error = browser.text(browser.wait(".form-error"))
    assert "无效" in error and "1949" in error
    assert browser.js("return document.querySelector('input[name=year]').value") == \
        "99999999999999999999"
    browser.screenshot("facts-error")
    browser.get(site + "/documents/0000000000000000")
    assert browser.text(browser.wait(".error-page h1")).startswith("找不到")
    assert browser.find_all(".error-page .ways a[href='/']")


def test_search_shows_the_real_total_with_pages(site: str, browser: Browser) -> None:
    browser.get(site + "/search?q=发展")
    note = browser.text(browser.wait(".search-total"))
    total = int(note.split("共 ")[1].split(" ")[0].replace(",", ""))
    assert total > 20
    assert len(browser.find_all("ol.results li")) == 20
    browser.click(browser.wait(".pager a[rel=next]"))
    assert "第 21–" in browser.text(browser.wait(".search-total"))
    title = browser.text(browser.wait("a.result-link"))
    assert ".txt" not in title and ".csv" not in title


def test_reader_heading_plan_table_and_outline(site: str, browser: Browser) -> None:
    browser.get(site + "/?q=003_cd0a21e123bf8728")
    browser.click(browser.wait("a.doc-link"))
    heading = browser.text(browser.wait(".doc-head h1"))
    assert "西城区" in heading and "2023" in heading
    table = browser.wait("article table.plan-table")
    assert "地区生产总值" in browser.text(table)
    outline = browser.js("return [...document.querySelectorAll('.outline li a')]"
                         ".map(a => a.textContent)")
    assert sum("名词解释" in t for t in outline) == 1
    browser.js("arguments[0].scrollIntoView()", {ELEMENT: table})
    browser.screenshot("reader-plan-table")
    browser.get(site + "/?q=000_b5713cac4734963f")
    browser.click(browser.wait("a.doc-link"))
    heading = browser.text(browser.wait(".doc-head h1"))
    assert "北京市西城区" in heading and "2023" in heading


def test_compare_tiles_and_chart_downloads(site: str, browser: Browser) -> None:
    browser.get(site + "/compare?indicator=地区生产总值增长&kind=target&period=2026")
    tiles = browser.wait("figure.tiles img")
    assert browser.js("const i = arguments[0]; return i.complete && i.naturalWidth > 300;",
                      {ELEMENT: tiles})
    assert browser.find_all("a.png-download") and browser.find_all("a[download='compare.svg']")
    browser.js("arguments[0].scrollIntoView()", {ELEMENT: tiles})
    browser.screenshot("compare-tiles")
    svg = httpx.get(site + "/api/compare", params={"indicator": "gdp", "kind": "actual",
                                                    "period": "2025", "format": "svg"}).text
    assert "e+" not in svg


def test_attention_sorted_by_code_with_a_chart(site: str, browser: Browser) -> None:
    browser.get(site + "/attention")
    regions = browser.js("return [...document.querySelectorAll('table.attention tbody "
                         "td:first-child')].map(td => td.textContent.trim())")
    from baogao.read.regions import code_of

    codes = [code_of(r) or "999999" for r in regions]
    assert codes == sorted(codes)
    assert len(browser.find_all("table.attention thead th")) <= 10
    browser.screenshot("attention")


def test_api_page_tries_requests_locally(site: str, browser: Browser) -> None:
    browser.get(site + "/api/docs")
    scripts = browser.js("return [...document.querySelectorAll('script[src], link[href]')]"
                         ".map(e => e.src || e.href)")
    assert all(s.startswith(site) for s in scripts), "no CDN"
    form = browser.wait("form.try[data-path='/api/search']")
    browser.type(browser.js("return arguments[0].querySelector('input[name=q]')",
                            {ELEMENT: form})[ELEMENT], "就业")
    browser.js("arguments[0].querySelector('button').click()", {ELEMENT: form})
    deadline = time.monotonic() + 15
    while "source" not in (browser.js("return arguments[0].nextElementSibling"
                                      ".querySelector('.try-result').textContent",
                                      {ELEMENT: form}) or ""):
        assert time.monotonic() < deadline, "the API answer is shown on the page"
        time.sleep(0.2)
    browser.js("arguments[0].scrollIntoView()", {ELEMENT: form})
    browser.screenshot("api-try")


def test_downloads_beside_csv(site: str) -> None:
    xlsx = httpx.get(site + "/facts/download.xlsx", params={"region": "西城区"}, timeout=120)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    dta = httpx.get(site + "/facts/download.dta", params={"region": "西城区"}, timeout=120)
    assert dta.status_code == 200 and len(dta.content) > 1000


@pytest.mark.parametrize("path", ["/", "/facts?indicator=地区生产总值", "/compare",
                                  "/attention", "/search?q=就业", "/track?region=西城区",
                                  "/glossary", "/api/docs"])
def test_phone_layouts(site: str, browser: Browser, path: str) -> None:
    browser.resize(*PHONE)
    try:
        browser.get(site + path)
        browser.wait("main")
        nav_fits = browser.js("const n = document.querySelector('.topbar nav');"
                              "return n.scrollWidth <= n.clientWidth + 1 && "
                              "n.getBoundingClientRect().right <= window.innerWidth + 1")
        assert nav_fits, "the navigation wraps instead of overflowing"
        assert _no_sideways_scroll(browser), f"{path} scrolls sideways on a phone"
        heads = browser.js("return [...document.querySelectorAll('table.cards thead')]"
                           ".map(h => getComputedStyle(h).display)")
        assert all(d == "none" for d in heads), "tables become cards"
        name = path.strip("/").split("?")[0].replace("/", "-") or "library"
        table = browser.find_all("table.cards tbody tr, figure.chart")
        if table:
            browser.js("arguments[0].scrollIntoView()", {ELEMENT: table[0]})
        browser.screenshot(f"phone-{name}")
    finally:
        browser.resize(1366, 900)

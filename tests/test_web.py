"""Browser tests: the real server on loopback, Debian's Chromium driven by Playwright.

Screenshots land in artifacts/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")
httpx = pytest.importorskip("httpx")

from test_api_support import ROOT, XSS_TEXT, XSS_TITLE, sample_db  # noqa: E402

CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "artifacts" / "screenshots"
TOKEN = "web-test-token"
KZ_CN = "#/dossier/country:KZ/country:CN"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing "
                       "(scripts/setup.d/20-chromium.sh installs Debian's chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


@pytest.fixture(scope="module")
def server(pipeline, tmp_path_factory):
    """``newsgraph serve`` in a subprocess over the sample store, plus one hostile article."""
    db = sample_db(pipeline, tmp_path_factory.mktemp("web") / "samples.db")
    port = _free_port()
    env = {**os.environ, "NEWSGRAPH_INGEST_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        hostile = {"title": XSS_TITLE, "text": XSS_TEXT, "date": "2024-05-02", "source": "evil.example"}
        answer = httpx.post(f"{base}/api/v1/documents", json={"documents": [hostile]},
                            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120).json()
        assert len(answer["stored"]) == 1, answer
        yield {"base": base, "xss_id": answer["stored"][0]}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What a page reports that it should not: CSP violations, errors, dialogs."""

    def __init__(self, page) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("dialog", self._dialog)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));")

    def _console(self, message) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text or "CSP" in text:
            self.problems.append(f"console {message.type}: {text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()


def open_route(page, server, route: str) -> None:
    page.goto(f"{server['base']}/{route}")
    wait_ready(page)


def wait_ready(page, condition: str = "true") -> None:
    """Wait until the page at the current address is drawn and ``condition`` (JavaScript) holds.

    The app marks ``data-route`` with the address it drew, so the previous page's "ready" (the
    hash changes before the hashchange event runs) is never taken for the new one."""
    page.wait_for_function(f"() => document.body.dataset.page === 'ready'"
                           f" && document.body.dataset.route === location.hash && ({condition})",
                           timeout=20_000)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def clean(page) -> None:
    assert page.watch.problems == []
    assert page.watch.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"


# --- the dossier -------------------------------------------------------------------------------


def test_home_leads_to_the_seed_dossier(page, server):
    open_route(page, server, "#/")
    first = page.locator("a.pair").first
    assert first.inner_text() == "Kazakhstan – China"
    first.click()
    wait_ready(page, f"location.hash === {KZ_CN!r}")
    assert page.locator("h1").first.inner_text() == "Kazakhstan – China"
    clean(page)


def test_dossier_renders_charts_and_timeline(page, server):
    open_route(page, server, KZ_CN)
    page.wait_for_selector(".series-chart[data-rendered=true] svg", timeout=20_000)
    page.wait_for_selector(".timeline-chart[data-rendered=true] svg", timeout=20_000)
    assert page.locator(".series-chart g.mark-symbol path").count() >= 2
    assert page.locator(".timeline-item").count() >= 1
    assert "Trade turnover" in page.locator(".series h3").first.inner_text()
    assert page.locator(".target .bar-fill").count() >= 1
    page.wait_for_timeout(300)
    shot(page, "dossier-kz-cn")
    clean(page)


def test_a_figure_leads_to_its_sentence(page, server):
    open_route(page, server, KZ_CN)
    page.wait_for_selector(".series-chart[data-rendered=true] svg", timeout=20_000)
    point = page.locator(".series-chart g.mark-symbol path").first
    point.hover()
    page.wait_for_selector("#tooltip:not([hidden])")
    assert "period" in page.locator("#tooltip").inner_text()
    point.click()
    wait_ready(page, "location.hash.startsWith('#/doc/') && location.hash.includes('claim=')")
    focus = page.locator(".seg.focus")
    assert focus.count() >= 1
    sentence = "".join(focus.all_inner_texts())
    assert "$24 billion" in sentence or "$13.6 billion" in sentence
    assert page.locator(".seg.focus.hl-claim").count() >= 1  # the figure itself, in the sentence
    shot(page, "figure-to-sentence")
    clean(page)


def test_article_hover_shows_normalized_values(page, server):
    open_route(page, server, KZ_CN)
    page.locator(".points a.source").first.click()
    wait_ready(page, "location.hash.startsWith('#/doc/')")
    time_mark = page.locator(".seg.hl-time", has_text="last year").first
    time_mark.hover()
    assert "→ 2022" in page.locator("#tooltip").inner_text()
    figure = page.locator(".seg.hl-claim").first
    figure.hover()
    tip = page.locator("#tooltip").inner_text()
    assert "period" in tip and "kind" in tip
    shot(page, "article-hover")
    clean(page)


def test_entity_page_draws_the_graph(page, server):
    open_route(page, server, "#/entity/country:KZ")
    page.wait_for_selector("#entity-graph[data-rendered=true] canvas", timeout=20_000)
    assert page.locator(".timeline-item").count() >= 1
    shot(page, "entity-kz")
    clean(page)


# --- untrusted text ----------------------------------------------------------------------------


def test_hostile_article_is_shown_as_text_and_runs_nothing(page, server):
    open_route(page, server, f"#/doc/{server['xss_id']}")
    assert page.locator("h1.article-title").inner_text() == XSS_TITLE
    assert "<script>window.__pwned=3" in page.locator("#article-text").inner_text()
    assert page.locator("#main img, #main svg[onload], #main script").count() == 0
    shot(page, "hostile-article")
    for route in ["#/search?q=memorandum", "#/entity/country:KZ", "#/", KZ_CN]:
        open_route(page, server, route)
        page.wait_for_timeout(300)
    open_route(page, server, "#/search?q=memorandum")
    assert page.locator(".hit-title").first.inner_text() == XSS_TITLE
    shot(page, "hostile-search")
    clean(page)


def test_every_response_sends_the_csp(server):
    for path in ["/", "/static/js/main.js", "/api/v1/health"]:
        csp = httpx.get(f"{server['base']}{path}").headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe" not in csp

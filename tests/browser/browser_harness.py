"""Serve a built site on localhost and drive it with Debian's Chromium through Playwright.

Shared by the browser tests (tests/browser/) and the benchmarks, which may import it
with ``sys.path.insert(0, "tests/browser")``. Run as a script it measures what a reader
pays for search on an already built site:

    .venv/bin/python tests/browser/browser_harness.py site/ --query deepfake

Playwright never downloads a browser here: it drives `/usr/bin/chromium` (Debian's
package, installed by `.ci/run`), with the background-networking flags that keep
Chromium from calling out of a machine without a network.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOCALHOST = "127.0.0.1"
VIEWPORT = {"width": 1280, "height": 800}
SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT_LINK = ".md-search-result__item > a.md-search-result__link"


class BrowserUnavailable(RuntimeError):
    """Chromium or Playwright is missing; the message says how to install it."""


def require_browser() -> None:
    """Raise `BrowserUnavailable` unless Playwright imports and Chromium is installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise BrowserUnavailable(
            f"Playwright for Python is not importable ({exc}): "
            "install the test extras (`python3 dev.py test` does) or `pip install playwright`"
        ) from exc
    if not CHROMIUM.is_file():
        raise BrowserUnavailable(
            f"{CHROMIUM} not found: browser tests drive Debian's Chromium "
            "(`apt-get install -y chromium`, or run `bash .ci/run`, which installs it)"
        )


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Debian Chromium, never a browser downloaded by Playwright."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of one folder published under `base_path`, like GitHub Pages does:
    a missing file gets the site's own 404.html with status 404."""

    base_path = "/"
    not_found: list[str]

    def _inside_base(self) -> bool:
        route = unquote(urlsplit(self.path).path)
        return route.startswith(self.base_path) or route + "/" == self.base_path

    def send_head(self) -> Any:
        if not self._inside_base():
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        route = unquote(urlsplit(path).path)
        return super().translate_path("/" + route[len(self.base_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        self.not_found.append(self.path)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class SiteServer:
    """A running server: `url` is the site's root URL, ending in "/"; `not_found` lists
    every request path that got a 404, so a test can name the broken link."""

    url: str
    base_path: str
    not_found: list[str] = field(default_factory=list)

    def page_url(self, path: str) -> str:
        """URL of a path relative to the site root (``"regions/jp/"``)."""
        return self.url + path.lstrip("/")


@contextmanager
def serve_site(
    site_dir: Path, base_path: str = "/", handler_class: type[_SiteHandler] = _SiteHandler
) -> Iterator[SiteServer]:
    """Serve `site_dir` on 127.0.0.1, on a free port, under `base_path` (the path of the
    site's `site_url`, so that absolute links the build wrote resolve), from a daemon
    thread of a threaded http.server, for as long as the context is open. A subclass of
    `_SiteHandler` may serve the files differently (the search benchmark gzips them)."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    not_found: list[str] = []
    handler = type("Handler", (handler_class,), {"base_path": base, "not_found": not_found})
    server = http.server.ThreadingHTTPServer(
        (LOCALHOST, 0), partial(handler, directory=str(site_dir))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield SiteServer(url=f"http://{host!s}:{port}{base}", base_path=base, not_found=not_found)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class SearchMeasurement:
    """What one search costs a reader who opens the home page and types a query.

    `index_transfer_bytes` is what crossed the wire for search_index.json from this
    uncompressed local server; `index_gzip_bytes` what a gzip-serving host such as
    GitHub Pages would send. `seconds_to_first_result` runs from the start of the
    page load (so it includes fetching the index and building it in Material's web
    worker) to the first result on screen; `seconds_typing_to_result` from the first
    keystroke."""

    query: str
    index_url: str
    index_transfer_bytes: int
    index_body_bytes: int
    index_gzip_bytes: int
    seconds_to_first_result: float
    seconds_typing_to_result: float
    results: list[str]

    def summary(self) -> str:
        return (
            f"search {self.query!r}: search_index.json {self.index_transfer_bytes:,} bytes "
            f"transferred ({self.index_gzip_bytes:,} gzipped), first result "
            f"{self.seconds_to_first_result * 1000:.0f} ms after page load started "
            f"({self.seconds_typing_to_result * 1000:.0f} ms after typing), "
            f"{len(self.results)} result{'' if len(self.results) == 1 else 's'}"
        )


_RESULTS_FOR_QUERY = """words => {
    const links = [...document.querySelectorAll(".md-search-result__item > a")];
    if (!links.length) return false;
    const terms = new URL(links[0].href).searchParams.get("h");
    if (terms !== null) {
        const matched = terms.toLowerCase().split(" ");
        return words.every(word => matched.includes(word));
    }
    const marks = [...document.querySelectorAll(".md-search-result__item mark")]
        .map(mark => mark.textContent.toLowerCase());
    return words.every(word => marks.some(mark => mark.startsWith(word)));
}"""


def search(page: Page, query: str, timeout_ms: float = 30_000) -> list[str]:
    """Type `query` into Material's search box like a reader and return the absolute
    URLs of the result entries (one per page, in the order shown).

    Material answers every keystroke, so results for a prefix of the query can be on
    screen first; the results count as the query's once the terms Material matched
    (the ``h`` parameter it adds to result links with search.highlight on, or else the
    words it marks in the results) include every word of the query."""
    page.locator(SEARCH_INPUT).click()
    page.keyboard.type(query)
    page.wait_for_function(
        _RESULTS_FOR_QUERY, arg=query.lower().split(), timeout=timeout_ms, polling="raf"
    )
    hrefs = page.locator(SEARCH_RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
    return [str(href) for href in hrefs]


def measure_search(browser: Browser, home_url: str, query: str) -> SearchMeasurement:
    """Open `home_url` in a fresh context (empty cache), search for `query`, and report
    bytes downloaded for the index and time to the first result."""
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        index_responses = []
        page.on(
            "requestfinished",
            lambda request: (
                index_responses.append(request)
                if urlsplit(request.url).path.endswith("/search_index.json")
                else None
            ),
        )
        started = time.perf_counter()
        page.goto(home_url, wait_until="domcontentloaded")
        typing = time.perf_counter()
        results = search(page, query)
        finished = time.perf_counter()
        if not index_responses:
            page.wait_for_event(
                "requestfinished",
                lambda request: urlsplit(request.url).path.endswith("/search_index.json"),
                timeout=10_000,
            )
        request = index_responses[0]
        response = request.response()
        body = response.body() if response is not None else b""
        sizes = request.sizes()
        return SearchMeasurement(
            query=query,
            index_url=request.url,
            index_transfer_bytes=int(sizes["responseBodySize"] + sizes["responseHeadersSize"]),
            index_body_bytes=len(body),
            index_gzip_bytes=len(gzip.compress(body, compresslevel=6, mtime=0)),
            seconds_to_first_result=finished - started,
            seconds_typing_to_result=finished - typing,
            results=results,
        )
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build -d SITE_DIR)")
    parser.add_argument("--query", action="append", help="query to time (repeatable)")
    parser.add_argument("--base-path", default="/", help="path of the site's site_url")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    args = parser.parse_args(argv)
    try:
        require_browser()
    except BrowserUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    measurements = []
    with serve_site(args.site_dir, args.base_path) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for query in args.query or ["deepfake"]:
                measurements.append(measure_search(browser, server.url, query))
        finally:
            browser.close()
    if args.json:
        print(json.dumps([asdict(m) for m in measurements], indent=2))
    else:
        for measurement in measurements:
            print(measurement.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())

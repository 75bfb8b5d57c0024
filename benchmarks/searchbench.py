"""Search as a reader meets it: bytes downloaded and time to the first result, measured in
headless Debian Chromium on a built site served from localhost.

For each query, a fresh browser context (empty cache) opens the home page, waits for it
to load, clicks the search box and types the query at `KEY_DELAY_MS` a key, as a reader
would. In the page, a listener notes the time of every keyup and a MutationObserver on
Material's result list notes when the results of the whole query are first on screen
(every word of the query among the terms Material puts in the first result's ``h``
parameter, as tests/browser/browser_harness.py checks), or Material's "no matching
documents" for the whole query, if no result follows within `NONE_QUIET_MS` (Material
shows it for a moment when the answer to an earlier, empty query arrives after the
keystroke). Reported:

- ``ms_after_last_key``: from the last keyup to those results;
- ``ms_after_load``: from the start of the page load to those results;
- ``search_raw_bytes`` / ``search_gzip_bytes``: the bodies of every request that serves
  search, as stored and as they crossed the wire: the local server gzips HTML, CSS,
  JavaScript, JSON, XML and SVG (level 6) for a browser that accepts it, as GitHub
  Pages does. Search requests are those under ``search/`` (Material's
  ``search_index.json`` and any index shards), the search worker script named in the
  page's ``__config``, and anything else requested after the search box was focused.
  Material fetches its index and worker at page load, before the box is focused, which
  is why they are counted by URL;
- ``requests``: how many search requests that was, counted once no request has finished
  for a second (the worker may still be fetching the rest of the result list).

On localhost the times are the browser's and the worker's work, not the network's. So
each query is also measured pasted (the whole query set at once, then one keyup; the
time runs from that keyup, even if the worker is not ready yet) on an emulated slow 4G
connection (`SLOW_4G`: 150 ms round trip, 1.6 Mbit/s down, Lighthouse's mobile preset,
applied through the DevTools protocol to the page and its workers), as for a reader who
opens the page and searches straight away: ``pasted_slow_4g`` in each query's record,
the worst time as ``max_ms_pasted_slow_4g``. The local server speaks HTTP/1.1, so
Chromium opens at most six connections to it and a query's record chunks queue behind
each other; GitHub Pages speaks HTTP/2, which sends them side by side.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))

from browser_harness import (  # noqa: E402
    SEARCH_INPUT,
    VIEWPORT,
    BrowserUnavailable,
    _SiteHandler,
    launch_chromium,
    require_browser,
    serve_site,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request

QUERIES = ("Japan", "Europol", "facial recognition", "United States")
"""A region, an organisation (a tag), a two-word subject, and the largest region by name."""
KEY_DELAY_MS = 120
NONE_QUIET_MS = 3000
SLOW_4G = {"latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
TIMEOUT_S = float(os.environ.get("SEARCHBENCH_TIMEOUT_S", "600"))

_WATCH = """([words, none]) => {
    const input = document.querySelector("input.md-search__input");
    const output = document.querySelector("[data-md-component=search-result]");
    const meta = output.querySelector(".md-search-result__meta");
    const state = {lastKey: 0, result: null, none: null};
    window.__searchbench = state;
    input.addEventListener("keyup", () => {
        state.lastKey = performance.now();
        state.result = state.none = null;
    });
    const seen = () => {
        const typed = input.value.toLowerCase().split(/\\s+/).join(" ");
        if (typed !== words.join(" ")) return null;
        const link = output.querySelector(".md-search-result__item > a");
        if (!link) return meta.textContent === none ? "none" : null;
        const terms = (new URL(link.href).searchParams.get("h") || "").toLowerCase().split(" ");
        return words.every(word => terms.includes(word)) ? "result" : null;
    };
    new MutationObserver(() => {
        if (!state.lastKey || state.result !== null) return;
        const what = seen();
        if (what === "result") state.result = performance.now();
        else if (what === "none" && state.none === null) state.none = performance.now();
    }).observe(output, {childList: true, subtree: true, characterData: true});
}"""
_FINISHED = """quiet => {
    const state = window.__searchbench;
    return state.result !== null || (state.none !== null && performance.now() - state.none > quiet);
}"""


COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".map")


@lru_cache(maxsize=4096)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(_SiteHandler):
    """The site as GitHub Pages serves it: text files gzipped for a browser that asks."""

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and self._inside_base() and path.endswith(COMPRESSED)):
            return super().send_head()
        if not os.path.isfile(path):
            return super().send_head()
        body = _gzipped(path, os.path.getmtime(path))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


_PASTE = """query => {
    const input = document.querySelector("input.md-search__input");
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {key: "End"}));
}"""


def _is_search(url: str, base: str, worker: str | None) -> bool:
    path = urlsplit(url).path
    return path.startswith(urlsplit(base).path + "search/") or (
        worker is not None and path == urlsplit(worker).path
    )


def _settle(page: Page, finished: list[Any], quiet_s: float = 1.0, limit_s: float = 60) -> None:
    """Wait until no request has finished for `quiet_s`: the worker may still be fetching
    what it shows after the first result (the rest of the result list)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit_s:
        seen = len(finished)
        page.wait_for_timeout(quiet_s * 1000)
        if len(finished) == seen:
            return


def measure_query(
    browser: Browser, home: str, query: str, network: dict[str, float] | None = None
) -> dict[str, Any]:
    """One reader, one query, in a fresh context: typed, or pasted over `network` (see the
    module docstring)."""
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        if network is not None:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", {"offline": False, **network})
        finished: list[tuple[float, Request]] = []
        context.on("requestfinished", lambda r: finished.append((time.perf_counter(), r)))
        context.on("requestfailed", lambda r: finished.append((time.perf_counter(), r)))
        started = time.perf_counter()
        page.goto(home, wait_until="load")
        config = json.loads(page.locator("#__config").text_content() or "{}")
        worker = urljoin(page.url, config["search"]) if config.get("search") else None
        words = query.lower().split()
        none = config.get("translations", {}).get("search.result.none", "")
        page.evaluate(_WATCH, [words, none])
        page.locator(SEARCH_INPUT).click()
        focused = time.perf_counter()
        if network is None:
            page.keyboard.type(query, delay=KEY_DELAY_MS)
        else:
            page.evaluate(_PASTE, query)
        page.wait_for_function(_FINISHED, arg=NONE_QUIET_MS, timeout=TIMEOUT_S * 1000, polling=50)
        last_key, found, none = page.evaluate(
            "() => [window.__searchbench.lastKey, window.__searchbench.result, "
            "window.__searchbench.none]"
        )
        result = found if found is not None else none
        _settle(page, finished)
        results = page.locator(".md-search-result__item > a").count()
        raw = packed = count = 0
        for when, request in finished:
            if not (when >= focused or _is_search(request.url, home, worker)):
                continue
            response = request.response()
            if response is None:
                continue
            raw += len(response.body())
            packed += request.sizes()["responseBodySize"]
            count += 1
        return {
            "query": query,
            "ms_after_last_key": round(result - last_key, 1),
            "ms_after_load": round(result, 1),
            "search_raw_bytes": raw,
            "search_gzip_bytes": packed,
            "requests": count,
            "results_shown": results,
            "wall_s": round(time.perf_counter() - started, 2),
        }
    finally:
        context.close()


def measure(site: Path, mount: str = "/", queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    """Every query of `queries` on the built `site`, served under `mount`; the worst
    query's bytes and time as ``max_*`` for the benchmark's table."""
    try:
        require_browser()
    except BrowserUnavailable as exc:
        return {"error": str(exc)}
    from playwright.sync_api import Error, sync_playwright

    runs: list[dict[str, Any]] = []
    with serve_site(site, mount, GzipHandler) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for query in queries:
                try:
                    run = measure_query(browser, server.url, query)
                    run["pasted_slow_4g"] = measure_query(browser, server.url, query, SLOW_4G)
                    runs.append(run)
                except Error as exc:
                    runs.append({"query": query, "error": str(exc).splitlines()[0]})
        finally:
            browser.close()
    done = [r for r in runs if "error" not in r]
    out: dict[str, Any] = {"queries": runs, "key_delay_ms": KEY_DELAY_MS}
    if done:
        out["max_raw_kb"] = round(max(r["search_raw_bytes"] for r in done) / 1000, 1)
        out["max_gzip_kb"] = round(max(r["search_gzip_bytes"] for r in done) / 1000, 1)
        out["max_ms_after_last_key"] = max(r["ms_after_last_key"] for r in done)
        slow = [r["pasted_slow_4g"]["ms_after_last_key"] for r in done]
        out["max_ms_pasted_slow_4g"] = max(slow)
    if len(done) < len(runs):
        out["error"] = "; ".join(f"{r['query']}: {r['error']}" for r in runs if "error" in r)
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), *(sys.argv[2:3] or ["/"])), indent=2))

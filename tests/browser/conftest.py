"""Fixtures for the browser tests: the bundled archive built once, served on localhost,
and a page in headless Debian Chromium that fails its test on any console error.

The site is built with `mkdocs build --strict` from the repository's own mkdocs.yml and
content/, once per test run (xdist workers share the build through a file lock), and
served under the path of its `site_url`, as GitHub Pages serves a project site.
BRIEFINGS_BROWSER_PROJECT=DIR runs the same tests on another project folder.

A missing Chromium or Playwright fails these tests with the reason; it never skips them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from browser_harness import (
    LOCALHOST,
    VIEWPORT,
    BrowserUnavailable,
    SiteServer,
    launch_chromium,
    require_browser,
    serve_site,
)
from filelock import FileLock
from site_pages import OUTPUT, PROJECT, BuiltSite, published_briefings

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        ConsoleMessage,
        Dialog,
        Page,
        Playwright,
        Request,
        Route,
    )

SCREENSHOTS = OUTPUT / "screenshots"


def site_url_of_config() -> str:
    from mkdocs.config import load_config

    return str(load_config(str(PROJECT / "mkdocs.yml"))["site_url"] or "")


def build_site(site_dir: Path) -> None:
    """`mkdocs build --strict` of the project's site into `site_dir`; fail with its log."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]
    result = subprocess.run(
        command,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        log = (result.stdout + result.stderr)[-4000:]
        pytest.fail(
            f"`mkdocs build --strict` failed (exit {result.returncode}):\n{log}", pytrace=False
        )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The bundled archive built once per run; xdist workers share one build."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = tmp_path_factory.getbasetemp().parent
    else:
        shared = tmp_path_factory.getbasetemp()
    site_dir = shared / "browser-site"
    done = shared / "browser-site.built"
    with FileLock(str(shared / "browser-site.lock")):
        if not done.exists():
            build_site(site_dir)
            done.touch()
    site_url = site_url_of_config()
    return BuiltSite(
        site_dir=site_dir,
        site_url=site_url,
        base_path=urlsplit(site_url).path or "/",
        briefings=published_briefings(PROJECT / "content"),
    )


@pytest.fixture(scope="session")
def site(built_site: BuiltSite) -> Iterator[SiteServer]:
    with serve_site(built_site.site_dir, built_site.base_path) as server:
        yield server


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    try:
        require_browser()
    except BrowserUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    try:
        chromium = launch_chromium(playwright_session)
    except Exception as exc:
        pytest.fail(f"could not start /usr/bin/chromium through Playwright: {exc}", pytrace=False)
    yield chromium
    chromium.close()


@dataclass
class PageProblems:
    """Everything a reader's browser complained about while a test ran."""

    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.console_errors or self.external_requests or self.not_found)

    def report(self) -> str:
        lines = [f"console error: {e}" for e in self.console_errors]
        lines += [f"404 from the site for {path}" for path in self.not_found]
        lines += [
            f"request off the site (blocked; the site must work offline): {u}"
            for u in self.external_requests
        ]
        return "\n".join(dict.fromkeys(lines))


@pytest.fixture
def page(browser: Browser, site: SiteServer) -> Iterator[Page]:
    """A fresh page (own context, empty cache) whose console errors, uncaught exceptions,
    dialogs (an `alert` means a script ran), requests leaving the local server and
    requests the session's server answers 404 fail the test that used it. Any server on
    127.0.0.1 counts as the site (a test may serve a fixture archive of its own)."""
    page_problems = PageProblems()
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    local = f"http://{LOCALHOST}:"

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            source = message.location.get("url")
            where = f"on {reader_page.url}" + (f", from {source}" if source else "")
            page_problems.console_errors.append(f"{message.text} ({where})")

    def on_dialog(dialog: Dialog) -> None:
        page_problems.console_errors.append(f"script opened a {dialog.type}: {dialog.message!r}")
        dialog.dismiss()

    def on_page_error(error: Any) -> None:
        page_problems.console_errors.append(f"uncaught {error} (on {reader_page.url})")

    def keep_local(route: Route, request: Request) -> None:
        if request.url.startswith((local, "data:", "blob:")):
            route.continue_()
        else:
            page_problems.external_requests.append(request.url)
            route.abort()

    context.route("**/*", keep_local)
    reader_page = context.new_page()
    reader_page.on("console", on_console)
    reader_page.on("pageerror", on_page_error)
    reader_page.on("dialog", on_dialog)
    seen_404 = len(site.not_found)
    yield reader_page
    context.close()
    page_problems.not_found += site.not_found[seen_404:]
    if page_problems:
        pytest.fail("the browser reported problems:\n" + page_problems.report(), pytrace=False)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

"""Hostile metadata stays text in a real browser: no injected script runs and no injected
element appears, on the briefing page, the home page or in Material's search results
(which render titles from the search index as HTML)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from browser_harness import SiteServer, search, serve_site
from playwright.sync_api import Page
from site_pages import ROOT, heading, open_path, site_path

pytestmark = pytest.mark.browser

INJECTED = "script, iframe, img[src='x'], b, i, [onerror], [onmouseover]"
SCOPES = (".md-content", ".md-search-result")


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, str]]:
    """The site tests' fixture archive (tests/site_fixtures.py), with its hostile briefing,
    built and served; yields the server and the hostile title."""
    sys.path.insert(0, str(ROOT / "tests"))
    from site_fixtures import HOSTILE_TITLE, SITE_URL, build_standard, url_path

    built = build_standard(tmp_path_factory.mktemp("hostile-browser"))
    hostile = next(it for it in built.items if it.briefing.title == HOSTILE_TITLE)
    with serve_site(built.site, SITE_URL.split("/", 3)[3]) as server:
        yield server, url_path(hostile)


def injected(page: Page) -> list[str]:
    """Outer HTML of elements in the page content or the search results that only the
    hostile briefing's text could have put there."""
    selector = ", ".join(f"{scope} :is({INJECTED})" for scope in SCOPES)
    return page.locator(selector).evaluate_all("elements => elements.map(e => e.outerHTML)")


def test_hostile_title_is_text_on_its_page_and_on_the_home_page(
    page: Page, hostile_archive: tuple[SiteServer, str]
) -> None:
    server, path = hostile_archive
    open_path(page, server, path)
    assert heading(page).startswith('<script>alert("t")</script> Deepfake <img')
    assert not injected(page)
    open_path(page, server, "")
    assert page.get_by_text('<script>alert("t")</script> Deepfake').count() >= 1
    assert not injected(page)


def test_hostile_title_is_text_in_search_results(
    page: Page, hostile_archive: tuple[SiteServer, str]
) -> None:
    server, path = hostile_archive
    open_path(page, server, "")
    results = [site_path(server, url) for url in search(page, "deepfake")]
    assert path in results
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert any(title.startswith("<script>") for title in titles), titles
    assert not injected(page)

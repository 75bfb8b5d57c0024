"""Every kind of page the site has, opened in Chromium without a single console error.

Every browser test fails on a console error or uncaught exception (see the `page`
fixture); this one makes sure each kind of page is visited at least once: the home
page, each overview, one listing of each section and its numbered pages, a briefing,
the 404 page.
"""

from __future__ import annotations

import re

import pytest
from browser_harness import SiteServer
from playwright.sync_api import Page
from site_pages import BuiltSite, open_path

pytestmark = pytest.mark.browser


def one_page_of_each_kind(built_site: BuiltSite) -> list[str]:
    """Site paths of built HTML pages, one per shape of path (``regions/*/``,
    ``briefings/*/*/*/``, ``topics/*/page/*/``...), first in sorted order."""
    kinds: dict[str, str] = {}
    for html in sorted(built_site.site_dir.rglob("*.html")):
        path = html.relative_to(built_site.site_dir).as_posix().removesuffix("index.html")
        if path.startswith(("assets/", "search/")):
            continue
        segments = path.split("/")
        shape = "/".join(
            s if i == 0 or s == "page" or not s else re.sub(r".+", "*", s)
            for i, s in enumerate(segments)
        )
        kinds.setdefault(shape, path)
    return sorted(kinds.values())


def test_one_page_of_every_kind_loads_without_console_errors(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    visited = one_page_of_each_kind(built_site)
    expected = {"", "regions/", "topics/", "tags/", "archive/", "sources/", "404.html"}
    assert expected <= set(visited), f"missing pages: {expected - set(visited)}"
    assert any(path.startswith("briefings/") for path in visited)
    for path in visited:
        open_path(page, site, path)
        page.wait_for_load_state("networkidle")

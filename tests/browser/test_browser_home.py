"""The home page, as a reader first sees it: the latest briefings, newest first."""

from __future__ import annotations

import pytest
from browser_harness import SiteServer
from playwright.sync_api import Page
from site_pages import BuiltSite, briefing_paths, open_path

pytestmark = pytest.mark.browser


def test_home_page_lists_the_latest_briefings_newest_first(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    open_path(page, site, "")
    listed = briefing_paths(page, site)
    published = {p.path: p for p in built_site.briefings}
    expected = min(10, len(published))
    assert len(listed) >= expected, f"home lists {len(listed)} briefings: {listed}"
    unknown = [path for path in listed if path not in published]
    assert not unknown, f"home links to briefings that are not published: {unknown}"
    dates = [published[path].briefing.date for path in listed]
    assert dates == sorted(dates, reverse=True), f"home is not newest first: {listed}"
    assert dates[0] == built_site.briefings[0].briefing.date


def test_home_page_shows_title_and_summary_of_the_newest_briefing(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    newest = built_site.briefings[0].briefing
    open_path(page, site, "")
    content = page.locator(".md-content")
    assert content.get_by_text(newest.title, exact=True).first.is_visible()
    assert content.get_by_text(newest.summary[:60]).first.is_visible()

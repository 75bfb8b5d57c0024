"""Material's search, used as a reader uses it: type a word, see briefings, open one."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest
from browser_harness import SEARCH_RESULT_LINK, SiteServer, measure_search, search
from playwright.sync_api import Browser, Page
from site_pages import OUTPUT, BuiltSite, follow, heading, open_path, site_path

pytestmark = pytest.mark.browser

DEEPFAKES = "deepfakes-misinformation"


def test_typing_deepfake_shows_the_japan_and_south_korea_briefings_and_opens_one(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    japan = built_site.find(DEEPFAKES, "JP")
    korea = built_site.find(DEEPFAKES, "KR")
    open_path(page, site, "")
    results = [site_path(site, url) for url in search(page, "deepfake")]
    assert japan.path in results, f"{japan.title!r} not among results {results}"
    assert korea.path in results, f"{korea.title!r} not among results {results}"

    result = page.locator(SEARCH_RESULT_LINK).nth(results.index(japan.path))
    assert site_path(site, follow(page, result.click)) == japan.path
    assert heading(page) == japan.title


def test_search_finds_a_briefing_by_the_name_of_its_region(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    japan = built_site.find(DEEPFAKES, "JP")
    open_path(page, site, "")
    results = [site_path(site, url) for url in search(page, "Japan")]
    assert japan.path in results, f"{japan.title!r} not among results {results}"


def test_reader_download_and_wait_for_a_first_search_result_are_measured(
    browser: Browser, site: SiteServer, built_site: BuiltSite
) -> None:
    measurement = measure_search(browser, site.url, "deepfake")
    count = len(built_site.briefings)
    per_briefing = measurement.index_body_bytes / count
    print(f"\n{measurement.summary()} for {count} published briefings")
    print(f"search index per briefing: {per_briefing:,.0f} bytes")
    record = {**asdict(measurement), "briefings": count, "index_bytes_per_briefing": per_briefing}
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "search-measurement.json").write_text(json.dumps(record, indent=2) + "\n")
    index_file = built_site.site_dir / "search" / "search_index.json"
    assert measurement.index_body_bytes == index_file.stat().st_size
    assert measurement.results

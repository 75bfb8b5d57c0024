"""Material's search box, used as a reader uses it, answered by the archive's own search
worker and sharded index (overrides/assets/javascripts/search-worker.js,
generator/site/search.py): type a word, see briefings, open one; names find their pages,
partly typed words find results, a query without a match says so in Material's words,
Enter opens the best result, and the worker reads words exactly as the build does."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict

import pytest
from browser_harness import SEARCH_INPUT, SEARCH_RESULT_LINK, SiteServer, measure_search, search
from playwright.sync_api import Browser, Page
from site_pages import OUTPUT, ROOT, BuiltSite, follow, heading, open_path, site_path

from generator.site.search import words

pytestmark = pytest.mark.browser

DEEPFAKES = "deepfakes-misinformation"
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"


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


@pytest.mark.parametrize(
    ("typed", "region", "word"), [("japan", "JP", "japan"), ("kore", "KR", "korea")]
)
def test_a_region_name_or_its_first_letters_find_the_region_page_first_then_its_briefings(
    page: Page, site: SiteServer, built_site: BuiltSite, typed: str, region: str, word: str
) -> None:
    briefing = built_site.find(DEEPFAKES, region)
    open_path(page, site, "")
    results = [site_path(site, url) for url in search(page, typed)]
    assert results[0] == f"regions/{region.lower()}/", results
    assert briefing.path in results, results
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert marks and all(mark.lower().startswith(typed) for mark in marks), marks
    suggestion = page.locator(".md-search__suggest").element_handle()
    page.wait_for_function("([el, word]) => el.textContent === word", arg=[suggestion, word])


def test_a_query_without_a_match_shows_materials_no_results_text(
    page: Page, site: SiteServer
) -> None:
    open_path(page, site, "")
    config = json.loads(page.locator("#__config").text_content() or "{}")
    none = config["translations"]["search.result.none"]
    page.locator(SEARCH_INPUT).click()
    page.keyboard.type("zyxwvut qqq")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "([el, text]) => el.textContent === text", arg=[meta.element_handle(), none]
    )
    assert page.locator(SEARCH_RESULT_LINK).count() == 0


def test_enter_opens_the_best_result(page: Page, site: SiteServer) -> None:
    open_path(page, site, "")
    results = search(page, "japan")
    assert site_path(site, results[0]) == "regions/jp/"
    assert site_path(site, follow(page, lambda: page.keyboard.press("Enter"))) == "regions/jp/"
    assert heading(page) == "Japan"


def test_the_worker_reads_words_as_the_build_does(browser: Browser) -> None:
    """Python's `words` and the worker's, on tricky names and on every assigned code
    point standing alone."""
    names = [
        "Türkiye's AI-Act",
        "İstanbul ΟΔΟΣ Straße",
        "Łódź ﬁnance ½ 日本語 e\u0301cole",
        "C'est l'Union_européenne — 2026/01",
        "Ǆemal ＡＩ ①",
    ]
    every = " ".join(
        chr(c)
        for c in range(0x20, 0x30000)
        if unicodedata.category(chr(c)) not in ("Cn", "Cs", "Co")
    )
    page = browser.new_page()
    try:
        page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
        found = page.evaluate("texts => texts.map(text => words(text))", [*names, every])
    finally:
        page.close()
    assert found[:-1] == [words(name) for name in names]
    assert found[0] == ["turkiye", "s", "ai", "act"]
    assert found[-1] == words(every)


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

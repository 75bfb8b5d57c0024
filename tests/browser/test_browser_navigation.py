"""From a briefing to its indexes and back: metadata chips and the world map."""

from __future__ import annotations

import pytest
from browser_harness import SiteServer
from playwright.sync_api import Page
from site_pages import BuiltSite, briefing_paths, click_shape, follow, heading, open_path, site_path

pytestmark = pytest.mark.browser

DEEPFAKES = "deepfakes-misinformation"


@pytest.mark.parametrize(
    ("chip", "section"), [("chip--region", "regions"), ("chip--topic", "topics")]
)
def test_chip_on_a_briefing_leads_to_an_index_page_that_lists_the_briefing(
    page: Page, site: SiteServer, built_site: BuiltSite, chip: str, section: str
) -> None:
    japan = built_site.find(DEEPFAKES, "JP")
    open_path(page, site, japan.path)
    chips = page.locator(f".md-content a.chip.{chip}")
    assert chips.count() >= 1, f"no {chip} chip on {japan.path}"
    follow(page, chips.first.click)
    index = site_path(site, page.url)
    assert index.startswith(f"{section}/") and index != f"{section}/", index
    assert japan.path in briefing_paths(page, site), f"{index} does not list {japan.path}"


def test_primary_region_chip_opens_the_page_of_that_country(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    korea = built_site.find(DEEPFAKES, "KR")
    open_path(page, site, korea.path)
    follow(page, page.locator(".md-content a.chip.chip--region").first.click)
    assert site_path(site, page.url) == "regions/kr/"
    assert "Korea" in heading(page)
    assert korea.path in briefing_paths(page, site)


def test_clicking_a_country_on_the_world_map_opens_its_region_page(
    page: Page, site: SiteServer, built_site: BuiltSite
) -> None:
    japan = built_site.find(DEEPFAKES, "JP")
    open_path(page, site, "regions/")
    country = 'svg.world-map a[data-region="JP"]'
    assert page.locator(country).count() == 1, "the world map on regions/ has no link for Japan"
    assert page.locator("svg.world-map").is_visible()
    click_shape(page, country)
    assert site_path(site, page.url) == "regions/jp/"
    assert "Japan" in heading(page)
    assert japan.path in briefing_paths(page, site)

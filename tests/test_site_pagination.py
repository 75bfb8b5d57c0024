"""Listing pages hold at most `page_size` briefings; the rest go on numbered pages with
previous/next links."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from site_fixtures import (
    archive_of,
    build_site,
    html_at,
    item,
    links,
    listing_links,
    write_project,
)

from generator.site import DerivedPage, SiteConfig, derive


def regulator_items(count: int, region: str = "JP") -> list:
    return [
        item(
            f"Regulator {n} in the region issues guidance on AI audits",
            f"{2024 + n // 300}-{(n // 28) % 12 + 1:02d}-{n % 28 + 1:02d}",
            [region],
            "ai-governance-regulation",
            "Reuters",
            f"Regulator {n} issued guidance on how companies should audit AI systems.",
        )
        for n in range(count)
    ]


def list_items(page: DerivedPage) -> int:
    return len(lxml.html.fromstring(page.html).cssselect(".briefing-list li"))


def test_no_listing_page_holds_more_than_fifty_briefings() -> None:
    derived = derive(archive_of(regulator_items(120)), SiteConfig())
    region_pages = sorted(p for p in derived.pages if p.startswith("regions/jp/"))
    assert region_pages == ["regions/jp/index.md", "regions/jp/page/2.md", "regions/jp/page/3.md"]
    assert [list_items(derived.pages[p]) for p in region_pages] == [50, 50, 20]
    assert max(list_items(page) for page in derived.pages.values()) == 50


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paginated")
    return build_site(write_project(root, regulator_items(11)), page_size=4)


def test_numbered_pages_split_at_the_limit_newest_first(paginated: Path) -> None:
    pages = ["regions/jp/", "regions/jp/page/2/", "regions/jp/page/3/"]
    counts = [len(html_at(paginated, p).cssselect(".briefing-list li")) for p in pages]
    assert counts == [4, 4, 3]
    titles = listing_links(paginated, "regions/jp/")
    assert len(titles) == len(set(titles)) == 11
    assert not (paginated / "regions/jp/page/4").exists()


def test_pages_link_to_previous_next_and_every_number(paginated: Path) -> None:
    assert links(paginated, "regions/jp/", ".pagination a.pagination__next") == [
        "regions/jp/page/2/"
    ]
    assert links(paginated, "regions/jp/", ".pagination a.pagination__prev") == []
    middle = "regions/jp/page/2/"
    assert links(paginated, middle, ".pagination a.pagination__prev") == ["regions/jp/"]
    assert links(paginated, middle, ".pagination a.pagination__next") == ["regions/jp/page/3/"]
    assert links(paginated, middle, ".pagination a.pagination__page") == [
        "regions/jp/",
        "regions/jp/page/3/",
    ]
    current = html_at(paginated, middle).cssselect(".pagination__current")[0]
    assert current.text_content() == "2"
    title = html_at(paginated, middle).cssselect(".md-content h1")[0].text_content()
    assert title == "Japan (page 2)"


def test_long_listings_show_a_window_of_page_numbers() -> None:
    derived = derive(archive_of(regulator_items(60)), SiteConfig(page_size=2))
    nav = lxml.html.fromstring(derived.pages["regions/jp/page/15.md"].html).cssselect(
        ".pagination"
    )[0]
    numbers = [a.text_content() for a in nav.cssselect("a.pagination__page")]
    assert numbers == ["1", "13", "14", "16", "17", "30"]
    assert len(nav.cssselect(".pagination__gap")) == 2

"""`mkdocs build --strict` on a fixture archive: the pages a reader browses, checked on the
built HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_fixtures import (
    SITE_URL,
    BuiltSite,
    build_site,
    build_standard,
    html_at,
    links,
    listing_links,
    published,
    resolve,
    standard_items,
    url_path,
    write_project,
)
from site_fixtures import (
    item as make_item,
)
from slugify import slugify

from generator.model import Status


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_standard(tmp_path_factory.mktemp("standard"), page_size=4)


def by_title(built: BuiltSite, start: str):
    return next(it for it in built.items if it.briefing.title.startswith(start))


def test_every_published_briefing_has_a_page_with_its_title(built: BuiltSite) -> None:
    for item in published(built.items):
        doc = html_at(built.site, url_path(item))
        assert doc.cssselect(".md-content h1")[0].text_content() == item.briefing.title


def test_unpublished_briefings_are_absent_from_pages_search_and_sitemap(built: BuiltSite) -> None:
    held = [it for it in built.items if it.briefing.status is not Status.PUBLISHED]
    assert {it.briefing.status for it in held} == {Status.OFF_TOPIC, Status.REVIEW}
    everything = b"".join(p.read_bytes() for p in built.site.rglob("*") if p.is_file())
    for item in held:
        assert not (built.site / url_path(item)).exists()
        assert item.briefing.slug.encode() not in everything
    for word in (b"striker", b"Zanzibar"):
        assert word not in everything


@pytest.mark.parametrize("kind", ["regions", "topic", "tags"])
def test_each_index_page_links_to_each_of_its_briefings(built: BuiltSite, kind: str) -> None:
    expected: dict[str, set[str]] = {}
    for item in published(built.items):
        b = item.briefing
        keys = {"regions": b.regions, "topic": [b.topic], "tags": b.tags}[kind]
        section = "topics" if kind == "topic" else kind
        for key in keys:
            expected.setdefault(f"{section}/{slugify(key)}/", set()).add(url_path(item))
    assert expected
    for index, briefings in expected.items():
        assert set(listing_links(built.site, index)) == briefings, index


def test_briefing_chips_link_to_their_index_pages(built: BuiltSite) -> None:
    item = by_title(built, "South Korea makes")
    page = url_path(item)

    def chip(kind: str) -> list[str]:
        return links(built.site, page, f".briefing-chips a.chip--{kind}")

    assert chip("date") == ["archive/2026/01/"]
    assert chip("source") == ["sources/reuters/"]
    assert chip("region") == ["regions/kr/"]
    assert chip("topic") == ["topics/deepfakes-misinformation/"]
    for index in [*chip("region"), *chip("topic"), *chip("source")]:
        assert page in listing_links(built.site, index)
    doc = html_at(built.site, page)
    (source_link,) = doc.cssselect(".briefing-chips a.briefing-source-link")
    assert source_link.get("href") == item.briefing.source_url
    also = doc.cssselect(".briefing-also")[0]
    assert "Korea Herald" in also.text_content() and "Yonhap" in also.text_content()
    assert "https://www.koreaherald.com/x" in [a.get("href") for a in also.cssselect("a")]


def test_tag_chips_link_to_tag_pages(built: BuiltSite) -> None:
    page = url_path(by_title(built, "EU AI Office"))
    assert links(built.site, page, ".briefing-chips a.chip--tag") == [
        "tags/ai-act/",
        "tags/european-commission/",
    ]


def test_navigation_stays_short_with_no_entry_per_briefing(built: BuiltSite) -> None:
    for path in ["", url_path(published(built.items)[0]), "regions/jp/"]:
        doc = html_at(built.site, path)
        tabs = [a.text_content().strip() for a in doc.cssselect(".md-tabs__link")]
        assert tabs == ["Home", "Regions", "Topics", "Tags", "Archive", "Sources"]
        nav_text = " ".join(a.text_content() for a in doc.cssselect("nav.md-nav--primary a"))
        assert not any(it.briefing.title in nav_text for it in built.items)


def test_home_lists_latest_briefings_with_chips_summary_and_entry_points(built: BuiltSite) -> None:
    doc = html_at(built.site, "")
    items = doc.cssselect(".home-latest .briefing-list li")
    newest = sorted(published(built.items), key=lambda it: it.briefing.date, reverse=True)
    titles = [li.cssselect(".briefing-title")[0].text_content() for li in items]
    assert titles == [it.briefing.title for it in newest]
    first = items[0]
    assert first.cssselect("a.chip--region")[0].text_content() == "Japan"
    assert first.cssselect("a.chip--topic")[0].text_content() == "Deepfakes and misinformation"
    assert first.cssselect(".briefing-summary")[0].text_content() == newest[0].briefing.summary
    assert "Digital Watch Observatory" in first.cssselect(".briefing-meta")[0].text_content()
    topics = {
        li.cssselect("a")[0].text_content(): li.cssselect(".count")[0].text_content()
        for li in doc.cssselect(".home-topics li")
    }
    assert topics["Deepfakes and misinformation"] == "5"
    assert "regions/us/" in links(built.site, "", ".home-regions a")
    feeds = ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/all.json"]
    assert links(built.site, "", ".home-feeds a") == feeds
    assert links(built.site, "", ".md-content a[href$='all.atom.xml']") == feeds[:1]


def test_home_offers_topics_and_regions_before_the_latest_briefings(built: BuiltSite) -> None:
    doc = html_at(built.site, "")
    content = doc.cssselect(".md-content")[0]
    order = [
        el.get("class")
        for el in content.iter()
        if el.get("class") in {"home-browse", "home-latest"}
    ]
    assert order == ["home-browse", "home-latest"]
    strip = doc.cssselect("nav.home-browse")[0]
    assert strip.cssselect(".home-topics li") and strip.cssselect(".home-regions li")


def test_listing_items_show_the_primary_region_only_and_briefing_pages_show_all(
    built: BuiltSite,
) -> None:
    many = next(it for it in published(built.items) if len(it.briefing.regions) > 1)
    primary = many.briefing.regions[0].lower()
    for path in ["", f"topics/{many.briefing.topic}/"]:
        doc = html_at(built.site, path)
        for li in doc.cssselect(".briefing-list li"):
            assert len(li.cssselect("a.chip--region")) == 1
    item = next(
        li
        for li in html_at(built.site, "").cssselect(".briefing-list li")
        if li.cssselect(".briefing-title")[0].text_content() == many.briefing.title
    )
    assert resolve("", item.cssselect("a.chip--region")[0].get("href")) == f"regions/{primary}/"
    page = html_at(built.site, url_path(many))
    assert len(page.cssselect(".briefing-chips a.chip--region")) == len(many.briefing.regions)


def test_regions_overview_groups_by_continent_and_bloc_with_a_linked_map(built: BuiltSite) -> None:
    doc = html_at(built.site, "regions/")
    headings = [h.text_content().strip() for h in doc.cssselect(".md-content h2")]
    assert headings == ["Asia", "Europe", "North America", "South America", "Blocs and worldwide"]
    blocs = doc.cssselect(".region-group")[-1]
    counts = {
        li.cssselect("a")[0].text_content(): li.cssselect(".count")[0].text_content()
        for li in blocs.cssselect("li")
    }
    assert counts == {"European Union": "2", "Global": "1"}
    map_links = {
        a.get("data-region"): resolve("regions/", a.get("href"))
        for a in doc.cssselect("svg.world-map a[href]")
    }
    assert map_links["JP"] == "regions/jp/"
    assert set(map_links) == {"JP", "KR", "CN", "IN", "TW", "FR", "DE", "GB", "US", "BR"}
    for path in map_links.values():
        assert (built.site / path / "index.html").exists()
    legend = [li.text_content() for li in doc.cssselect("ul.world-map-legend li")]
    most = max(
        int(re.search(r": (\d+)", t.text_content()).group(1))
        for t in doc.cssselect("svg.world-map a title")
    )
    assert legend[0] == "none" and legend[1].startswith("1") and legend[-1].endswith(str(most))


def test_topic_page_shows_description_count_and_monthly_chart(built: BuiltSite) -> None:
    doc = html_at(built.site, "topics/deepfakes-misinformation/")
    text = doc.cssselect(".md-content")[0].text_content()
    assert "Synthetic media, manipulated content" in text
    assert "5 briefings" in text
    bars = [t.text_content() for t in doc.cssselect("svg.month-chart rect title")]
    assert "January 2026: 2 briefings" in bars
    assert "September 2025: 1 briefing" in bars
    assert sum(int(re.search(r": (\d+)", b).group(1)) for b in bars) == 5


def test_tag_index_lists_every_tag_with_its_count(built: BuiltSite) -> None:
    doc = html_at(built.site, "tags/")
    counts = {
        li.cssselect("a")[0].text_content(): li.cssselect(".count")[0].text_content()
        for li in doc.cssselect(".tag-index li")
    }
    assert counts["AI Act"] == "2"
    assert counts["OpenAI"] == "1"
    assert len(counts) == len({t for it in published(built.items) for t in it.briefing.tags})


def test_archive_and_sources_list_months_and_publishers(built: BuiltSite) -> None:
    months = links(built.site, "archive/", ".archive-index a")
    assert months == [
        "archive/2026/01/",
        "archive/2025/12/",
        "archive/2025/11/",
        "archive/2025/10/",
        "archive/2025/09/",
    ]
    sources = html_at(built.site, "sources/").cssselect(".source-index a")
    assert [a.text_content() for a in sources] == [
        "Digital Watch Observatory",
        "Evil <i>News</i>",
        "Korea Herald",
        "Reuters",
        "Yonhap",
    ]
    reuters = html_at(built.site, "sources/reuters/")
    assert [a.get("href") for a in reuters.cssselect(".source-home a")] == [
        "https://www.reuters.com/"
    ]


def test_briefing_head_has_description_open_graph_and_canonical_url(built: BuiltSite) -> None:
    item = by_title(built, "Japanese police")
    doc = html_at(built.site, url_path(item))
    url = SITE_URL + url_path(item)

    def meta(attr: str, name: str) -> str:
        return doc.cssselect(f'head meta[{attr}="{name}"]')[0].get("content")

    assert meta("name", "description") == item.briefing.summary
    assert meta("property", "og:title") == item.briefing.title
    assert meta("property", "og:description") == item.briefing.summary
    assert meta("property", "og:url") == url
    assert meta("property", "og:type") == "article"
    assert doc.cssselect('head link[rel="canonical"]')[0].get("href") == url


def test_sitemap_lists_every_published_briefing(built: BuiltSite) -> None:
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    for item in published(built.items):
        assert SITE_URL + url_path(item) in locs
    assert f"<lastmod>{by_title(built, 'Japanese police').briefing.date}</lastmod>" in sitemap


def test_not_found_page_loads_its_assets_from_the_site_root(built: BuiltSite) -> None:
    doc = html_at(built.site, "404.html")
    assert "404" in doc.cssselect(".md-content h1")[0].text_content()
    sheets = [link.get("href") for link in doc.cssselect('link[rel="stylesheet"]')]
    assert sheets and all(href.startswith("/briefings/") for href in sheets if "://" not in href)


def test_related_briefings_are_similar_stories(built: BuiltSite) -> None:
    item = by_title(built, "Japanese police")
    related = links(built.site, url_path(item), ".briefing-related a")
    assert 3 <= len(related) <= 5
    assert url_path(item) not in related
    deepfakes = {url_path(it) for it in published(built.items) if "deepfake" in it.body.lower()}
    assert related[0] in deepfakes


def test_raw_digests_and_vocabulary_are_not_published(tmp_path: Path) -> None:
    config = write_project(tmp_path, standard_items())
    (tmp_path / "content" / "raw").mkdir()
    (tmp_path / "content" / "raw" / "digest.txt").write_text("raw digest\n", encoding="utf-8")
    site = build_site(config)
    assert (tmp_path / "content" / "_data" / "taxonomy.yaml").exists()
    assert not (site / "raw").exists()
    assert not (site / "_data").exists()


def test_a_body_opening_with_a_dateline_keeps_its_first_paragraph(tmp_path: Path) -> None:
    """A first line shaped like ``Place: text`` is the briefing's text, not page metadata
    (MkDocs reads such lines as MultiMarkdown metadata in a page without front-matter)."""
    opening = "Brussels: the European Commission opened proceedings against a chatbot maker."
    dated = make_item(
        "Commission opens proceedings against chatbot maker",
        "2026-01-14",
        ["EU"],
        "ai-governance-regulation",
        "Reuters",
        f"{opening}\n\nThe company has two weeks to reply.",
    )
    site = build_site(write_project(tmp_path, [dated]))
    text = html_at(site, url_path(dated)).cssselect(".md-content")[0].text_content()
    assert opening in text
    assert "The company has two weeks to reply." in text

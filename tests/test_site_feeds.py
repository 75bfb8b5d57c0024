"""Atom, RSS and JSON feeds for the archive and every region and topic: valid, newest first,
published briefings only, limited in length, and advertised in the head of their index page."""

from __future__ import annotations

import json

import feedparser
import pytest
from site_fixtures import (
    SITE_URL,
    BuiltSite,
    archive_of,
    build_standard,
    html_at,
    item,
    published,
    resolve,
    url_path,
)

from generator.site import SiteConfig, derive


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_standard(tmp_path_factory.mktemp("feeds"))


def newest_first(items):
    return sorted(items, key=lambda it: (-it.briefing.date.toordinal(), it.briefing.id))


@pytest.mark.parametrize("fmt", ["atom.xml", "rss.xml"])
def test_site_feed_parses_and_lists_published_briefings_newest_first(
    built: BuiltSite, fmt: str
) -> None:
    feed = feedparser.parse((built.site / f"feeds/all.{fmt}").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    expected = newest_first(published(built.items))
    assert [e.title for e in feed.entries] == [it.briefing.title for it in expected]
    assert [e.link for e in feed.entries] == [SITE_URL + url_path(it) for it in expected]
    assert feed.entries[0].summary == expected[0].briefing.summary
    assert feed.feed.link == SITE_URL


def test_json_feed_is_json_feed_1_1(built: BuiltSite) -> None:
    data = json.loads((built.site / "feeds/all.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == SITE_URL + "feeds/all.json"
    expected = newest_first(published(built.items))
    assert [i["url"] for i in data["items"]] == [SITE_URL + url_path(it) for it in expected]
    assert all(i["date_published"].endswith("T00:00:00+00:00") for i in data["items"])


@pytest.mark.parametrize(
    ("index", "feed", "expected_regions", "expected_topic"),
    [
        ("regions/us/", "feeds/regions/us", "US", None),
        (
            "topics/deepfakes-misinformation/",
            "feeds/topics/deepfakes-misinformation",
            None,
            "deepfakes-misinformation",
        ),
    ],
)
def test_region_and_topic_feeds_hold_their_briefings_and_are_advertised(
    built: BuiltSite,
    index: str,
    feed: str,
    expected_regions: str | None,
    expected_topic: str | None,
) -> None:
    wanted = [
        it
        for it in newest_first(published(built.items))
        if (expected_regions in it.briefing.regions if expected_regions else True)
        and (it.briefing.topic == expected_topic if expected_topic else True)
    ]
    assert len(wanted) >= 3
    parsed = feedparser.parse((built.site / f"{feed}.atom.xml").read_bytes())
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == [it.briefing.title for it in wanted]
    head = html_at(built.site, index).cssselect('head link[rel~="alternate"]')
    advertised = {link.get("type"): resolve(index, link.get("href")) for link in head}
    assert advertised == {
        "application/atom+xml": f"{feed}.atom.xml",
        "application/rss+xml": f"{feed}.rss.xml",
        "application/feed+json": f"{feed}.json",
    }
    for path in advertised.values():
        assert (built.site / path).is_file()


def test_home_page_head_advertises_the_site_feeds(built: BuiltSite) -> None:
    head = html_at(built.site, "").cssselect('head link[rel~="alternate"]')
    assert sorted(link.get("href") for link in head) == [
        "feeds/all.atom.xml",
        "feeds/all.json",
        "feeds/all.rss.xml",
    ]


def test_feeds_hold_only_the_latest_entries() -> None:
    items = [
        item(
            f"Regulator number {n} publishes AI guidance",
            f"2025-03-{n:02d}",
            ["JP"],
            "ai-governance-regulation",
            "Reuters",
            f"Regulator {n} published guidance.",
        )
        for n in range(1, 13)
    ]
    derived = derive(archive_of(items), SiteConfig(feed_size=5))
    for path in ["feeds/all.atom.xml", "feeds/regions/jp.rss.xml"]:
        parsed = feedparser.parse(derived.files[path])
        assert [e.title for e in parsed.entries] == [
            f"Regulator number {n} publishes AI guidance" for n in range(12, 7, -1)
        ]
    assert (
        len(json.loads(derived.files["feeds/topics/ai-governance-regulation.json"])["items"]) == 5
    )

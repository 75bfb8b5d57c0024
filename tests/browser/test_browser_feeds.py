"""Feeds as a feed reader finds them: advertised in the page head, served, parseable."""

from __future__ import annotations

import json

import feedparser
import pytest
from browser_harness import SiteServer
from playwright.sync_api import Page
from site_pages import BuiltSite, local_url, open_path, site_path

pytestmark = pytest.mark.browser

XML_TYPES = {"application/atom+xml", "application/rss+xml", "application/xml", "text/xml"}
JSON_TYPES = {"application/feed+json", "application/json"}
DEEPFAKES = "deepfakes-misinformation"


def advertised_feeds(page: Page, site: SiteServer, built_site: BuiltSite) -> dict[str, str]:
    """type -> local URL of each `<link rel="alternate">` in the head of the open page
    (`rel` is a token list: "alternate feed" counts)."""
    links = page.locator('head link[rel~="alternate"]').evaluate_all(
        "links => links.map(link => [link.type, link.href])"
    )
    return {str(kind): local_url(built_site, site, str(href)) for kind, href in links}


def entry_links(url: str, body: bytes) -> list[str]:
    """Links of the entries of an Atom or RSS feed (parsed by feedparser, which must find
    it well-formed) or of a JSON Feed 1.x (which feedparser 6.0 cannot read)."""
    if url.endswith(".json"):
        feed = json.loads(body)
        assert feed["version"].startswith("https://jsonfeed.org/version/1"), feed.get("version")
        assert all(item["id"] and item["title"] for item in feed["items"])
        return [item["url"] for item in feed["items"]]
    parsed = feedparser.parse(body)
    assert not parsed.bozo, f"{url} is not a valid feed: {parsed.get('bozo_exception')}"
    assert parsed.version in {"atom10", "rss20"}, f"{url} parsed as {parsed.version!r}"
    return [entry.link for entry in parsed.entries]


@pytest.mark.parametrize("index", ["", "regions/jp/", f"topics/{DEEPFAKES}/"])
def test_index_page_advertises_atom_rss_and_json_feeds_that_parse(
    page: Page, site: SiteServer, built_site: BuiltSite, index: str
) -> None:
    japan = built_site.find(DEEPFAKES, "JP")
    published = {p.path for p in built_site.briefings}
    open_path(page, site, index)
    feeds = advertised_feeds(page, site, built_site)
    assert {"application/atom+xml", "application/rss+xml"} <= feeds.keys(), feeds
    assert "application/feed+json" in feeds or "application/json" in feeds, feeds

    for kind, url in feeds.items():
        response = page.context.request.get(url)
        assert response.status == 200, f"{url} answered {response.status}"
        content_type = response.headers["content-type"].split(";")[0].strip()
        expected = JSON_TYPES if "json" in kind else XML_TYPES
        assert content_type in expected, f"{url} served as {content_type}"
        entries = entry_links(url, response.body())
        linked = [site_path(site, local_url(built_site, site, link)) for link in entries]
        assert linked, f"{url} has no entries"
        assert set(linked) <= published, (
            f"{url} links to unpublished pages: {set(linked) - published}"
        )
        assert japan.path in linked, f"{url} does not carry {japan.title!r}"

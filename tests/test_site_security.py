"""Nothing in a briefing's metadata or body becomes HTML on the built site: titles, summaries,
tags and source names with tags, event handlers, template syntax and Markdown are shown as
text, in the page, its head, the search index and the feeds."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import lxml.html
import pytest
from site_fixtures import HOSTILE_TITLE, BuiltSite, build_standard, html_at, url_path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_standard(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile(built: BuiltSite):
    return next(it for it in built.items if it.briefing.title == HOSTILE_TITLE)


def all_pages(built: BuiltSite) -> list[tuple[str, lxml.html.HtmlElement]]:
    return [
        (str(path.relative_to(built.site)), lxml.html.fromstring(path.read_bytes()))
        for path in sorted(built.site.rglob("*.html"))
    ]


def test_no_element_or_attribute_from_an_input_survives_on_any_page(built: BuiltSite) -> None:
    pages = all_pages(built)
    assert len(pages) > 40
    for name, doc in pages:
        assert not doc.xpath("//iframe"), name
        handlers = [
            a
            for el in doc.iter()
            if isinstance(el.tag, str)
            for a in el.attrib
            if a.startswith("on")
        ]
        assert handlers == [], name
        scripts = " ".join(s.text_content() for s in doc.xpath("//script"))
        assert "alert(" not in scripts, name
        content = doc.cssselect(".md-content")
        if content:
            injected = [el.tag for el in content[0].iter("b", "i", "img") if el.tag]
            assert injected == [], name
            assert not any(
                a.get("href", "").startswith("javascript:") for a in content[0].iter("a")
            ), name


def test_hostile_metadata_is_shown_as_text_in_page_and_head(built: BuiltSite, hostile) -> None:
    doc = html_at(built.site, url_path(hostile))
    b = hostile.briefing
    assert doc.cssselect(".md-content h1")[0].text_content() == b.title
    assert doc.findtext(".//title") == f"{b.title} - Briefings"
    assert doc.cssselect('meta[name="description"]')[0].get("content") == b.summary
    assert doc.cssselect('meta[property="og:title"]')[0].get("content") == b.title
    chips = doc.cssselect(".briefing-chips")[0]
    assert chips.cssselect("a.chip--source")[0].text_content() == "Evil <i>News</i>"
    assert [a.text_content() for a in chips.cssselect("a.chip--tag")] == list(b.tags)
    body = doc.cssselect(".md-content")[0].text_content()
    assert '<iframe src="https://evil.example"></iframe>' in body
    assert "{{ config.site_name }}" in body
    assert "# Not a heading" in body
    assert len(doc.cssselect(".md-content h1")) == 1


def test_search_records_carry_hostile_metadata_as_text_for_the_worker_to_escape(
    built: BuiltSite, hostile
) -> None:
    chunks = sorted((built.site / "search/docs").glob("*.json"))
    records = [r for chunk in chunks for r in json.loads(chunk.read_text(encoding="utf-8"))]
    (record,) = [r for r in records if r[0] == url_path(hostile)]
    assert record[1] == HOSTILE_TITLE
    assert "Evil <i>News</i>" in record[2]
    material = json.loads((built.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []


def test_feeds_carry_hostile_titles_as_text(built: BuiltSite, hostile) -> None:
    atom = ET.parse(built.site / "feeds/all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert hostile.briefing.title in titles
    feed = json.loads((built.site / "feeds/all.json").read_text(encoding="utf-8"))
    assert hostile.briefing.title in [item["title"] for item in feed["items"]]

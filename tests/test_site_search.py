"""The search index a reader's browser fetches in pieces (generator/site/search.py), read
from a built fixture site: what it holds, what it leaves out, and how its files fit."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_fixtures import (
    BuiltSite,
    build_standard,
    html_at,
    links,
    published,
    url_path,
)

from generator.model import Status
from generator.site.search import shard_path, tokens
from generator.vocab import load_vocabulary


@dataclass(frozen=True)
class Index:
    """A built site's search index, decoded as the worker decodes it."""

    manifest: dict[str, object]
    records: list[list[str]]
    postings: dict[str, list[tuple[int, bool]]]

    def number(self, url: str) -> int:
        return next(i for i, record in enumerate(self.records) if record[0] == url)

    def found_by(self, term: str) -> dict[int, bool]:
        """Document number -> whether `term` is in its title, for a whole word."""
        return dict(self.postings.get(term, []))


def read_index(site: Path) -> Index:
    manifest = json.loads((site / "search/manifest.json").read_text(encoding="utf-8"))
    chunks = sorted((site / "search/docs").glob("*.json"), key=lambda p: int(p.stem))
    records = [r for chunk in chunks for r in json.loads(chunk.read_text(encoding="utf-8"))]
    postings: dict[str, list[tuple[int, bool]]] = {}
    for key in manifest["shards"]:
        shard = json.loads((site / shard_path(key)).read_text(encoding="utf-8"))
        for term, values in shard.items():
            doc, decoded = 0, []
            for value in values:
                doc += value >> 1
                decoded.append((doc, bool(value & 1)))
            postings[term] = decoded
    return Index(manifest, records, postings)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_standard(tmp_path_factory.mktemp("search"))


@pytest.fixture(scope="module")
def index(built: BuiltSite) -> Index:
    return read_index(built.site)


def by_title(built: BuiltSite, start: str):
    return next(it for it in built.items if it.briefing.title.startswith(start))


def test_search_records_hold_every_published_briefing_and_none_held_back(
    built: BuiltSite, index: Index
) -> None:
    urls = [record[0] for record in index.records]
    assert len(urls) == len(set(urls)) == index.manifest["docs"]
    briefings = [url for url in urls if url.startswith("briefings/")]
    assert sorted(briefings) == sorted(url_path(it) for it in published(built.items))
    held = [it for it in built.items if it.briefing.status is not Status.PUBLISHED]
    assert {it.briefing.status for it in held} == {Status.OFF_TOPIC, Status.REVIEW}
    everything = b"".join(p.read_bytes() for p in (built.site / "search").rglob("*.json"))
    for item in held:
        assert item.briefing.slug.encode() not in everything
        assert item.briefing.title.encode() not in everything
    for word in (b"striker", b"zanzibar"):
        assert word not in everything.lower()


def test_a_briefing_is_found_by_its_title_and_the_names_of_its_metadata_and_nothing_else(
    built: BuiltSite, index: Index
) -> None:
    vocab = load_vocabulary(built.root / "content")
    for item in published(built.items):
        b = item.briefing
        doc = index.number(url_path(item))
        names = [vocab.region_name(code) for code in b.regions]
        names += [vocab.topic(b.topic).name, b.source, *b.tags]
        names += [ref.name for ref in b.also_reported_by]
        finding = {
            term: title
            for term in index.postings
            if (title := index.found_by(term).get(doc)) is not None
        }
        assert {t for t, title in finding.items() if title} == set(tokens(b.title)), b.title
        assert set(finding) == set(tokens(b.title)) | {t for n in names for t in tokens(n)}, b.title


def test_a_briefing_is_not_found_by_its_body_or_its_related_briefings(
    built: BuiltSite, index: Index
) -> None:
    police = by_title(built, "Japanese police")
    korea = by_title(built, "South Korea makes")
    related = links(built.site, url_path(korea), ".briefing-related a")
    assert url_path(police) in related
    assert "classmates" in korea.body and "actresses" in police.briefing.title
    doc = index.number(url_path(korea))
    assert doc not in index.found_by("classmates")
    assert doc not in index.found_by("actresses")


def test_a_region_name_finds_the_region_page_before_the_briefings_filed_under_it(
    built: BuiltSite, index: Index
) -> None:
    japan = index.found_by("japan")
    page = index.number("regions/jp/")
    police = index.number(url_path(by_title(built, "Japanese police")))
    assert japan[page] is True
    assert police in japan and page < police
    assert index.records[page][1] == "Japan"
    assert index.number("regions/eu/") in index.found_by("eu")


def test_topic_tag_and_source_pages_are_found_by_their_names(index: Index) -> None:
    assert index.number("topics/deepfakes-misinformation/") in index.found_by("deepfakes")
    assert index.number("tags/ai-act/") in index.found_by("act")
    assert index.number("sources/reuters/") in index.found_by("reuters")


def test_search_terms_are_folded_to_lower_case_without_diacritics_or_stop_words() -> None:
    assert tokens("Türkiye’s AI-Act and the EU, 2026") == [
        "turkiye",
        "s",
        "ai",
        "act",
        "eu",
        "2026",
    ]
    assert tokens("Łódź İstanbul ﬁnance") == ["łodz", "istanbul", "finance"]


def test_each_term_is_in_the_shard_of_its_first_two_letters(built: BuiltSite) -> None:
    manifest = json.loads((built.site / "search/manifest.json").read_text(encoding="utf-8"))
    shards = sorted(p.relative_to(built.site).as_posix() for p in built.site.glob("search/terms/*"))
    assert shards == sorted(shard_path(key) for key in manifest["shards"])
    for key in manifest["shards"]:
        terms = json.loads((built.site / shard_path(key)).read_text(encoding="utf-8"))
        assert terms and all(term[:2] == key for term in terms), key
    chunks = len(list(built.site.glob("search/docs/*.json")))
    assert chunks == -(-manifest["docs"] // manifest["chunk"])
    assert set(manifest["stopwords"]) >= {"the", "of", "and"}


def test_materials_own_index_is_empty_and_its_search_box_talks_to_the_archive_worker(
    built: BuiltSite,
) -> None:
    material = json.loads((built.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []
    assert material["config"]["separator"]
    config = json.loads(html_at(built.site, "").cssselect("#__config")[0].text)
    assert config["search"] == "assets/javascripts/search-worker.js"
    assert (built.site / config["search"]).is_file()
    assert config["translations"]["search.result.none"]
    assert {"search.suggest", "search.highlight"} <= set(config["features"])
    assert html_at(built.site, "").cssselect("form[name=search] input.md-search__input")

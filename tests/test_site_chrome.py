"""The page chrome the plugin reuses (``reuse_chrome``, on by default) is byte for byte
what Material renders on every page: briefings, derived indexes, pages in the navigation
(nested, or a derived index listed there), a curator's page with a table of contents,
and titles that need escaping."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from site_fixtures import HOSTILE_TITLE, build_site, standard_items, write_project

NAV = [
    {"Home": "index.md"},
    {"Browse": [{"Regions": "regions/index.md"}, {"EU": "regions/eu/index.md"}]},
    {"Topics": "topics/index.md"},
    {"Tags": "tags/index.md"},
    {"About": "about.md"},
]
ABOUT = """# About this archive

Curated AI-policy briefings.

## How briefings are chosen

Curators read the digests every day.

## Corrections

Write to the newsroom.
"""


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def build_both(
    root: Path, settings: dict[str, Any] | None = None, **options: Any
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The archive with a curator's page with headings and one without, built with the
    chrome reused and rendered by the theme."""
    config = write_project(root, standard_items())
    (root / "content" / "about.md").write_text(ABOUT, encoding="utf-8")
    (root / "content" / "colophon.md").write_text("Set in the theme's fonts.\n", encoding="utf-8")
    (root / "content" / "imprint.md").write_text("Published by the newsroom.\n", encoding="utf-8")
    settings = settings or {}
    reused = tree(build_site(config, {**settings, "site_dir": str(root / "reused")}, **options))
    rendered = tree(
        build_site(
            config, {**settings, "site_dir": str(root / "rendered")}, **options, reuse_chrome=False
        )
    )
    return reused, rendered


def differing(reused: dict[str, bytes], rendered: dict[str, bytes]) -> list[str]:
    return sorted(p for p in reused.keys() | rendered.keys() if reused.get(p) != rendered.get(p))


def test_reused_chrome_equals_the_themes_rendering_on_every_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.briefings"):
        reused, rendered = build_both(tmp_path)
    assert len([p for p in reused if p.endswith(".html")]) > 50
    assert differing(reused, rendered) == []
    stats = [r.getMessage() for r in caplog.records if "page chrome" in r.getMessage()]
    assert stats and " 0 reused" not in stats[0]


def test_reused_chrome_equals_the_theme_with_a_nested_nav_listing_a_derived_page(
    tmp_path: Path,
) -> None:
    reused, rendered = build_both(tmp_path, {"nav": NAV})
    eu = reused["regions/eu/index.html"].decode("utf-8")
    assert "md-nav__link--active" in eu
    assert differing(reused, rendered) == []


def test_reused_chrome_equals_the_theme_when_the_only_page_in_the_nav_has_no_neighbours(
    tmp_path: Path,
) -> None:
    settings = {"nav": [{"Colophon": "colophon.md"}], "use_directory_urls": False}
    reused, rendered = build_both(tmp_path, settings)
    assert "md-nav__link--active" in reused["colophon.html"].decode("utf-8")
    assert "md-nav__link--active" not in reused["imprint.html"].decode("utf-8")
    assert differing(reused, rendered) == []


def test_reused_chrome_equals_the_theme_on_paged_indexes_as_deep_as_briefings(
    tmp_path: Path,
) -> None:
    reused, rendered = build_both(tmp_path, page_size=2)
    assert "topics/child-safety/page/2/index.html" in reused
    assert differing(reused, rendered) == []


def test_each_page_keeps_its_own_title_in_the_header(tmp_path: Path) -> None:
    reused, _ = build_both(tmp_path)
    own = next(it for it in standard_items() if it.briefing.title == HOSTILE_TITLE)
    hostile = reused[own.path.removesuffix(".md") + "/index.html"].decode("utf-8")
    header = hostile.split('data-md-component="header-topic"', 1)[1].split("</div>", 1)[0]
    assert "Deepfake &lt;img src=x onerror=alert(1)&gt; rules" in header
    assert "<script>alert" not in hostile
    assert HOSTILE_TITLE not in hostile

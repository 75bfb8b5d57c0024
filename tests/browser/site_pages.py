"""What a reader sees on a page of the archive, read from the live DOM.

Links are returned as absolute URLs (the browser's own resolution of each href) and
compared as site paths: ``briefings/2026/01/slug/`` relative to the site's root URL.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_harness import SiteServer

from generator.model import Briefing
from generator.pages import parse_page

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
PROJECT = Path(os.environ.get("BRIEFINGS_BROWSER_PROJECT") or ROOT).resolve()
"""The project whose site the browser tests build: this repository (its bundled archive),
or another folder with a mkdocs.yml and content/ (a synthetic archive, say) named by
the BRIEFINGS_BROWSER_PROJECT environment variable."""
OUTPUT = ROOT / "tests" / "output"
CONTENT = ".md-content"
BRIEFING_PATH = re.compile(r"^briefings/\d{4}/\d{2}/[^/]+/$")
REGION_PATH = re.compile(r"^regions/(?P<key>[^/]+)/$")
TOPIC_PATH = re.compile(r"^topics/(?P<key>[^/]+)/$")


@dataclass(frozen=True)
class Published:
    """A published briefing of the bundled archive and the URL path of its page."""

    briefing: Briefing
    path: str

    @property
    def title(self) -> str:
        return self.briefing.title


@dataclass(frozen=True)
class BuiltSite:
    site_dir: Path
    site_url: str
    base_path: str
    briefings: tuple[Published, ...]

    def find(self, topic: str, region: str) -> Published:
        """The published briefing on `topic` whose primary region is `region`."""
        found = [
            p for p in self.briefings if p.briefing.topic == topic and p.briefing.region == region
        ]
        if not found:
            pytest.fail(f"the bundled archive has no published {topic} briefing about {region}")
        return found[0]


def published_briefings(content_dir: Path) -> tuple[Published, ...]:
    """Published briefing pages under content_dir/briefings/, newest first."""
    found = []
    for source in sorted((content_dir / "briefings").rglob("*.md")):
        relative = source.relative_to(content_dir).as_posix()
        page = parse_page(source.read_text(encoding="utf-8"), relative)
        if page.briefing.published:
            found.append(Published(page.briefing, relative.removesuffix(".md") + "/"))
    if not found:
        pytest.fail(f"no published briefing under {content_dir / 'briefings'}: nothing to browse")
    return tuple(sorted(found, key=lambda p: (-p.briefing.date.toordinal(), p.briefing.id)))


def local_url(built_site: BuiltSite, site: SiteServer, url: str) -> str:
    """An absolute URL the build wrote from `site_url`, pointed at the local server."""
    if built_site.site_url and url.startswith(built_site.site_url):
        return site.url + url[len(built_site.site_url) :]
    return url


def site_path(site: SiteServer, url: str) -> str:
    """`url` as a path relative to the site root, without query or fragment; a URL
    outside the site is returned unchanged."""
    bare = url.split("#", 1)[0].split("?", 1)[0]
    if not bare.startswith(site.url):
        return bare
    path = bare[len(site.url) :]
    return path.removesuffix("index.html")


def links_in(page: Page, scope: str = CONTENT) -> list[str]:
    """Absolute URLs of the links inside `scope`, in document order, without repeats."""
    hrefs = page.locator(f"{scope} a[href]").evaluate_all("links => links.map(a => a.href)")
    return list(dict.fromkeys(str(href) for href in hrefs))


def briefing_paths(page: Page, site: SiteServer, scope: str = CONTENT) -> list[str]:
    """Site paths of the briefing pages linked from `scope`, in document order."""
    paths = (site_path(site, url) for url in links_in(page, scope))
    return [path for path in dict.fromkeys(paths) if BRIEFING_PATH.match(path)]


def open_path(page: Page, site: SiteServer, path: str) -> None:
    """Navigate to a site path and fail loudly if the server answers anything but 200."""
    response = page.goto(site.page_url(path))
    assert response is not None, f"no response for {path}"
    assert response.status == 200, f"{path} answered {response.status}"


def heading(page: Page) -> str:
    return page.locator(f"{CONTENT} h1").first.inner_text().strip()


_POINT_INSIDE = """link => {
    link.scrollIntoView({block: "center"});
    for (const shape of link.querySelectorAll("path, polygon")) {
        const box = shape.getBBox();
        const matrix = shape.getScreenCTM();
        for (let i = 1; i < 12; i++) {
            for (let j = 1; j < 12; j++) {
                const point = new DOMPoint(box.x + box.width * i / 12, box.y + box.height * j / 12);
                if (!shape.isPointInFill(point)) continue;
                const screen = point.matrixTransform(matrix);
                const hit = document.elementFromPoint(screen.x, screen.y);
                if (hit && hit.closest("a") === link) return {x: screen.x, y: screen.y};
            }
        }
    }
    return null;
}"""


def click_shape(page: Page, selector: str) -> None:
    """Click a point inside the filled outline of an SVG link, as a reader aims at a
    country: the centre of its bounding box may be sea or a neighbour."""
    point = page.locator(selector).evaluate(_POINT_INSIDE)
    assert point, f"no visible point of {selector} can be clicked"
    follow(page, lambda: page.mouse.click(point["x"], point["y"]))


def follow(page: Page, click: Callable[[], None]) -> str:
    """Run `click` and wait until the browser has left the current page; the new URL."""
    before = page.url
    click()
    page.wait_for_url(lambda url: url != before)
    page.wait_for_load_state()
    return page.url

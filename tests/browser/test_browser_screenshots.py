"""Screenshots of the pages a reader sees most, for review and for the README.

Written to tests/output/screenshots/ (git-ignored); the home page's first screen is
also copied to docs/screenshot-home.png, the picture the README shows, when it changed
(only for the bundled archive, not for a BRIEFINGS_BROWSER_PROJECT).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_harness import SiteServer
from playwright.sync_api import Page
from site_pages import PROJECT, ROOT, BuiltSite, open_path

pytestmark = pytest.mark.browser

README_SCREENSHOT = ROOT / "docs" / "screenshot-home.png"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def shoot(page: Page, site: SiteServer, path: str, target: Path, full_page: bool) -> Path:
    open_path(page, site, path)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(target), full_page=full_page, animations="disabled")
    data = target.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000, f"{target} is not a screenshot"
    return target


def test_screenshots_of_home_briefing_region_and_map_pages(
    page: Page, site: SiteServer, built_site: BuiltSite, screenshots: Path
) -> None:
    japan = built_site.find("deepfakes-misinformation", "JP")
    home = shoot(page, site, "", screenshots / "home.png", full_page=False)
    shoot(page, site, "", screenshots / "home-full.png", full_page=True)
    shoot(page, site, japan.path, screenshots / "briefing.png", full_page=True)
    shoot(page, site, "regions/jp/", screenshots / "region.png", full_page=True)
    shoot(page, site, "regions/", screenshots / "regions.png", full_page=True)

    if PROJECT != ROOT:
        return
    README_SCREENSHOT.parent.mkdir(exist_ok=True)
    if not README_SCREENSHOT.exists() or README_SCREENSHOT.read_bytes() != home.read_bytes():
        shutil.copyfile(home, README_SCREENSHOT)
    assert README_SCREENSHOT.read_bytes() == home.read_bytes()

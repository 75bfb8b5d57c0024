"""Every link on every built page leads somewhere: derived pages are HTML that MkDocs does
not validate, so this checks them, with directory URLs (``regions/jp/``) and without
(``regions/jp/index.html``)."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from site_fixtures import build_site, standard_items, write_project


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        here = page.relative_to(site).parent.as_posix()
        doc = lxml.html.fromstring(page.read_bytes())
        for element, attribute, href, _pos in doc.iterlinks():
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(here, parts.path))
            file = site / target
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{page.relative_to(site)}: {element.tag} {attribute}={href}")
    return broken


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_on_every_page_resolves(tmp_path: Path, directory_urls: bool) -> None:
    config = write_project(tmp_path, standard_items())
    site = build_site(config, {"use_directory_urls": directory_urls}, page_size=4)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    if not directory_urls:
        assert (site / "regions/jp/index.html").is_file()
        assert (site / "topics/deepfakes-misinformation/page/2.html").is_file()
    assert broken_links(site) == []

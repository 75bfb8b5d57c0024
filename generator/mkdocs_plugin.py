"""MkDocs adapter (entry point ``briefings``) over the engine-independent `generator.site`.

Per build: ``on_files`` reads every briefing page's front-matter once (cached by path,
mtime and size across `mkdocs serve` rebuilds, since a plugin with ``on_startup`` lives
as long as the server), drops unpublished pages from the build (so they are neither
rendered, searched nor in the sitemap), logs each invalid page as ``path:line: message``
and skips it (``--strict`` then fails; ``serve`` keeps going), derives the site in one
pass and adds the derived pages and feeds as in-memory ``File.generated`` files.

Derived pages are HTML already, so they skip Markdown: ``on_page_markdown`` gives MkDocs
their front-matter and an empty body, ``on_page_content`` their HTML. Briefing pages get
their title and chips before the rendered body and also-reported-by after it
(``on_page_content``, so search indexes region, topic, source and tag names), and related
briefings at the end (``on_post_page``, after search has read the page). Page meta
``title``, ``description`` and ``tags`` are escaped: Material prints the first two
unescaped, and its search UI renders the search index (titles, tags) as HTML.

With ``search_text: lede`` only a briefing's title, chips, first paragraph and other
outlets are indexed for search, which keeps the index about a quarter of the full text's;
``title`` indexes the title, chips and other outlets only.

Dirty builds (``mkdocs serve --dirty``, ``mkdocs build --dirty``) are incremental and
still equal a full build: a derived page or a briefing's decoration is rebuilt only when
its output changed since the last build of this process (a briefing also when MkDocs sees
its source changed), every page keeps the sitemap date of its briefings, and the search
index, which Material merges assuming one changed page, is put back in full-build order.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from .errors import BriefingsError
from .pages import Page, PageError
from .site import (
    Archive,
    Decoration,
    Derived,
    DerivedPage,
    Entry,
    PageCache,
    SiteConfig,
    derive,
)
from .site.config import DEFAULT_SITE_URL
from .site.disk import vocab_stamp
from .vocab import load_vocabulary

log = get_plugin_logger("briefings")
FOOTER = "<!-- briefings:footer -->"


def shown(path: str) -> str:
    """`path` as a user would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else Path(relative).as_posix()


class BriefingsConfig(Config):
    briefings_dir = c.Type(str, default="briefings")
    page_size = c.Type(int, default=50)
    feed_size = c.Type(int, default=50)
    home_size = c.Type(int, default=20)
    related = c.Type(int, default=5)
    search_text = c.Choice(("full", "lede", "title"), default="full")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.cache = PageCache()
        self.decorations: dict[str, Decoration] = {}
        self.pages: dict[str, DerivedPage] = {}
        self.dirty = False
        self.built: dict[str, int] = {}
        self.pending: dict[str, int] = {}
        self.page_urls: list[str] = []
        self.sources: dict[str, Page] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Also makes MkDocs keep this instance (and its caches) across serve rebuilds."""
        self.dirty = dirty

    def site_config(self, config: MkDocsConfig) -> SiteConfig:
        try:
            return SiteConfig(
                site_url=config.site_url or DEFAULT_SITE_URL,
                site_name=config.site_name,
                page_size=self.config.page_size,
                feed_size=self.config.feed_size,
                home_size=self.config.home_size,
                related=self.config.related,
                directory_urls=config.use_directory_urls,
            )
        except ValueError as exc:
            raise PluginError(f"briefings: {exc}") from exc

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            vocab = load_vocabulary(Path(shown(config.docs_dir)))
        except BriefingsError as exc:
            raise PluginError(str(exc)) from exc
        prefix = self.config.briefings_dir.strip("/") + "/"
        vocab_key = vocab_stamp(vocab)
        entries = []
        self.sources = {}
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if not file.src_uri.startswith(prefix) or file.abs_src_path is None:
                continue
            result = self.cache.load(shown(file.abs_src_path), file.abs_src_path, vocab, vocab_key)
            if isinstance(result, PageError):
                for problem in result.problems:
                    log.error(str(problem))
                files.remove(file)
                continue
            if not result.briefing.published:
                files.remove(file)
                continue
            entries.append(Entry(file.src_uri, result.briefing, result.body, result.text))
            self.sources[file.src_uri] = result
        try:
            derived = derive(Archive.of(entries, vocab), self.site_config(config))
        except BriefingsError as exc:
            raise PluginError(str(exc)) from exc
        generated: dict[str, str | bytes] = {path: "" for path in derived.pages}
        generated.update(derived.files)
        for path in sorted(generated):
            existing = files.get_file_from_path(path)
            if existing is not None:
                where = shown(os.path.join(config.docs_dir, path))
                raise PluginError(
                    f"{where}: this file collides with a page the briefings plugin derives; "
                    "rename or remove it"
                )
            files.append(File.generated(config, path, content=generated[path]))
        self.decorations = derived.decorations
        self.pages = derived.pages
        self.pending = fingerprints(derived)
        if self.dirty:
            for path, print_ in self.pending.items():
                rebuild_only_if_changed(files.src_uris[path], self.built.get(path) != print_)
        self.page_urls = [file.url for file in files.documentation_pages()]
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Date every derived and briefing page by its briefings (the sitemap's lastmod),
        including pages a dirty build does not re-read."""
        for path, page in self.pages.items():
            self._date(files, path, page.meta.get("updated"))
        for path, decoration in self.decorations.items():
            self._date(files, path, decoration.meta.get("updated"))
        return env

    @staticmethod
    def _date(files: Files, path: str, updated: Any) -> None:
        file = files.get_file_from_path(path)
        if file is not None and file.page is not None and isinstance(updated, str):
            file.page.update_date = updated

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.dirty:
            reorder_search_index(
                Path(config.site_dir) / "search" / "search_index.json", self.page_urls
            )
        self.built = self.pending
        self.pages, self.decorations, self.sources = {}, {}, {}

    def on_page_read_source(self, *, page: MkPage, config: MkDocsConfig) -> str | None:
        """A briefing's body as read in on_files: MkDocs neither reads nor parses it again
        (its front-matter is set in on_page_markdown); a derived page has no source."""
        source = self.sources.get(page.file.src_uri)
        if source is not None:
            return source.body
        return "" if page.file.src_uri in self.pages else None

    def on_page_markdown(
        self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        source = self.sources.get(page.file.src_uri)
        if source is not None:
            page.meta = {**source.raw_meta, "tags": list(source.raw_meta.get("tags") or [])}
        meta = page.meta
        derived = self.pages.get(page.file.src_uri)
        if derived is not None:
            meta.update(derived.meta)
            markdown = ""
        decoration = self.decorations.get(page.file.src_uri)
        if decoration is not None:
            meta.update(decoration.meta)
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                meta[key] = html.escape(meta[key])
        if isinstance(meta.get("tags"), list):
            meta["tags"] = [html.escape(str(tag)) for tag in meta["tags"]]
        return markdown

    def on_page_content(
        self, html_text: str, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        derived = self.pages.get(page.file.src_uri)
        if derived is not None:
            return derived.html
        decoration = self.decorations.get(page.file.src_uri)
        if decoration is not None:
            html_text = searched_part(html_text, self.config.search_text)
            parts = [decoration.header, html_text, decoration.trailer]
            return "\n".join([*parts, FOOTER] if decoration.footer else parts)
        return html_text

    def on_post_page(self, output: str, *, page: MkPage, config: MkDocsConfig) -> str:
        """The footer goes in after Material's search has read the page: it holds other
        briefings' titles, which are not this page's text, and parsing it costs time."""
        decoration = self.decorations.get(page.file.src_uri)
        if decoration is not None and decoration.footer:
            return output.replace(FOOTER, decoration.footer, 1)
        return output


def fingerprints(derived: Derived) -> dict[str, int]:
    """A hash of each derived page's and each decoration's output, for dirty builds."""
    prints = {path: hash((repr(p.meta), p.html)) for path, p in derived.pages.items()}
    prints.update(
        {
            path: hash((repr(d.meta), d.header, d.trailer, d.footer))
            for path, d in derived.decorations.items()
        }
    )
    return prints


def rebuild_only_if_changed(file: File, changed: bool) -> None:
    """Make a dirty build rebuild `file` only when its derived output changed, its output
    is missing, or (for a page on disk) MkDocs sees that its source changed."""
    on_disk = file.is_modified if file.abs_src_path else None

    def is_modified() -> bool:
        if changed or not os.path.isfile(file.abs_dest_path):
            return True
        return on_disk() if on_disk is not None else False

    setattr(file, "is_modified", is_modified)  # noqa: B010 (an instance override)


def searched_part(body: str, search_text: str) -> str:
    """The body with what search should skip marked for Material's search: nothing
    (``full``), all but its first paragraph (``lede``) or all of it (``title``: only the
    title, metadata chips and other outlets around the body are indexed)."""
    if search_text == "full":
        return body
    end = 0 if search_text == "title" else body.find("</p>") + len("</p>")
    rest = body[end:]
    if (search_text != "title" and end < len("</p>")) or not rest.strip():
        return body
    return f'{body[:end]}\n<div class="briefing-more" data-search-exclude="1">{rest}</div>'


def reorder_search_index(path: Path, page_urls: list[str]) -> None:
    """Material's dirty merge keeps stale and duplicate entries when several pages were
    rebuilt: keep each page's latest run of entries, drop pages no longer built, and
    order them as a full build does."""
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    runs: dict[str, list[Any]] = {}
    previous = None
    for entry in data["docs"]:
        page = entry["location"].split("#", 1)[0]
        if page != previous:
            runs[page] = []
            previous = page
        runs[page].append(entry)
    data["docs"] = [entry for url in page_urls for entry in runs.get(url, [])]
    path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")

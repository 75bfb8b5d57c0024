"""MkDocs adapter (entry point ``briefings``) over the engine-independent `generator.site`.

Per build: ``on_files`` reads every briefing page's front-matter once (cached by path,
mtime and size across `mkdocs serve` rebuilds, since a plugin with ``on_startup`` lives
as long as the server), drops unpublished pages from the build (so they are neither
rendered, searched nor in the sitemap), logs each invalid page as ``path:line: message``
and skips it (``--strict`` then fails; ``serve`` keeps going), derives the site in one
pass and adds the derived pages and feeds as in-memory ``File.generated`` files.

Derived pages are HTML already, so they skip Markdown: ``on_page_markdown`` gives MkDocs
their front-matter and an empty body, ``on_page_content`` their HTML. Briefing pages get
their chips, also-reported-by and related briefings around the rendered body. Page meta
``title``, ``description`` and ``tags`` are escaped: Material prints the first two
unescaped, and its search UI renders the search index (titles, tags) as HTML.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from .errors import BriefingsError
from .pages import PageError
from .site import Archive, Decoration, DerivedPage, Entry, PageCache, SiteConfig, derive
from .site.config import DEFAULT_SITE_URL
from .vocab import load_vocabulary

log = get_plugin_logger("briefings")

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")


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


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.cache = PageCache()
        self.decorations: dict[str, Decoration] = {}
        self.pages: dict[str, DerivedPage] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance (and its page cache) across rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        missing = [ext for ext in REQUIRED_EXTENSIONS if ext not in config.markdown_extensions]
        if missing:
            raise PluginError(f"briefings: add {', '.join(missing)} to markdown_extensions")
        return config

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
        entries = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if not file.src_uri.startswith(prefix) or file.abs_src_path is None:
                continue
            result = self.cache.load(shown(file.abs_src_path), file.abs_src_path, vocab)
            if isinstance(result, PageError):
                for problem in result.problems:
                    log.error(str(problem))
                files.remove(file)
                continue
            if not result.briefing.published:
                files.remove(file)
                continue
            entries.append(Entry(file.src_uri, result.briefing, result.body, result.text))
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
        return files

    def on_page_markdown(
        self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        meta = page.meta
        derived = self.pages.get(page.file.src_uri)
        if derived is not None:
            meta.update(derived.meta)
            markdown = ""
        decoration = self.decorations.get(page.file.src_uri)
        if decoration is not None:
            meta.update(decoration.meta)
        if isinstance(meta.get("updated"), str):
            page.update_date = meta["updated"]
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
            return decoration.apply(html_text)
        return html_text

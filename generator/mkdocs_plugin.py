"""MkDocs adapter (entry point ``briefings``) over the engine-independent `generator.site`.

Per build: ``on_files`` reads every briefing page's front-matter once (cached by path,
mtime and size across `mkdocs serve` rebuilds, since a plugin with ``on_startup`` lives
as long as the server), drops unpublished pages from the build (so they are neither
rendered, searched nor in the sitemap), logs each invalid page as ``path:line: message``
and skips it (``--strict`` then fails; ``serve`` keeps going), plans the derived site
(a `SitePlan` from a `Deriver` that lives as long as the plugin and reuses what depends
on one briefing alone between rebuilds) and adds its pages and feeds as generated files.

Nothing derived is made before MkDocs needs it, nor kept after: a feed's bytes are made
when MkDocs copies it; a derived page (HTML already, so it skips Markdown) gets its
front-matter in ``on_page_markdown`` and an empty body, its HTML in ``on_page_context``
(just before the theme renders it: MkDocs keeps every page's content until the build
ends) and gives it back in ``on_post_page``. Briefing pages get their title and chips
before the rendered body and also-reported-by after it (``on_page_content``, so search
indexes region, topic, source and tag names), and related briefings at the end
(``on_post_page``, after search has read the page). Page meta ``title``,
``description`` and ``tags`` are escaped: Material prints the first two unescaped, and
its search UI renders the search index (titles, tags) as HTML.

With ``reuse_chrome`` (the default) the theme's header, tabs, navigation, footer and
configuration script are rendered once and reused on every page they are the same on
(`generator.mkdocs_chrome`); the output is the theme's, byte for byte.

With ``search_text: lede`` only a briefing's title, chips, first paragraph and other
outlets are indexed for search, which keeps the index about a quarter of the full text's;
``title`` indexes the title, chips and other outlets only.

Dirty builds (``mkdocs serve --dirty``, ``mkdocs build --dirty``) are incremental and
still equal a full build: every derived page, feed and briefing decoration is known by
its inputs (`SitePlan.inputs`), and is made again only when they differ from the last
build of this process, or when its briefing page was read again (its file changed).
When the only difference is one fragment that reaches the written page verbatim (a
derived page's HTML under unchanged front-matter, a briefing's related list), the
fragment is swapped in the written file instead of rendering the page through the theme
again (`SitePlan.swap`); the date a page is as of reaches MkDocs as its ``update_date``
(the sitemap), never as front-matter a template could print, so that it cannot stand in
the way. Pages and feeds the last build wrote and this one does not are deleted; the
search index, which Material merges assuming one changed page, is put back in
full-build order.
"""

from __future__ import annotations

import gc
import html
import json
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from .errors import BriefingsError
from .mkdocs_chrome import ChromeCache
from .mkdocs_search import add_search_index
from .mkdocs_watch import native_observer_name, use_native_watcher
from .pages import Page, PageError
from .site import Archive, Deriver, Entry, PageCache, SiteConfig, SitePlan
from .site.config import DEFAULT_SITE_URL
from .site.disk import vocab_stamp
from .vocab import Vocabulary, load_vocabulary

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
    watcher = c.Choice(("native", "polling"), default="native")
    reuse_chrome = c.Type(bool, default=True)


class FeedFile(File):
    """A generated file whose bytes `make` produces when MkDocs copies it; a dirty build
    copies it only when `changed`."""

    def __init__(self, config: MkDocsConfig, path: str, make: Callable[[], bytes], changed: bool):
        super().__init__(path, None, config.site_dir, config.use_directory_urls)
        self.generated_by = "briefings"
        self.make, self.changed = make, changed

    @property
    def content_bytes(self) -> bytes:
        return self.make()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.make = lambda: value

    @property
    def content_string(self) -> str:
        return self.make().decode("utf-8")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.make = lambda: value.encode("utf-8")

    def is_modified(self) -> bool:
        return self.changed

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        Path(self.abs_dest_path).write_bytes(self.make())


class TemplateCache(BytecodeCache):
    """Compiled theme templates kept between builds: MkDocs makes a new Jinja environment
    for every build, which would compile every template again on each `mkdocs serve`
    rebuild. Jinja checks each template's source checksum, so an edited template is
    compiled afresh; `for_env` keeps one cache per set of compiler options."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.caches: dict[tuple[Any, ...], TemplateCache] = {}

    def for_env(self, env: Environment) -> TemplateCache:
        options = (
            tuple(sorted(env.extensions)),
            getattr(env.autoescape, "__qualname__", env.autoescape),
            env.optimized,
            env.newline_sequence,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.block_start_string,
            env.variable_start_string,
            env.comment_start_string,
            env.line_statement_prefix,
        )
        return self.caches.setdefault(options, TemplateCache())

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.cache = PageCache()
        self.deriver = Deriver()
        self.vocab: tuple[tuple[Any, ...], Vocabulary] | None = None
        self.plan: SitePlan | None = None
        self.dirty = self.serving = False
        self.built: dict[str, Any] = {}
        self.pending: dict[str, Any] = {}
        self.written: set[str] = set()
        self.files: Files | None = None
        self.sources: dict[str, Page] = {}
        self.last_sources: dict[str, Page] = {}
        self.entries: dict[str, Entry] = {}
        self.previous: SitePlan | None = None
        self.templates = TemplateCache()
        self.generated: dict[str, bytes] = {}
        self.pending_generated: dict[str, bytes] = {}
        self.chrome: ChromeCache | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Also makes MkDocs keep this instance (and its caches) across serve rebuilds."""
        self.dirty, self.serving = dirty, command == "serve"

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Once the first build of ``mkdocs serve`` is done, move what is alive then (the
        vocabulary, the kept per-briefing work, compiled templates, modules: some hundred
        thousand objects that live as long as the server) out of the cyclic garbage
        collector's sight, so that the full collection each rebuild triggers scans only
        that rebuild's objects. What the first build left unreachable is collected first;
        frozen objects are still freed when their reference count drops.

        With ``watcher: native`` (the default) the server is notified of changes by the
        operating system instead of listing the archive every half second
        (`generator.mkdocs_watch`)."""
        gc.collect()
        gc.freeze()
        if self.config.watcher == "native":
            reason = use_native_watcher(server)
            if reason is None:
                log.info(f"watching for changes with {native_observer_name()}")
            else:
                log.info(f"watching for changes by polling: {reason}")
        return server

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

    def vocabulary(self, config: MkDocsConfig) -> tuple[tuple[Any, ...], Vocabulary]:
        """The curators' vocabulary and its key (folder and file stamps), read again only
        when the folder or one of its files changed."""
        folder = shown(config.docs_dir)
        if self.vocab is None or self.vocab[0] != (folder, *vocab_stamp(self.vocab[1])):
            try:
                vocab = load_vocabulary(Path(folder))
            except BriefingsError as exc:
                raise PluginError(str(exc)) from exc
            self.vocab = ((folder, *vocab_stamp(vocab)), vocab)
        return self.vocab

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        vocab_key, vocab = self.vocabulary(config)
        prefix = self.config.briefings_dir.strip("/") + "/"
        docs = shown(config.docs_dir)
        entries = []
        self.sources = {}
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if not file.src_uri.startswith(prefix) or file.abs_src_path is None:
                continue
            rel = posixpath.join(docs, file.src_uri)
            result = self.cache.load(rel, file.abs_src_path, vocab, vocab_key)
            if isinstance(result, PageError):
                for problem in result.problems:
                    log.error(str(problem))
                files.remove(file)
                continue
            if not result.briefing.published:
                files.remove(file)
                continue
            entries.append(self._entry(file.src_uri, result))
            self.sources[file.src_uri] = result
        cfg = self.site_config(config)
        try:
            plan = self.plan = self.deriver.plan(Archive.of(entries, vocab), cfg)
        except BriefingsError as exc:
            raise PluginError(str(exc)) from exc
        if not self.serving:
            self.deriver = Deriver()
        add_search_index(files, config, plan.archive, plan.groups, cfg)
        context = ("context", vocab_key, cfg, config.site_dir, *layout_stamps(config))
        if self.built.get("") != context:
            self.built, self.written, self.previous, self.generated = {}, set(), None, {}
        self.pending = {"": context}
        if self.dirty:
            self.pending.update((path, plan.inputs(path)) for path in plan.outputs())
        changed = {path for path, inputs in self.pending.items() if self.built.get(path) != inputs}
        self._add(files, config, plan.pages, lambda path: File.generated(config, path, content=""))
        self._add(
            files,
            config,
            list(plan.feeds),
            lambda path: FeedFile(
                config, path, lambda: plan.file(path), path in changed or path not in self.written
            ),
        )
        if self.dirty:
            self._mark_modified(files, plan, changed)
            self._keep_unchanged_files(files)
        self.files = files
        return files

    def _entry(self, path: str, page: Page) -> Entry:
        """The entry of a briefing page, the same object while the page is unchanged."""
        entry = self.entries.get(path)
        if entry is None or entry.briefing is not page.briefing or entry.body is not page.body:
            entry = self.entries[path] = Entry(path, page.briefing, page.body)
        return entry

    def _mark_modified(self, files: Files, plan: SitePlan, changed: set[str]) -> None:
        """Tell MkDocs which derived and briefing pages to make again: those whose inputs
        or source changed since the last build, or that it did not write (this process is
        the only writer of the folders it builds: `mkdocs serve` builds into a temporary
        one), except those whose output differs only by a fragment, swapped in the
        written file here."""
        for path in [*plan.pages, *plan.archive.index]:
            file = files.src_uris[path]
            source = self.sources.get(path)
            same_source = source is None or self.last_sources.get(path) is source
            written = path in self.written
            modified = path in changed or not same_source or not written
            if modified and same_source and written and self.previous is not None:
                swap = plan.swap(self.previous, path)
                modified = swap is None or not swap_fragment(file.abs_dest_path, *swap)
            setattr(file, "is_modified", _yes if modified else _no)  # noqa: B010

    def _keep_unchanged_files(self, files: Files) -> None:
        """Other generated files (the search index) whose bytes equal those the last
        build wrote are not written again."""
        made = {}
        for file in files:
            if file.generated_by is None or isinstance(file, FeedFile):
                continue
            if file.is_documentation_page():
                continue
            made[file.src_uri] = data = file.content_bytes
            if file.src_uri in self.written and self.generated.get(file.src_uri) == data:
                setattr(file, "is_modified", _no)  # noqa: B010
        self.pending_generated = made

    @staticmethod
    def _add(
        files: Files, config: MkDocsConfig, paths: list[str], make: Callable[[str], File]
    ) -> None:
        for path in sorted(paths):
            if files.get_file_from_path(path) is not None:
                where = shown(os.path.join(config.docs_dir, path))
                raise PluginError(
                    f"{where}: this file collides with a page the briefings plugin derives; "
                    "rename or remove it"
                )
            files.append(make(path))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Date every derived and briefing page by its briefings (the sitemap's lastmod),
        including pages a dirty build does not re-read; reuse compiled templates and,
        with ``reuse_chrome``, the page chrome (`generator.mkdocs_chrome`), except in
        the rebuilds of `mkdocs serve`: they render a few dozen pages, and with the
        reuse the rebuild after an ingest of ten briefings into 10,000 measured slower
        (4.5-4.9 s from ingest to shown, against 3.6-4.3 s without; cause not found)."""
        assert self.plan is not None
        env.bytecode_cache = self.templates.for_env(env)
        first = not (self.serving and self.built)
        self.chrome = ChromeCache(env) if self.config.reuse_chrome and first else None
        by_path = files.src_uris
        for path in [*self.plan.pages, *self.plan.archive.index]:
            page = by_path[path].page
            updated = self.plan.updated(path)
            if page is not None and updated is not None:
                page.update_date = updated
        written = {*self.plan.outputs(), *self.pending_generated}
        if self.dirty:
            for path in self.written - written:
                gone = File(path, None, config.site_dir, config.use_directory_urls)
                remove_output(gone.abs_dest_path, config.site_dir)
        self.written = written
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.chrome is not None:
            log.debug(
                f"page chrome: {self.chrome.misses} blocks rendered, {self.chrome.hits} reused"
            )
            self.chrome = None
        if self.dirty:
            reorder_search_index(
                Path(config.site_dir) / "search" / "search_index.json", self.files or Files([])
            )
        self.built, self.generated = self.pending, self.pending_generated
        if self.dirty:
            self.previous, self.last_sources = self.plan, self.sources
        self.entries = {path: self.entries[path] for path in self.sources}
        self.plan, self.sources, self.files = None, {}, None

    def on_build_error(self, *, error: Exception) -> None:
        """Forget the last build: the next one makes everything again."""
        self.built, self.written, self.previous, self.generated = {}, set(), None, {}
        self.plan, self.sources = None, {}

    def on_page_read_source(self, *, page: MkPage, config: MkDocsConfig) -> str | None:
        """Nothing for a briefing or derived page: MkDocs neither reads a briefing again
        nor parses it (a body's first line shaped like ``Place: text`` would be taken for
        MultiMarkdown metadata); ``on_page_markdown`` gives it the body read in
        ``on_files`` and the front-matter."""
        path = page.file.src_uri
        return "" if path in self.sources or self.derived(path) else None

    def on_page_markdown(
        self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.plan is not None
        path = page.file.src_uri
        source = self.sources.get(path)
        meta = page.meta
        if source is not None:
            meta = page.meta = {**source.raw_meta, "tags": list(source.raw_meta.get("tags") or [])}
            meta.update(self.plan.decoration_meta(path))
            markdown = source.body
        elif self.derived(path):
            meta.update(self.plan.page_meta(path))
            markdown = ""
        meta.pop("updated", None)
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                meta[key] = html.escape(meta[key])
        if isinstance(meta.get("tags"), list):
            meta["tags"] = [html.escape(str(tag)) for tag in meta["tags"]]
        return markdown

    def derived(self, path: str) -> bool:
        plan = self.plan
        return plan is not None and (path in plan.listings or path in plan.overviews)

    def on_page_content(
        self, html_text: str, *, page: MkPage, config: MkDocsConfig, files: Files
    ) -> str:
        path = page.file.src_uri
        if self.derived(path):
            return ""
        if self.plan is not None and path in self.sources:
            header, trailer = self.plan.decoration_body(path)
            parts = [header, searched_part(html_text, self.config.search_text), trailer]
            return "\n".join([*parts, FOOTER] if self.plan.related[path] else parts)
        return html_text

    def on_page_context(
        self, context: Any, *, page: MkPage, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """A derived page's HTML, made just before the theme renders the page."""
        if self.plan is not None and self.derived(page.file.src_uri):
            page.content = self.plan.page_html(page.file.src_uri)
        return context

    def on_post_page(self, output: str, *, page: MkPage, config: MkDocsConfig) -> str:
        """The footer goes in after Material's search has read the page: it holds other
        briefings' titles, which are not this page's text, and parsing it costs time."""
        path = page.file.src_uri
        if self.derived(path):
            page.content = ""
        elif self.plan is not None and path in self.sources and self.plan.related[path]:
            return output.replace(FOOTER, self.plan.decoration_footer(path), 1)
        return output


def remove_output(dest: str, site_dir: str) -> None:
    """Delete a page or feed a previous build wrote in `site_dir`, and the folders it
    leaves empty."""
    site = os.path.abspath(site_dir)
    if not os.path.abspath(dest).startswith(site + os.sep):
        return
    if os.path.isfile(dest):
        os.remove(dest)
    folder = os.path.dirname(dest)
    while os.path.abspath(folder).startswith(site + os.sep) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def layout_stamps(config: MkDocsConfig) -> list[tuple[str, int, int]]:
    """(path, mtime, size) of the configuration file and of every template in the theme's
    custom folder: a change to either can change every page, so the plugin then forgets
    its last build (a style sheet or script changes no page)."""
    paths = [config.config_file_path] if config.config_file_path else []
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):
        paths += sorted(str(p) for p in Path(custom).rglob("*.html") if p.is_file())
    stamps = []
    for path in paths:
        info = os.stat(path)
        stamps.append((path, info.st_mtime_ns, info.st_size))
    return stamps


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


def swap_fragment(dest: str, old: str, new: str) -> bool:
    """Replace `old` by `new` in the written file `dest` if `old` occurs there exactly
    once; False (and the file untouched, or missing) otherwise."""
    before, after = old.encode("utf-8"), new.encode("utf-8")
    try:
        with open(dest, "r+b") as file:
            data = file.read()
            if data.count(before) != 1:
                return False
            file.seek(0)
            file.write(data.replace(before, after, 1))
            file.truncate()
    except FileNotFoundError:
        return False
    return True


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


def reorder_search_index(path: Path, files: Files) -> None:
    """Material's dirty merge keeps stale and duplicate entries when several pages were
    rebuilt: keep each page's latest run of entries, drop pages no longer built, and
    order them as a full build does (the order of `files`' pages)."""
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data["docs"]:
        return
    page_urls = [file.url for file in files.documentation_pages()]
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

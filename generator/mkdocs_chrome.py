"""The theme's page chrome rendered once and reused (the plugin's ``reuse_chrome``).

Material renders the same navigation sidebar, tabs, footer and configuration script
around every page, and that is about half the time of rendering a page. For a page that
is not in the navigation and has no table of contents (every briefing and derived index
page), those parts depend on nothing of the page but two things: the relative URLs
they link to from it, and its ``hide`` setting. `ChromeCache.render`, called by the
``{% call briefings_chrome(name) %}`` blocks of ``overrides/main.html``, renders such a
block for the first page that needs it, records every URL the ``url`` filter relativised
while doing so, and gives the same output to any later page with the same ``base_url``
and ``hide`` for which each recorded URL comes out the same. Any other page (one in the
navigation, one with a table of contents, previous or next page) is rendered as the
theme would. The result is byte for byte what the theme renders
(``tests/test_site_chrome.py`` builds the archive both ways and compares every file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

Recorded = tuple[tuple[str, str], ...]
GLOBAL = "briefings_chrome"
MARK = "\x02"
TITLE = f"{MARK}<&title&>\x03"
TITLED = frozenset({"header"})


class ChromeCache:
    """Blocks rendered in one build, by block name, ``base_url`` and ``hide``; one cache
    per Jinja environment (MkDocs makes one per build)."""

    def __init__(self, env: Environment) -> None:
        self.url: Callable[[Context, str], str] = env.filters["url"]
        self.variants: dict[tuple[str, str, str], list[tuple[Recorded, Any]]] = {}
        self.recording: list[list[tuple[str, str]]] = []
        self.nav_pages: tuple[int, set[int]] = (0, set())
        self.page_urls: tuple[object, dict[str, str]] = (None, {})
        self.refused: set[tuple[str, str, str]] = set()
        self.hits = self.misses = 0
        env.filters["url"] = pass_context(lambda context, value: self._url(context, value))
        env.globals[GLOBAL] = pass_context(
            lambda context, name, caller: self.render(context, name, caller)
        )

    def _url(self, context: Context, value: str) -> str:
        """The ``url`` filter, remembered for the page being rendered, and recorded for
        the blocks being rendered."""
        page = context.get("page")
        if self.page_urls[0] is not page:
            self.page_urls = (page, {})
        urls = self.page_urls[1]
        value = str(value)
        result = urls.get(value)
        if result is None:
            result = urls[value] = self.url(context, value)
        for recording in self.recording:
            recording.append((value, result))
        return result

    def _in_nav(self, nav: Any, page: Any) -> bool:
        if self.nav_pages[0] != id(nav):
            self.nav_pages = (id(nav), {id(p) for p in getattr(nav, "pages", [])})
        return id(page) in self.nav_pages[1]

    def reusable(self, context: Context) -> bool:
        page = context.get("page")
        return (
            page is not None
            and getattr(page, "parent", None) is None
            and getattr(page, "previous_page", None) is None
            and getattr(page, "next_page", None) is None
            and not len(getattr(page, "toc", None) or [])
            and not self._in_nav(context.get("nav"), page)
        )

    def render(self, context: Context, name: str, caller: Callable[[], Any]) -> Any:
        """The block `name` for the current page: reused when an earlier page's rendering
        is sure to equal it, rendered by `caller` (the theme's block) otherwise. A block
        in `TITLED` is kept with a placeholder for the page's title (its front-matter
        title, which the theme prints as it is) and gets each page's title filled in."""
        if not self.reusable(context):
            return caller()
        meta = context["page"].meta
        title = meta.get("title")
        titled = name in TITLED
        if titled and not (isinstance(title, str) and title):
            return caller()
        key = (name, str(context.get("base_url")), repr(meta.get("hide")))
        if key in self.refused:
            return caller()
        for recorded, output in self.variants.get(key, ()):
            if all(self._url(context, value) == result for value, result in recorded):
                self.hits += 1
                for recording in self.recording:
                    recording.extend(recorded)
                return output.replace(TITLE, title) if titled else output
        self.misses += 1
        self.recording.append([])
        if titled:
            meta["title"] = TITLE
        try:
            output = caller()
        finally:
            recorded = tuple(dict.fromkeys(self.recording.pop()))
            if titled:
                meta["title"] = title
        for recording in self.recording:
            recording.extend(recorded)
        if titled and str(output).count(MARK) != str(output).count(TITLE):
            self.refused.add(key)
            return caller()
        self.variants.setdefault(key, []).append((recorded, output))
        return output.replace(TITLE, title) if titled else output

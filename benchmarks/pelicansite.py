"""The ``pelican`` measure: Pelican building the same synthetic archive, for issue 6's
"no more than Pelican would need for the same archive".

Named ``pelicansite`` rather than ``pelican`` so that it never shadows the Pelican
package for code run with ``benchmarks/`` on ``sys.path``.

Each briefing page is converted (not timed) into what Pelican's Markdown reader takes:
``Key: value`` metadata lines (title, date, category = topic, tags = regions + tags,
author = source, slug, summary) over the same Markdown body. Briefings under review or
off-topic become drafts that Pelican reads but does not write (``DRAFT_SAVE_AS = ""``),
as our site reads every page and publishes only published ones. Pelican is configured
for what a reader of our archive gets: a page per briefing at the same URL, tag,
category and author pages, archives and year/month archives, Atom and RSS feeds for
all, per category and per tag (newest 50, like ours), 50 items per listing page, the
default theme, absolute URLs, no plugins.

``pelican content -s pelicanconf.py -o out`` runs as a child process under
`measure.run`'s wrapper (wall, CPU and peak RSS of the child). It builds twice with
no content cache (the best is reported, as for the MkDocs builds), then once to fill
Pelican's content cache and once more reading it (``cached``): Pelican's fastest full
rebuild, which re-renders and writes every page but parses only changed files.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import measure
import synth

from generator.pages import parse_page
from generator.vocab import Vocabulary, load_vocabulary

FEED_SIZE = 50
PAGE_SIZE = 50
SITE_URL = "https://briefings.example.org"
PROCESSED = re.compile(r"Processed\s+(\d+)\s+articles?,\s+(\d+)\s+drafts?")
LOG_WARNING = re.compile(r"^(?:\[[^\]]*\]\s*)?WARNING\b", re.MULTILINE)
LIST_SEPARATORS = str.maketrans({",": " ", ";": " "})

SETTINGS = """\
SITENAME = "Briefings"
SITEURL = {site_url!r}
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "notmyidea"
PLUGINS = []
PATH = "content"
ARTICLE_PATHS = ["briefings"]
PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_TRANSLATION_ID = None
ARTICLE_URL = "briefings/{{date:%Y}}/{{date:%m}}/{{slug}}/"
ARTICLE_SAVE_AS = "briefings/{{date:%Y}}/{{date:%m}}/{{slug}}/index.html"
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
YEAR_ARCHIVE_URL = "archive/{{date:%Y}}/"
YEAR_ARCHIVE_SAVE_AS = "archive/{{date:%Y}}/index.html"
MONTH_ARCHIVE_URL = "archive/{{date:%Y}}/{{date:%m}}/"
MONTH_ARCHIVE_SAVE_AS = "archive/{{date:%Y}}/{{date:%m}}/index.html"
DEFAULT_PAGINATION = {page_size}
PAGINATED_TEMPLATES = {{"index": None, "tag": None, "category": None, "author": None}}
FEED_MAX_ITEMS = {feed_size}
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{{slug}}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{{slug}}.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{{slug}}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{{slug}}.rss.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
CACHE_PATH = "cache"
CACHE_CONTENT = {cache}
LOAD_CONTENT_CACHE = {cache}
"""

ROWS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Pelican", ("pelican", "version"), "{}"),
    ("Pelican build, no cache (s)", ("pelican", "seconds"), "{:,.2f}"),
    ("Pelican build CPU (s)", ("pelican", "cpu_s"), "{:,.2f}"),
    ("Pelican peak RSS (MB)", ("pelican", "peak_rss_mb"), "{:,.0f}"),
    ("Pelican, content cache read (s)", ("pelican", "cached", "seconds"), "{:,.2f}"),
    ("total site Pelican (MB)", ("pelican", "total_mb"), "{:,.1f}"),
    ("ratio ours / Pelican", ("ratio_ours_to_pelican",), "{:.2f}x"),
    ("ratio ours / Pelican, CPU", ("cpu_ratio_ours_to_pelican",), "{:.2f}x"),
)


def version() -> str | None:
    """Pelican's version, or None when it is not installed (``pip install -e '.[bench]'``)."""
    try:
        return metadata.version("pelican")
    except metadata.PackageNotFoundError:
        return None


def _names(values: list[str]) -> str:
    return ", ".join(v.translate(LIST_SEPARATORS).strip() for v in values)


def pelican_page(text: str, path: str, vocab: Vocabulary) -> str:
    """A briefing page (YAML front-matter) as a Pelican Markdown page with the same body.

    Tags are the regions' names and the tags; commas and semicolons inside a name (which
    Pelican would take as separators) become spaces.
    """
    page = parse_page(text, path)
    b = page.briefing
    topic = vocab.taxonomy.topics.get(b.topic)
    lines = [
        f"Title: {b.title}",
        f"Date: {b.date.isoformat()}",
        f"Category: {topic.name if topic else b.topic}",
        f"Tags: {_names([vocab.region_name(r) for r in b.regions] + b.tags)}",
        f"Author: {b.source}",
        f"Slug: {b.slug}",
        f"Summary: {b.summary}",
    ]
    if not b.published:
        lines.append("Status: draft")
    return "\n".join(lines) + "\n\n" + page.body


def convert(content: Path, paths: list[str], target: Path) -> None:
    """Write the Pelican copy of every page in `paths` (relative to `content`) under
    `target`, at the same relative path."""
    vocab = load_vocabulary(content)
    for rel in paths:
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        text = (content / rel).read_text(encoding="utf-8")
        out.write_text(pelican_page(text, rel, vocab), encoding="utf-8")


def settings(cache: bool) -> str:
    return SETTINGS.format(site_url=SITE_URL, page_size=PAGE_SIZE, feed_size=FEED_SIZE, cache=cache)


def _build(root: Path, config: str, out: str, log: Path) -> tuple[measure.Run, dict[str, Any]]:
    """One ``pelican content -s CONFIG -o OUT`` in `root`; its figures, and an error when
    it failed or did not process the number of articles and drafts it was given."""
    cmd = [sys.executable, "-m", "pelican", "content", "-s", config, "-o", out]
    run = measure.run(cmd, log, env={"COLUMNS": "400"}, cwd=root)
    data = run.to_json()
    text = log.read_text(encoding="utf-8", errors="replace")
    data["warnings"] = len(LOG_WARNING.findall(text))
    if run.returncode:
        return run, data
    done = PROCESSED.search(text)
    if done is None:
        data["error"] = f"no 'Processed N articles' line: {measure.tail(log)}"
    else:
        data["articles"], data["drafts"] = int(done.group(1)), int(done.group(2))
    return run, data


def measure_archive(
    root: Path, content: Path, archive: synth.Archive, logs: Path
) -> dict[str, Any]:
    """Convert the archive into `root`/content and build it with Pelican (see the module
    docstring). Returns the JSON entry of the measure."""
    found = version()
    if found is None:
        return {"version": "not installed", "install": "pip install -e '.[bench]'"}
    start = time.perf_counter()
    convert(content, archive.paths, root / "content" / "briefings")
    convert_s = time.perf_counter() - start
    for name, cache in (("pelicanconf.py", False), ("pelicanconf-cache.py", True)):
        (root / name).write_text(settings(cache), encoding="utf-8")
    expected = (len(archive.published), len(archive.paths) - len(archive.published))
    builds = []
    for i, config in enumerate(("pelicanconf.py",) * 2 + ("pelicanconf-cache.py",) * 2):
        run, data = _build(root, config, f"out-{i}", logs / f"pelican-{i}-{time.time_ns()}.log")
        if "error" not in data and (data["articles"], data["drafts"]) != expected:
            data["error"] = (
                f"processed {data['articles']} articles and {data['drafts']} drafts, "
                f"expected {expected[0]} and {expected[1]}: {measure.tail(run.log)}"
            )
        if "error" in data:
            return {"version": found, **data}
        builds.append(data)
        if i == 0:
            stats = measure.site_stats(root / "out-0", len(archive.published))
            stats["feeds"] = sum(1 for _ in (root / "out-0" / "feeds").rglob("*.xml"))
        else:
            shutil.rmtree(root / f"out-{i}")
    plain = builds[:2]
    return {
        "version": found,
        "convert_s": round(convert_s, 2),
        "seconds": min(b["seconds"] for b in plain),
        "cpu_s": min(b["cpu_s"] for b in plain),
        "peak_rss_mb": max(b["peak_rss_mb"] for b in plain),
        "runs": [b["seconds"] for b in plain],
        "cpu_runs": [b["cpu_s"] for b in plain],
        "articles": builds[0]["articles"],
        "drafts": builds[0]["drafts"],
        "warnings": builds[0]["warnings"],
        **stats,
        "cache_fill": builds[2],
        "cached": builds[3],
    }


def ratios(result: dict[str, Any]) -> dict[str, float]:
    """ours / Pelican, wall and CPU, when both built in this run."""
    ours, pelican = result.get("ours", {}), result.get("pelican", {})
    out: dict[str, float] = {}
    if "error" in ours or "error" in pelican:
        return out
    for key, name in (("seconds", "ratio_ours_to_pelican"), ("cpu_s", "cpu_ratio_ours_to_pelican")):
        if ours.get(key) and pelican.get(key):
            out[name] = round(ours[key] / pelican[key], 2)
    return out

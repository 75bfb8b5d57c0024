"""The only part of generator.site that touches the disk: reading briefing pages (with a
cache that survives `mkdocs serve` rebuilds) and writing a derived site to a folder for
another engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import BriefingsError, Problem
from ..model import Briefing
from ..pages import FRONT_MATTER, Page, PageError, front_matter_yaml, parse_page
from ..vocab import Vocabulary, load_vocabulary
from .archive import Archive, Entry
from .config import Derived, SiteConfig
from .derive import derive

BRIEFINGS_DIR = "briefings"
Stamp = tuple[int, int]
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def quick_parse(text: str, rel: str, vocab: Vocabulary) -> Page | None:
    """The page if its front-matter is valid, read with libyaml (about ten times faster
    than `parse_page`); None when anything is wrong, so that `parse_page` can say where.

    `simple_mapping` (which `parse_page` uses) would read it in half the time, but in
    `mkdocs serve` the rebuild after an ingest measured 0.3-0.7 s slower with it, for a
    reason not found; a full build gains 0.8 s at 10,000 briefings, which it does not
    need."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return None
    try:
        meta = yaml.load(match.group(1) or "", Loader=FAST_LOADER)
        briefing = Briefing.model_validate(meta, context={"vocab": vocab})
    except (yaml.YAMLError, ValueError, ValidationError, TypeError):
        return None
    return Page(rel, briefing, text[match.end() :].lstrip("\n"), {}, meta)


def stamp(path: str | Path) -> Stamp:
    info = os.stat(path)
    return (info.st_mtime_ns, info.st_size)


def vocab_stamp(vocab: Vocabulary) -> tuple[Stamp, ...]:
    return tuple(stamp(p) for p in vocab.paths if os.path.exists(p))


@dataclass
class PageCache:
    """Parsed pages keyed by path, reused while (mtime, size) and the vocabulary are unchanged."""

    entries: dict[str, tuple[Stamp, tuple[object, ...], Page | PageError]] = field(
        default_factory=dict
    )
    reads: int = 0

    def load(
        self, rel: str, abs_path: str, vocab: Vocabulary, vocab_key: tuple[object, ...] = ()
    ) -> Page | PageError:
        """The parsed page at `abs_path` (named `rel` in errors), or the error it raised.
        `vocab_key` tells vocabularies apart (default: `vocab_stamp(vocab)`); the caller
        computes it once per build."""
        key = (stamp(abs_path), vocab_key or vocab_stamp(vocab))
        cached = self.entries.get(abs_path)
        if cached is not None and cached[:2] == key:
            return cached[2]
        self.reads += 1
        try:
            text = Path(abs_path).read_text(encoding="utf-8")
            result: Page | PageError = quick_parse(text, rel, vocab) or parse_page(text, rel, vocab)
        except UnicodeDecodeError as exc:
            result = PageError([Problem(rel, 1, f"not UTF-8 text ({exc.reason})")])
        except PageError as exc:
            result = exc
        except ValueError as exc:  # PyYAML raises it for impossible dates such as 2026-02-30
            result = PageError([Problem(rel, 1, f"front-matter is not valid YAML: {exc}")])
        self.entries[abs_path] = (*key, result)
        return result


def read_archive(
    content_dir: Path, cache: PageCache | None = None
) -> tuple[Archive, list[Problem]]:
    """Every page under ``content_dir/briefings``; pages that fail to parse become problems."""
    vocab = load_vocabulary(content_dir)
    cache = cache or PageCache()
    vocab_key = vocab_stamp(vocab)
    entries, problems = [], []
    for path in sorted((content_dir / BRIEFINGS_DIR).rglob("*.md")):
        rel = path.relative_to(content_dir).as_posix()
        result = cache.load(rel, str(path), vocab, vocab_key)
        if isinstance(result, PageError):
            problems.extend(result.problems)
        else:
            entries.append(Entry.of(result))
    return Archive.of(entries, vocab), problems


def _write(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_derived(archive: Archive, derived: Derived, out_dir: Path) -> list[str]:
    """Write derived pages, feeds and decorated briefing pages under `out_dir`; only files
    whose bytes changed are rewritten. Returns the paths written, sorted."""
    outputs: dict[str, bytes] = {p: d.markdown.encode("utf-8") for p, d in derived.pages.items()}
    outputs.update(derived.files)
    for entry in archive.entries:
        body = derived.decorations[entry.path].apply(entry.body)
        text = f"---\n{front_matter_yaml(entry.briefing)}---\n\n{body}"
        outputs[entry.path] = text.encode("utf-8")
    for rel, data in sorted(outputs.items()):
        _write(out_dir / rel, data)
    return sorted(outputs)


def write_folder(content_dir: Path, out_dir: Path, cfg: SiteConfig | None = None) -> list[str]:
    """Derive the site of the archive in `content_dir` and write it to `out_dir` without
    MkDocs. Raises `generator.errors.BriefingsError` listing every page that fails."""
    archive, problems = read_archive(Path(content_dir))
    if problems:
        raise BriefingsError("\n".join(str(p) for p in problems))
    return write_derived(archive, derive(archive, cfg or SiteConfig()), Path(out_dir))

"""`briefings ingest FILE... [--captured DATE]`: raw digests in, briefing pages written.

All files are read and parsed, then every write is planned, then everything is
written at once under the archive lock; any error before the end leaves the archive
as it was. The summary names every page concerned and what happened to it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from ..catalog import Catalog
from ..errors import BriefingsError
from ..ingest import Action, Input, Outcome, Plan, plan_ingest
from ..pipeline import parse_text
from ..store import archive_lock
from ..vocab import Vocabulary
from .common import add_content_option, add_input_options, read_raw, vocabulary

DEFAULT_MAX_MB = 8
"""Parsing runs at a few hundred items a second, and a megabyte of digest holds about a
thousand items: a larger file is more likely a mistake than a digest, and would hold the
archive lock for minutes. --max-size lets a curator who means it go further."""

NOTES = {
    Outcome.OFF_TOPIC: "kept in content/, not published",
    Outcome.REVIEW: "kept in content/, not published until a curator sets status: published",
    Outcome.LEFT_ALONE: "",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "ingest",
        help="turn raw digests into briefing pages under content/",
        description="Parse raw digests and write one page per article; ingesting the same "
        "file again changes nothing, and pages a curator edited are never overwritten.",
    )
    add_input_options(p)
    p.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
    p.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_MAX_MB,
        metavar="MB",
        help=f"refuse raw files larger than this (default: {DEFAULT_MAX_MB} MB; "
        "a digest is rarely over 1 MB)",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also say how the archive was read: pages taken from the page cache "
        "(.cache/briefings/ beside the content folder) and pages read again",
    )
    add_content_option(p)
    p.set_defaults(run=run)


def read_inputs(args: argparse.Namespace, vocab: Vocabulary) -> list[Input]:
    """Read and parse every file first, so that a bad one stops the run before any write."""
    inputs = []
    for path in args.files:
        _check_size(path, args.max_size)
        text = read_raw(path)
        try:
            result = parse_text(text, vocab, args.captured, args.fmt)
        except BriefingsError as exc:
            message = str(exc)
            raise BriefingsError(
                message if message.startswith(str(path)) else f"{path}: {message}"
            ) from exc
        for problem in result.problems:
            print(f"{path}:{problem.line}: warning: {problem.message}", file=sys.stderr)
        if not result.articles:
            raise BriefingsError(
                f"{path}: no article found ({result.format} format); nothing was written"
            )
        inputs.append(Input(path, path.read_bytes(), result))
    return inputs


def _check_size(path: Path, max_mb: int) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return
    if path.is_file() and size > max_mb * 1024 * 1024:
        raise BriefingsError(
            f"{path}: file is {size / (1024 * 1024):.0f} MB, more than the {max_mb} MB ingest "
            "takes at once; split it, or pass --max-size to take it; nothing was written"
        )


def run(args: argparse.Namespace) -> int:
    content: Path = args.content
    vocab = vocabulary(content)
    inputs = read_inputs(args, vocab)
    if args.dry_run:
        plan = plan_ingest(_catalog(content, args.verbose), inputs, vocab)
        report(plan, content, inputs)
        print("dry run: nothing was written")
        return 0
    with archive_lock(content):
        plan = plan_ingest(_catalog(content, args.verbose), inputs, vocab)
        changed = plan.transaction.commit()
    report(plan, content, inputs)
    if not changed:
        print(
            "nothing changed: the archive already holds everything in "
            + ("this file" if len(inputs) == 1 else "these files")
        )
    return 0


def _catalog(content: Path, verbose: bool) -> Catalog:
    catalog = Catalog.load(content)
    if verbose:
        total = len(catalog.pages) + len({p.path for p in catalog.problems})
        where = f"the page cache {catalog.cache}" if catalog.cache else "no page cache"
        print(
            f"archive: {total} pages, {catalog.cached} from {where}, {total - catalog.cached} read",
            file=sys.stderr,
        )
    return catalog


def _line(action: Action, content: Path) -> str:
    detail = action.detail or NOTES.get(action.outcome, "")
    note = f"  ({detail})" if detail else ""
    return f"  {action.outcome.value:<16} {content / action.rel}{note}"


def report(plan: Plan, content: Path, inputs: list[Input]) -> None:
    offset = 0
    for inp, raw in zip(inputs, plan.raws, strict=True):
        r = inp.result
        actions = plan.actions[offset : offset + len(r.articles)]
        offset += len(r.articles)
        kept = f"copied to {content / raw.rel}" if raw.copied else f"kept as {content / raw.rel}"
        print(
            f"{raw.source}: {len(r.articles)} articles ({r.format} format, captured {r.captured}); "
            f"raw file {kept}"
        )
        for action in actions:
            print(_line(action, content))
    counts = Counter(a.outcome for a in plan.actions)
    print(", ".join(f"{counts[o]} {o.value}" for o in Outcome if counts[o]))

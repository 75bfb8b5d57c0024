"""`briefings review`: every page that needs a curator, one line each, with the reasons."""

from __future__ import annotations

import argparse

from ..review import review_queue
from ..store import Archive
from .common import add_content_option


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "review",
        help="list the briefings that need a curator, and why",
        description="List off-topic items, low-confidence regions or topics, guessed dates, "
        "suspected duplicates and unreadable pages: one line per page (path, status, reasons).",
    )
    add_content_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    archive = Archive.load(args.content)
    items = review_queue(archive)
    for item in items:
        print(f"{item.path}  {item.status}  {'; '.join(item.reasons)}")
    total = len(archive.pages) + len({p.path for p in archive.problems})
    if items:
        print(f"{len(items)} of {total} briefings need a curator")
    else:
        print(f"no briefing needs a curator ({total} checked)")
    return 0

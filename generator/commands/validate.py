"""`briefings validate`: check every page; exit 1 listing every problem, or 0 with one line.

Problems are printed as ``path:line: message``; when ``GITHUB_ACTIONS=true`` each is
followed by a workflow command so that it shows on the file in a pull request.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..validate import github_annotation, validate_archive
from .common import add_content_option


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check every briefing page against the schema and the taxonomy",
        description="Check schema, taxonomy values, unique ids and slugs, dates and links "
        "between pages. Reports every problem as path:line: message; exit 1 if any.",
    )
    add_content_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = validate_archive(args.content)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in report.problems:
        print(problem)
        if annotate:
            print(github_annotation(problem))
    if report.problems:
        files = len({p.path for p in report.problems})
        print(f"{len(report.problems)} problems in {files} files", file=sys.stderr)
        return 1
    print(f"OK: {report.summary()}")
    return 0

"""The `briefings` command line (also `python -m generator`).

Each verb lives in its own module under `generator.commands` with `register(subparsers)`
and `run(args) -> int`. A `BriefingsError` is printed as one line on stderr with exit
status 1 (2 for usage errors, from argparse); never a traceback for a user mistake.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import BriefingsError

VERBS = ("parse", "ingest", "validate", "review", "explain", "eval", "changed")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefings",
        description="Turn raw AI-policy news digests into a curated, searchable archive.",
    )
    parser.add_argument("--version", action="version", version=f"briefings {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb in VERBS:
        module = importlib.import_module(
            f".commands.{verb.replace('eval', 'evaluate')}", __package__
        )
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BriefingsError as exc:
        for line in str(exc).splitlines() or ["error"]:
            print(f"briefings: error: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefings: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0

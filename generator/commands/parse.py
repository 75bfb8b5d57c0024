"""`briefings parse FILE... [--captured DATE] [--json]`: show what ingest would write."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import BriefingsError
from ..pipeline import parse_text
from .common import add_content_option, add_input_options, read_raw, vocabulary


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("parse", help="split and classify raw digests; writes nothing")
    add_input_options(p)
    p.add_argument("--json", action="store_true", help="print a JSON array of articles")
    add_content_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    vocab = vocabulary(args.content)
    out: list[dict[str, object]] = []
    status = 0
    for path in args.files:
        try:
            result = parse_text(read_raw(path), vocab, args.captured, args.fmt)
        except BriefingsError as exc:
            raise BriefingsError(
                f"{path}: {exc}" if not str(exc).startswith(str(path)) else str(exc)
            ) from exc
        for problem in result.problems:
            print(f"{path}:{problem.line}: warning: {problem.message}", file=sys.stderr)
        if not result.articles:
            raise BriefingsError(f"{path}: no article found ({result.format} format)")
        for article in result.articles:
            data = article.to_json()
            data["file"] = str(path)
            data["format"] = result.format
            out.append(data)
        if not args.json:
            count = len(result.articles)
            print(f"{path}: {count} articles ({result.format}, captured {result.captured})")
            for a in result.articles:
                c = a.classification
                print(f"  {c.date} {c.region:<6} {c.topic:<28} {a.status().value:<9} {a.title}")
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return status

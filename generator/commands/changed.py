"""`briefings changed --base REV [--markdown]`: the briefings added or changed since a git
revision, with title, region and topic (a Markdown table for a pull-request summary)."""

from __future__ import annotations

import argparse
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingsError
from ..pages import PageError
from ..store import BRIEFINGS_DIR, read_page
from .common import add_content_option

KINDS = {"A": "added", "M": "changed", "T": "changed", "D": "removed"}


@dataclass(frozen=True)
class Change:
    kind: str
    path: str
    title: str = ""
    region: str = ""
    topic: str = ""
    status: str = ""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "changed",
        help="list briefings added or changed since a git revision",
        description="List briefing pages added, changed or removed compared with REV "
        "(git diff --name-status REV), with title, region and topic.",
    )
    p.add_argument("--base", required=True, metavar="REV", help="git revision to compare with")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    add_content_option(p)
    p.set_defaults(run=run)


def _git(content: Path, *argv: str) -> str:
    try:
        done = subprocess.run(
            ["git", *argv], cwd=content, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as exc:
        raise BriefingsError("git is not installed") from exc
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["git failed"])[0]
        raise BriefingsError(f"git {' '.join(argv[:2])}: {first}")
    return done.stdout


def changes(content: Path, base: str) -> list[Change]:
    """Briefing pages that differ between `base` and the working tree (untracked pages
    count as added), sorted by path."""
    if not (content / BRIEFINGS_DIR).is_dir():
        return []
    top = Path(_git(content, "rev-parse", "--show-toplevel").strip())
    try:
        _git(content, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except BriefingsError:
        raise BriefingsError(f"{base!r} is not a git revision here (fetch it first?)") from None
    listed = _git(content, "diff", "--name-status", "--no-renames", base, "--", BRIEFINGS_DIR)
    untracked = _git(content, "ls-files", "--others", "--exclude-standard", "--", BRIEFINGS_DIR)
    entries = [line.split("\t", 1) for line in listed.splitlines() if "\t" in line]
    entries += [
        ["A", str((content / name).resolve().relative_to(top))] for name in untracked.splitlines()
    ]
    out = []
    for status, name in entries:
        if not name.endswith(".md"):
            continue
        path = top / name
        kind = KINDS.get(status[:1], "changed")
        shown = _shown(path, content)
        if kind == "removed" or not path.is_file():
            out.append(Change("removed", shown))
            continue
        try:
            b = read_page(content.resolve(), path.resolve()).briefing
        except PageError as exc:
            out.append(Change(kind, shown, f"(invalid page: {exc.problems[0].message})"))
            continue
        out.append(Change(kind, shown, b.title, b.region, b.topic, b.status.value))
    return sorted(set(out), key=lambda c: c.path)


def _shown(path: Path, content: Path) -> str:
    resolved = path.resolve()
    try:
        return str(content / resolved.relative_to(content.resolve()))
    except ValueError:
        return str(path)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") or " "


def markdown(found: list[Change]) -> str:
    if not found:
        return "No briefing added or changed.\n"
    rows = ["| Change | Briefing | Region | Topic | Status |", "| --- | --- | --- | --- | --- |"]
    for c in found:
        title = f"{_cell(c.title)}<br>`{c.path}`" if c.title else f"`{c.path}`"
        rows.append(
            f"| {c.kind} | {title} | {_cell(c.region)} | {_cell(c.topic)} | {_cell(c.status)} |"
        )
    return "\n".join(rows) + f"\n\n{len(found)} briefing pages added, changed or removed.\n"


def run(args: argparse.Namespace) -> int:
    found = changes(args.content, args.base)
    if args.markdown:
        print(markdown(found), end="")
        return 0
    for c in found:
        print(f"{c.kind:<8} {c.path}  {c.region}  {c.topic}  {c.title}".rstrip())
    if not found:
        print("no briefing added or changed")
    return 0

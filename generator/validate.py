"""Check the whole archive and report every problem, each as ``path:line: message``.

Per page: the front-matter parses as plain YAML (no tags, no repeated keys) and fits
the `Briefing` schema and the curators' vocabulary; dates are sane (not before
`MIN_DATE`, not after the capture date, capture date not in the future); the page
sits where its date and slug put it; its raw file exists; its "also reported by"
list names other sources, once each. Across pages: ids and slugs are unique.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import BriefingsError, Problem
from .model import Status
from .pages import FRONT_MATTER, PageError
from .store import RAW_DIR, StoredPage, page_files, page_relpath, read_page
from .vocab import Vocabulary, load_vocabulary

MIN_DATE = dt.date(1990, 1, 1)
_LOCATED = re.compile(r"^(?P<path>[^:\n]+?):(?:(?P<line>\d+):)? (?P<message>.+)$")


@dataclass
class Report:
    """Every problem found, and the pages that were read."""

    problems: list[Problem] = field(default_factory=list)
    pages: list[StoredPage] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = {s: sum(p.briefing.status is s for p in self.pages) for s in Status}
        return (
            f"{self.files} briefing pages valid: {counts[Status.PUBLISHED]} published, "
            f"{counts[Status.REVIEW]} under review, {counts[Status.OFF_TOPIC]} off-topic"
        )


def validate_archive(content: Path, today: dt.date | None = None) -> Report:
    """Read the vocabulary and every page under ``content/briefings`` and check them all."""
    today = today or dt.date.today()
    report = Report()
    vocab = _vocabulary(content, report)
    files = page_files(content)
    report.files = len(files)
    for path in files:
        text: str | None = None
        try:
            page = read_page(content, path, vocab)
        except PageError as exc:
            report.problems.extend(exc.problems)
        else:
            report.pages.append(page)
            text = page.text
            report.problems.extend(page_problems(page, content, today))
        report.problems.extend(duplicate_key_problems(text or _quiet_read(path), str(path)))
    report.problems.extend(cross_page_problems(report.pages))
    report.problems = sorted(set(report.problems))
    return report


def _vocabulary(content: Path, report: Report) -> Vocabulary | None:
    try:
        return load_vocabulary(content)
    except BriefingsError as exc:
        lines = str(exc).splitlines()
        located = [
            m for m in map(_LOCATED.match, lines) if m and m["path"].startswith(str(content))
        ]
        for m in located:
            report.problems.append(Problem(m["path"], int(m["line"] or 0), m["message"]))
        if not located:
            report.problems.append(Problem(str(content), 0, lines[0] if lines else "no vocabulary"))
        return None


def _quiet_read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def duplicate_key_problems(text: str, path: str) -> list[Problem]:
    """Keys given twice in the front-matter (YAML would silently keep the last one)."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match or not match.group(1):
        return []
    try:
        node = yaml.compose(match.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: dict[str, int] = {}
    problems = []
    for key, _value in node.value:
        name, line = str(key.value), key.start_mark.line + 2
        if name in seen:
            problems.append(
                Problem(path, line, f"key {name!r} is repeated (first on line {seen[name]})")
            )
        else:
            seen[name] = line
    return problems


def page_problems(page: StoredPage, content: Path, today: dt.date) -> list[Problem]:
    """Checks of one parsed page that the schema alone cannot make."""
    b, where = page.briefing, page.page.path

    def at(key: str) -> int:
        return page.page.lines.get(key, 2)

    problems = []
    if b.date < MIN_DATE:
        problems.append(
            Problem(where, at("date"), f"date {b.date} is before {MIN_DATE}; check the year")
        )
    if b.date > b.captured:
        problems.append(
            Problem(where, at("date"), f"date {b.date} is after the capture date {b.captured}")
        )
    if b.captured > today:
        problems.append(
            Problem(where, at("captured"), f"capture date {b.captured} is in the future")
        )
    if b.captured < MIN_DATE:
        problems.append(
            Problem(where, at("captured"), f"capture date {b.captured} is before {MIN_DATE}")
        )
    expected = page_relpath(b)
    if page.rel != expected:
        key = "slug" if Path(page.rel).stem != b.slug else "date"
        problems.append(
            Problem(
                where,
                at(key),
                f"page should be at {content / expected} for its date and slug "
                f"(move it, or fix {key})",
            )
        )
    if not b.raw.startswith(f"{RAW_DIR}/"):
        problems.append(Problem(where, at("raw"), f"raw file {b.raw!r} must be under {RAW_DIR}/"))
    elif not (content / b.raw).is_file():
        problems.append(Problem(where, at("raw"), f"raw file {content / b.raw} does not exist"))
    names = [r.name.casefold() for r in b.also_reported_by]
    if b.source.casefold() in names:
        problems.append(
            Problem(
                where,
                at("also_reported_by"),
                f"also_reported_by lists the page's own source {b.source!r}",
            )
        )
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        problems.append(
            Problem(
                where,
                at("also_reported_by"),
                f"also_reported_by lists {', '.join(repeated)} more than once",
            )
        )
    if not page.page.body.strip():
        problems.append(Problem(where, _body_line(page.text), "page has no body text"))
    return problems


def _body_line(text: str) -> int:
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    return text[: match.end()].count("\n") + 1 if match else 1


def cross_page_problems(pages: list[StoredPage]) -> list[Problem]:
    """Ids and slugs used by more than one page: each later page names the first."""
    problems = []
    for key in ("id", "slug"):
        holders: dict[str, list[StoredPage]] = defaultdict(list)
        for page in sorted(pages, key=lambda p: p.rel):
            holders[getattr(page.briefing, key)].append(page)
        for value, group in holders.items():
            for page in group[1:]:
                problems.append(
                    Problem(
                        page.page.path,
                        page.page.lines.get(key, 2),
                        f"{key} {value!r} is also used by {group[0].page.path}",
                    )
                )
    return problems


def github_annotation(problem: Problem) -> str:
    """The GitHub Actions workflow command that shows `problem` on the file in a pull request."""

    def prop(value: str) -> str:
        return (
            value.replace("%", "%25")
            .replace("\r", "%0D")
            .replace("\n", "%0A")
            .replace(":", "%3A")
            .replace(",", "%2C")
        )

    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    line = f",line={problem.line}" if problem.line else ""
    return f"::error file={prop(problem.path)}{line}::{message}"

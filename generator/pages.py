"""Briefing pages on disk: Markdown with YAML front-matter.

`render_page` and `parse_page` are inverses: a page rendered from a `Briefing` and
a plain-text body parses back to the same `Briefing` and, after `unescape_body`, the
same body. Body text is escaped so that nothing in an input becomes HTML or Markdown
structure; parsing is strict (YAML tags such as ``!!python/object`` are refused) and
every problem carries the line it is on. Front-matter as `render_page` writes it is
read by `simple_mapping`, anything else by libyaml's safe loader (PyYAML's if absent).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import Problem
from .model import Briefing, Status
from .simpleyaml import simple_mapping
from .vocab import Vocabulary

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

_INLINE = re.compile(r"([\\`*_\[\]])")
_ENTITIES = str.maketrans({"|": "&#124;", "~": "&#126;", "{": "&#123;", "}": "&#125;"})
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)
_UNESCAPE = re.compile(r"\\([\\`*_\[\]#>+=.)-])")


class PageError(Exception):
    """A page that cannot be read; `problems` name its lines."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class Page:
    """A parsed page: validated front-matter, Markdown body, and key -> line for errors."""

    path: str
    briefing: Briefing
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    raw_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body as plain text (escapes undone)."""
        return unescape_body(self.body)


def escape_body(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text and nothing else."""
    text = html.escape(text, quote=False)
    text = _INLINE.sub(r"\\\1", text)
    text = text.translate(_ENTITIES)
    text = _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)
    return text


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def unescape_body(markdown: str) -> str:
    return html.unescape(_UNESCAPE.sub(r"\1", markdown))


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(Status, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v.value))


def front_matter_yaml(briefing: Briefing) -> str:
    data = briefing.front_matter()
    for key in ("date", "captured"):
        data[key] = dt.date.fromisoformat(data[key])
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=None,
    )


def render_page(briefing: Briefing, body: str) -> str:
    """The full page text for a briefing and its plain-text body."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    markdown = "\n\n".join(escape_body(" ".join(p.split())) for p in paragraphs)
    return f"---\n{front_matter_yaml(briefing)}---\n\n{markdown}\n"


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _key_lines(source: str, offset: int) -> dict[str, int]:
    """Line of each top-level key (first occurrence), for error messages."""
    lines: dict[str, int] = {}
    for match in _TOP_KEY.finditer(source):
        lines.setdefault(match.group(1), source.count("\n", 0, match.start()) + offset)
    return lines


def _value_error_line(source: str) -> int:
    """PyYAML raises a bare ValueError for dates such as 2026-02-30: find the line of the
    first date-like scalar that is not a real date."""
    import datetime as _dt

    for number, line in enumerate(source.splitlines(), start=2):
        for found in re.findall(r"\b(\d{4}-\d{1,2}-\d{1,2})\b", line):
            try:
                _dt.date.fromisoformat(found if len(found) == 10 else "x")
            except ValueError:
                return number
    return 2


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, dict[str, int]]:
    """(meta, body, key lines). Raises PageError on missing or malformed front-matter."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        raise PageError([Problem(path, 1, "no YAML front-matter (the page must start with '---')")])
    source = match.group(1) or ""
    try:
        meta = simple_mapping(source) or yaml.load(source, Loader=_Loader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PageError(
            [Problem(path, line, f"front-matter is not valid YAML: {problem}")]
        ) from exc
    except ValueError as exc:
        line = _value_error_line(source)
        raise PageError(
            [Problem(path, line, f"front-matter has an impossible value: {exc}")]
        ) from exc
    if not isinstance(meta, dict):
        raise PageError([Problem(path, 2, "front-matter must be a mapping of keys to values")])
    return meta, text[match.end() :].lstrip("\n"), _key_lines(source, 2)


def parse_page(text: str, path: str, vocab: Vocabulary | None = None) -> Page:
    """Parse and validate a page; every schema error is reported, each with its line."""
    meta, body, lines = split_front_matter(text, path)
    try:
        briefing = Briefing.model_validate(meta, context={"vocab": vocab} if vocab else None)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err["loc"]]
            key = loc[0] if loc else ""
            where = ".".join(loc) if loc else "front-matter"
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = f"unknown key {key!r}"
            elif err["type"] == "missing":
                message = f"required key {key!r} is missing"
            else:
                message = f"{where}: {message}"
            problems.append(Problem(path, lines.get(key, 2), message))
        raise PageError(sorted(problems)) from exc
    return Page(path, briefing, body, lines, meta)

"""The YAML that `generator.pages.render_page` writes, read without a YAML parser.

A briefing's front-matter is one ``key: value`` per line, each value a plain, single-
or double-quoted scalar or a one-line flow list of plain or single-quoted scalars, plus
lists of one-line flow mappings (other outlets) in PyYAML's block style.
`simple_mapping` reads exactly that, with PyYAML's own rules for what a plain scalar
means (strings, booleans, null, dates), several times faster than libyaml and PyYAML's
constructor together, and returns None for anything else (comments, continued or
otherwise indented lines, numbers, escapes, duplicate keys), so that the caller reads
it with a YAML loader instead. Whatever it returns equals what ``yaml.safe_load``
returns for the same text (``tests/test_simple_yaml.py`` checks both on many documents).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from yaml import ScalarNode
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

_RESOLVER = Resolver()
_ALWAYS_RESOLVE = None in Resolver.yaml_implicit_resolvers
_IMPLICIT_FIRST = frozenset(first for first in Resolver.yaml_implicit_resolvers if first)
_BOOLS = SafeConstructor.bool_values
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): (.*)")
_KEY_ONLY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):")
_FLOW_SCALAR = r"('(?:[^']|'')*'|[^,'\"\[\]{}][^,\[\]{}]*)(, |$)"
_FLOW_ITEM = re.compile(_FLOW_SCALAR)
_FLOW_ENTRY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): " + _FLOW_SCALAR)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BLOCK_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_FORBIDDEN = re.compile(r"[,?\[\]{}]|: |:$| #")
_BLOCK_FORBIDDEN = re.compile(r": |:$| #|\t")
_UNSURE = object()


@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> Any:
    """The value of a plain scalar that passed the syntax checks, or `_UNSURE`."""
    if not text or not text.isprintable() or text[0] in _BLOCK_INDICATORS or text != text.strip():
        return _UNSURE
    if text[0] not in _IMPLICIT_FIRST and not _ALWAYS_RESOLVE:
        return text
    tag = _RESOLVER.resolve(ScalarNode, text, (True, False))
    if tag == _STR:
        return text
    if tag == _BOOL:
        return _BOOLS[text.lower()]
    if tag == _NULL:
        return None
    if tag == _TIMESTAMP and _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return _UNSURE
    return _UNSURE


def _flow_scalar(raw: str) -> Any:
    """A plain or single-quoted scalar inside a flow collection, or `_UNSURE`."""
    if raw.startswith("'"):
        return raw[1:-1].replace("''", "'") if raw.isprintable() else _UNSURE
    return _UNSURE if _FLOW_FORBIDDEN.search(raw) else _plain(raw)


def _flow_list(text: str) -> Any:
    """``[a, 'b, c']``: plain or single-quoted scalars, or `_UNSURE`."""
    if not text.endswith("]"):
        return _UNSURE
    inner, result, at = text[1:-1], [], 0
    while at < len(inner):
        match = _FLOW_ITEM.match(inner, at)
        if match is None:
            return _UNSURE
        raw, separator = match.groups()
        at = match.end()
        value = _flow_scalar(raw)
        if value is _UNSURE or (separator and at == len(inner)):
            return _UNSURE
        result.append(value)
    return result


def _value(text: str) -> Any:
    if text.startswith("["):
        return _flow_list(text)
    if len(text) < 2 or text[0] != text[-1] or text[0] not in "'\"":
        return _UNSURE if _BLOCK_FORBIDDEN.search(text) else _plain(text)
    inner = text[1:-1]
    if not inner.isprintable():
        return _UNSURE
    if text[0] == "'":
        return _UNSURE if "'" in inner.replace("''", "") else inner.replace("''", "'")
    return _UNSURE if '"' in inner or "\\" in inner else inner


def _entry(line: str, into: dict[str, Any]) -> bool:
    """Add the ``key: value`` of `line` to `into`; False if it is not that simple."""
    match = _LINE.fullmatch(line)
    if match is None:
        return False
    key, text = match.groups()
    if key in into or _plain(key) != key:
        return False
    value = _value(text)
    if value is _UNSURE:
        return False
    into[key] = value
    return True


def _flow_mapping(text: str) -> dict[str, Any] | None:
    """``{key: value, key: 'value'}`` with plain or single-quoted values, or None."""
    if not (text.startswith("{") and text.endswith("}")):
        return None
    inner, result, at = text[1:-1], {}, 0
    while at < len(inner):
        match = _FLOW_ENTRY.match(inner, at)
        if match is None:
            return None
        key, raw, separator = match.groups()
        at = match.end()
        if key in result or _plain(key) != key or (separator and at == len(inner)):
            return None
        value = _flow_scalar(raw)
        if value is _UNSURE:
            return None
        result[key] = value
    return result or None


def _mappings(lines: list[str], start: int) -> tuple[list[dict[str, Any]], int]:
    """The list at `lines[start:]` of flow mappings, one per ``- {...}`` line, as PyYAML
    writes a list of mappings under a key, and the index after it; empty when those
    lines are not that simple."""
    items: list[dict[str, Any]] = []
    end = start
    while end < len(lines) and lines[end].startswith("- "):
        item = _flow_mapping(lines[end][2:])
        if item is None:
            return [], end
        items.append(item)
        end += 1
    return items, end


def simple_mapping(source: str) -> dict[str, Any] | None:
    """The mapping `source` holds, if it is written in the simple form described above;
    None otherwise (read it with a YAML loader then)."""
    if "\r" in source:
        return None
    result: dict[str, Any] = {}
    lines = source.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line or _entry(line, result):
            continue
        key = _KEY_ONLY.fullmatch(line)
        if key is None or key.group(1) in result or _plain(key.group(1)) != key.group(1):
            return None
        items, index = _mappings(lines, index)
        if not items:
            return None
        result[key.group(1)] = items
    return result or None

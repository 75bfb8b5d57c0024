"""Front-matter as `render_page` writes it is read without a YAML parser
(`generator.simpleyaml`), and whatever that reader returns is exactly what the YAML
loader returns for the same text; anything else is left to the YAML loader."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import event, given
from hypothesis import strategies as st
from site_fixtures import standard_items
from test_properties import SETTINGS, briefings, chars, rich

from generator.pages import front_matter_yaml
from generator.simpleyaml import simple_mapping

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def loaded(source: str) -> Any:
    try:
        return yaml.load(source, Loader=LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError) as exc:
        return exc


def agrees(source: str) -> bool:
    """True when the simple reader declines `source` or reads it as YAML does (types too:
    True is not 1)."""
    fast = simple_mapping(source)
    return fast is None or repr(fast) == repr(loaded(source))


def test_every_page_of_a_realistic_archive_is_read_without_yaml() -> None:
    for it in standard_items():
        source = front_matter_yaml(it.briefing)
        fast = simple_mapping(source)
        assert fast is not None, source
        assert repr(fast) == repr(loaded(source))


@SETTINGS
@given(briefing=briefings())
def test_written_front_matter_reads_as_yaml_reads_it(briefing: Any) -> None:
    source = front_matter_yaml(briefing)
    event("read without yaml" if simple_mapping(source) is not None else "left to yaml")
    assert agrees(source)


VALUES = [
    "plain words",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "~",
    "null",
    "Null",
    "123",
    "0x1F",
    "0o17",
    "1_000",
    "1e3",
    "-1",
    "+1",
    ".5",
    ".inf",
    ".NaN",
    "1:20",
    "2026-01-05",
    "2026-02-30",
    "2026-1-5",
    "2026-01-05 10:00:00",
    "2026-01-05T10:00:00Z",
    "a: b",
    "a:b",
    "a:",
    "a #comment",
    "a#b",
    "it's",
    "'it''s'",
    "'it's'",
    "''",
    '"quoted"',
    '"tab\\tescape"',
    '"unclosed',
    "'unclosed",
    "[a, b, c]",
    "[a,b]",
    "[ a, b ]",
    "[]",
    "[a, [b]]",
    "[Who?, x]",
    "[a: b]",
    "[yes, no, ~, 1]",
    "['quoted', plain]",
    "['off-topic: match, league, weather']",
    "['a', 'b''s', c]",
    "['unclosed, b]",
    "['a' , b]",
    "['a''', b]",
    "[a, ]",
    "[, a]",
    "[x, ]",
    "{a: b}",
    "- item",
    "-item",
    "? key",
    "&anchor value",
    "*alias",
    "!!str 12",
    "!tag x",
    "| block",
    "> folded",
    "%directive",
    "@reserved",
    "`reserved`",
    "<< merge",
    "=",
    "trailing space ",
    "tab\there",
    "line\u2028separator",
    "next\x85line",
    "bom\ufeffinside",
    "zero\u200bwidth",
    "Zürich – €5 “quoted”",
    "日本語のタイトル",
]


@pytest.mark.parametrize("value", VALUES)
def test_hand_written_values_are_read_as_yaml_reads_them_or_left_to_yaml(value: str) -> None:
    assert agrees(f"id: abc\ntitle: {value}\n")
    assert agrees(f"id: abc\ntags: [{value}, AI Act]\n")


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n",
        "# a comment\ntitle: x\n",
        "title: x\n\nsummary: y\n",
        "title: x\ntitle: y\n",
        "title: x\n  continued\n",
        "tags:\n- a\n- b\n",
        "also_reported_by:\n- name: Reuters\n",
        "also_reported_by:\n- name: Reuters\n  url: https://www.reuters.com/x\n- name: Yonhap\n",
        "also_reported_by:\n- {name: Reuters, url: 'https://reuters.com/x'}\n- {name: Yonhap}\n",
        "also_reported_by:\n- {name: 'It''s, here', url: x}\n",
        "also_reported_by:\n- {name: Reuters, }\n",
        "also_reported_by:\n- {name: Reuters,url: x}\n",
        "also_reported_by:\n- {name: a: b}\n",
        "also_reported_by:\n- {name: yes, url: ~}\n",
        "also_reported_by:\n- {name: Reuters, name: AP}\n",
        "also_reported_by:\n- {name: [a]}\n",
        "also_reported_by:\n- {name: {a: b}}\n",
        "also_reported_by:\n- {name: Reuters}\n\n- {name: AP}\n",
        "also_reported_by:\n  - {name: Reuters}\n",
        "also_reported_by:\n- Reuters\n",
        "also_reported_by:\ntitle: x\n",
        "yes: x\n",
        "on: x\n",
        "title : x\n",
        "title:x\n",
        "title:  x\n",
        "title: x\r\nsummary: y\r\n",
        "date: 2026-01-05\ncaptured: 2026-01-07\ndate_guessed: false\n",
    ],
)
def test_hand_written_documents_are_read_as_yaml_reads_them_or_left_to_yaml(source: str) -> None:
    assert agrees(source)


def test_dates_booleans_and_lists_come_out_typed() -> None:
    source = "date: 2026-01-05\ndate_guessed: true\ntopic_runner_up: ~\ntags: [AI Act, OpenAI]\n"
    assert simple_mapping(source) == {
        "date": dt.date(2026, 1, 5),
        "date_guessed": True,
        "topic_runner_up": None,
        "tags": ["AI Act", "OpenAI"],
    }


keys = st.sampled_from(["id", "title", "summary", "tags", "date", "yes", "on", "x_1"])
lines = st.tuples(keys, st.one_of(rich, st.text(chars, max_size=40), st.sampled_from(VALUES)))


@SETTINGS
@given(
    pairs=st.lists(lines, min_size=1, max_size=6),
    listed=st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_any_key_value_lines_are_read_as_yaml_reads_them_or_left_to_yaml(
    pairs: list[tuple[str, str]], listed: list[bool]
) -> None:
    source = "".join(
        f"{key}: [{value}]\n" if wrap else f"{key}: {value}\n"
        for (key, value), wrap in zip(pairs, listed, strict=False)
    )
    event("read without yaml" if simple_mapping(source) is not None else "left to yaml")
    assert agrees(source)

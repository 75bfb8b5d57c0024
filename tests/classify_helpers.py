"""Shared by the tests/test_classify_*.py files: the real curator vocabulary, and one
call that classifies a realistic item the way the pipeline does."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from generator.classify import Classification, classify
from generator.readers.base import RawItem
from generator.text import headline_from_lede
from generator.vocab import Vocabulary, load_vocabulary

CONTENT = Path(__file__).resolve().parent.parent / "content"
CAPTURED = dt.date(2026, 1, 23)


@cache
def vocab() -> Vocabulary:
    return load_vocabulary(CONTENT)


def run(
    body: str,
    title: str | None = None,
    *,
    captured: dt.date = CAPTURED,
    source: str | None = None,
    source_url: str | None = None,
    dateline: str | None = None,
    default_source: str | None = None,
) -> Classification:
    item = RawItem(
        body=body, line=1, title=title, source=source, source_url=source_url, dateline=dateline
    )
    headline = title or headline_from_lede(body)
    return classify(item, headline, vocab(), captured, default_source)

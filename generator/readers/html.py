"""HTML: a saved article page, read with trafilatura.

The main text comes from trafilatura's extractor (precision first, recall as a fallback),
never from stripping tags by hand. Headline, publisher (og:site_name, JSON-LD publisher)
and date (article:published_time, JSON-LD datePublished, ...) come from the page's own
metadata; the canonical URL is the source URL. One item per page.
"""

from __future__ import annotations

import re
from typing import Any

from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import fold, is_prose

_DOC_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|article|section|h[1-6]|span|a|body|head|meta|title)[\s>/]", re.I)
MAX_TAGS = 150_000
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _extract(text: str, precision: bool) -> Any:
    """trafilatura's document for a page, or None; its own errors become None too, since
    a page it cannot parse is reported by the caller as a problem. trafilatura is
    imported here, not with the module: it takes a quarter of a second to import, and
    every run loads this reader to sniff its input, HTML or not."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=precision,
            favor_recall=not precision,
            date_extraction_params=DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError):
        return None


def _paragraphs(doc: Any) -> list[str]:
    lines = [" ".join(line.split()) for line in (doc.text or "").split("\n")]
    lines = [line for line in lines if line]
    if lines and doc.title and fold(lines[0]) == fold(doc.title):
        lines = lines[1:]
    return lines


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`.

    A page with more than `MAX_TAGS` tags is not an article page (and would take the
    extractor minutes): it is reported instead of extracted."""
    tags = text.count("<")
    if tags > MAX_TAGS:
        message = f"page has {tags:,} tags, too many for one article (at most {MAX_TAGS:,})"
        return ReadResult("html", [], [ReadProblem(1, message)])
    doc = _extract(text, precision=True)
    paras = _paragraphs(doc) if doc is not None else []
    if not paras:
        doc = _extract(text, precision=False)
        paras = _paragraphs(doc) if doc is not None else []
    if doc is None or not any(is_prose(p) for p in paras):
        return ReadResult("html", [], [ReadProblem(1, "no article text found in this page")])
    url = doc.url if isinstance(doc.url, str) and doc.url.startswith("http") else None
    item = RawItem(
        body="\n\n".join(paras),
        line=1,
        title=" ".join(doc.title.split()) if doc.title else None,
        source=doc.sitename or None,
        source_url=url,
        dateline=doc.date or None,
    )
    return ReadResult("html", [item])


CEILING = 0.95
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format."""
    head = text[:65536].lstrip()
    if not head.startswith("<"):
        return 0.0
    if _DOC_START.search(head[:4096]):
        return CEILING
    return 0.6 if len(_TAG.findall(head)) >= 3 else 0.0


READER = TextReader(
    "html",
    "a saved HTML article page (trafilatura: main text, headline, publisher, date)",
    sniff,
    read,
    CEILING,
)

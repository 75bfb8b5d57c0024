"""HTML fragments (feed summaries, e-mail parts) to plain paragraphs, with lxml's parser.

Text comes only from text nodes (and, if asked, link targets): tags, other attributes,
comments, scripts and styles never reach the output. Block elements end a paragraph;
``<br>`` ends a line, and lines are then re-joined by the usual paragraph rules.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from .common import paragraphs

BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
SKIP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head"}
)


def looks_like_html(text: str) -> bool:
    """True when a fragment has markup worth parsing rather than being plain text."""
    return "<" in text and ">" in text or "&" in text


def html_to_paragraphs(fragment: str, links: bool = False) -> list[str]:
    """Paragraphs of visible text in an HTML fragment; [] when it has none or will not parse.

    With `links`, each http(s) link target follows its text in angle brackets, as mail
    clients render links in plain text: ``Read more <https://...>``."""
    if not fragment.strip():
        return []
    if not looks_like_html(fragment):
        return paragraphs(fragment.splitlines())
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(root, *SKIP, with_tail=False)
    lines: list[str] = [""]
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCKS:
                lines.extend(["", ""])
            lines[-1] += el.text or ""
            continue
        href = el.get("href", "") if tag == "a" and links else ""
        if href.startswith(("http://", "https://")) and not any(c.isspace() for c in href):
            lines[-1] += f" <{href}>"
        if tag == "br":
            lines.append("")
        elif tag in BLOCKS:
            lines.extend(["", ""])
        if el is not root:
            lines[-1] += el.tail or ""
    return paragraphs(lines)

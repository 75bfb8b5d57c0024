"""A small inline SVG bar chart of briefings per month (no script, no external file).

Stable markup for styling and tests: ``svg.month-chart`` holds one ``rect.month-chart__bar``
per month, each with a ``<title>`` such as ``January 2026: 3 briefings``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

WIDTH = 600
HEIGHT = 120
AXIS = 16
MIN_SLOTS = 24


def month_keys(first: str, last: str, limit: int = 36) -> list[str]:
    """Every YYYY-MM key from `first` to `last` inclusive, at most the latest `limit`."""
    year, month = (int(part) for part in first.split("-"))
    keys = []
    while f"{year:04d}-{month:02d}" <= last:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys[-limit:]


def month_bars(bars: Sequence[tuple[str, str, int]], caption: str) -> str:
    """SVG for (key, label, count) bars in order; axis labels on the first of each year."""
    top = max((count for _key, _label, count in bars), default=0) or 1
    step = WIDTH / max(len(bars), MIN_SLOTS)
    plot = HEIGHT - AXIS
    parts = [
        f'<svg class="month-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{html.escape(caption)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (key, label, count) in enumerate(bars):
        height = round(plot * count / top, 1)
        x = round(index * step + step * 0.1, 1)
        noun = "briefing" if count == 1 else "briefings"
        parts.append(
            f'<rect class="month-chart__bar" x="{x}" y="{round(plot - height, 1)}" '
            f'width="{round(step * 0.8, 1)}" height="{height}">'
            f"<title>{html.escape(label)}: {count} {noun}</title></rect>"
        )
        if index == 0 or key.endswith("-01"):
            parts.append(
                f'<text class="month-chart__year" x="{x}" y="{HEIGHT - 3}">{key[:4]}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)

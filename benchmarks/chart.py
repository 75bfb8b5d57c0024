"""A hand-rolled SVG chart of a benchmark report: no plotting library needed.

Two panels of grouped bars, one group per archive size: build seconds per 1,000
briefings (the Python-Markdown floor, plain MkDocs + Material, our plugin, and Pelican;
equal bars across sizes mean linear scaling) and peak memory of the builds.
"""

from __future__ import annotations

from html import escape
from typing import Any

SERIES = (
    ("floor", "Python-Markdown floor", "#9e9e9e"),
    ("plain", "MkDocs + Material, no plugin", "#5c6bc0"),
    ("ours", "with the briefings plugin", "#ef6c00"),
    ("pelican", "Pelican", "#43a047"),
)
WIDTH, HEIGHT, PANEL_W, TOP, BOTTOM, LEFT = 860, 380, 360, 50, 60, 60


def _value(size: dict[str, Any], key: str, metric: str) -> float | None:
    entry = size.get(key) or {}
    value = entry.get(metric)
    return float(value) if isinstance(value, int | float) and "error" not in entry else None


def _label(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def _nice_max(value: float) -> float:
    step = 1.0
    while step * 10 < value:
        step *= 10
    for mult in (1, 2, 2.5, 5, 10):
        if value <= step * mult:
            return step * mult
    return step * 10


def _panel(x0: int, title: str, unit: str, groups: list[tuple[str, list[float | None]]]) -> str:
    values = [v for _, vs in groups for v in vs if v is not None]
    top = _nice_max(max(values, default=1.0))
    plot_h = HEIGHT - TOP - BOTTOM
    parts = [
        f'<text x="{x0 + PANEL_W / 2}" y="24" text-anchor="middle" font-weight="bold">'
        f"{escape(title)}</text>"
    ]
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{x0}" x2="{x0 + PANEL_W}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e0e0e0"/>'
            f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
            f"{value:g}{unit}</text>"
        )
    group_w = PANEL_W / max(len(groups), 1)
    bar_w = group_w * 0.8 / len(SERIES)
    for g, (label, series) in enumerate(groups):
        gx = x0 + g * group_w + group_w * 0.1
        for s, bar in enumerate(series):
            if bar is None:
                continue
            h = plot_h * bar / top
            x = gx + s * bar_w
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{h:.1f}" fill="{SERIES[s][2]}"><title>{escape(SERIES[s][1])}: '
                f"{bar:g}{unit}</title></rect>"
                f'<text x="{x + bar_w / 2 - 1:.1f}" y="{TOP + plot_h - h - 4:.1f}" '
                f'text-anchor="middle" font-size="10">{_label(bar)}</text>'
            )
        parts.append(
            f'<text x="{gx + group_w * 0.4:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
            f'font-size="12">{escape(label)}</text>'
        )
    return "".join(parts)


def svg(report: dict[str, Any]) -> str:
    """The chart for `report` (the JSON the benchmark prints) as an SVG document."""
    sizes = report.get("sizes", {})
    time_groups: list[tuple[str, list[float | None]]] = []
    memory_groups: list[tuple[str, list[float | None]]] = []
    for n, size in sizes.items():
        label = f"{int(n):,} briefings"
        per = int(n) / 1000
        times = [_value(size, key, "seconds") for key, _, _ in SERIES]
        time_groups.append((label, [None if t is None else round(t / per, 2) for t in times]))
        memory_groups.append(
            (label, [None, *(_value(size, key, "peak_rss_mb") for key, _, _ in SERIES[1:])])
        )
    legend = "".join(
        f'<rect x="{LEFT + i * 210}" y="{HEIGHT - 22}" width="12" height="12" fill="{color}"/>'
        f'<text x="{LEFT + i * 210 + 18}" y="{HEIGHT - 12}" font-size="12">{escape(name)}</text>'
        for i, (_, name, color) in enumerate(SERIES)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>'
        + _panel(LEFT, "Build time per 1,000 briefings", " s", time_groups)
        + _panel(LEFT + PANEL_W + 80, "Peak memory of the build", " MB", memory_groups)
        + legend
        + "</svg>\n"
    )

"""A world map of the archive as inline SVG, drawn from pygal_maps_world's bundled
country boundaries at build time (no tiles, no network).

Stable markup: ``svg.world-map``; a country with briefings is ``a.world-map__country``
with ``href`` to its region page, a ``data-region`` code, a ``world-map__country--N`` shade
class (N = 1..4 by count quartile) and a ``<title>``; other countries are plain
``g.world-map__land``. `legend` gives the key, ``ul.world-map-legend`` with one
``span.world-map-legend__swatch--N`` per shade in use (0 = no briefings).

Curves are flattened to their end points and outlines simplified
(Ramer-Douglas-Peucker, tolerance `TOLERANCE` map units, about 0.2 px at page width) and
written as whole-unit relative moves, which cuts the 1 MB source to a fraction.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib.resources import files

SVG_NS = "http://www.w3.org/2000/svg"
_TOKEN = re.compile(r"[mlhvcz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?", re.IGNORECASE)
_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6}
LEVELS = 4
TOLERANCE = 0.8

Point = tuple[float, float]


def _rings(d: str) -> list[list[Point]]:
    """Polygons of a path that uses relative commands (m, l, h, v, c, z) only."""
    rings: list[list[Point]] = []
    x = y = 0.0
    command = ""
    tokens = _TOKEN.findall(d)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "zZ":
                if rings:
                    x, y = rings[-1][0]
                continue
        if command not in _ARITY:
            raise ValueError(f"unsupported path command {command!r} in world map")
        args = [float(t) for t in tokens[i : i + _ARITY[command]]]
        i += _ARITY[command]
        if command == "m":
            x, y = x + args[0], y + args[1]
            rings.append([(x, y)])
            command = "l"
            continue
        if command == "h":
            x += args[0]
        elif command == "v":
            y += args[0]
        else:
            x, y = x + args[-2], y + args[-1]
        rings[-1].append((x, y))
    return rings


def _simplify(points: list[Point]) -> list[Point]:
    """Ramer-Douglas-Peucker with an explicit stack."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, first
        for k in range(first + 1, last):
            px, py = points[k]
            if norm:
                dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            else:
                dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if dist > worst:
                worst, index = dist, k
        if worst > TOLERANCE:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _path_data(d: str) -> str:
    parts = []
    for ring in _rings(d):
        points = [(round(px), round(py)) for px, py in _simplify(ring)]
        deduped = [p for k, p in enumerate(points) if k == 0 or p != points[k - 1]]
        if len(deduped) < 3:
            continue
        (x0, y0), moves = deduped[0], []
        for (ax, ay), (bx, by) in zip(deduped, deduped[1:], strict=False):
            moves.append(f"{bx - ax} {by - ay}")
        parts.append(f"M{x0} {y0}l" + " ".join(moves) + "z")
    return "".join(parts)


def _shape(element: ET.Element) -> str:
    tag = element.tag.removeprefix(f"{{{SVG_NS}}}")
    keep = {k: v for k, v in element.attrib.items() if k != "id"}
    if "d" in keep:
        keep["d"] = _path_data(keep["d"])
        if not keep["d"]:
            return ""
    attrs = "".join(f' {k}="{html.escape(v)}"' for k, v in keep.items())
    inner = "".join(_shape(child) for child in element)
    return f"<{tag}{attrs}>{inner}</{tag}>" if inner else f"<{tag}{attrs}/>"


@lru_cache(maxsize=1)
def base_map() -> tuple[str, tuple[tuple[str, str], ...]]:
    """(viewBox, ((ISO alpha-2 upper, simplified shapes), ...)) read once per process."""
    source = files("pygal_maps_world").joinpath("worldmap.svg").read_text(encoding="utf-8")
    root = ET.fromstring(source)
    countries = root.find(f"{{{SVG_NS}}}g")
    if countries is None:
        raise RuntimeError("pygal_maps_world's worldmap.svg has no country group")
    shapes = []
    for country in countries:
        code = country.attrib.get("class", "").split()[0].upper()
        shapes.append((code, "".join(_shape(child) for child in country)))
    return root.attrib["viewBox"], tuple(sorted(shapes))


def level(count: int, top: int) -> int:
    """Shade 1..LEVELS for a count, relative to the largest count."""
    return max(1, min(LEVELS, -(-count * LEVELS // max(top, 1))))


def legend(top: int) -> str:
    """A key to the shades: "no briefings", then each shade in use with its count range."""
    swatch = '<li><span class="world-map-legend__swatch world-map-legend__swatch--{}"></span>'
    items = [swatch.format(0) + "none</li>"]
    for shade in range(1, LEVELS + 1):
        counts = [c for c in range(1, top + 1) if level(c, top) == shade]
        if counts:
            low, high = counts[0], counts[-1]
            items.append(swatch.format(shade) + (f"{low}–{high}" if high > low else str(low)))
            items[-1] += "</li>"
    return (
        '<ul class="world-map-legend" aria-label="Briefings per country">'
        + "".join(items)
        + "</ul>"
    )


def world_map(
    counts: Mapping[str, int], names: Mapping[str, str], href: Callable[[str], str]
) -> str:
    """The map with every country in `counts` (code -> briefings) linked to `href(code)`."""
    view_box, shapes = base_map()
    top = max(counts.values(), default=0)
    parts = [
        f'<svg class="world-map" viewBox="{view_box}" role="img" '
        f'aria-label="World map of briefings by country" xmlns="{SVG_NS}">'
    ]
    for code, shape in shapes:
        count = counts.get(code, 0)
        if not count:
            parts.append(f'<g class="world-map__land">{shape}</g>')
            continue
        name = html.escape(names.get(code, code))
        noun = "briefing" if count == 1 else "briefings"
        parts.append(
            f'<a class="world-map__country world-map__country--{level(count, top)}" '
            f'href="{html.escape(href(code))}" data-region="{code}">'
            f"<title>{name}: {count} {noun}</title>{shape}</a>"
        )
    parts.append("</svg>")
    return "".join(parts)


def mapped_codes() -> frozenset[str]:
    return frozenset(code for code, _shape in base_map()[1])

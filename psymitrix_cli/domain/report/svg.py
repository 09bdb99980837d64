"""A chart (document.Chart) as inline SVG: axes with a scale, a line or bars. Pure.

Coordinates are in a fixed viewBox that CSS scales to the page's width, so the same
chart fits A4 and Letter. Point i of n sits at the middle of its slot (the first and
last are half a slot from the edges), for lines and bars alike. Colours are attributes,
not CSS, so a renderer that styles SVG on its own (a PDF printer) draws the same chart.
Every label is escaped.
"""

from __future__ import annotations

from html import escape

from psymitrix_cli.domain.report.document import Chart

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 30
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


def x_at(i: int, n: int) -> float:
    """The middle of point i's slot among n."""
    return round(LEFT + (i + 0.5) * PLOT_W / n, 2)


def y_at(value: float, low: float, high: float) -> float:
    """`value` on the scale low (the bottom) to high (the top)."""
    clamped = min(max(value, low), high)
    return round(TOP + (high - clamped) / (high - low) * PLOT_H, 2)


INK, GRID, LINE, BAR, GUIDE = "#333", "#ddd", "#1f5fa8", "#5b8fc9", "#b35c00"


def _tick(value: float) -> str:
    return f"{value:g}"


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, extra: str = "") -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="1"{extra}/>'
    )


def render(chart: Chart) -> str:
    n = len(chart.values)
    lo, hi = chart.low, chart.high
    base = y_at(lo, lo, hi)
    right = LEFT + PLOT_W
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(chart.title)}" '
        f'font-size="11" font-family="sans-serif" fill="{INK}">',
        f"<title>{escape(chart.title)}</title>",
    ]
    for t in chart.ticks:
        y = y_at(t, lo, hi)
        parts.append(_line(LEFT, y, right, y, GRID))
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{_tick(t)}</text>')
    for value, label in chart.guides:
        y = y_at(value, lo, hi)
        parts.append(_line(LEFT, y, right, y, GUIDE, ' stroke-dasharray="4 3"'))
        # The band that starts at the line, just above it at the right, on a white halo
        # so a point under it stays readable.
        parts.append(
            f'<text x="{right - 2}" y="{y - 3}" text-anchor="end" font-size="9" '
            f'fill="{GUIDE}" stroke="#fff" stroke-width="3" paint-order="stroke">'
            f"{escape(label)} ({_tick(value)}+)</text>"
        )
    parts.append(_line(LEFT, TOP, LEFT, base, INK))
    parts.append(_line(LEFT, base, right, base, INK))
    runs: list[list[tuple[float, float]]] = [[]]  # a line breaks where a point is missing
    for i, v in enumerate(chart.values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((x_at(i, n), y_at(v, lo, hi)))
    points = [p for run in runs for p in run]
    if chart.style == "bars":
        width = round(max(1.0, PLOT_W / n * 0.7), 2)
        parts += [
            f'<rect x="{round(x - width / 2, 2)}" y="{y}" width="{width}" '
            f'height="{round(base - y, 2)}" fill="{BAR}"/>'
            for x, y in points
        ]
    else:
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{x},{y}" for x, y in run)
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>'
                )
        parts += [f'<circle cx="{x}" cy="{y}" r="2.5" fill="{LINE}"/>' for x, y in points]
    for i in sorted({0, n // 2, n - 1}) if n else ():
        anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
        x = LEFT if anchor == "start" else right if anchor == "end" else x_at(i, n)
        label = escape(chart.labels[i])
        parts.append(f'<text x="{x}" y="{HEIGHT - 10}" text-anchor="{anchor}">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)

"""A chart (document.Chart) as inline SVG: axes with a scale, a line or bars. Pure.

Coordinates are in a fixed viewBox that CSS scales to the page's width, so the same
chart fits A4 and Letter. Point i of n sits at the middle of its slot (the first and
last are half a slot from the edges), for lines and bars alike. Every label is escaped.
"""

from __future__ import annotations

from html import escape

from psymitrix_cli.domain.report.document import Chart

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 72, 12, 30  # the right margin holds the guides' labels
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


def x_at(i: int, n: int) -> float:
    """The middle of point i's slot among n."""
    return round(LEFT + (i + 0.5) * PLOT_W / n, 2)


def y_at(value: float, low: float, high: float) -> float:
    """`value` on the scale low (the bottom) to high (the top)."""
    clamped = min(max(value, low), high)
    return round(TOP + (high - clamped) / (high - low) * PLOT_H, 2)


def _tick(value: float) -> str:
    return f"{value:g}"


def render(chart: Chart) -> str:
    n = len(chart.values)
    lo, hi = chart.low, chart.high
    base = y_at(lo, lo, hi)
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(chart.title)}" '
        'font-size="11">',
        f"<title>{escape(chart.title)}</title>",
    ]
    for t in chart.ticks:
        y = y_at(t, lo, hi)
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y}" x2="{LEFT + PLOT_W}" y2="{y}"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{_tick(t)}</text>')
    for value, label in chart.guides:
        y = y_at(value, lo, hi)
        parts.append(f'<line class="guide" x1="{LEFT}" y1="{y}" x2="{LEFT + PLOT_W}" y2="{y}"/>')
        parts.append(
            f'<text x="{LEFT + PLOT_W + 4}" y="{y + 4}">{escape(label)} {_tick(value)}</text>'
        )
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}"/>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{LEFT + PLOT_W}" y2="{base}"/>')
    points = [(x_at(i, n), y_at(v, lo, hi)) for i, v in enumerate(chart.values) if v is not None]
    runs: list[list[tuple[float, float]]] = [[]]  # a line breaks where a point is missing
    for i, v in enumerate(chart.values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((x_at(i, n), y_at(v, lo, hi)))
    if chart.style == "bars":
        width = round(max(1.0, PLOT_W / n * 0.7), 2)
        for x, y in points:
            parts.append(
                f'<rect class="bar" x="{round(x - width / 2, 2)}" y="{y}" '
                f'width="{width}" height="{round(base - y, 2)}"/>'
            )
    else:
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{x},{y}" for x, y in run)
                parts.append(f'<polyline class="line" points="{path}"/>')
        parts += [f'<circle class="dot" cx="{x}" cy="{y}" r="2.5"/>' for x, y in points]
    for i in sorted({0, n // 2, n - 1}) if n else ():
        anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
        x = LEFT if anchor == "start" else LEFT + PLOT_W if anchor == "end" else x_at(i, n)
        label = escape(chart.labels[i])
        parts.append(f'<text x="{x}" y="{HEIGHT - 10}" text-anchor="{anchor}">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)

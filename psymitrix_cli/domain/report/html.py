"""The report as one self-contained HTML page: its CSS inline, its charts inline SVG, no
script, no link, nothing fetched. Print styles keep the text within 180 mm, which fits
both A4 (210 mm) and Letter (216 mm) at 15 mm margins, and keep a table, a chart or a
heading with what follows it on one page where they can. Pure.

Every string is escaped here, whoever wrote it.
"""

from __future__ import annotations

from html import escape

from psymitrix_cli.domain.report import svg
from psymitrix_cli.domain.report.document import Block, Document

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #111; background: #fff;
       max-width: 180mm; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 17pt; margin: 0 0 .2rem; }
h2 { font-size: 13pt; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: .9rem 0 .2rem; break-after: avoid; page-break-after: avoid; }
.subtitle { color: #444; margin: 0 0 .8rem; }
.note { border-left: 3px solid #666; padding: .3rem .6rem; background: #f3f3f3; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0;
        break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #888; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
tr.marked td { font-weight: bold; background: #fde9c8; }
figure { margin: .6rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; color: #444; }
svg { width: 100%; height: auto; display: block; }
.entry { white-space: pre-wrap; margin: 0 0 .6rem; }
@page { size: auto; margin: 15mm; }
@media print {
  body { margin: 0 auto; padding: 0; font-size: 10pt; }
  .note, th, tr.marked td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _table(block: Block) -> str:
    head, *body = block.rows
    rows = ["<tr>" + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr>"]
    for i, row in enumerate(body):
        marked = ' class="marked"' if i in block.marked else ""
        rows.append(f"<tr{marked}>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _block(block: Block) -> str:
    e = escape
    if block.kind in ("h2", "h3"):
        return f"<{block.kind}>{e(block.text)}</{block.kind}>"
    if block.kind == "p":
        return f"<p>{e(block.text)}</p>"
    if block.kind == "note":
        return f'<p class="note">{e(block.text)}</p>'
    if block.kind == "text":
        return f'<p class="entry">{e(block.text.strip())}</p>'
    if block.kind == "ul":
        return "<ul>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + "</ul>"
    if block.kind == "table":
        return _table(block)
    if block.kind == "chart" and block.chart is not None:
        c = block.chart
        mark = "bar" if c.style == "bars" else "point"
        caption = f"{e(c.title)}: one {mark} a {e(c.point)}, {e(c.scale)}."
        return f"<figure>{svg.render(c)}<figcaption>{caption}</figcaption></figure>"
    return ""


def render(doc: Document) -> str:
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)} · {escape(doc.subtitle)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="subtitle">{escape(doc.subtitle)}</p>',
    ]
    out += [_block(b) for b in doc.blocks]
    out.append("</body></html>")
    return "\n".join(out) + "\n"

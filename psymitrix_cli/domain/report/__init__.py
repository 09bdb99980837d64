"""The report for a clinician (`psymitrix report`), pure:

- `summary`: the arithmetic, from a period's entries to one JSON-able summary (what the
  service returns and `GET /v1/report` sends);
- `document`: the summary as a list of blocks (headings, sentences, tables, charts);
- `markdown` and `html`: the blocks as one Markdown file, or one self-contained HTML page
  with inline SVG charts (`svg`) that prints on A4 and Letter.
"""

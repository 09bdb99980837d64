"""The Click that Typer runs on: newer Typer releases vendor their own copy, and
exceptions must come from that copy for Typer to recognise them."""

from __future__ import annotations

try:
    from typer import _click as click
except ImportError:  # older Typer depends on the click package itself
    import click  # type: ignore[no-redef]

__all__ = ["click"]

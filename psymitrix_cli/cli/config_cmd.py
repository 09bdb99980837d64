"""config show | set | path."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

config_app = typer.Typer(help="Show or change settings.", no_args_is_help=True)


@config_app.command("show")
def show(ctx: typer.Context, json_: Json = False) -> None:
    """The settings in force (secrets are shown only as set/unset)."""
    state = AppState.of(ctx, json_)
    s = state.settings
    result = {
        "backend": s.backend,
        "dataDir": str(s.data_dir),
        "configFile": str(s.config_file),
        "apiUrl": s.api_url,
        "aiProvider": s.ai.provider,
        "groqModel": s.ai.groq_model,
        "geminiModel": s.ai.gemini_model,
        "groqApiKey": "set" if s.ai.groq_api_key else "unset",
        "geminiApiKey": "set" if s.ai.gemini_api_key else "unset",
        "mongoDatabase": s.mongo.database,
        "mongoConfigured": bool(s.mongo.link or s.mongo.host),
        "crisisLine": s.crisis_line,
        "tokenTtlDays": s.token_ttl.total_seconds() / 86400,
    }

    def render(term, data):  # type: ignore[no-untyped-def]
        from rich.table import Table

        table = Table(show_header=False, box=None, padding=(0, 2))
        for key, value in data.items():
            table.add_row(key, "—" if value is None else str(value))
        term.print(table)

    state.term.emit(result, render)


@config_app.command("set")
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="One of: backend, api_url, ai_provider, …")],
    value: Annotated[str, typer.Argument(help="The new value ('' to unset).")],
    json_: Json = False,
) -> None:
    """Save a preference in the config file."""
    from psymitrix_cli.config import check_config_value, read_config_file, write_config_file

    state = AppState.of(ctx, json_)
    check_config_value(key, value)
    path = state.settings.config_file
    values = read_config_file(path)
    if value:
        values[key] = value
    else:
        values.pop(key, None)
    write_config_file(path, values)
    state.term.emit(
        {"key": key, "value": value or None, "configFile": str(path)},
        lambda t, r: t.success(f"{key} = {value!r} saved to {path}."),
    )


@config_app.command("path")
def path(ctx: typer.Context, json_: Json = False) -> None:
    """Where the config file and the data live."""
    state = AppState.of(ctx, json_)
    result = {
        "configFile": str(state.settings.config_file),
        "dataDir": str(state.settings.data_dir),
    }
    state.term.emit(result, lambda t, r: t.line(r["configFile"]))


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config", rich_help_panel="Settings")

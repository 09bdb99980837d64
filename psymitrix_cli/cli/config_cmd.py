"""config show | set | unset | path."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

config_app = typer.Typer(help="Show or change settings.", no_args_is_help=True)


@config_app.command("show")
def show(ctx: typer.Context, json_: Json = False) -> None:
    """The settings in force (secrets are shown only as set/unset). A bad value in the
    config file is named, and left out, rather than stopping the command."""
    from psymitrix_cli.config import config_problems, load_settings, read_config_file

    state = AppState.of(ctx, json_)
    s = load_settings(backend=state.backend_name, skip_bad_config=True)
    problems = config_problems(read_config_file(s.config_file))
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
        "problems": problems,
    }

    def render(term, data):  # type: ignore[no-untyped-def]
        from rich.table import Table

        table = Table(show_header=False, box=None, padding=(0, 2))
        for key, value in data.items():
            if key != "problems":
                table.add_row(key, "—" if value is None else str(value))
        term.print(table)
        _report_problems(state, data["problems"], s.config_file)

    state.term.emit(result, render)


def _report_problems(state: AppState, problems: dict[str, str], path: Path) -> None:
    from psymitrix_cli import messages

    for key, problem in problems.items():
        state.term.notice(messages.CONFIG_BAD_VALUE.format(key=key, path=path, problem=problem))


def _save(state: AppState, key: str, value: str | None) -> None:
    """Set (or, with None, remove) one key, whatever else the file holds."""
    from psymitrix_cli.config import (
        check_config_value,
        config_path,
        config_problems,
        read_config_file,
        write_config_file,
    )

    check_config_value(key, value or "")
    path = config_path()
    values = read_config_file(path)
    if value:
        values[key] = value
    else:
        values.pop(key, None)
    write_config_file(path, values)
    result = {"key": key, "value": value, "configFile": str(path)}
    problems = config_problems(values)
    text = (
        messages.CONFIG_SAVED.format(key=key, value=value, path=path)
        if value
        else messages.CONFIG_REMOVED.format(key=key, path=path)
    )
    state.term.emit({**result, "problems": problems}, lambda t, r: t.success(text))
    if not state.term.json_mode:
        _report_problems(state, problems, path)


@config_app.command("set")
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="One of: backend, api_url, ai_provider, …")],
    value: Annotated[str, typer.Argument(help="The new value ('' to unset).")],
    json_: Json = False,
) -> None:
    """Save a preference in the config file (checked as it will be read)."""
    _save(AppState.of(ctx, json_), key, value or None)


@config_app.command("unset")
def unset(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The setting to remove from the config file.")],
    json_: Json = False,
) -> None:
    """Remove a preference from the config file (back to the default)."""
    _save(AppState.of(ctx, json_), key, None)


@config_app.command("path")
def path(ctx: typer.Context, json_: Json = False) -> None:
    """Where the config file and the data live."""
    from psymitrix_cli.config import load_settings

    state = AppState.of(ctx, json_)
    settings = load_settings(backend=state.backend_name, skip_bad_config=True)
    result = {"configFile": str(settings.config_file), "dataDir": str(settings.data_dir)}
    state.term.emit(result, lambda t, r: t.line(r["configFile"]))


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config", rich_help_panel="Settings")

"""Installing reminders into the machine's own scheduler, and remembering what was installed.

Reminders belong to this machine, not to the account: they go to a systemd user timer,
the user's crontab or a launchd agent (Windows gets the Task Scheduler command to run),
and `reminders.json` in the data dir records each one so `list` and `remove` need no
scheduler queries. Every outside command goes through `run`, so tests put stand-in
`systemctl`/`crontab` programs on PATH and nothing touches the real scheduler.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import reminders as rules
from psymitrix_cli.errors import BackendUnavailable, InvalidInput, NotFound
from psymitrix_cli.fsutil import atomic_write_text, ensure_private_dir

Run = Callable[[list[str], str | None], subprocess.CompletedProcess[str]]

# Settings a fired reminder needs to find the same data and show a desktop notification
# (cron starts jobs with an almost empty environment).
_CARRIED_ENV = (
    "PSYMITRIX_HOME",
    "PSYMITRIX_BACKEND",
    "PSYMITRIX_API_URL",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "DBUS_SESSION_BUS_ADDRESS",
)


def _command(*argv: str) -> Step:
    return Step("run", " ".join(argv), argv=argv)


def _shown(steps: list[Step]) -> list[dict[str, Any]]:
    return [s.to_json() for s in steps]


def _run(argv: list[str], stdin: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=30)


@dataclass(frozen=True)
class Step:
    """One thing `add`/`remove` does: write a file, or run a command."""

    action: str  # "write" | "run" | "delete" | "show"
    target: str  # the path, or the command line as shown
    content: str | None = None  # what is written, or what the command reads on stdin
    argv: tuple[str, ...] = ()  # the command that is run, for "run"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action, "target": self.target}
        if self.content is not None:
            out["content"] = self.content
        return out


@dataclass
class Reminders:
    data_dir: Path
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    platform: str = sys.platform
    run: Run = _run
    command: list[str] = field(default_factory=lambda: [sys.executable, "-m", "psymitrix_cli"])

    # --- the record ---------------------------------------------------------------------
    @property
    def record_path(self) -> Path:
        return self.data_dir / "reminders.json"

    def list(self) -> list[dict[str, Any]]:
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return []
        return [r for r in data.get("reminders", []) if isinstance(r, dict)]

    def _save(self, items: list[dict[str, Any]]) -> None:
        ensure_private_dir(self.data_dir)
        atomic_write_text(self.record_path, json.dumps({"reminders": items}, indent=2) + "\n")

    # --- which scheduler ----------------------------------------------------------------
    def default_scheduler(self) -> str:
        if self.platform == "darwin":
            return "launchd"
        if self.platform.startswith("win"):
            return "windows"
        if shutil.which("systemctl", path=self.env.get("PATH")) and self._ok(
            ["systemctl", "--user", "show-environment"]
        ):
            return "systemd"
        if shutil.which("crontab", path=self.env.get("PATH")):
            return "cron"
        raise InvalidInput(messages.REMIND_NO_SCHEDULER, field="scheduler")

    def _ok(self, argv: list[str]) -> bool:
        try:
            return self._exec(argv).returncode == 0
        except (OSError, subprocess.SubprocessError):
            return False

    def _exec(self, argv: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        found = shutil.which(argv[0], path=self.env.get("PATH"))
        return self.run([found or argv[0], *argv[1:]], stdin)

    # --- planning -----------------------------------------------------------------------
    def _carried(self) -> dict[str, str]:
        return {k: self.env[k] for k in _CARRIED_ENV if self.env.get(k)}

    def _home(self) -> Path:
        return Path(self.env.get("HOME") or Path.home())

    def _systemd_dir(self) -> Path:
        base = self.env.get("XDG_CONFIG_HOME") or str(self._home() / ".config")
        return Path(base) / "systemd" / "user"

    def _plist(self, reminder: rules.Reminder) -> Path:
        return self._home() / "Library" / "LaunchAgents" / f"com.{reminder.label}.plist"

    def plan_add(
        self, kind: str, at: str | None, scheduler: str | None
    ) -> tuple[rules.Reminder, list[Step]]:
        # The kind and the time are checked before a scheduler is looked for.
        reminder = rules.plan(kind, at, scheduler or "cron")
        if scheduler is None:
            reminder = replace(reminder, scheduler=self.default_scheduler())
        argv = rules.fire_argv(self.command, reminder)
        env = self._carried()
        if reminder.scheduler == "systemd":
            units = rules.systemd_units(reminder, argv, env)
            steps = [Step("write", str(self._systemd_dir() / n), t) for n, t in units.items()]
            steps += [
                _command("systemctl", "--user", "daemon-reload"),
                _command("systemctl", "--user", "enable", "--now", f"{reminder.label}.timer"),
            ]
        elif reminder.scheduler == "cron":
            line = rules.cron_line(reminder, argv, env)
            steps = [Step("run", "crontab -", f"{line}\n", ("crontab", "-"))]
        elif reminder.scheduler == "launchd":
            path = self._plist(reminder)
            steps = [
                Step("write", str(path), rules.launchd_plist(reminder, argv, env)),
                _command("launchctl", "load", "-w", str(path)),
            ]
        else:
            steps = [Step("show", rules.windows_command(reminder, argv))]
        return reminder, steps

    # --- doing --------------------------------------------------------------------------
    def dry_run(self, kind: str, at: str | None, scheduler: str | None) -> dict[str, Any]:
        """What `add` would do, step by step, with nothing written or run."""
        reminder, steps = self.plan_add(kind, at, scheduler)
        return {**self._entry(reminder, steps), "dryRun": True, "steps": _shown(steps)}

    def _entry(self, reminder: rules.Reminder, steps: list[Step]) -> dict[str, Any]:
        return {
            "kind": reminder.kind,
            "at": reminder.at,
            "everyDays": rules.KINDS[reminder.kind].every_days,
            "scheduler": reminder.scheduler,
            "files": [s.target for s in steps if s.action == "write"],
        }

    def add(self, kind: str, at: str | None, scheduler: str | None) -> dict[str, Any]:
        reminder, steps = self.plan_add(kind, at, scheduler)
        previous = next((r for r in self.list() if r.get("kind") == reminder.kind), None)
        written: list[Path] = []
        try:
            for step in steps:
                self._apply(reminder, step)
                if step.action == "write":
                    written.append(Path(step.target))
        except BackendUnavailable:
            for path in written:  # the scheduler said no: leave no half-installed reminder
                path.unlink(missing_ok=True)
            raise
        # Setting it again moves it: the same files and cron tag were just rewritten, and
        # one left in another scheduler is taken out, so a kind is never reminded twice.
        if previous is not None and previous.get("scheduler") != reminder.scheduler:
            self.remove(reminder.kind)
        items = [r for r in self.list() if r.get("kind") != reminder.kind]
        entry = self._entry(reminder, steps)
        self._save([*items, entry])
        return {**entry, "steps": _shown(steps)}

    def _apply(self, reminder: rules.Reminder, step: Step) -> None:
        if step.action == "write":
            path = Path(step.target)
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, step.content or "")
        elif step.argv == ("crontab", "-"):
            self._crontab(reminder, add=step.content)  # merged with the lines already there
        elif step.action == "run":
            self._must(list(step.argv), reminder.scheduler)

    def _must(self, argv: list[str], scheduler: str, stdin: str | None = None) -> None:
        try:
            done = self._exec(argv, stdin)
        except (OSError, subprocess.SubprocessError) as exc:
            raise BackendUnavailable(
                messages.REMIND_SCHEDULER_FAILED.format(scheduler=scheduler, detail=exc)
            ) from exc
        if done.returncode != 0:
            detail = (
                done.stderr
                or done.stdout
                or messages.REMIND_EXIT_STATUS.format(code=done.returncode)
            ).strip()
            raise BackendUnavailable(
                messages.REMIND_SCHEDULER_FAILED.format(scheduler=scheduler, detail=detail)
            )

    def _crontab(self, reminder: rules.Reminder, add: str | None) -> None:
        """Rewrite the user's crontab with this reminder's tagged line dropped (and re-added)."""
        try:
            current = self._exec(["crontab", "-l"])
        except (OSError, subprocess.SubprocessError) as exc:
            raise BackendUnavailable(
                messages.REMIND_SCHEDULER_FAILED.format(scheduler="cron", detail=exc)
            ) from exc
        if current.returncode != 0 and "no crontab" not in current.stderr.lower():
            # Unreadable is not empty: writing now would wipe the person's own lines.
            detail = (
                current.stderr or messages.REMIND_EXIT_STATUS.format(code=current.returncode)
            ).strip()
            raise BackendUnavailable(
                messages.REMIND_SCHEDULER_FAILED.format(scheduler="cron", detail=detail)
            )
        lines = current.stdout.splitlines() if current.returncode == 0 else []
        marker = rules.cron_marker(reminder)
        kept = [line for line in lines if not line.rstrip().endswith(marker)]
        text = "\n".join(kept + ([add.rstrip("\n")] if add else [])) + "\n"
        self._must(["crontab", "-"], "cron", stdin=text)

    def remove(self, kind: str) -> dict[str, Any]:
        spec = rules.kind_of(kind)
        items = self.list()
        found = next((r for r in items if r.get("kind") == spec.name), None)
        if found is None:
            raise NotFound(messages.REMIND_NOT_FOUND.format(kind=spec.name))
        reminder = rules.Reminder(spec.name, 0, 0, str(found.get("scheduler")))
        steps: list[Step] = []
        if reminder.scheduler == "systemd":
            self._ok(["systemctl", "--user", "disable", "--now", f"{reminder.label}.timer"])
            steps.append(Step("run", f"systemctl --user disable --now {reminder.label}.timer"))
        elif reminder.scheduler == "cron":
            self._crontab(reminder, add=None)
            steps.append(Step("run", "crontab -"))
        elif reminder.scheduler == "launchd":
            self._ok(["launchctl", "unload", "-w", str(self._plist(reminder))])
            steps.append(Step("run", f"launchctl unload -w {self._plist(reminder)}"))
        else:
            steps.append(Step("show", f'schtasks /Delete /TN "{reminder.label}" /F'))
        for path in found.get("files", []):
            Path(path).unlink(missing_ok=True)
            steps.append(Step("delete", str(path)))
        if reminder.scheduler == "systemd":
            self._ok(["systemctl", "--user", "daemon-reload"])
        self._save([r for r in items if r is not found])
        return {
            "kind": spec.name,
            "scheduler": reminder.scheduler,
            "steps": _shown(steps),
        }

    # --- firing -------------------------------------------------------------------------
    def notify(self, text: str) -> None:
        """A desktop notification where one can be shown (the caller prints the line too)."""
        if self.platform == "darwin":
            script = f'display notification {json.dumps(text)} with title "PsyMitrix"'
            self._ok(["osascript", "-e", script])
        elif shutil.which("notify-send", path=self.env.get("PATH")):
            self._ok(["notify-send", "--app-name=PsyMitrix", "PsyMitrix", text])

"""Reminders: what each one is, when it fires, and the scheduler entries that fire it.

Pure: every function returns text (unit files, a cron line, a plist, a command) for
backends/reminders.py to install, so `remind add --dry-run` shows exactly what would
be written and the rendering can be tested without a scheduler on the machine.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput

SCHEDULERS = ("systemd", "cron", "launchd", "windows")


@dataclass(frozen=True)
class ReminderKind:
    name: str
    at: str  # the default time of day, HH:MM
    every_days: int  # how often it is due; the scheduler fires daily and `fire` checks
    nudge: str  # the notification text


KINDS: dict[str, ReminderKind] = {
    k.name: k
    for k in (
        ReminderKind("checkin", "21:00", 1, messages.REMIND_NUDGE_CHECKIN),
        ReminderKind("sleep", "08:00", 1, messages.REMIND_NUDGE_SLEEP),
        ReminderKind("phq9", "10:00", 14, messages.REMIND_NUDGE_PHQ9),
        ReminderKind("gad7", "10:00", 14, messages.REMIND_NUDGE_GAD7),
    )
}

# The instrument a questionnaire reminder waits for, as the dashboard names it.
INSTRUMENTS = {"phq9": "PHQ-9", "gad7": "GAD-7"}


@dataclass(frozen=True)
class Reminder:
    kind: str
    hour: int
    minute: int
    scheduler: str

    @property
    def at(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def label(self) -> str:
        return f"psymitrix-remind-{self.kind}"


_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)


def kind_of(name: str) -> ReminderKind:
    kind = KINDS.get(name.strip().lower())
    if kind is None:
        raise InvalidInput(
            messages.REMIND_UNKNOWN_KIND.format(name=name, kinds=", ".join(KINDS)), field="kind"
        )
    return kind


def parse_time(text: str) -> tuple[int, int]:
    """'21:00', '9:30', '9pm', '7:15am' as (hour, minute); anything else is refused."""
    match = _TIME.match(text)
    if match is None:
        raise InvalidInput(messages.REMIND_BAD_TIME.format(text=text), field="at")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise InvalidInput(messages.REMIND_BAD_TIME.format(text=text), field="at")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(messages.REMIND_BAD_TIME.format(text=text), field="at")
    return hour, minute


def plan(kind: str, at: str | None, scheduler: str) -> Reminder:
    spec = kind_of(kind)
    hour, minute = parse_time(at or spec.at)
    if scheduler not in SCHEDULERS:
        raise InvalidInput(
            messages.REMIND_UNKNOWN_SCHEDULER.format(
                name=scheduler, schedulers=", ".join(SCHEDULERS)
            ),
            field="scheduler",
        )
    return Reminder(spec.name, hour, minute, scheduler)


# --- what each scheduler is given --------------------------------------------------------


def fire_argv(command: list[str], reminder: Reminder) -> list[str]:
    """The command the scheduler runs: `psymitrix remind fire KIND`."""
    return [*command, "remind", "fire", reminder.kind]


def systemd_units(reminder: Reminder, argv: list[str], env: dict[str, str]) -> dict[str, str]:
    """A oneshot service and the timer that starts it every day at the time."""
    environment = "".join(f"Environment={shlex.quote(f'{k}={v}')}\n" for k, v in env.items())
    service = (
        "[Unit]\n"
        f"Description=PsyMitrix reminder: {reminder.kind}\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{environment}"
        f"ExecStart={shlex.join(argv)}\n"
    )
    timer = (
        "[Unit]\n"
        f"Description=PsyMitrix reminder: {reminder.kind} at {reminder.at}\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {reminder.at}:00\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{reminder.label}.service": service, f"{reminder.label}.timer": timer}


def cron_marker(reminder: Reminder) -> str:
    return f"# {reminder.label}"


def cron_line(reminder: Reminder, argv: list[str], env: dict[str, str]) -> str:
    """One crontab line, tagged so `remind remove` finds exactly it again."""
    prefix = "".join(f"{k}={shlex.quote(v)} " for k, v in env.items())
    return (
        f"{reminder.minute} {reminder.hour} * * * {prefix}{shlex.join(argv)} "
        f"{cron_marker(reminder)}"
    )


def launchd_plist(reminder: Reminder, argv: list[str], env: dict[str, str]) -> str:
    args = "".join(f"    <string>{escape(a)}</string>\n" for a in argv)
    envs = "".join(
        f"    <key>{escape(k)}</key><string>{escape(v)}</string>\n" for k, v in env.items()
    )
    environment = f"  <key>EnvironmentVariables</key>\n  <dict>\n{envs}  </dict>\n" if env else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        f"  <key>Label</key><string>com.{reminder.label}</string>\n"
        f"  <key>ProgramArguments</key>\n  <array>\n{args}  </array>\n"
        f"{environment}"
        "  <key>StartCalendarInterval</key>\n"
        f"  <dict><key>Hour</key><integer>{reminder.hour}</integer>"
        f"<key>Minute</key><integer>{reminder.minute}</integer></dict>\n"
        "</dict>\n</plist>\n"
    )


def windows_command(reminder: Reminder, argv: list[str]) -> str:
    """The Task Scheduler command to run by hand (PsyMitrix does not run it)."""
    # /TR quoting: each argument with a space in escaped double quotes.
    task = " ".join(f'\\"{a}\\"' if " " in a else a for a in argv)
    return f'schtasks /Create /SC DAILY /TN "{reminder.label}" /TR "{task}" /ST {reminder.at} /F'


def still_due(spec: ReminderKind, status: dict[str, Any], now: datetime) -> bool:
    """Whether `fire` should show, from the dashboard's status: the check-in until today's
    mood is logged, sleep until last night is, a questionnaire once the last is 14 days old."""
    today = status.get("today", {})
    if spec.name == "checkin":
        return not today.get("mood")
    if spec.name == "sleep":
        return not today.get("sleep")
    latest = status.get("assessments", {}).get(INSTRUMENTS[spec.name])
    if not latest:
        return True
    taken = datetime.fromisoformat(str(latest["takenAt"]).replace("Z", "+00:00"))
    return (now - taken).days >= spec.every_days

"""Reminders (remind add/list/remove/fire)."""

REMIND_NUDGE_CHECKIN = "Time for your daily check-in: psymitrix checkin"
REMIND_NUDGE_SLEEP = "How did you sleep? psymitrix sleep add"
REMIND_NUDGE_PHQ9 = "Your PHQ-9 is due (every 14 days): psymitrix test phq9"
REMIND_NUDGE_GAD7 = "Your GAD-7 is due (every 14 days): psymitrix test gad7"
REMIND_UNKNOWN_KIND = "There is no reminder called {name!r}; choose one of: {kinds}."
REMIND_BAD_TIME = "{text!r} is not a time of day; write it like 21:00, 9:30 or 9pm."
REMIND_UNKNOWN_SCHEDULER = "There is no scheduler called {name!r}; choose one of: {schedulers}."
REMIND_NO_SCHEDULER = (
    "No scheduler found here (no systemd user session, no crontab, not macOS or Windows); "
    "pass --scheduler, or see the line to install by hand with --scheduler cron --dry-run."
)
REMIND_SCHEDULER_FAILED = "{scheduler} refused the reminder ({detail}); nothing was changed."
REMIND_ADDED = "Reminder {kind} set for {at} every day, with {scheduler}."
REMIND_ADDED_EVERY = (
    "Reminder {kind} set: checked every day at {at}, shown once every {days} days, "
    "with {scheduler}."
)
REMIND_WINDOWS = (
    "PsyMitrix does not change the Task Scheduler itself; run this in a terminal "
    "to install the reminder:"
)
REMIND_WINDOWS_REMOVE = "To remove it from the Task Scheduler, run:"
REMIND_DRY_RUN = "Dry run: nothing was installed. This is what `remind add` would do:"
REMIND_NONE = "No reminders yet. Add one with `psymitrix remind add checkin --at 21:00`."
REMIND_NOT_FOUND = "There is no {kind} reminder to remove."
REMIND_REMOVED = "Removed the {kind} reminder."
REMIND_NOT_DUE = "Nothing to remind: {kind} is done already."
REMIND_STEP_WRITE = "write {target}:"
REMIND_STEP_DELETE = "delete {target}"
REMIND_EXIT_STATUS = "exit {code}"
REMIND_STEP_RUN = "run {target}"
REMIND_STEP_RUN_INPUT = "run {target} with this input:"

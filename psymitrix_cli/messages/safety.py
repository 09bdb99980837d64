"""The safety report and the safety plan."""

# --- The safety report --------------------------------------------------------------------
SAFETY_REPORT_NONE = "No safety events recorded: the screen has not found concern or acute."
SAFETY_REPORT_CONTENT_FREE = (
    "Only the source, tier, kind and time of each event are kept, never content."
)
SAFETY_REPORT_ALL_REMOTE = (
    "--all counts every account, so it reads the store directly: run it on the server's "
    "host with the server's store settings (PSYMITRIX_BACKEND=local or mongo), not over the API."
)
SAFETY_REPORT_SCOPE_ALL = "Every account in {store}:"
SAFETY_REPORT_TOTALS = "Total {total} · by source: {by_source} · by tier: {by_tier}"

# --- The safety plan ----------------------------------------------------------------------
SAFETY_PLAN_WALKTHROUGH = (
    "Your safety plan, one section at a time. Type a line and Enter to add it; '-2' "
    "removes line 2; Enter alone goes to the next section."
)
TTY_SAFETY_PLAN = "The safety plan"
SAFETY_PLAN_UNREADABLE = "Cannot read {source}: {exc}."
SAFETY_PLAN_NOT_SECTIONS = "{source}: expected a JSON object of sections."
SAFETY_PLAN_ASK_ITEM = "Add {hint} (Enter: next)"
SAFETY_PLAN_DELETE_NEEDS_YES = "Deleting the safety plan needs --yes when there is no terminal."
SAFETY_PLAN_CONFIRM_DELETE = "Delete your whole safety plan?"
SAFETY_PLAN_BAD_JSON = "{source} is not valid JSON: {exc}."
SAFETY_PLAN_NO_SECTION = "There is no safety-plan section {text!r}; use one of {names}."
SAFETY_PLAN_NOT_TEXT = "{where}: expected text."
SAFETY_PLAN_NOT_A_LIST = "{key}: expected a list."
SAFETY_PLAN_TOO_MANY = "{key} holds at most {items_max} items; got {count}."
SAFETY_PLAN_PHONE_NEEDS_ONE_NAME = "--phone goes with one name in helpers or professionals."
SAFETY_PLAN_NO_ITEM = "{title} has no item {target!r}; give its number (1-{count}) or its text."
SAFETY_PLAN_NOTHING_TO_REMOVE = "{title} has nothing to remove."
SAFETY_PLAN_ITEM_BEFORE_HEADING = "line {number}: an item before any '## section' heading."
SAFETY_PLAN_NOT_A_CONTACT = "{where}: expected a name and a phone."
SAFETY_PLAN_UNKNOWN_HEADING = (
    "line {number}: there is no section {heading!r}; use the headings the editor starts with."
)
SAFETY_PLAN_BUSY = "Your safety plan changed while it was being saved; try again."
SAFETY_PLAN_NUMBERS_HINT = (
    "Numbers are for `psymitrix safety-plan remove SECTION NUMBER`; `psymitrix "
    "safety-plan edit` changes it all."
)
SAFETY_PLAN_SAVED = "Saved your safety plan."
SAFETY_PLAN_DELETED = "Your safety plan is deleted."
SAFETY_PLAN_HINT_CONTACT = "Name: phone"
SAFETY_PLAN_HINT_LINE = "a line"
SAFETY_PLAN_NONE = (
    "You don't have a safety plan yet. `psymitrix safety-plan edit` walks you through one: "
    "your warning signs, what helps, who to call."
)
TTY_SAFETY_PLAN_FLAG = "--file PATH (or - for stdin)"

# --- Any short text of a person's (safety plan items, names, notes) -----------------------
TEXT_EMPTY = "{where} cannot be empty."
TEXT_TOO_LONG = "{where} is too long ({length} characters; the limit is {limit})."
TEXT_CONTROL_CHARS = "{where} contains control characters."

"""The registry of entry kinds: every collection of a person's entries, described once.

Everything that lists kinds loops over `REGISTRY`: the store's `Kind`s and counters,
export, import and CSV, `me`, the dashboard's counts and checklist, the generic
service, the remote client, the routes and the CLI's list/show/delete. A new tracker
is an entry here (with its payload and normaliser), its `add` command and its views;
docs/architecture.md has the checklist. Pure data: no store, no I/O.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import activity, trackers
from psymitrix_cli.domain.entry_kind import EntryKind, SearchSpec


def _columns(names: str) -> tuple[str, ...]:
    return tuple(names.split())


MOOD_JOURNAL = EntryKind(
    "mood_journal",
    sort="at",
    counter="moodJournalCount",
    payload=trackers.JournalPayload,
    normalise=trackers.journal,
    timestamps=("createdAt", "updatedAt"),
    screened="text",
    sealed=("text",),
    command="journal",
    filters=("since", "until", "tag", "search"),
    search=SearchSpec("journal", ("text", "tags"), "at", hashtags=("tags",)),
    editable=True,
    summary="Your mood journal.",
    title="Mood journal",
    label="Journal entries",
    not_found=messages.JOURNAL_NOT_FOUND,
    csv=("id", "at", "mood", "moodLabel", "tags", "text", "createdAt", "updatedAt"),
    exported=True,
    tracker="moodJournal",
    today="mood",
    me="moodJournal",
)
GRATITUDE = EntryKind(
    "gratitude",
    sort="at",
    counter="gratitudeCount",
    payload=trackers.GratitudePayload,
    normalise=trackers.gratitude,
    timestamps=("createdAt",),
    screened="items",
    sealed=("items",),
    command="gratitude",
    summary="A few good things, and a moment to recall them.",
    title="Gratitude",
    label="Gratitude entries",
    not_found=messages.GRATITUDE_NOT_FOUND,
    csv=("id", "at", "items", "createdAt"),
    filters=("since", "until", "search"),
    search=SearchSpec("gratitude", ("items",), "at"),
    exported=True,
    tracker="gratitude",
    today="gratitude",
    me="gratitude",
)
SLEEP = EntryKind(
    "sleep",
    sort="date",
    counter="sleepLogCount",
    unique=("date",),
    payload=trackers.SleepPayload,
    normalise=trackers.sleep,
    sealed=("note",),
    timestamps=("createdAt", "updatedAt"),
    command="sleep",
    add_verb="log",
    key="date",
    page_size=14,
    summary="Sleep quality: one score per night.",
    title="Sleep",
    label="Sleep nights",
    not_found=messages.SLEEP_NOT_FOUND,
    conflict=messages.SLEEP_ALREADY_LOGGED,
    csv=("id", "date", "score", "hours", "note", "createdAt", "updatedAt"),
    window="date",
    exported=True,
    tracker="sleep",
    today="sleep",
    me="sleepQuality",
    me_fields=("date", "score"),
)
BREATHING = EntryKind(
    "breathing",
    sort="startedAt",
    counter="breathingCount",
    payload=trackers.BreathingPayload,
    normalise=trackers.breathing,
    command="breathing",
    cli_group="breathe",
    add_verb="log",
    title="Breathing",
    label="Breathing sessions",
    not_found=messages.BREATHING_NOT_FOUND,
    csv=_columns(
        "id startedAt endedAt pattern label cycles plannedCycles durationSeconds completed"
    ),
    exported=True,
    tracker="breathing",
    today="breathing",
    me="breathingExercises",
)
ACTIVITY = EntryKind(
    "activity",
    sort="at",
    counter="activityCount",
    payload=activity.ActivityPayload,
    normalise=activity.normalise,
    timestamps=("createdAt", "updatedAt"),
    screened="text",
    sealed=("text",),
    command="activity",
    filters=("since", "until", "tag"),
    editable=True,
    summary="Activities planned and done, and how they felt.",
    title="Activities",
    label="Activities",
    noun="activity",
    not_found=messages.ENTRY_NOT_FOUND,
    csv=_columns(
        "id at planned done doneAt text moodBefore moodAfter mastery pleasure tags "
        "createdAt updatedAt"
    ),
    exported=True,
    tracker="activity",
    today="activity",
    me="activities",
)
ASSESSMENTS = EntryKind(
    "assessments",
    sort="takenAt",
    counters=("anxietyTestCount", "depressionTestCount"),  # the instrument picks one
    fields=("instrument",),
    sealed=("answers", "difficulty"),
    label="PHQ-9 / GAD-7 results",
    csv=("id", "instrument", "takenAt", "total", "severity", "answers", "difficulty", "crisis"),
    exported=True,
)
CHAT_SESSIONS = EntryKind(
    "chat_sessions",
    sort="startedAt",
    counters=("chatSessionCount",),  # counted with a session's first user message
    sealed=("title", "summary"),
    search=SearchSpec("chat", ("summary",), "startedAt"),
    label="Chat sessions",
    csv=_columns("id startedAt lastActivityAt endedAt title summary provider model messageCount"),
    exported=True,
)
CHAT_MESSAGES = EntryKind(
    "chat_messages",
    sort="seq",
    fields=("sessionId",),
    unique=("sessionId", "seq"),
    sealed=("content",),
    search=SearchSpec("chat", ("content",), "at"),
    label="Chat messages",  # exported inside their session; a CSV file of their own
    csv=("sessionId", "seq", "id", "role", "at", "content"),
)
# One per person (unique on the constant `slot`), exported; not a tracker: no payload
# here, its rules are domain/safety_plan.py and its door /v1/safety-plan.
SAFETY_PLAN = EntryKind(
    "safety_plan",
    sort="updatedAt",
    unique=("slot",),
    timestamps=("createdAt", "updatedAt"),
    label="Safety plan",
    csv=_columns(
        "id warningSigns copingStrategies distractions helpers professionals safeEnvironment "
        "reasonsForLiving createdAt updatedAt"
    ),
    exported=True,
)
# The "about me" notes the companion is given (domain/memory.py, door /v1/memory): the
# person's own words, so sealed and exported; not a tracker (no dashboard, no checklist,
# no payload here), and not searched: every note already goes into each prompt.
MEMORY = EntryKind(
    "memory",
    sort="createdAt",
    timestamps=("createdAt",),
    sealed=("text",),
    label="About-me notes",
    not_found=messages.MEMORY_NOT_FOUND,
    csv=("id", "text", "source", "createdAt"),
    exported=True,
)
# Not exported: no content, only that a screen fired; an operational record of this account.
SAFETY_EVENTS = EntryKind("safety_events", sort="at")
# The server's record of each Idempotency-Key it has answered (see server/idempotency.py).
IDEMPOTENCY = EntryKind("idempotency", sort="at", unique=("key",), sealed=("result",))
# Script tokens (domain/script_tokens.py): `_id` is the SHA-256 of the token, never the
# token; one name per account. Not exported: a credential, not something the person wrote.
SCRIPT_TOKENS = EntryKind("script_tokens", sort="createdAt", unique=("name",))

REGISTRY: tuple[EntryKind, ...] = (
    MOOD_JOURNAL,
    GRATITUDE,
    SLEEP,
    BREATHING,
    ACTIVITY,
    ASSESSMENTS,
    CHAT_SESSIONS,
    CHAT_MESSAGES,
    SAFETY_PLAN,
    MEMORY,
    SAFETY_EVENTS,
    IDEMPOTENCY,
    SCRIPT_TOKENS,
)
BY_NAME: dict[str, EntryKind] = {k.name: k for k in REGISTRY}
BY_COMMAND: dict[str, EntryKind] = {k.command: k for k in REGISTRY if k.command}

EXPORTED: tuple[EntryKind, ...] = tuple(k for k in REGISTRY if k.exported)
# What an import counts: the exported kinds and the messages inside chat sessions.
COUNTED: tuple[EntryKind, ...] = (*EXPORTED, CHAT_MESSAGES)
# The generic trackers: written through a payload, listed, shown and deleted alike.
TRACKERS: tuple[EntryKind, ...] = tuple(k for k in REGISTRY if k.payload is not None)
# What `psymitrix search` reads, and the names --kind gives them (journal, gratitude, chat).
SEARCHED: tuple[EntryKind, ...] = tuple(k for k in REGISTRY if k.search)
SEARCH_GROUPS: tuple[str, ...] = tuple(dict.fromkeys(k.search.group for k in SEARCHED if k.search))
DASHBOARD: tuple[EntryKind, ...] = tuple(k for k in REGISTRY if k.tracker)
# Every count kept in user_data, in one order (export, `me`, the store's defaults).
COUNTERS: tuple[str, ...] = tuple(dict.fromkeys(c for k in REGISTRY for c in k.all_counters))


def by_name(name: str) -> EntryKind:
    return BY_NAME[name]


def screening(spec: EntryKind, doc: dict[str, Any]) -> dict[str, Any]:
    """The safety decision for what an entry says, when its kind is screened:
    {"crisis", "safetyTier"} (crisis: show crisis resources now), else {}."""
    if spec.screened is None:
        return {}
    from psymitrix_cli.domain.journal import needs_crisis_help
    from psymitrix_cli.domain.safety import screen_message

    value = doc.get(spec.screened)
    text = "\n".join(value) if isinstance(value, list | tuple) else str(value or "")
    found = screen_message(text)
    out = {"crisis": needs_crisis_help(doc.get("mood"), found.tier), "safetyTier": found.tier}
    if found.non_english:
        out["screenedAsEnglish"] = False  # the screen reads English best: the view says so
    return {**out, "safetyKind": found.kind} if found.tier != "none" else out


def crisis_of(spec: EntryKind, doc: dict[str, Any]) -> bool:
    return bool(screening(spec, doc).get("crisis"))


def counter_labels() -> dict[str, str]:
    """Every user_data count with the words a person reads it by, in COUNTERS order:
    a kind's own label, or for a kind that keeps several, the instrument's name."""
    from psymitrix_cli.domain.assessments import INSTRUMENTS

    by_counter = {i.counter: f"{i.name} results" for i in INSTRUMENTS.values()}
    for spec in REGISTRY:
        if len(spec.all_counters) == 1:
            by_counter.setdefault(spec.all_counters[0], spec.label)
    return {c: by_counter.get(c, c) for c in COUNTERS}

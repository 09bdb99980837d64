"""The Backend protocol: every operation a command needs, grouped per domain.

`LocalBackend` satisfies it with the services themselves (over SQLite or
MongoDB); `RemoteBackend` with HTTP calls to `psymitrix serve`. Commands only
ever see this interface, so all three ways of running behave the same.
Results are JSON-ready dicts with camelCase keys, identical on every backend.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from psymitrix_cli.domain.account_forms import ProfileChanges, SignupForm
    from psymitrix_cli.domain.chat import ChatTurn
    from psymitrix_cli.domain.checkin import CheckinAnswers
    from psymitrix_cli.domain.entry_kind import PageQuery
    from psymitrix_cli.domain.search import SearchRequest

Result = dict[str, Any]


class AccountsAPI(Protocol):
    def signup(self, form: SignupForm) -> Result: ...

    def login(self, identifier: str | None, password: str | None) -> Result: ...

    def logout(self, everywhere: bool = False) -> None: ...

    def whoami(self) -> Result: ...

    def update_profile(self, changes: ProfileChanges) -> Result: ...

    def change_password(self, current: str | None, new: str | None) -> Result: ...

    def recover_password(
        self, identifier: str | None, code: str | None, new: str | None
    ) -> None: ...

    def delete_account(self, password: str | None) -> None: ...


class ProfileAPI(Protocol):
    def me(self) -> Result: ...


Page = dict[str, Any]  # {"items": [...], "nextCursor": str | None}


@dataclass(frozen=True)
class Queued:
    """A write the API could not take yet, kept in the outbox: the typed outcome the
    api backend returns instead of the entry, for the CLI to tell the person about.
    `crisis`: the same rules that would have shown crisis resources say so now."""

    outbox_id: str
    operation: str
    crisis: bool = False
    parts: dict[str, Any] | None = None  # a check-in: each part's own outcome

    def to_json(self) -> Result:
        out: Result = {
            "queued": True,
            "outboxId": self.outbox_id,
            "operation": self.operation,
            "crisis": self.crisis,
        }
        if self.parts is not None:
            out["parts"] = self.parts
        return out


Written = Result | Queued  # what a write returns: the entry, or where it waits


class EntriesAPI(Protocol):
    """Every tracker of the registry (domain/entries.py), addressed the same way.
    `key` is an entry's id, or its unique field where the kind has one (sleep: date)."""

    def add(self, payload: Any, *, replace: bool = False) -> Written:
        """Write one entry from the kind's payload dataclass. A kind with a unique field
        raises Conflict when it is taken, unless `replace` (then `replaced` says so)."""
        ...

    def list(self, query: PageQuery | None = None) -> Page: ...

    def get(self, key: str) -> Result: ...

    def edit(self, key: str, changes: Mapping[str, Any]) -> Written:
        """Lay the given fields (None: unchanged) over the entry; editable kinds only."""
        ...

    def delete(self, key: str) -> None: ...

    def tags(self) -> Result:
        """Each tag with how many entries carry it, most used first (kinds with tags)."""
        ...


class GratitudeAPI(EntriesAPI, Protocol):
    def reflect(self) -> Result | None: ...


class AssessmentsAPI(Protocol):
    def take(
        self, instrument: str, answers: Sequence[int], difficulty: int | None = None
    ) -> Result: ...

    def list(
        self, *, instrument: str | None = None, limit: int = 20, cursor: str | None = None
    ) -> Page: ...

    def get(self, entry_id: str) -> Result: ...

    def delete(self, entry_id: str) -> None: ...


class DashboardAPI(Protocol):
    def status(self) -> Result: ...

    def review(self, span: str = "week", since: str | None = None) -> Result:
        """A week's or a month's review (or from `since`): see domain/review.py."""
        ...

    def report(
        self, since: str | None = None, until: str | None = None, journal: bool = False
    ) -> Result:
        """The summary behind the report for a clinician: see domain/report/summary.py.
        The journal's text is in it only with `journal`."""
        ...

    def checkin(self, answers: CheckinAnswers) -> Written:
        """Every part planned by domain/checkin.py, each written as its own entry."""
        ...


ChatEvent = dict[str, Any]
"""One step of a streamed chat turn, in order:
- {"type": "session", "sessionId", "created": bool, "disclosure": str | None,
   "ageNotice": str | None, "languageNote": str | None}
  (languageNote: the message did not look like English, which the screen reads best)
  (disclosure: the AI disclosure, set when this turn created the session)
- {"type": "delta", "text": str}                       (zero or more)
- {"type": "replace", "text": str}                     (at most one, just before done)
  The reply failed the safety check: discard everything streamed so far and show
  `text` instead; `text` is also what was stored and what done.reply holds.
- {"type": "done", "sessionId", "reply", "provider", "model",
   "safety": "none" | "concern" | "acute", "interrupted": bool}
  reply is the stored reply. acute: no deltas at all, no model was asked, reply is
  the fixed crisis message (provider "psymitrix", model "crisis-message"); show it
  as such. concern: the last delta is the crisis-line footer, already in reply.
  Also "memoryProposal": str | None when a model answered: a note the companion proposes
  for the person's "about me" memory (taken out of the reply, screened). Never saved by
  the turn: only the person's yes (MemoryAPI.add with source "companion") keeps it.
Failures: a provider error raises ProviderError from the iterator. Before any reply
text there is no done (only the user's message is stored); after some, it comes
right after a done with interrupted: true (the partial reply is stored). Closing
the iterator early (Ctrl-C, a client gone) stores the partial reply as interrupted.
The same dicts travel as SSE events (`event: <type>`, `data: <json>`) over HTTP."""


class ChatAPI(Protocol):
    def send(self, turn: ChatTurn) -> Iterator[ChatEvent]:
        """Screen, store and answer one user message, streaming the reply.

        No session (and not continue_last) starts a new one. The user's message is
        stored before any provider call, so it is never lost."""
        ...

    def start(self, *, provider: str | None = None) -> Result:
        """A new, empty session: {"id", "startedAt", "provider", "model", "disclosure"}."""
        ...

    def sessions(self, *, limit: int = 20, cursor: str | None = None) -> Page: ...

    def get(self, session_id: str) -> Result:
        """The session with its ordered messages under "messages"."""
        ...

    def end(self, session_id: str | None = None) -> Result:
        """End (and summarise) a session; None means the most recent open one."""
        ...

    def delete(self, session_id: str) -> None: ...


class Exported(Protocol):
    """One format of an export, produced while it is written, so memory stays flat:
    `chunks()` for a json or text output, `files()` for named files (csv). `entries`:
    the entries of the kinds it carries; `name`: the default file name, without suffix.
    Used as a context manager (a remote one holds its HTTP response open)."""

    output: str
    entries: int
    name: str

    def chunks(self) -> Iterator[bytes]: ...

    def files(self) -> Iterator[tuple[str, Iterator[bytes]]]: ...

    def __enter__(self) -> Exported: ...

    def __exit__(self, *exc: object) -> None: ...


class DataAPI(Protocol):
    def export_stream(self, format_name: str) -> Exported:
        """Everything of the user's in one format of domain/formats.py, streamed."""
        ...

    def import_(self, document: Result, *, dry_run: bool = False) -> Result:
        """Import an export into this account, idempotently; counts per kind."""
        ...


class SafetyPlanAPI(Protocol):
    def get(self) -> Result:
        """Every section (empty when there is no plan), createdAt, updatedAt, exists."""
        ...

    def put(self, plan: Any) -> Result:
        """Replace the whole plan (a SafetyPlanPayload or its JSON); empty deletes it."""
        ...

    def delete(self) -> Result: ...


class MemoryAPI(Protocol):
    """The "about me" notes the companion is given (domain/memory.py)."""

    def show(self) -> Result:
        """{"items": [{id, number, text, source, createdAt}], "count", "limit", "noteMax"}"""
        ...

    def add(self, text: str, source: str = "you") -> Result:
        """Keep one note: {"note": ..., and show()'s keys}."""
        ...

    def replace(self, texts: list[str]) -> Result:
        """The whole set, as edited: show()'s keys, "added", "forgotten"."""
        ...

    def forget(self, key: str) -> Result:
        """One note, by its number as shown or its id: {"forgotten": note}."""
        ...

    def clear(self) -> Result:
        """Every note: {"deleted": n}."""
        ...


class SafetyReportAPI(Protocol):
    def report(self, everyone: bool = False) -> Result:
        """Safety-event counts by source, tier and month (never any content); `everyone`
        counts every account in the store (the operator's report, local stores only)."""
        ...


class TokensAPI(Protocol):
    """Script tokens (domain/script_tokens.py); a full login only."""

    def create(self, name: str | None, scope: str | None = None, days: int | None = None) -> Result:
        """The token's view, and the token itself under "token" (shown once)."""
        ...

    def list(self) -> Result:
        """{"items": [{name, scope, createdAt, expiresAt, lastUsedAt, expired}]}"""
        ...

    def revoke(self, name: str | None) -> Result: ...


class SearchAPI(Protocol):
    def search(self, request: SearchRequest) -> Result:
        """{"query", "items": [{kind, id, at, score, snippet, highlights, source, entry}],
        "matched", "more", "window"} and a "notice" when no index could answer."""
        ...


class Backend(Protocol):
    name: str
    accounts: AccountsAPI
    profile: ProfileAPI
    journal: EntriesAPI
    gratitude: GratitudeAPI
    sleep: EntriesAPI
    breathing: EntriesAPI
    assessments: AssessmentsAPI
    dashboard: DashboardAPI
    chat: ChatAPI
    data: DataAPI
    safety_plan: SafetyPlanAPI
    memory: MemoryAPI
    safety: SafetyReportAPI
    tokens: TokensAPI
    search: SearchAPI

    def entries(self, name: str) -> EntriesAPI:
        """The tracker of one registry kind, by its name."""
        ...

    def describe(self) -> str:
        """Where this backend keeps data, safe to print."""
        ...

    def close(self) -> None: ...

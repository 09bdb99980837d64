"""The api backend: every Backend protocol spoken as HTTP to `psymitrix serve`.

No rules live here: the server's services decide, and their answers (and typed
errors) come back unchanged, so a command behaves the same on every backend.
Creates and edits carry an Idempotency-Key; when the API cannot be reached they go
to the outbox instead (see outbox.py and `RemoteBackend.write`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.backends import outbox as ob
from psymitrix_cli.backends.base import Queued, Written
from psymitrix_cli.backends.http import CLOCK_HEADER, Http, segment
from psymitrix_cli.config import Settings
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain.entry_kind import EntryKind, PageQuery, When, payload_json
from psymitrix_cli.errors import AuthError, BackendUnavailable, InvalidInput

if TYPE_CHECKING:
    from psymitrix_cli.auth.datakey import DataKeys
    from psymitrix_cli.domain.account_forms import ProfileChanges, SignupForm
    from psymitrix_cli.domain.chat import ChatTurn
    from psymitrix_cli.domain.checkin import CheckinAnswers
    from psymitrix_cli.domain.search import SearchRequest

Result = dict[str, Any]
Page = dict[str, Any]


class _Api:
    def __init__(self, backend: RemoteBackend) -> None:
        self._b = backend
        self.http = backend.http


class RemoteAccounts(_Api):
    def signup(self, form: SignupForm) -> Result:
        body = asdict(form)
        return self.http.request("POST", "/v1/auth/signup", json_body=body, auth=False)

    def login(self, identifier: str | None, password: str | None) -> Result:
        body = {"identifier": identifier, "password": password}
        return self.http.request("POST", "/v1/auth/login", json_body=body, auth=False)

    def logout(self, everywhere: bool = False) -> None:
        self.http.request("POST", "/v1/auth/logout-all" if everywhere else "/v1/auth/logout")

    def whoami(self) -> Result:
        return self.http.request("GET", "/v1/whoami")

    def update_profile(self, changes: ProfileChanges) -> Result:
        body = asdict(changes)
        return self.http.request("PATCH", "/v1/me", json_body=body)

    def change_password(self, current: str | None, new: str | None) -> Result:
        body = {"currentPassword": current, "newPassword": new}
        return self.http.request("POST", "/v1/auth/password", json_body=body)

    def recover_password(self, identifier: str | None, code: str | None, new: str | None) -> None:
        body = {"identifier": identifier, "code": code, "newPassword": new}
        self.http.request("POST", "/v1/auth/recover", json_body=body, auth=False)

    def request_password_reset(self, email: str | None) -> Result:
        body = {"email": email}
        return self.http.request("POST", "/v1/auth/reset/request", json_body=body, auth=False)

    def confirm_password_reset(self, token: str | None, new_password: str | None) -> None:
        body = {"token": token, "newPassword": new_password}
        self.http.request("POST", "/v1/auth/reset/confirm", json_body=body, auth=False)

    def delete_account(self, password: str | None) -> None:
        self.http.request("DELETE", "/v1/me", json_body={"password": password})


class RemoteProfile(_Api):
    def me(self) -> Result:
        return self.http.request("GET", "/v1/me")


class _Entries(_Api):
    """get / delete / list for a kind addressed by ID under `base`."""

    base = ""

    def get(self, entry_id: str) -> Result:
        return self.http.request("GET", f"{self.base}/{segment(entry_id)}")

    def delete(self, entry_id: str) -> None:
        self.http.request("DELETE", f"{self.base}/{segment(entry_id)}")

    def _list(self, **params: Any) -> Page:
        return self.http.request("GET", self.base, params=params)


class RemoteEntries(_Entries):
    """Every registry tracker over /v1/<command>. Offline, a write is checked by the
    kind's own normaliser (the one the server runs) and queued, with the times the
    normaliser filled in pinned: when it was written, not when it syncs."""

    def __init__(self, backend: RemoteBackend, spec: EntryKind) -> None:
        super().__init__(backend)
        self.spec = spec
        self.base = f"/v1/{spec.command}"

    def tags(self) -> Result:
        return self.http.request("GET", f"{self.base}/tags")  # type: ignore[no-any-return]

    def add(self, payload: Any, *, replace: bool = False) -> Written:
        body = payload_json(payload)
        if self.spec.unique:
            body["replace"] = replace

        def offline() -> tuple[str, bool]:
            fields = self.spec.stored(payload, self._b.when())
            for name, value in payload_json(payload).items():
                if value is None and fields.get(name) is not None:
                    body[name] = fields[name]
            return _summary(self.spec, fields), registry.crisis_of(self.spec, fields)

        return self._b.write(self.spec.operation, "POST", self.base, body, offline)

    def list(self, query: PageQuery | None = None) -> Page:
        q = query or PageQuery()
        return self._list(**{k: v for k, v in asdict(q).items() if v is not None})

    def edit(self, key: str, changes: Mapping[str, Any]) -> Written:
        body = {k: list(v) if isinstance(v, tuple) else v for k, v in changes.items()}

        def offline() -> tuple[str, bool]:
            given = {k for k, v in changes.items() if v is not None}
            try:  # the given fields, checked as the server will check them
                fields = self.spec.stored(self.spec.merged({}, changes), self._b.when())
            except InvalidInput as exc:
                if exc.field in given or not given:
                    raise
                fields = {k: v for k, v in changes.items() if k in given}
            return f"{key}: {_summary(self.spec, fields)}", registry.crisis_of(self.spec, fields)

        operation = f"{self.spec.command}.edit"
        return self._b.write(operation, "PATCH", f"{self.base}/{segment(key)}", body, offline)


def _summary(spec: EntryKind, fields: Result) -> str:
    """What an outbox listing shows of a queued entry."""
    for name in ("text", "items", "label"):
        value = fields.get(name)
        if value:
            return "; ".join(value) if isinstance(value, list) else str(value)
    if "score" in fields:
        return f"{fields.get(spec.sort)}: {fields['score']}/10"
    return str(fields.get(spec.sort, spec.name))


class RemoteGratitude(RemoteEntries):
    def reflect(self) -> Result | None:
        return self.http.request("GET", f"{self.base}/reflect")["entry"]


class RemoteAssessments(_Entries):
    base = "/v1/assessments"

    def take(
        self, instrument: str, answers: Sequence[int], difficulty: int | None = None
    ) -> Result:
        body = {"instrument": instrument, "answers": list(answers), "difficulty": difficulty}

        def offline() -> tuple[str, bool]:
            from psymitrix_cli.domain import assessments as rules

            chosen = rules.get_instrument(instrument)
            checked = rules.validate_answers(chosen, answers)
            rules.validate_difficulty(difficulty)
            return chosen.name, rules.needs_crisis_resources(chosen, checked)

        return self._b.write("assessment.take", "POST", self.base, body, offline)

    def list(
        self, *, instrument: str | None = None, limit: int = 20, cursor: str | None = None
    ) -> Page:
        return self._list(instrument=instrument, limit=limit, cursor=cursor)


class RemoteDashboard(_Api):
    def status(self) -> Result:
        return self.http.request("GET", "/v1/status")

    def review(self, span: str = "week", since: str | None = None) -> Result:
        params = {"span": span, **({"since": since} if since else {})}
        return self.http.request("GET", "/v1/review", params=params)

    def report(
        self, since: str | None = None, until: str | None = None, journal: bool = False
    ) -> Result:
        given = {"since": since, "until": until}
        params = {k: v for k, v in given.items() if v} | ({"journal": "true"} if journal else {})
        return self.http.request("GET", "/v1/report", params=params)

    def checkin(self, answers: CheckinAnswers) -> Written:
        from dataclasses import replace

        from psymitrix_cli.domain import checkin as rules

        when = self._b.when()
        parts = rules.plan(answers, when)  # checked here, whatever happens next
        # Pinned to this moment, so a replay from the outbox lands on the day it was
        # typed; the server's fixed ids for that day make the replay update, not add.
        pinned = answers if answers.at is not None else replace(answers, at=self._b.now_iso())

        def offline() -> tuple[str, bool]:
            crisis = False
            for part in parts:
                fields = part.kind.stored(part.payload, when)
                crisis = crisis or registry.crisis_of(part.kind, fields)
            return messages.CHECKIN_QUEUED.format(parts=", ".join(p.name for p in parts)), crisis

        return self._b.write("checkin", "POST", "/v1/checkin", payload_json(pinned), offline)


class RemoteChat(_Api):
    base = "/v1/chat"

    def send(self, turn: ChatTurn) -> Iterator[Result]:
        body = asdict(turn)
        yield from self.http.stream(f"{self.base}/messages", body)

    def start(self, *, provider: str | None = None) -> Result:
        body = {"provider": provider}
        return self.http.request("POST", f"{self.base}/sessions", json_body=body)

    def sessions(self, *, limit: int = 20, cursor: str | None = None) -> Page:
        params = {"limit": limit, "cursor": cursor}
        return self.http.request("GET", f"{self.base}/sessions", params=params)

    def get(self, session_id: str) -> Result:
        return self.http.request("GET", f"{self.base}/sessions/{segment(session_id)}")

    def end(self, session_id: str | None = None) -> Result:
        path = (
            f"{self.base}/end"
            if session_id is None
            else (f"{self.base}/sessions/{segment(session_id)}/end")
        )
        return self.http.request("POST", path)

    def delete(self, session_id: str) -> None:
        self.http.request("DELETE", f"{self.base}/sessions/{segment(session_id)}")


class RemoteData(_Api):
    def export_stream(self, format_name: str) -> Any:
        from psymitrix_cli.backends.remote_export import RemoteExport

        return RemoteExport(self.http, format_name)

    def import_(self, document: Result, *, dry_run: bool = False) -> Result:
        # An import is idempotent on the server, so a key makes the POST safe to retry.
        return self.http.request(  # type: ignore[no-any-return]
            "POST",
            "/v1/import",
            json_body=document,
            params={"dryRun": "true" if dry_run else "false"},
            idempotency_key=f"cli-import-{uuid.uuid4().hex}",
        )


class RemoteSafetyPlan(_Api):
    """/v1/safety-plan: one document per person, replaced whole."""

    def get(self) -> Result:
        return self.http.request("GET", "/v1/safety-plan")  # type: ignore[no-any-return]

    def put(self, plan: Any) -> Result:
        body = plan if isinstance(plan, dict) else _plan_json(plan)
        return self.http.request("PUT", "/v1/safety-plan", json_body=body)  # type: ignore[no-any-return]

    def delete(self) -> Result:
        return self.http.request("DELETE", "/v1/safety-plan")  # type: ignore[no-any-return]


def _plan_json(plan: Any) -> Result:
    from psymitrix_cli.domain.safety_plan import stored

    return {k: v for k, v in stored(plan).items() if k != "slot"}


class RemoteMemory(_Api):
    """/v1/memory: the "about me" notes, one resource per note."""

    def show(self) -> Result:
        return self.http.request("GET", "/v1/memory")  # type: ignore[no-any-return]

    def add(self, text: str, source: str = "you") -> Result:
        body = {"text": text, "source": source}
        return self.http.request("POST", "/v1/memory", json_body=body)  # type: ignore[no-any-return]

    def replace(self, texts: list[str]) -> Result:
        body = {"notes": list(texts)}
        return self.http.request("PUT", "/v1/memory", json_body=body)  # type: ignore[no-any-return]

    def forget(self, key: str) -> Result:
        path = f"/v1/memory/{segment(key.strip())}"
        return self.http.request("DELETE", path)  # type: ignore[no-any-return]

    def clear(self) -> Result:
        return self.http.request("DELETE", "/v1/memory")  # type: ignore[no-any-return]


class RemoteSafety(_Api):
    def report(self, everyone: bool = False) -> Result:
        if everyone:
            from psymitrix_cli import messages
            from psymitrix_cli.errors import InvalidInput

            raise InvalidInput(messages.SAFETY_REPORT_ALL_REMOTE, field="all")
        return self.http.request("GET", "/v1/safety/report")  # type: ignore[no-any-return]


class RemoteTokens(_Api):
    def create(self, name: str | None, scope: str | None = None, days: int | None = None) -> Result:
        body = {"name": name, "scope": scope, "days": days}
        return self.http.request("POST", "/v1/tokens", json_body=body)  # type: ignore[no-any-return]

    def list(self) -> Result:
        return self.http.request("GET", "/v1/tokens")  # type: ignore[no-any-return]

    def revoke(self, name: str | None) -> Result:
        path = f"/v1/tokens/{segment(name or '')}"
        return self.http.request("DELETE", path)  # type: ignore[no-any-return]


class RemoteSearch(_Api):
    def search(self, request: SearchRequest) -> Result:
        # POST, so the words never sit in a URL (an access log, a proxy's history).
        body = {**asdict(request), "kinds": list(request.kinds)}
        return self.http.request("POST", "/v1/search", json_body=body)  # type: ignore[no-any-return]


class RemoteBackend:
    name = "api"

    def __init__(
        self,
        settings: Settings,
        token_source: Callable[[], str | None],
        keys: DataKeys | None = None,  # for an outbox kept encrypted (backends/outbox.py)
    ) -> None:
        self.settings = settings
        headers = {}
        if settings.testing and settings.clock_spec:
            headers[CLOCK_HEADER] = settings.clock_spec  # honoured by a test server only
        self.http = Http(settings.api_url, token_source, headers)
        self.outbox = ob.Outbox(settings.data_dir, keys)
        self.accounts = RemoteAccounts(self)
        self.profile = RemoteProfile(self)
        self._entries: dict[str, RemoteEntries] = {}
        self.journal = self.entries("mood_journal")
        self.gratitude: RemoteGratitude = self.entries("gratitude")  # type: ignore[assignment]
        self.sleep = self.entries("sleep")
        self.breathing = self.entries("breathing")
        self.assessments = RemoteAssessments(self)
        self.dashboard = RemoteDashboard(self)
        self.chat = RemoteChat(self)
        self.data = RemoteData(self)
        self.safety_plan = RemoteSafetyPlan(self)
        self.memory = RemoteMemory(self)
        self.safety = RemoteSafety(self)
        self.tokens = RemoteTokens(self)
        self.search = RemoteSearch(self)

    def entries(self, name: str) -> RemoteEntries:
        if name not in self._entries:
            spec = registry.BY_NAME[name]
            cls = RemoteGratitude if spec is registry.GRATITUDE else RemoteEntries
            self._entries[name] = cls(self, spec)
        return self._entries[name]

    def describe(self) -> str:
        return self.settings.api_url

    def close(self) -> None:
        self.http.close()

    # --- time, for what a queued item must pin down when it is made ----------------
    def _now(self) -> datetime:
        from psymitrix_cli.clock import clock_from_spec

        spec = self.settings.clock_spec if self.settings.testing else None
        return clock_from_spec(spec).now()

    def now_iso(self) -> str:
        from psymitrix_cli.clock import iso

        return iso(self._now())

    def when(self) -> When:
        """Now, in this machine's calendar: the person typing is here."""
        now = self._now()
        return When(now, now.astimezone().tzinfo or UTC)

    # --- writes that survive an unreachable API -----------------------------------
    def write(
        self,
        operation: str,
        method: str,
        path: str,
        body: Result,
        offline: Callable[[], tuple[str, bool]],
    ) -> Written:
        """Send with a fresh Idempotency-Key; if the API is unreachable, check what can be
        checked here (`offline` returns a label and whether crisis resources are due) and
        keep it in the outbox."""
        key = f"cli-{uuid.uuid4().hex}"
        try:
            return self.http.request(method, path, json_body=body, idempotency_key=key)
        except BackendUnavailable:
            token = self.http.token()
            if not token:
                raise AuthError(messages.NOT_LOGGED_IN) from None
            label, crisis = offline()
            item = self.outbox.add(
                operation=operation,
                method=method,
                path=path,
                body=body,
                user_id=ob.token_subject(token),
                api_url=self.settings.api_url,
                label=label,
                created_at=self.now_iso(),
            )
            return Queued(item["id"], operation, crisis)

    def sync_outbox(self) -> Result:
        return ob.sync(self.http, self.outbox)

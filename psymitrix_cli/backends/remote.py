"""The api backend: every Backend protocol spoken as HTTP to `psymitrix serve`.

No rules live here: the server's services decide, and their answers (and typed
errors) come back unchanged, so a command behaves the same on every backend.
Creates and edits carry an Idempotency-Key; when the API cannot be reached they go
to the outbox instead (see outbox.py and `RemoteBackend.write`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.backends import outbox as ob
from psymitrix_cli.backends.http import CLOCK_HEADER, Http, segment
from psymitrix_cli.config import Settings
from psymitrix_cli.errors import AuthError, BackendUnavailable

Result = dict[str, Any]
Page = dict[str, Any]


class _Api:
    def __init__(self, backend: RemoteBackend) -> None:
        self._b = backend
        self.http = backend.http


class RemoteAccounts(_Api):
    def signup(
        self,
        *,
        name: str | None,
        username: str | None,
        email: str | None,
        password: str | None,
        timezone: str | None,
        phone: str | None = None,
    ) -> Result:
        body = dict(name=name, username=username, email=email, password=password, timezone=timezone)
        body["phone"] = phone
        return self.http.request("POST", "/v1/auth/signup", json_body=body, auth=False)

    def login(self, identifier: str | None, password: str | None) -> Result:
        body = {"identifier": identifier, "password": password}
        return self.http.request("POST", "/v1/auth/login", json_body=body, auth=False)

    def logout(self, everywhere: bool = False) -> None:
        if everywhere:  # a single token is stateless: forgetting it locally is the logout
            self.http.request("POST", "/v1/auth/logout-all")

    def whoami(self) -> Result:
        return self.http.request("GET", "/v1/whoami")

    def update_profile(
        self,
        *,
        name: str | None = None,
        username: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        timezone: str | None = None,
    ) -> Result:
        body = dict(name=name, username=username, email=email, phone=phone, timezone=timezone)
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


class RemoteJournal(_Entries):
    base = "/v1/journal"

    def add(
        self, *, text: str | None, mood: int | None, tags: Sequence[str] = (), at: str | None = None
    ) -> Result:
        body = {"text": text, "mood": mood, "tags": list(tags), "at": at}

        def offline() -> tuple[str, bool]:
            from psymitrix_cli.domain import journal as rules
            from psymitrix_cli.domain.safety import screen_message

            clean = rules.entry_text(text)
            mood_value = rules.mood(mood)
            rules.tags(tags)
            body["at"] = at or self._b.now_iso()  # when it was written, not when it syncs
            crisis = rules.needs_crisis_help(mood_value, screen_message(clean).tier)
            return clean, crisis

        return self._b.write("journal.add", "POST", self.base, body, offline)

    def list(
        self,
        *,
        limit: int = 20,
        since: str | None = None,
        until: str | None = None,
        tag: str | None = None,
        search: str | None = None,
        cursor: str | None = None,
    ) -> Page:
        return self._list(
            limit=limit, since=since, until=until, tag=tag, search=search, cursor=cursor
        )

    def edit(
        self,
        entry_id: str,
        *,
        text: str | None = None,
        mood: int | None = None,
        tags: Sequence[str] | None = None,
    ) -> Result:
        body = {"text": text, "mood": mood, "tags": None if tags is None else list(tags)}

        def offline() -> tuple[str, bool]:
            from psymitrix_cli.domain import journal as rules
            from psymitrix_cli.domain.safety import screen_message

            clean = None if text is None else rules.entry_text(text)
            mood_value = rules.mood(mood)
            rules.tags(tags)
            tier = screen_message(clean).tier if clean else "none"
            return f"{entry_id}: {clean or ''}", rules.needs_crisis_help(mood_value, tier)

        path = f"{self.base}/{segment(entry_id)}"
        return self._b.write("journal.edit", "PATCH", path, body, offline)


class RemoteGratitude(_Entries):
    base = "/v1/gratitude"

    def add(self, items: Sequence[str], at: str | None = None) -> Result:
        body = {"items": list(items), "at": at}

        def offline() -> tuple[str, bool]:
            from psymitrix_cli.domain import journal as rules

            cleaned = rules.gratitude_items(items)
            body["at"] = at or self._b.now_iso()
            return "; ".join(cleaned), False

        return self._b.write("gratitude.add", "POST", self.base, body, offline)

    def list(self, *, limit: int = 20, cursor: str | None = None) -> Page:
        return self._list(limit=limit, cursor=cursor)

    def reflect(self) -> Result | None:
        return self.http.request("GET", f"{self.base}/reflect")["entry"]


class RemoteSleep(_Entries):
    base = "/v1/sleep"

    def log(
        self,
        *,
        score: int,
        hours: float | None = None,
        date: str | None = None,
        note: str | None = None,
        replace: bool = False,
    ) -> Result:
        body = {"score": score, "hours": hours, "date": date, "note": note, "replace": replace}

        def offline() -> tuple[str, bool]:
            from psymitrix_cli.domain import journal as rules

            rules.sleep_score(score)
            rules.sleep_hours(hours)
            rules.sleep_note(note)
            body["date"] = date or self._b.today()  # the night it was, not the day it syncs
            return f"{body['date']}: {score}/10", False

        return self._b.write("sleep.log", "POST", self.base, body, offline)

    def history(self, *, limit: int = 14, cursor: str | None = None) -> Result:
        return self._list(limit=limit, cursor=cursor)


class RemoteBreathing(_Entries):
    base = "/v1/breathing"

    def log(
        self,
        *,
        pattern: str,
        label: str,
        cycles: int,
        started_at: str,
        ended_at: str,
        duration_seconds: float,
        completed: bool,
        planned_cycles: int | None = None,
    ) -> Result:
        body = dict(pattern=pattern, label=label, cycles=cycles, startedAt=started_at)
        body.update(endedAt=ended_at, durationSeconds=duration_seconds, completed=completed)
        body["plannedCycles"] = planned_cycles
        summary = (f"{label}, {cycles} cycles", False)
        return self._b.write("breathing.log", "POST", self.base, body, lambda: summary)

    def list(self, *, limit: int = 20, cursor: str | None = None) -> Page:
        return self._list(limit=limit, cursor=cursor)


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

    def checkin(
        self,
        *,
        mood: int | None = None,
        note: str | None = None,
        sleep_score: int | None = None,
        sleep_hours: float | None = None,
        gratitude: Sequence[str] = (),
    ) -> Result:
        from psymitrix_cli.domain import checkin as rules

        rules.validate(mood, note, sleep_score, sleep_hours, gratitude)
        body = dict(mood=mood, note=note, sleepScore=sleep_score, sleepHours=sleep_hours)
        body["gratitude"] = list(gratitude)
        key = f"cli-{uuid.uuid4().hex}"  # makes the POST safe to retry
        try:
            return self.http.request("POST", "/v1/checkin", json_body=body, idempotency_key=key)
        except BackendUnavailable:
            pass
        # The server is out of reach: queue each part through the outbox (each pins its own
        # time and date now), so nothing typed is lost and a sync replays it exactly once.
        parts: Result = {}
        self._b._held = held = []
        try:
            if mood is not None:
                text = rules.journal_text(mood, note)
                parts["journal"] = self._b.journal.add(text=text, mood=mood, tags=[rules.TAG])
            if sleep_score is not None:
                parts["sleep"] = self._b.sleep.log(
                    score=sleep_score, hours=sleep_hours, replace=True
                )
            if gratitude:
                parts["gratitude"] = self._b.gratitude.add(list(gratitude))
        finally:
            self._b._held = None
        if not held:  # the server answered after all (a part went through)
            return parts
        crisis = any(c for _, c in held)
        last, _ = held[-1]
        return ob.announce_queued(last, crisis, self._b.settings.crisis_line, {"parts": parts})


class RemoteChat(_Api):
    base = "/v1/chat"

    def send(
        self,
        message: str,
        *,
        session_id: str | None = None,
        continue_last: bool = False,
        provider: str | None = None,
        memory: bool = True,
    ) -> Iterator[Result]:
        body = dict(message=message, sessionId=session_id, continueLast=continue_last)
        body.update(provider=provider, memory=memory)
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
    def export(self) -> Result:
        return self.http.request("GET", "/v1/export")  # type: ignore[no-any-return]

    def import_(self, document: Result, *, dry_run: bool = False) -> Result:
        # An import is idempotent on the server, so a key makes the POST safe to retry.
        return self.http.request(  # type: ignore[no-any-return]
            "POST",
            "/v1/import",
            json_body=document,
            params={"dryRun": "true" if dry_run else "false"},
            idempotency_key=f"cli-import-{uuid.uuid4().hex}",
        )


class RemoteBackend:
    name = "api"

    def __init__(self, settings: Settings, token_source: Callable[[], str | None]) -> None:
        self.settings = settings
        headers = {}
        if settings.testing and settings.clock_spec:
            headers[CLOCK_HEADER] = settings.clock_spec  # honoured by a test server only
        self.http = Http(settings.api_url, token_source, headers)
        self.outbox = ob.Outbox(settings.data_dir)
        # While a composite write (a check-in) queues its parts, hold the announcement
        # so the person is told once, after every part is safe.
        self._held: list[tuple[dict[str, Any], bool]] | None = None
        self.accounts = RemoteAccounts(self)
        self.profile = RemoteProfile(self)
        self.journal = RemoteJournal(self)
        self.gratitude = RemoteGratitude(self)
        self.sleep = RemoteSleep(self)
        self.breathing = RemoteBreathing(self)
        self.assessments = RemoteAssessments(self)
        self.dashboard = RemoteDashboard(self)
        self.chat = RemoteChat(self)
        self.data = RemoteData(self)

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

    def today(self) -> str:
        """This machine's calendar date: the person typing is here."""
        return self._now().astimezone().date().isoformat()

    # --- writes that survive an unreachable API -----------------------------------
    def write(
        self,
        operation: str,
        method: str,
        path: str,
        body: Result,
        offline: Callable[[], tuple[str, bool]],
    ) -> Result:
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
            if self._held is not None:
                self._held.append((item, crisis))
                return {"queued": True, "outboxId": item["id"], "operation": operation}
            return ob.announce_queued(item, crisis, self.settings.crisis_line)

    def sync_outbox(self) -> Result:
        return ob.sync(self.http, self.outbox)

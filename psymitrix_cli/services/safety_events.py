"""Counted, content-free safety events, and the report of them.

Every time the screen finds concern or acute in something a person wrote (chat,
journal, check-in, gratitude, an activity) or PHQ-9 item 9 is endorsed, one row
is kept: source, tier, the screen's kind, the time (and a chat's session id).
Never the words. `report` counts them by source, tier and month, which is what the
California and New York companion-chatbot laws ask an operator to report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from psymitrix_cli.clock import parse_iso
from psymitrix_cli.services.context import ServiceContext, new_id
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import SAFETY_EVENTS, Doc, Query

Result = dict[str, Any]
PAGE = 500
TIERS = ("concern", "acute")
SOURCES = ("chat", "journal", "checkin", "gratitude", "activity", "phq9")


def record(
    ctx: ServiceContext,
    user_id: str,
    source: str,
    tier: str,
    kind: str | None = None,
    at: str | None = None,
    *,
    session_id: str | None = None,
) -> bool:
    """Keep one event (source, tier, kind, time; never content). A tier of "none" is
    not an event, so callers may call this after every screen. True when kept."""
    if tier not in TIERS:
        return False
    doc: Doc = {
        "_id": new_id(),
        "userId": user_id,
        "at": at or ctx.now_iso(),
        "source": source,
        "tier": tier,
        "kind": kind,
    }
    if session_id is not None:
        doc["sessionId"] = session_id
    ctx.store.insert(SAFETY_EVENTS, doc)
    return True


def record_result(ctx: ServiceContext, user_id: str, source: str, result: Result) -> None:
    """An event for a screened entry's result (its `safetyTier` and `safetyKind`)."""
    record(ctx, user_id, source, str(result.get("safetyTier") or "none"), result.get("safetyKind"))


def phq9_tier(answers: list[int] | tuple[int, ...]) -> str:
    """Item 9 (thoughts of being better off dead or of self-harm): several days is a
    concern, more than half the days or more is acute."""
    item9 = answers[8] if len(answers) >= 9 else 0
    return "acute" if item9 >= 2 else "concern" if item9 >= 1 else "none"


class SafetyReportService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _events(self, user_id: str) -> Iterator[Doc]:
        after: tuple[Any, str] | None = None
        while True:
            query = Query(user_id=user_id, limit=PAGE, before=after, ascending=True)
            rows = self.ctx.store.list(SAFETY_EVENTS, query)
            yield from rows
            if len(rows) < PAGE:
                return
            after = (rows[-1]["at"], rows[-1]["_id"])

    @allows("read")
    def report(self, everyone: bool = False) -> Result:
        """Counts by source, by tier, by month (UTC) and by all three; nothing else.

        everyone: every account in the store, for the operator's report (one grouped
        read; no login needed, because reading the store directly is the authority)."""
        rows: Counter[tuple[str, str, str]] = Counter()
        if everyone:
            grouped = self.ctx.store.count_groups(
                SAFETY_EVENTS, ("at", "source", "tier"), (7, None, None)
            )
            for (month, source, tier), n in grouped:
                rows[(str(month), str(source or "chat"), str(tier))] += n
        else:
            for event in self._events(self.session.user_id):
                month = parse_iso(event["at"]).strftime("%Y-%m")
                rows[(month, str(event.get("source") or "chat"), str(event.get("tier")))] += 1
        return _summary(rows)


def _summary(rows: Counter[tuple[str, str, str]]) -> Result:
    by_source: Counter[str] = Counter()
    by_tier: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    for (month, source, tier), n in rows.items():
        by_source[source] += n
        by_tier[tier] += n
        by_month[month] += n
    return {
        "total": sum(rows.values()),
        "bySource": dict(sorted(by_source.items())),
        "byTier": {t: by_tier.get(t, 0) for t in TIERS},
        "byMonth": dict(sorted(by_month.items())),
        "rows": [
            {"month": m, "source": s, "tier": t, "count": n}
            for (m, s, t), n in sorted(rows.items())
        ],
    }

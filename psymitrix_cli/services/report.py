"""`report`: read one period's entries, bounded by the period as the review's reads are,
and let domain/report/summary.py do the arithmetic. The journal's text leaves the
service only when the person asks for it."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain.checkin import TAG as CHECKIN_TAG
from psymitrix_cli.domain.report import summary as rules
from psymitrix_cli.errors import InvalidInput, ref
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.review import READ, parse_day, read_period
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import ASSESSMENTS

Result = dict[str, Any]


class ReportService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    @allows("read")
    def report(
        self, since: str | None = None, until: str | None = None, journal: bool = False
    ) -> Result:
        user = self.session.user()
        today = usertime.today(self.ctx, user)
        start = parse_day(self.ctx, user, since, "since") if since else None
        end = parse_day(self.ctx, user, until, "until") if until else None
        if start and end and start > end:
            text = messages.SINCE_AFTER_UNTIL.format(since=ref("since"), until=ref("until"))
            raise InvalidInput(text, field="since")
        span = rules.period(today, start, end)
        entries = read_period(self.ctx, user, span, {**READ, "assessments": ASSESSMENTS})
        summary = rules.build(
            span,
            user["timezone"],
            entries,
            checkin_tag=CHECKIN_TAG,
            include_journal=journal,
        )
        name = user.get("name") or user.get("username")
        return {"name": name, "generatedAt": self.ctx.now_iso(), **summary}

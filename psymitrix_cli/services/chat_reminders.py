"""When a continuing chat reminds the person that the companion is an AI.

A new session opens with the full disclosure. After that, a short reminder comes
with the next turn once three hours have passed since the last one was shown, or
when the person comes back to the session after a day away (`--continue`,
`--session`). Times come from the service's clock, so tests move them.
"""

from __future__ import annotations

from datetime import timedelta

from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain.safety.wording import AI_REMINDER
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import Doc

EVERY = timedelta(hours=3)
AWAY = timedelta(days=1)


def due(ctx: ServiceContext, session: Doc) -> str | None:
    """The reminder to show with this turn of an existing session, if one is due.

    Read before the turn is stored: `lastActivityAt` is still the previous turn's.
    """
    now = ctx.clock.now()
    shown = parse_iso(session.get("disclosedAt") or session["startedAt"])
    last = parse_iso(session.get("lastActivityAt") or session["startedAt"])
    return AI_REMINDER if now - shown >= EVERY or now - last >= AWAY else None

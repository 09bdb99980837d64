"""`psymitrix search`: one query over the journal, gratitude and chat, ranked.

The store returns the person's newest `WINDOW` matches (an index read that stops there,
whatever the history: store/sqlite_find.py, store/mongo_search.py); they are ranked
here (domain/search_rank.py: BM25 over those candidates, newest first on a tie), so
every backend ranks the same candidates the same way. A search of more matches than
the window says so (`more`), and --since/--until reach further back.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain import search_rank
from psymitrix_cli.domain.search import SearchRequest, parse
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext, public
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import Doc, Kind, kind_of

Result = dict[str, Any]
WINDOW = 200  # the newest matches ranked
DEFAULT_LIMIT, MAX_LIMIT = 10, 50


def _kinds(groups: tuple[str, ...]) -> list[Kind]:
    for group in groups:
        if group not in registry.SEARCH_GROUPS:
            choices = ", ".join(registry.SEARCH_GROUPS)
            text = messages.SEARCH_BAD_KIND.format(kind=group, choices=choices)
            raise InvalidInput(text, field="kind")
    wanted = set(groups or registry.SEARCH_GROUPS)
    return [kind_of(s) for s in registry.SEARCHED if s.search and s.search.group in wanted]


def _limit(value: int | None) -> int:
    limit = DEFAULT_LIMIT if value is None else value
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(messages.SEARCH_BAD_LIMIT.format(max=MAX_LIMIT), field="limit")
    return limit


def _item(kind: Kind, doc: Doc, score: float, cut: search_rank.Snippet) -> Result:
    spec = kind.search
    assert spec is not None
    entry = public(doc) or {}
    return {
        "kind": spec.group,
        "id": doc["_id"],
        "at": doc.get(spec.at),
        "score": score,
        "snippet": cut.text,
        "highlights": [list(pair) for pair in cut.highlights],
        "source": kind.name,  # mood_journal, gratitude, chat_messages, chat_sessions
        "entry": entry,
    }


class SearchService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    @allows("read")
    def search(self, request: SearchRequest) -> Result:
        match = parse(request.query, "query")
        kinds = _kinds(tuple(request.kinds))
        limit = _limit(request.limit)
        user = self.session.user()
        since, until = usertime.date_range(user, request.since, request.until)
        hits = self.ctx.store.search(kinds, user["_id"], match, since, until, WINDOW + 1)
        found = hits.found[:WINDOW]
        texts = [k.search.indexed(d) for k, d in found if k.search]
        scores = search_rank.scores(match, texts)
        # Best first; a tie goes to the newer entry (found is newest first, sort is stable).
        order = sorted(range(len(found)), key=lambda i: -scores[i])[:limit]
        items = []
        for i in order:
            kind, doc = found[i]
            assert kind.search is not None
            cut = search_rank.snippet(match, kind.search.shown(doc))
            items.append(_item(kind, doc, scores[i], cut))
        result: Result = {
            "query": match.text,
            "items": items,
            "matched": len(found),
            "more": len(hits.found) > WINDOW,
            "window": WINDOW,
        }
        if hits.partial:
            result["notice"] = messages.SEARCH_SCANNED.format(limit=f"{hits.scanned:,}")
        return result

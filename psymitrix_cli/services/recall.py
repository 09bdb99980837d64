"""Recall for the companion: the few past entries most relevant to what the person just
said, found through the search index (services/search.py) and given to the model as
dated snippets. Only the person's own journal, gratitude and session summaries are read
(never another account's, never raw chat messages), a snippet the safety screen reads as
acute is never recalled, and nothing is recalled for an acute turn or with --no-memory (the caller
decides those)."""

from __future__ import annotations

from psymitrix_cli.domain import recall
from psymitrix_cli.domain.safety import screen_message
from psymitrix_cli.domain.search import SearchRequest
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.search import SearchService
from psymitrix_cli.services.session import Session

_WHERE = {"mood_journal": "journal", "gratitude": "gratitude", "chat_sessions": "a chat summary"}


def related(ctx: ServiceContext, session: Session, message: str) -> list[str]:
    query = recall.recall_query(message)
    if query is None:
        return []
    request = SearchRequest(query, kinds=("journal", "gratitude", "chat"), limit=12)
    found = SearchService(ctx, session).search(request)["items"]
    picked = []
    for item in found:
        where = _WHERE.get(item["source"])
        if where is None or screen_message(item["snippet"]).tier == "acute":
            continue
        picked.append((str(item["at"] or "")[:10], where, item["snippet"]))
    return recall.recalled_lines(picked)

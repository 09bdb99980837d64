"""`me` is a summary with a bounded size: the newest few of each list, exact counts, chats
with their newest messages, long texts clipped, however much the account holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.services.profile import CHAT_MESSAGES, CLIP, RECENT
from tests.driver import Cli

NOW = datetime(2025, 4, 2, 12, 0, tzinfo=UTC)
JOURNALS, CHATS, MESSAGES = 12, 8, 10
LONG = "word " * 1999  # just under the journal's 10,000 characters
BOUND = 60_000  # characters of JSON, as services/profile.py documents


def when(minutes: int) -> str:
    return (NOW - timedelta(days=3) + timedelta(minutes=minutes)).isoformat()


def history() -> dict[str, list[dict[str, Any]]]:
    journal = [
        {"id": f"j{n:02d}", "at": when(n), "text": f"{n} {LONG}", "mood": n % 5 + 1}
        for n in range(JOURNALS)
    ]
    chats = [
        {
            "id": f"c{c:02d}",
            "startedAt": when(100 + 20 * c),
            "summary": "A long talk. " * 400,
            "messages": [
                {
                    "id": f"c{c:02d}m{m:02d}",
                    "seq": m,
                    "role": "user" if m % 2 == 0 else "assistant",
                    "content": f"chat {c} message {m} " + "x" * 5000,
                    "at": when(100 + 20 * c + m),
                }
                for m in range(MESSAGES)
            ],
        }
        for c in range(CHATS)
    ]
    return {"mood_journal": journal, "chat_sessions": chats}


@pytest.mark.parametrize("any_cli", ["local", "mongo"], indirect=True)
def test_me_is_the_newest_few_with_exact_counts_and_a_bounded_size(
    any_cli: Cli, tmp_path: Path
) -> None:
    cli = any_cli.at(NOW.isoformat())
    cli.signup()
    document = json.loads(cli.ok("export").stdout)
    document["entries"].update(history())
    path = tmp_path / "history.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    cli.ok("import", str(path))

    raw = cli.ok("me", "--json").stdout
    data = json.loads(raw)["userData"]
    assert len(raw) < BOUND
    assert data["moodJournalCount"] == JOURNALS and data["chatSessionCount"] == CHATS
    journal = data["moodJournal"]
    assert len(journal) == RECENT
    assert [e["text"].split()[0] for e in journal] == [
        str(n) for n in range(JOURNALS - 1, JOURNALS - 1 - RECENT, -1)
    ]  # the newest, newest first
    assert all(len(e["text"]) == CLIP and e["text"].endswith("…") for e in journal)

    chats = data["chats"]
    assert len(chats) == RECENT
    newest = CHATS - 1
    assert chats[0]["messageCount"] == MESSAGES
    shown = [m["content"].split()[3] for m in chats[0]["messages"]]
    assert shown == [str(m) for m in range(MESSAGES - CHAT_MESSAGES, MESSAGES)]  # oldest first
    assert chats[0]["messages"][0]["content"].startswith(f"chat {newest} message")
    for chat in chats:
        assert set(chat) >= {"sessionId", "messages", "summary", "createdAt"}
        assert len(chat["messages"]) == CHAT_MESSAGES
        assert all(len(m["content"]) <= CLIP for m in chat["messages"])
        assert set(chat["messages"][0]) == {"role", "content"}
        assert len(chat["summary"]) <= CLIP


def test_a_short_text_is_shown_whole(cli: Cli) -> None:
    cli.signup()
    cli.json("journal", "add", "A quiet walk", "--mood", "4")
    (entry,) = cli.json("me")["userData"]["moodJournal"]
    assert entry["text"] == "A quiet walk" and entry["mood"] == 4

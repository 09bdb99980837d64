"""What the store suites share: a fixed clock, the documents they write, opening a store.

Used by tests/test_store_contract.py (every store), tests/test_store_differential.py
(SQLite against MongoDB) and tests/test_store_mongo.py (MongoDB only).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from psymitrix_cli.clock import iso
from psymitrix_cli.store.sqlite import SqliteStore

T0 = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
Spec = tuple[str, Any, Any]


def at(minutes: float) -> str:
    return iso(T0 + timedelta(minutes=minutes))


def open_store(spec: Spec) -> Any:
    backend, where, transactions = spec
    if backend == "sqlite":
        return SqliteStore(where)
    from psymitrix_cli.store.mongo import MongoStore

    return MongoStore(where, transactions=transactions)


def user_doc(uid: str = "u1", username: str = "Ann", email: str = "ann@example.com") -> dict:
    return {
        "_id": uid,
        "name": username.title(),
        "username": username,
        "email": email,
        "phoneNumber": None,
        "passwordHash": "$2b$04$hash",
        "timezone": "Europe/Dublin",
        "tokenVersion": 0,
        "createdAt": at(0),
        "updatedAt": at(0),
    }


def add_user(store: Any, uid: str = "u1", username: str = "Ann", email: str | None = None) -> dict:
    user = user_doc(uid, username, email or f"{username.lower()}@example.com")
    store.create_user(user, {"userId": uid})
    return user


def journal(uid: str, n: int, minute: float | None = None, text: str = "", tags=()) -> dict:
    return {
        "_id": f"{uid}-j{n:03d}",
        "userId": uid,
        "at": at(n if minute is None else minute),
        "text": text or f"entry {n}",
        "tags": list(tags),
        "mood": n % 5 + 1,
    }


def data(store: Any, uid: str = "u1") -> dict:
    return store.get_user_data(uid)

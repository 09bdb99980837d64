"""The outbox: writes the API could not take yet, kept until `psymitrix outbox sync`.

One JSON file per item in `<data dir>/outbox/` (dir 0700, files 0600, written
atomically), named so that a directory listing is the order they were made. Each
item carries its own Idempotency-Key, minted when the user pressed Enter, so
sending it twice (a retried sync, two syncs at once, a send that failed after the
server had already written) still creates one entry.

Items a server refuses (bad input, a night already logged) are kept, marked
`rejected` with the server's reason, so what the user typed is never thrown away
without them saying so (`psymitrix outbox drop`).

When the local store's encryption is on (`psymitrix encryption enable`), the outbox
beside it is too: `.encryption.json` in the outbox dir holds the store's key
description, and each item's `body` and `summary` are sealed values
(psymitrix_cli/cipher.py) bound to "outbox.<field>:<item id>"; they are opened on read.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psymitrix_cli import cipher, messages
from psymitrix_cli.errors import AuthError, InvalidInput, NotFound, PsyError
from psymitrix_cli.fsutil import atomic_write_text

if TYPE_CHECKING:
    from psymitrix_cli.auth.datakey import DataKeys
    from psymitrix_cli.backends.http import Http

Item = dict[str, Any]
PENDING = "pending"
REJECTED = "rejected"
SUMMARY_CHARS = 60
KEY_FILE = ".encryption.json"  # the store's key description, while encryption is on
SEALED = ("body", "summary")


def summary(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SUMMARY_CHARS else flat[: SUMMARY_CHARS - 1] + "…"


def _aad(item_id: str, field: str) -> str:
    return f"psymitrix:outbox.{field}:{item_id}"


class Outbox:
    def __init__(self, data_dir: Path, keys: DataKeys | None = None) -> None:
        self.dir = data_dir / "outbox"
        self._keys = keys

    # --- encryption ----------------------------------------------------------------------
    def _meta(self) -> dict[str, Any] | None:
        try:
            return json.loads((self.dir / KEY_FILE).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        except FileNotFoundError:
            return None

    def _key(self, meta: dict[str, Any] | None) -> bytes:
        if meta is None:
            raise PsyError(messages.ENCRYPTION_DAMAGED)
        if self._keys is None:
            raise PsyError(messages.ENCRYPTION_NEEDS_PASSPHRASE)
        return self._keys.load(meta)

    def _sealed(self, item: Item) -> Item:
        meta = self._meta()
        if meta is None:
            return item
        key = self._key(meta)
        out = dict(item)
        for name in SEALED:
            if not cipher.is_sealed(out.get(name)):
                out[name] = cipher.seal(key, out.get(name), _aad(item["id"], name))
        return out

    def _opened(self, item: Item) -> Item:
        if any(cipher.is_sealed(item.get(name)) for name in SEALED):
            key = self._key(self._meta())
            for name in SEALED:
                if cipher.is_sealed(item.get(name)):
                    item[name] = cipher.unseal(key, item[name], _aad(item["id"], name))
        return item

    def seal_all(self, meta: dict[str, Any]) -> int:
        """Encryption turned on: record the key's description, then seal every item."""
        if not self.dir.is_dir():
            return 0
        atomic_write_text(self.dir / KEY_FILE, json.dumps(meta))
        items = list(self.items())
        for item in items:
            self.save(item)
        return len(items) * len(SEALED)

    def open_all(self) -> int:
        """Encryption turned off: open every item, then forget the key's description."""
        if self._meta() is None:
            return 0
        items = list(self.items())
        (self.dir / KEY_FILE).unlink()
        for item in items:
            self.save(item)
        return len(items) * len(SEALED)

    def _path(self, item: Item) -> Path:
        return self.dir / f"{item['seq']:020d}-{item['id']}.json"

    def add(
        self,
        *,
        operation: str,
        method: str,
        path: str,
        body: Any,
        user_id: str | None,
        api_url: str,
        label: str,
        created_at: str,
    ) -> Item:
        item: Item = {
            "id": uuid.uuid4().hex[:12],
            "seq": time.time_ns(),
            "key": f"outbox-{uuid.uuid4().hex}",
            "operation": operation,
            "method": method,
            "path": path,
            "body": body,
            "userId": user_id,
            "apiUrl": api_url,
            "summary": summary(label),
            "createdAt": created_at,
            "state": PENDING,
            "error": None,
        }
        self.save(item)
        return item

    def save(self, item: Item) -> None:
        atomic_write_text(self._path(item), json.dumps(self._sealed(item), ensure_ascii=False))

    def remove(self, item: Item) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path(item))

    def items(self, opened: bool = True) -> Iterator[Item]:
        """Oldest first (`opened`: with sealed fields opened). A file another process
        removed meanwhile is skipped."""
        try:
            names = sorted(p.name for p in self.dir.iterdir() if p.suffix == ".json")
        except FileNotFoundError:
            return
        for name in names:
            if name.startswith("."):
                continue  # a temp file of a write in progress
            try:
                item = json.loads((self.dir / name).read_text(encoding="utf-8"))
            except FileNotFoundError:
                continue
            yield self._opened(item) if opened else item

    def find(self, item_id: str) -> Item:
        for item in self.items():
            if item["id"] == item_id:
                return item
        raise NotFound(messages.OUTBOX_NOT_FOUND.format(item_id=item_id))


def public(item: Item) -> dict[str, Any]:
    """An item as `outbox list` shows it (the body stays: it is the user's own text)."""
    keys = ("id", "operation", "summary", "createdAt", "state", "error", "apiUrl", "body")
    return {("outboxId" if k == "id" else k): item.get(k) for k in keys}


def token_subject(token: str) -> str | None:
    """Whose token this is (unverified: only to keep queued items with their owner)."""
    import base64

    from psymitrix_cli.auth import script_tokens

    if script_tokens.looks_like(token):
        return script_tokens.owner(token)

    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return str(claims["sub"])
    except (IndexError, ValueError, KeyError, TypeError):
        return None


def sync(http: Http, box: Outbox) -> dict[str, Any]:
    """Send pending items oldest first, each with its own Idempotency-Key.

    An unreachable API or a refused login stops the sync with that error (exit 4 or
    3); what was sent is gone from the outbox, the rest waits. An item the server
    refuses for good is kept as `rejected`, with the reason, and the sync goes on.
    """
    token = http.token()
    if not token:
        raise AuthError(messages.NOT_LOGGED_IN)
    me = token_subject(token)
    sent: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    skipped = 0
    for item in box.items():
        if item.get("state") != PENDING:
            continue
        if item.get("userId") not in (None, me):
            skipped += 1  # queued by another account on this machine: theirs to send
            continue
        ref = {"outboxId": item["id"], "operation": item["operation"]}
        try:
            result = http.request(
                item["method"], item["path"], json_body=item["body"], idempotency_key=item["key"]
            )
        except InvalidInput as exc:  # NotFound and Conflict too: sending again won't help
            item.update(state=REJECTED, error=exc.message)
            box.save(item)
            rejected.append({**ref, "error": exc.message})
            continue
        box.remove(item)
        sent.append({**ref, "id": (result or {}).get("id")})
    waiting = sum(1 for i in box.items() if i.get("state") == PENDING)
    return {"sent": sent, "rejected": rejected, "skipped": skipped, "pending": waiting}

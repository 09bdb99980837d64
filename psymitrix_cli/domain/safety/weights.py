"""The envelope every shipped safety model shares: magic, a JSON header, int8 weights.

    MAGIC | uint32 little-endian header length | header (JSON) | int8 table

Stdlib only; the layers (semantic.py, reply_learned.py) read what their header means.
"""

from __future__ import annotations

import json
import struct
from array import array
from typing import Any


def pack(magic: bytes, header: dict[str, Any], table: array) -> bytes:
    head = json.dumps(header, sort_keys=True).encode()
    return b"".join((magic, struct.pack("<I", len(head)), head, table.tobytes()))


def unpack(blob: bytes, magic: bytes, what: str) -> tuple[dict[str, Any], array]:
    """The header and the int8 table; ValueError names `what` when it is not one."""
    if not blob.startswith(magic):
        raise ValueError(f"not a PsyMitrix {what}")
    (size,) = struct.unpack_from("<I", blob, len(magic))
    at = len(magic) + 4
    header = json.loads(blob[at : at + size])
    table = array("b")
    table.frombytes(blob[at + size :])
    return header, table

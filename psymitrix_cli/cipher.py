"""AES-256-GCM and Scrypt from `cryptography`, in the few shapes PsyMitrix uses.

`cryptography` costs tens of milliseconds to import, so it is imported inside each
function that needs it: a command that reads no encrypted field never pays for it
(tests/test_encryption.py runs `streak` and checks it is not in sys.modules).

- A **sealed value** is a JSON value (a journal's text, a list of answers) encrypted
  under the store's data key: `{"$enc": base64(nonce || ciphertext || tag)}`, with a
  fresh 96-bit random nonce each time, and the place it belongs to (kind, field, row)
  bound as associated data, so a ciphertext moved to another row or field fails.
- A **wrapped key** is the data key sealed under a key derived from a passphrase
  (Scrypt, n=2**15, r=8, p=1, a random 16-byte salt).
- An **envelope** is a whole file (an export) sealed under a passphrase; see `ENVELOPE`.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput

KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12
SALT_BYTES = 16
MARK = "$enc"  # the one key of a sealed value's JSON object
SCRYPT = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}
ENVELOPE = "psymitrix-encrypted"  # the first key of an encrypted export, and its version
ENVELOPE_HEAD = b'{"' + ENVELOPE.encode() + b'"'  # how `import` recognises one


class WrongKey(InvalidInput):
    """The key (or the passphrase it came from) does not open what it was given."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def decrypt(
    key: bytes, blob: bytes, aad: bytes, wrong: str = messages.ENCRYPTION_WRONG_KEY
) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError):
        raise WrongKey(wrong) from None


# --- sealed values --------------------------------------------------------------------------
def is_sealed(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and MARK in value


def seal(key: bytes, value: Any, aad: str) -> dict[str, str]:
    plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return {MARK: _b64(encrypt(key, plain, aad.encode("utf-8")))}


def unseal(key: bytes, sealed: dict[str, str], aad: str) -> Any:
    try:
        blob = _unb64(sealed[MARK])
    except (ValueError, TypeError):
        raise WrongKey(messages.ENCRYPTION_DAMAGED) from None
    return json.loads(decrypt(key, blob, aad.encode("utf-8"), messages.ENCRYPTION_DAMAGED))


# --- keys from passphrases ------------------------------------------------------------------
def derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def new_kdf() -> dict[str, Any]:
    return {**SCRYPT, "salt": _b64(new_salt())}


def kdf_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    """The key a passphrase gives under recorded Scrypt parameters (checked first)."""
    try:
        n, r, p, salt = int(kdf["n"]), int(kdf["r"]), int(kdf["p"]), _unb64(kdf["salt"])
    except (KeyError, TypeError, ValueError):
        raise WrongKey(messages.ENCRYPTION_DAMAGED) from None
    if kdf.get("name") != "scrypt" or n < 2**15 or n > 2**20 or r != 8 or not 1 <= p <= 4:
        raise WrongKey(messages.ENCRYPTION_DAMAGED)
    return derive(passphrase, salt, n, r, p)


def wrap(kek: bytes, key: bytes, aad: str) -> str:
    return _b64(encrypt(kek, key, aad.encode("utf-8")))


def unwrap(kek: bytes, wrapped: str, aad: str, wrong: str) -> bytes:
    try:
        blob = _unb64(wrapped)
    except (ValueError, TypeError):
        raise WrongKey(messages.ENCRYPTION_DAMAGED) from None
    return decrypt(kek, blob, aad.encode("utf-8"), wrong)


# --- passphrase-protected files -------------------------------------------------------------
def _envelope_aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal_file(passphrase: str, data: bytes) -> bytes:
    """`data` as an envelope: one JSON object, its header bound as associated data.

    {"psymitrix-encrypted": 1, "cipher": "AES-256-GCM", "kdf": {scrypt n r p salt},
     "data": base64(nonce || ciphertext || tag)}"""
    header = {ENVELOPE: 1, "cipher": "AES-256-GCM", "kdf": new_kdf()}
    blob = encrypt(kdf_key(passphrase, header["kdf"]), data, _envelope_aad(header))
    return json.dumps({**header, "data": _b64(blob)}).encode("utf-8") + b"\n"


def is_envelope(head: bytes) -> bool:
    return head.lstrip().startswith(ENVELOPE_HEAD)


def open_file(passphrase: str, raw: bytes) -> bytes:
    """The bytes an envelope holds; WrongKey for a wrong passphrase or a damaged file."""
    try:
        document = json.loads(raw)
        header = {k: document[k] for k in (ENVELOPE, "cipher", "kdf")}
        blob = _unb64(document["data"])
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise WrongKey(messages.ENVELOPE_DAMAGED) from None
    if header[ENVELOPE] != 1 or header["cipher"] != "AES-256-GCM":
        raise WrongKey(messages.ENVELOPE_DAMAGED)
    key = kdf_key(passphrase, header["kdf"])
    return decrypt(key, blob, _envelope_aad(header), messages.WRONG_PASSPHRASE)

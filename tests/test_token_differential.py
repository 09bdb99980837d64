"""Differential test: our standard-library HS256 verifier against PyJWT as the reference.

Many mutated tokens (headers, claims, encodings, signatures; alone and combined) go
through both, and each must get the same decision. The reference is
`jwt.decode(algorithms=["HS256"], leeway=LEEWAY, require=REQUIRED_CLAIMS)` plus the
three rules by which ours is deliberately stricter, each written out below: no `=`
padding at all (RFC 7515 §2), time claims and `ver` as JSON integers, and times within
the years 1-9999. So ours is never looser than PyJWT, and stricter only where it says.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import jwt
import pytest

from psymitrix_cli.auth import tokens
from psymitrix_cli.errors import AuthError

SECRET = "s3cret-" * 7
OTHER_SECRET = "other-" * 8
LEEWAY = int(tokens.LEEWAY.total_seconds())
_TIME_CLAIMS = ("exp", "iat", "nbf")
_MIN_TS, _MAX_TS = -62135596800, 253402300799  # datetime's range in UTC


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _compact(header: Any, claims: Any, secret: str = SECRET, digest: Any = hashlib.sha256) -> str:
    head = header if isinstance(header, str) else _b64(json.dumps(header).encode())
    body = claims if isinstance(claims, str) else _b64(json.dumps(claims).encode())
    mac = hmac.new(secret.encode(), f"{head}.{body}".encode(), digest).digest()
    return f"{head}.{body}.{_b64(mac)}"


def _pyjwt_claims(token: str) -> dict[str, Any] | None:
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            SECRET,
            algorithms=["HS256"],
            leeway=LEEWAY,
            options={"require": list(tokens.REQUIRED_CLAIMS)},
        )
    except jwt.PyJWTError:
        return None
    return claims


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def reference(token: str) -> dict[str, Any] | None:
    """PyJWT's decision, then our three stricter rules."""
    claims = _pyjwt_claims(token)
    if claims is None or "=" in token:
        return None
    present = [c for c in (*_TIME_CLAIMS, "ver") if c in claims]
    if not all(_integer(claims[c]) for c in present):
        return None
    if not all(_MIN_TS <= claims[c] <= _MAX_TS for c in present if c != "ver"):
        return None
    return claims


def ours(token: str) -> tokens.Claims | None:
    try:
        return tokens.verify(token, SECRET, datetime.now(UTC))
    except AuthError:
        return None


# --- the mutations ------------------------------------------------------------------------

HEADERS: list[Any] = [
    {"alg": "HS256", "typ": "JWT"},
    {"alg": "HS256"},
    {"alg": "HS256", "typ": "at+jwt"},
    {"alg": "hs256"},
    {"alg": "none"},
    {"alg": "HS512"},
    {"alg": "RS256"},
    {"alg": ""},
    {"alg": None},
    {"typ": "JWT"},
    {"alg": "HS256", "kid": "k1"},
    {"alg": "HS256", "kid": ""},
    {"alg": "HS256", "kid": 1},
    {"alg": "HS256", "kid": None},
    {"alg": "HS256", "kid": ["k"]},
    {"alg": "HS256", "kid": {"k": 1}},
    {"alg": "HS256", "crit": []},
    {"alg": "HS256", "crit": "b64", "b64": True},
    {"alg": "HS256", "crit": ["b64"]},
    {"alg": "HS256", "crit": ["b64"], "b64": True},
    {"alg": "HS256", "crit": ["b64"], "b64": False},
    {"alg": "HS256", "crit": ["exp"], "exp": 1},
    {"alg": "HS256", "crit": [1]},
    {"alg": "HS256", "crit": None},
    {"alg": "HS256", "b64": False},
    {"alg": "HS256", "b64": True},
    {"alg": "HS256", "b64": "false"},
    {"alg": "HS256", "b64": 0},
    {"alg": "HS256", "jku": "http://127.0.0.1/keys", "x5u": "http://127.0.0.1/x"},
    {"alg": "HS256", "jwk": {"kty": "oct", "k": "AAAA"}},
    ["alg", "HS256"],
    "HS256",
    _b64(b'{"alg":"HS256","alg":"none"}'),
    _b64(b'{"alg":"none","alg":"HS256"}'),
    _b64(b' { "alg" : "HS256" } '),
    _b64(b'{"alg":"HS256"'),
    _b64(b"[" * 1200 + b"]" * 1200),
    _b64(b'{"a":' * 1200 + b"1" + b"}" * 1200),
    _b64('{"alg":"HS256","n":"\u00e9"}'.encode()),
    _b64(b"\xff\xfe"),
    "",
]


def _claim_mutations(now: int) -> list[Callable[[dict[str, Any]], Any]]:
    def setting(**values: Any) -> Callable[[dict[str, Any]], Any]:
        return lambda c: {**c, **values}

    def dropping(name: str) -> Callable[[dict[str, Any]], Any]:
        return lambda c: {k: v for k, v in c.items() if k != name}

    changes: list[Callable[[dict[str, Any]], Any]] = [lambda c: c]
    for name in tokens.REQUIRED_CLAIMS:
        changes += [dropping(name), setting(**{name: None})]
    for name in ("exp", "iat", "ver"):
        for bad in ("123", 1.5, True, [1], {"n": 1}, float("nan"), 10**30, -(10**30)):
            changes.append(setting(**{name: bad}))
    for name in ("sub", "jti"):
        changes += [setting(**{name: 42}), setting(**{name: ""}), setting(**{name: ["x"]})]
    for offset in (-7200, -3 * LEEWAY, -LEEWAY // 2, LEEWAY // 2, 3 * LEEWAY, 7200):
        changes += [
            setting(exp=now + offset),
            setting(iat=now + offset),
            setting(nbf=now + offset),
            setting(iat=now + offset, exp=now + 3600 + max(offset, 0)),
        ]
    changes += [
        setting(nbf="soon"),
        setting(nbf=float(now)),
        setting(nbf=None),
        setting(exp=float(now + 3600)),
        setting(aud="psymitrix"),
        setting(aud=["psymitrix"]),
        setting(aud=""),
        setting(aud=[]),
        setting(aud=None),
        setting(iss="someone"),
        setting(extra={"nested": [1, 2, 3]}),
        lambda c: [c],
        lambda c: "a string",
        lambda c: 7,
    ]
    return changes


def _flip_last(segment: str) -> str:
    if not segment:
        return "A"
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    i = alphabet.find(segment[-1])
    return segment[:-1] + alphabet[(i ^ 1) if i >= 0 else 0]


def _spare_bits(segment: str) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    spare = {2: 15, 3: 3}.get(len(segment) % 4)
    if not spare or not segment or segment[-1] not in alphabet:
        return segment + "!"
    return segment[:-1] + alphabet[alphabet.index(segment[-1]) | spare]


def _segments(f: Callable[[list[str]], list[str]]) -> Callable[[str], str]:
    return lambda token: ".".join(f(token.split(".")))


ENCODINGS: list[Callable[[str], str]] = [
    lambda t: t,
    lambda t: t + "!!",
    lambda t: t + "=",
    lambda t: t + "==",
    lambda t: t + " ",
    lambda t: " " + t,
    lambda t: t + ".",
    lambda t: t + ".x",
    lambda t: t.replace("-", "+").replace("_", "/"),
    lambda t: t.rsplit(".", 1)[0],
    lambda t: t.rsplit(".", 1)[0] + ".",
    _segments(lambda s: [s[0], s[1] + "=" * (-len(s[1]) % 4), *s[2:]]),
    _segments(lambda s: [s[0] + "=" * (-len(s[0]) % 4), *s[1:]]),
    _segments(lambda s: [*s[:-1], s[-1] + "="]),
    _segments(lambda s: [*s[:-1], _flip_last(s[-1])]),
    _segments(lambda s: [*s[:-1], _spare_bits(s[-1])]),
    _segments(lambda s: [s[0], _spare_bits(s[1]), *s[2:]]),
    _segments(lambda s: [*s[:-1], s[-1][:-1]]),
    _segments(lambda s: [*s[:-1], s[-1][:-4]]),
    _segments(lambda s: [*s[:-1], s[-1] + "AAAA"]),
    _segments(lambda s: [*s[:-1], ""]),
    _segments(lambda s: ["", *s[1:]]),
    _segments(lambda s: [s[0], "", *s[2:]]),
    _segments(lambda s: [s[0], s[1] + "é", *s[2:]]),
    _segments(lambda s: [s[0], s[1][:-1], *s[2:]]),
]
SIGNERS: list[dict[str, Any]] = [
    {},
    {"secret": OTHER_SECRET},
    {"digest": hashlib.sha512},
    {"secret": ""},
]


def _base_claims(now: int) -> dict[str, Any]:
    return {"sub": "user-1", "ver": 3, "iat": now - 10, "exp": now + 3600, "jti": "abc123"}


def _cases() -> list[tuple[str, str]]:
    now = int(datetime.now(UTC).timestamp())
    base = _base_claims(now)
    changes = _claim_mutations(now)
    cases: list[tuple[str, str]] = []
    for i, header in enumerate(HEADERS):  # each mutation alone...
        cases.append((f"header {i}", _compact(header, base)))
    for i, change in enumerate(changes):
        cases.append((f"claims {i}", _compact(HEADERS[0], change(base))))
    for i, encode in enumerate(ENCODINGS):
        cases.append((f"encoding {i}", encode(_compact(HEADERS[0], base))))
    for i, signer in enumerate(SIGNERS):
        cases.append((f"signer {i}", _compact(HEADERS[0], base, **signer)))
    rng = random.Random(8725)  # ...then many combined, reproducibly
    for n in range(1500):
        # Each dimension is left alone half the time, so that many combinations are valid.
        h, c, e, s = (
            rng.randrange(len(x)) if rng.random() < 0.5 else 0
            for x in (HEADERS, changes, ENCODINGS, SIGNERS)
        )
        token = ENCODINGS[e](_compact(HEADERS[h], changes[c](base), **SIGNERS[s]))
        cases.append((f"combined {n}: header {h}, claims {c}, encoding {e}, signer {s}", token))
    return cases


def test_both_verifiers_make_the_same_decision_on_every_mutated_token() -> None:
    cases = _cases()
    disagreements = []
    accepted = 0
    for name, token in cases:
        expected, got = reference(token), ours(token)
        if (expected is None) != (got is None):
            disagreements.append(f"{name}: PyJWT {'accepts' if expected else 'refuses'}")
        elif expected is not None and got is not None:
            accepted += 1
            assert (got.user_id, got.version, got.token_id) == (
                expected["sub"],
                expected["ver"],
                expected["jti"],
            ), name
    assert not disagreements, "\n".join(disagreements[:20])
    # The mutations are not all trivially refused: a fair share must be valid tokens.
    assert accepted >= 100 and len(cases) - accepted >= 1000, (accepted, len(cases))


@pytest.mark.parametrize(
    "token",
    [
        _compact({"alg": "HS256"}, _base_claims(int(datetime.now(UTC).timestamp()))) + "=",
        _compact({"alg": "HS256"}, {**_base_claims(0), "exp": "99999999999"}),
    ],
)
def test_the_stricter_rules_are_really_stricter(token: str) -> None:
    """Where PyJWT says yes and we say no: padding, and a time written as a string."""
    assert _pyjwt_claims(token) is not None
    assert ours(token) is None

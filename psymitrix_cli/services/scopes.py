"""What a script token may do: each service operation declares the scopes it allows.

`@allows("write")` on an operation lets a write-scoped script token run it;
`@allows()` says a full login only. A login (a JWT) may run anything. The check is
in `Session.user()`, which every operation calls to learn whose data it touches, so
it holds on every door (the CLI in-process, `psymitrix serve`), and an operation that
declares nothing refuses script tokens: deny by default.

The outermost operation decides: a check-in (write) that adds a journal entry runs
that add under the check-in's allowance, and an operation called inside another
cannot widen or narrow it. tests/test_script_tokens.py checks that every public
operation of every service declares its scopes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from psymitrix_cli.domain.script_tokens import Scope

F = TypeVar("F", bound=Callable[..., Any])
ATTRIBUTE = "__token_scopes__"

_ALLOWED: ContextVar[frozenset[str] | None] = ContextVar("psymitrix_allowed", default=None)


def allows(*scopes: Scope) -> Callable[[F], F]:
    """Declare the script-token scopes this operation allows (none: a login only)."""
    allowed = frozenset(scopes)

    def wrap(operation: F) -> F:
        @functools.wraps(operation)
        def run(*args: Any, **kwargs: Any) -> Any:
            if _ALLOWED.get() is not None:  # inside another operation: that one decides
                return operation(*args, **kwargs)
            token = _ALLOWED.set(allowed)
            try:
                return operation(*args, **kwargs)
            finally:
                _ALLOWED.reset(token)

        setattr(run, ATTRIBUTE, allowed)
        return run  # type: ignore[return-value]

    return wrap


def allowed_now() -> frozenset[str]:
    """The scopes the running operation allows (nothing outside a declared operation)."""
    return _ALLOWED.get() or frozenset()


def declared(operation: Callable[..., Any]) -> frozenset[str] | None:
    """What an operation declares, or None when it declares nothing."""
    found = getattr(operation, ATTRIBUTE, None)
    return found if isinstance(found, frozenset) else None

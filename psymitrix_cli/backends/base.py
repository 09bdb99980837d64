"""The Backend protocol: every operation a command needs, grouped per domain.

`LocalBackend` satisfies it with the services themselves (over SQLite or
MongoDB); `RemoteBackend` with HTTP calls to `psymitrix serve`. Commands only
ever see this interface, so all three ways of running behave the same.
Results are JSON-ready dicts with camelCase keys, identical on every backend.
"""

from __future__ import annotations

from typing import Any, Protocol

Result = dict[str, Any]


class AccountsAPI(Protocol):
    def signup(
        self,
        *,
        name: str | None,
        username: str | None,
        email: str | None,
        password: str | None,
        timezone: str | None,
        phone: str | None = None,
    ) -> Result: ...

    def login(self, identifier: str | None, password: str | None) -> Result: ...

    def logout(self, everywhere: bool = False) -> None: ...

    def whoami(self) -> Result: ...

    def update_profile(
        self,
        *,
        name: str | None = None,
        username: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        timezone: str | None = None,
    ) -> Result: ...

    def change_password(self, current: str | None, new: str | None) -> Result: ...

    def recover_password(self, identifier: str | None, code: str | None, new: str | None) -> None: ...

    def delete_account(self, password: str | None) -> None: ...


class ProfileAPI(Protocol):
    def me(self) -> Result: ...


class Backend(Protocol):
    name: str
    accounts: AccountsAPI
    profile: ProfileAPI

    def describe(self) -> str:
        """Where this backend keeps data, safe to print."""
        ...

    def close(self) -> None: ...

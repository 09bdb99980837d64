"""Eight processes racing for one username: exactly one wins."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.driver import PASSWORD, Cli


@pytest.mark.slow
def test_eight_processes_sign_up_the_same_username(any_cli: Cli) -> None:
    def attempt(i: int):  # type: ignore[no-untyped-def]
        return any_cli.subprocess(
            "signup",
            "--name",
            f"P{i}",
            "--username",
            "Same" if i % 2 else "same",
            "--email",
            f"p{i}@example.com",
            "--timezone",
            "UTC",
            "--password-stdin",
            "--json",
            input=PASSWORD + "\n",
        )

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(attempt, range(8)))
    winners = [o for o in outcomes if o.exit_code == 0]
    losers = [o for o in outcomes if o.exit_code != 0]
    assert len(winners) == 1, outcomes
    assert all(o.exit_code == 2 and "username is taken" in o.stderr for o in losers), losers

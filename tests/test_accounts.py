"""Accounts through the CLI: sign-up, login, profile, passwords, recovery, deletion."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.driver import PASSWORD, SIGNUP_ANN, Cli, stored_token


def _users_in_db(cli: Cli) -> int:
    db = Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM users").fetchone()[0])


def test_signup_prints_ten_unique_recovery_codes_and_logs_in(any_cli: Cli) -> None:
    result = any_cli.signup("ann")
    assert set(result) >= {"userId", "username", "recoveryCodes"}
    assert result["username"] == "ann"
    codes = result["recoveryCodes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    who = any_cli.json("whoami")
    assert who["userId"] == result["userId"]
    assert {"userId", "username", "email", "name"} <= set(who)


def test_signup_stores_email_lower_cased_and_phone_normalised(any_cli: Cli) -> None:
    any_cli.signup("bob", email="Bob@Example.COM", phone="+44 20 7946 0958")
    who = any_cli.json("whoami")
    assert who["email"] == "bob@example.com"
    assert who["phoneNumber"] == "+442079460958"


BAD_SIGNUPS = [
    (["--name", ""], "Name cannot be empty"),
    (["--name", "x" * 101], "too long"),
    (["--name", "Ann\x07"], "control characters"),
    (["--username", "ab"], "Username must be"),
    (["--username", "has space"], "Username must be"),
    (["--email", "not-an-email"], "not a valid email"),
    (["--phone", "12ab"], "not a valid phone"),
    (["--timezone", "Mars/Olympus"], "Unknown timezone"),
]


@pytest.mark.parametrize(("flags", "message"), BAD_SIGNUPS)
def test_bad_signup_input_exits_2_and_writes_nothing(
    cli: Cli, flags: list[str], message: str
) -> None:
    args = {"--name": "Ann", "--username": "ann", "--email": "ann@example.com", "--timezone": "UTC"}
    for key, value in zip(flags[::2], flags[1::2], strict=True):
        args[key] = value
    argv = ["signup", *[x for kv in args.items() for x in kv], "--password-stdin"]
    out = cli(*argv, input=PASSWORD + "\n")
    assert out.exit_code == 2, out
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
    assert _users_in_db(cli) == 0


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "at least 8"),
        ("é" * 37, "74 bytes"),  # 37 characters, but 74 bytes in UTF-8: over bcrypt's limit
        ("ann", "at least 8"),
        ("annann12", None),  # accepted: only equality with username/email is refused
    ],
)
def test_password_rules(cli: Cli, password: str, message: str | None) -> None:
    out = cli(
        "signup",
        "--name",
        "Ann",
        "--username",
        "ann",
        "--email",
        "ann@example.com",
        "--timezone",
        "UTC",
        "--password-stdin",
        input=password + "\n",
    )
    if message is None:
        assert out.exit_code == 0, out
    else:
        assert out.exit_code == 2, out
        assert message in out.stderr
        assert _users_in_db(cli) == 0


def test_password_equal_to_username_or_email_is_refused(cli: Cli) -> None:
    for password in ("annabelle", "ann@example.com"):
        out = cli(
            "signup",
            "--name",
            "A",
            "--username",
            "annabelle",
            "--email",
            "ann@example.com",
            "--timezone",
            "UTC",
            "--password-stdin",
            input=password + "\n",
        )
        assert out.exit_code == 2 and "same as your username or email" in out.stderr, out
    assert _users_in_db(cli) == 0


def test_missing_stdin_with_password_stdin_is_exit_2(cli: Cli) -> None:
    out = cli(
        "signup",
        "--name",
        "Ann",
        "--username",
        "ann",
        "--email",
        "a@example.com",
        "--timezone",
        "UTC",
        "--password-stdin",
        input="",
    )
    assert out.exit_code == 2 and "standard input" in out.stderr
    assert _users_in_db(cli) == 0


def test_missing_field_without_tty_is_a_clear_error_not_a_hang(cli: Cli) -> None:
    out = cli(
        "signup",
        "--username",
        "ann",
        "--email",
        "a@example.com",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert out.exit_code == 2
    assert "--name" in out.stderr


def test_duplicate_username_in_another_case_and_duplicate_email(any_cli: Cli) -> None:
    any_cli.signup("ann")
    out = any_cli(
        "signup",
        "--name",
        "X",
        "--username",
        "ANN",
        "--email",
        "other@example.com",
        "--timezone",
        "UTC",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert out.exit_code == 2 and "username is taken" in out.stderr
    out = any_cli(
        "signup",
        "--name",
        "X",
        "--username",
        "other",
        "--email",
        "ANN@example.com",
        "--timezone",
        "UTC",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert out.exit_code == 2 and "email already exists" in out.stderr


def test_login_by_username_or_email_and_the_same_error_for_both_failures(any_cli: Cli) -> None:
    any_cli.signup("ann")
    any_cli.ok("logout")
    assert any_cli("whoami").exit_code == 3
    assert (
        any_cli.json("login", "ANN", "--password-stdin", input=PASSWORD + "\n")["username"] == "ann"
    )
    assert any_cli.json("login", "ann@example.com", "--password-stdin", input=PASSWORD + "\n")
    wrong_user = any_cli("login", "nobody", "--password-stdin", input=PASSWORD + "\n")
    wrong_pass = any_cli("login", "ann", "--password-stdin", input="wrong-password\n")
    assert wrong_user.exit_code == wrong_pass.exit_code == 3
    assert wrong_user.stderr == wrong_pass.stderr
    assert "Wrong username/email or password" in wrong_user.stderr


def test_logout_all_revokes_every_token(any_cli: Cli) -> None:
    any_cli.signup("ann")
    other_terminal = any_cli.json("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert other_terminal
    token = stored_token(any_cli)
    any_cli.ok("logout", "--all")
    out = any_cli("whoami", env={"PSYMITRIX_TOKEN": token})
    assert out.exit_code == 3 and "log in again" in out.stderr


def test_profile_update_and_conflicts(any_cli: Cli) -> None:
    any_cli.signup("ann")
    any_cli.signup("bob")  # now logged in as bob
    updated = any_cli.json("profile", "update", "--name", "Robert", "--timezone", "Europe/Paris")
    assert updated["name"] == "Robert" and updated["timezone"] == "Europe/Paris"
    out = any_cli(
        "profile", "update", "--username", "Ann", "--password-stdin", input=PASSWORD + "\n"
    )
    assert out.exit_code == 2 and "taken" in out.stderr
    out = any_cli("profile", "update", "--timezone", "Nowhere/Land")
    assert out.exit_code == 2
    out = any_cli("profile", "update")
    assert out.exit_code == 2 and "Nothing to update" in out.stderr
    assert any_cli.json("whoami")["username"] == "bob"


def test_password_change_refreshes_this_terminal_and_revokes_others(any_cli: Cli) -> None:
    any_cli.signup("ann")
    old = stored_token(any_cli)
    out = any_cli("password", "change", "--password-stdin", input="wrong-one\nnew-password-1\n")
    assert out.exit_code == 3
    any_cli.ok("password", "change", "--password-stdin", input=f"{PASSWORD}\nnew-password-1\n")
    assert any_cli.json("whoami")["username"] == "ann"  # this terminal got a fresh token
    assert any_cli("whoami", env={"PSYMITRIX_TOKEN": old}).exit_code == 3
    any_cli.ok("logout")
    assert any_cli("login", "ann", "--password-stdin", input=PASSWORD + "\n").exit_code == 3
    any_cli.ok("login", "ann", "--password-stdin", input="new-password-1\n")


def test_recovery_code_works_once(any_cli: Cli) -> None:
    codes = any_cli.signup("ann")["recoveryCodes"]
    any_cli.ok(
        "password",
        "recover",
        "ann",
        "--code",
        codes[0].upper(),
        "--password-stdin",
        input="recovered-pass-1\n",
    )
    any_cli.ok("login", "ann", "--password-stdin", input="recovered-pass-1\n")
    reused = any_cli(
        "password",
        "recover",
        "ann",
        "--code",
        codes[0],
        "--password-stdin",
        input="another-pass-2\n",
    )
    assert reused.exit_code == 2 and "already been used" in reused.stderr
    wrong = any_cli(
        "password",
        "recover",
        "ann",
        "--code",
        "aaaaa-bbbbb",
        "--password-stdin",
        input="another-pass-2\n",
    )
    assert wrong.exit_code == 2
    # A bad new password does not burn the code.
    weak = any_cli(
        "password", "recover", "ann", "--code", codes[1], "--password-stdin", input="x\n"
    )
    assert weak.exit_code == 2
    any_cli.ok(
        "password",
        "recover",
        "ann",
        "--code",
        codes[1],
        "--password-stdin",
        input="another-pass-2\n",
    )


def test_account_delete_erases_everything(any_cli: Cli) -> None:
    any_cli.signup("ann")
    out = any_cli("account", "delete", "--password-stdin", input=PASSWORD + "\n")
    assert out.exit_code == 2  # no --yes and no terminal to confirm on
    out = any_cli("account", "delete", "--yes", "--password-stdin", input="wrong-pass\n")
    assert out.exit_code == 3
    any_cli.ok("account", "delete", "--yes", "--password-stdin", input=PASSWORD + "\n")
    assert any_cli("whoami").exit_code == 3
    assert any_cli("login", "ann", "--password-stdin", input=PASSWORD + "\n").exit_code == 3
    any_cli.signup("ann")  # the username is free again


def test_account_delete_leaves_no_rows_in_sqlite(cli: Cli) -> None:
    cli.signup("ann")
    cli.ok("account", "delete", "--yes", "--password-stdin", input=PASSWORD + "\n")
    db = Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db"
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        # The search index's FTS5 shadow tables hold its structure; the index itself
        # (search_fts) is checked with the rest.
        for table in tables:
            if table != "schema_migrations" and not table.startswith("search_fts_"):
                assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table


def test_me_has_every_key_of_the_seed_and_no_password_hash(any_cli: Cli) -> None:
    any_cli.signup("ann")
    me = any_cli.json("me")
    assert me["user"] == {
        "name": "Ann",
        "username": "ann",
        "email": "ann@example.com",
        "phoneNumber": None,
    }
    data = me["userData"]
    for key in (
        "visitingStreak",
        "lastStreakUpdate",
        "sleepQuality",
        "chats",
        "chatSessionCount",
        "breathingExercises",
        "moodJournal",
        "moodJournalCount",
        "gratitude",
        "gratitudeCount",
        "anxietyTests",
        "anxietyTestCount",
        "depressionTests",
        "depressionTestCount",
    ):
        assert key in data, key
    assert data["moodJournalCount"] == 0 and data["chats"] == []
    assert "passwordHash" not in str(me)


def test_login_timing_does_not_reveal_whether_the_account_exists(cli: Cli) -> None:
    """A wrong username is checked against a dummy hash of the same cost."""
    import statistics
    import time

    env = {"PSYMITRIX_BCRYPT_ROUNDS": "10"}
    cli.ok(
        *SIGNUP_ANN,
        input=PASSWORD + "\n",
        env=env,
    )

    def timed(identifier: str) -> float:
        start = time.perf_counter()
        assert (
            cli("login", identifier, "--password-stdin", input="wrong-pass-1\n", env=env).exit_code
            == 3
        )
        return time.perf_counter() - start

    known = statistics.median(timed("ann") for _ in range(5))
    unknown = statistics.median(timed("nobody") for _ in range(5))
    # Without the dummy hash, the unknown account would answer in well under a tenth.
    assert unknown > known * 0.5, (known, unknown)


def test_me_reads_as_words_and_counts_every_kind_of_the_registry(any_cli: Cli) -> None:
    from psymitrix_cli.domain.entries import counter_labels

    any_cli.signup("ann")
    any_cli.json("activity", "add", "walk by the river", "--done")
    words = " ".join(any_cli.ok("me").stdout.split())
    assert "Streak 1 day (longest 1 day)" in words
    for label in counter_labels().values():
        assert label in words, label
    assert "Activities 1 " in words and "Journal entries 0 " in words


def test_signup_greets_the_person_by_name(any_cli: Cli) -> None:
    out = any_cli(
        "signup", "--name", "Ann Lee", "--username", "annl", "--email", "annl@example.com",
        "--timezone", "UTC", "--password-stdin", input="correct horse battery\n",
    )  # fmt: skip
    assert out.exit_code == 0, out
    assert "Welcome, Ann Lee!" in out.stdout

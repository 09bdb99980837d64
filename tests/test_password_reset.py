"""`password reset`: the email flow from the CLI over the API, against a real SMTP server
(aiosmtpd) on loopback; the local store, which sends no mail, points to recovery codes."""

from __future__ import annotations

import pytest

from tests.driver import PASSWORD, Cli
from tests.fixtures.mail import Inbox, token_in
from tests.fixtures.server import ApiServer

NEW = "brand-new-pass-1"


@pytest.fixture
def mailing_cli(cli: Cli, mail_server: tuple[ApiServer, Inbox]) -> tuple[Cli, Inbox]:
    """The CLI against a server that sends mail to the test's inbox."""
    server, inbox = mail_server
    cli.extra = {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url}
    return cli, inbox


def test_reset_by_email_then_token_sets_the_password_once(mailing_cli: tuple[Cli, Inbox]) -> None:
    cli, inbox = mailing_cli
    cli.signup("ann")
    asked = cli.ok("password", "reset", "--email", "ANN@example.com")
    assert "reset token is on its way" in asked.stdout
    inbox.wait(1)
    token = token_in(inbox.messages[0])
    assert cli.json("password", "reset", "--token", token, "--password-stdin", input=NEW + "\n")
    assert cli("whoami").exit_code == 3  # logged out here; other sessions were revoked
    again = cli("password", "reset", "--token", token, "--password-stdin", input=NEW + "\n")
    assert again.exit_code == 2 and again.stderr.count("\n") == 1
    assert cli("login", "ann", "--password-stdin", input=PASSWORD + "\n").exit_code == 3
    assert cli.json("login", "ann", "--password-stdin", input=NEW + "\n")["username"] == "ann"


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    mailing_cli: tuple[Cli, Inbox],
) -> None:
    cli, inbox = mailing_cli
    cli.signup("ann")
    known = cli.json("password", "reset", "--email", "ann@example.com")
    unknown = cli.json("password", "reset", "--email", "nobody@example.com")
    assert known == unknown == {"requested": True}
    inbox.wait(1)
    assert len(inbox.messages) == 1


@pytest.mark.parametrize(
    "args",
    [[], ["--email", "a@example.com", "--token", "x"]],
    ids=["neither", "both"],
)
def test_reset_needs_exactly_one_of_email_and_token(cli: Cli, args: list[str]) -> None:
    out = cli("password", "reset", *args)
    assert out.exit_code == 2 and "--email" in out.stderr and "--token" in out.stderr


def test_on_the_local_store_reset_points_to_recovery_codes(cli: Cli) -> None:
    cli.signup("ann")
    out = cli("password", "reset", "--email", "ann@example.com")
    assert out.exit_code == 2 and "password recover" in out.stderr
    assert out.stderr.count("\n") == 1

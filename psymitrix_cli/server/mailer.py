"""Password-reset and account-change emails over SMTP (STARTTLS unless turned off for a
loopback test server).

Sending happens on one background thread, after the HTTP reply: the reply to a reset
request then takes the same time whether or not an email goes out, so timing does
not reveal which addresses have accounts, and a slow mail server never holds a
request (or the event loop) hostage. Failures are logged without the token, the
address or the password.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from concurrent.futures import Future, ThreadPoolExecutor
from email.message import EmailMessage

from psymitrix_cli import messages
from psymitrix_cli.config import SmtpSettings

log = logging.getLogger("psymitrix.server.mail")

SMTP_TIMEOUT_S = 20


class Mailer:
    def __init__(self, smtp: SmtpSettings) -> None:
        self.smtp = smtp
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="psymitrix-mail")

    @property
    def configured(self) -> bool:
        return bool(self.smtp.host and self.smtp.sender)

    def send_reset(self, to: str, name: str, token: str, minutes: int) -> Future[None] | None:
        """Queue the reset email; the caller never waits for SMTP."""
        if not self.configured:
            log.warning("a password reset was requested but SMTP is not configured")
            return None
        message = EmailMessage()
        message["From"] = self.smtp.sender
        message["To"] = to
        message["Subject"] = messages.MAIL_SUBJECT
        message.set_content(messages.MAIL_BODY.format(name=name, token=token, minutes=minutes))
        return self._pool.submit(self._deliver, message)

    def send_change_notice(
        self, to: str, name: str, changes: list[tuple[str, str, str]]
    ) -> Future[None] | None:
        """Tell the account's previous address that its username or email changed."""
        if not self.configured:
            return None
        lines = "\n".join(f"    {label}: {old} -> {new}" for label, old, new in changes)
        message = EmailMessage()
        message["From"] = self.smtp.sender
        message["To"] = to
        message["Subject"] = messages.MAIL_CHANGE_SUBJECT
        message.set_content(messages.MAIL_CHANGE_BODY.format(name=name, changes=lines))
        return self._pool.submit(self._deliver, message)

    def _deliver(self, message: EmailMessage) -> None:
        smtp = self.smtp
        assert smtp.host is not None
        try:
            with smtplib.SMTP(smtp.host, smtp.port, timeout=SMTP_TIMEOUT_S) as client:
                if smtp.starttls:
                    client.starttls(context=ssl.create_default_context())
                if smtp.user and smtp.password:
                    client.login(smtp.user, smtp.password)
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            log.error(
                "sending an email via %s:%s failed: %s",
                smtp.host,
                smtp.port,
                type(exc).__name__,
            )

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)

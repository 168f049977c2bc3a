"""Sending email: SMTP when `COOPMAP_SMTP_HOST` is set, otherwise the message goes to the log.

Messages are plain text built from validated values; nothing a user typed becomes a header except a
validated address.
"""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from app.core.config import Settings
from app.domain.errors import SourceError

logger = logging.getLogger(__name__)


def send(settings: Settings, *, to: str, subject: str, body: str) -> None:
    """Send one message (or log it in development); SourceError (502) when the server refuses."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if settings.smtp_host is None:
        logger.info("email (no SMTP host set; not sent) to %s: %s\n%s", to, subject, body)
        return
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.download_timeout_s
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise SourceError(f"the email to {to} could not be sent: {exc}") from None

"""Creating moderator and admin accounts."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.security import verify_password
from app.db.models import AuditEvent
from app.domain.enums import Role
from app.domain.errors import Conflict, InvalidInput
from app.services.users import create_user


def test_create_user_stores_an_argon2id_hash_of_a_random_password(session: Session) -> None:
    created = create_user(session, email=" Mod@Example.ORG ", role=Role.MODERATOR)
    assert created.user.email == "mod@example.org"
    assert created.user.password_hash.startswith("$argon2id$")
    assert created.one_time_password not in created.user.password_hash
    assert len(created.one_time_password) >= 20
    assert verify_password(created.user.password_hash, created.one_time_password)
    assert not verify_password(created.user.password_hash, "wrong password")
    assert created.user.must_change_password


def test_create_user_gives_each_account_a_different_password(session: Session) -> None:
    one = create_user(session, email="a@example.org", role=Role.ADMIN)
    two = create_user(session, email="b@example.org", role=Role.ADMIN)
    assert one.one_time_password != two.one_time_password


def test_create_user_is_audited(session: Session) -> None:
    created = create_user(session, email="audit@example.org", role=Role.ADMIN)
    event = session.scalars(select(AuditEvent).where(AuditEvent.target_id == str(created.user.id))).one()
    assert (event.action, event.actor_label, event.target_type) == ("user.created", "cli", "user")
    assert event.data == {"email": "audit@example.org", "role": "admin"}


def test_create_user_refuses_a_duplicate_email(session: Session) -> None:
    create_user(session, email="dup@example.org", role=Role.MODERATOR)
    with pytest.raises(Conflict):
        create_user(session, email="DUP@example.org", role=Role.ADMIN)


@pytest.mark.parametrize(
    "email", ["", "no-at-sign", "a@b", "two@@example.org", "sp ace@example.org", "x" * 250 + "@e.org"]
)
def test_create_user_refuses_invalid_email(session: Session, email: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_user(session, email=email, role=Role.MODERATOR)
    assert caught.value.field == "email"


def test_verify_password_rejects_a_malformed_hash() -> None:
    assert not verify_password("not-a-hash", "anything")

"""Password hashing (argon2id) and random secrets."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi defaults are the RFC 9106 low-memory argon2id profile (m=64 MiB, t=3, p=4).
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash (with its salt and parameters) of the password."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_one_time_password() -> str:
    """A random password of 24 URL-safe characters (144 bits) for a new account."""
    return secrets.token_urlsafe(18)

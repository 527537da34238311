"""Password hashing (Argon2id via pwdlib), JWT access tokens and opaque refresh tokens."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from api.errors import ServiceUnavailable, Unauthorized
from api.services.lru import BoundedLru
from api.settings import Settings

T = TypeVar("T")

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["sub", "iat", "nbf", "exp", "iss", "aud", "jti", "tv"]
LEEWAY_S = 5
# Tokens already verified, by their exact text (signature included): a client sends the same
# access token with every request, and decoding and checking it again was a fifth of a
# workout GET's CPU (bench/RESULTS.md). Expiry is still checked on every use; revocation is
# the database's `token_version` (per write request; per second for reads: `AccountFacts`).
VERIFIED_CACHE_SIZE = 4096


class PasswordHasher:
    """Argon2id hashing with parameters from settings, and a dummy hash for timing safety.

    Requests hash and verify in threads of the hasher's own (`hash_in_pool`,
    `verify_in_pool`): an Argon2 call holds its thread for 100+ ms at the production
    parameters, and four clients registering in a loop took every request thread and made
    other requests 50-250x slower (issue 21). Beyond the pool's threads and a few waiting,
    a request is refused at once (503 with Retry-After) instead of queueing without bound.
    """

    def __init__(self, settings: Settings) -> None:
        threads = settings.password_hash_pool_threads
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="argon2")
        weakref.finalize(self, self._pool.shutdown, wait=False)  # an app per test
        self._admitted = threading.BoundedSemaphore(threads + settings.password_hash_waiting)
        self._hash = PasswordHash(
            (
                Argon2Hasher(
                    time_cost=settings.password_time_cost,
                    memory_cost=settings.password_memory_kib,
                ),
            )
        )
        # Unknown emails are checked against this so they cost as much as a wrong password.
        self._dummy = self._hash.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hash.hash(password)

    def verify(self, password: str, hashed: str | None) -> tuple[bool, str | None]:
        """(valid, new hash when the stored one used outdated parameters)."""
        if hashed is None:
            self._hash.verify(password, self._dummy)
            return False, None
        return self._hash.verify_and_update(password, hashed)

    async def hash_in_pool(self, password: str) -> str:
        """`hash`, in the hasher's threads (503 when they and the queue are full)."""
        return await self._in_pool(self.hash, password)

    async def verify_in_pool(self, password: str, hashed: str | None) -> tuple[bool, str | None]:
        """`verify`, in the hasher's threads (503 when they and the queue are full)."""
        return await self._in_pool(self.verify, password, hashed)

    async def _in_pool(self, work: Callable[..., T], *args: object) -> T:
        if not self._admitted.acquire(blocking=False):
            raise ServiceUnavailable(
                "Too many passwords are being checked at once; retry shortly",
                headers={"Retry-After": "1"},
            )
        future = self._pool.submit(work, *args)
        future.add_done_callback(lambda _: self._admitted.release())
        return await asyncio.wrap_future(future)


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    token_version: int
    jti: str


def key_id(secret: str) -> str:
    """A public identifier of a signing key (the `kid` header), derived from it."""
    return hashlib.sha256(b"backchain-kid:" + secret.encode()).hexdigest()[:16]


class TokenCodec:
    """Issues and verifies HS256 access tokens with every registered claim checked.

    New tokens are signed with the current secret and carry its `kid`; tokens signed with a
    previous secret (listed in settings) stay valid until they expire.
    """

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._verified: dict[str, tuple[AccessClaims, float]] = {}
        self._secret = settings.signing_secret()
        self._kid = key_id(self._secret)
        self._keys = {key_id(k): k for k in (*settings.jwt_previous_secrets, self._secret)}
        # Rotated refresh tokens are derived from their parent with a key of their own
        # (`rotated_refresh_token`), from the same secret.
        self._rotation_keys = [
            _rotation_key(k) for k in (self._secret, *settings.jwt_previous_secrets)
        ]
        self._issuer = settings.jwt_issuer
        self._audience = settings.jwt_audience
        self.lifetime = timedelta(minutes=settings.access_token_minutes)

    def issue(self, user_id: uuid.UUID, token_version: int, *, now: datetime | None = None) -> str:
        now = now or datetime.now(UTC)
        claims = {
            "sub": str(user_id),
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime,
            "iss": self._issuer,
            "aud": self._audience,
            "jti": secrets.token_hex(16),
            "tv": token_version,
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM, headers={"kid": self._kid})

    def verify(self, token: str) -> AccessClaims:
        """The claims of a valid token; 401 problem for anything else."""
        cached = self._verified.get(token)
        if cached is not None:
            claims, expires = cached
            if self._clock() < expires + LEEWAY_S:
                return claims
            self._verified.pop(token, None)
            raise Unauthorized("Invalid or expired access token", code="invalid_token")
        claims, expires = self._decode(token)
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            self._verified.pop(next(iter(self._verified), ""), None)  # the oldest entry
        self._verified[token] = (claims, expires)
        return claims

    def rotated_refresh_token(self, parent: str) -> str:
        """The refresh token that replaces `parent` when it is used: derived from it (HMAC
        with the current key), so a retried refresh can answer with the same token as the
        first one without the server keeping any token (`api.services.auth`)."""
        return _derive(self._rotation_keys[0], parent)

    def rotated_refresh_tokens(self, parent: str) -> list[str]:
        """`rotated_refresh_token` under the current and every previous key (a refresh
        retried across a key rotation still finds what the first use issued)."""
        return [_derive(key, parent) for key in self._rotation_keys]

    def _decode(self, token: str) -> tuple[AccessClaims, float]:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            secret = self._keys.get(kid) if kid else self._secret
            if secret is None:
                raise jwt.InvalidKeyError("unknown kid")
            claims = jwt.decode(
                token,
                secret,
                algorithms=[ALGORITHM],  # only HS256: alg=none and key confusion are refused
                audience=self._audience,
                issuer=self._issuer,
                options={"require": REQUIRED_CLAIMS},
                leeway=LEEWAY_S,
            )
            verified = AccessClaims(uuid.UUID(claims["sub"]), int(claims["tv"]), str(claims["jti"]))
            return verified, float(claims["exp"])
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            raise Unauthorized("Invalid or expired access token", code="invalid_token") from exc


@dataclass(frozen=True, slots=True)
class _Accepted:
    role: str
    token_version: int
    read_at: float


class AccountFacts:
    """Accounts (role, token version) read active by this process within `max_age_s`: a read
    request may rest on them; writes always read the account afresh. Only acceptances are
    kept, so a newer token works at once; a revocation made by another process reaches reads
    here within `max_age_s` (the process that made it forgets at once). 0 turns this off."""

    def __init__(
        self, max_age_s: float, *, clock: Callable[[], float] = time.monotonic, size: int = 4096
    ) -> None:
        self.max_age_s = max_age_s
        self._clock = clock
        self._held: BoundedLru[uuid.UUID, _Accepted] = BoundedLru(
            size if max_age_s > 0 else 0, lambda _: 1
        )

    def accepted(self, user_id: uuid.UUID, token_version: int) -> str | None:
        """The account's role if it was accepted with this token version within `max_age_s`."""
        (held,) = self._held.get_many([user_id])
        if held is None or held.token_version != token_version:
            return None
        return held.role if self._clock() - held.read_at <= self.max_age_s else None

    def remember(self, user_id: uuid.UUID, role: str, token_version: int) -> None:
        """An active account's facts, as just read."""
        self._held.put_many([(user_id, _Accepted(role, token_version, self._clock()))])

    def forget(self, user_id: uuid.UUID) -> None:
        """Read this account again next time (its password changed, or it was deleted)."""
        self._held.forget(user_id)


def _rotation_key(secret: str) -> bytes:
    return hashlib.sha256(b"backchain-refresh-rotation:" + secret.encode()).digest()


def _derive(key: bytes, parent: str) -> str:
    digest = hmac.new(key, parent.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def new_refresh_token() -> str:
    """An opaque refresh token with 256 bits of randomness."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """SHA-256 of a high-entropy token (a slow hash adds nothing at 256 bits)."""
    return hashlib.sha256(token.encode()).hexdigest()

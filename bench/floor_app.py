"""The floor of the mixed benchmark: the least a request of each kind of the mix can do here.

Each route takes the bearer token (decoded once per token, as the real app caches verified
tokens), validates a write's body with pydantic, runs one statement awaited on a small
asyncio psycopg pool in autocommit (no ORM, no thread) and answers JSON or CSV. None of the
real work is done (no sets written, no analytics, no change feed entry), so no app doing
that work can be faster: it bounds what the mixed target asks of the real one.
"""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at runtime,
# and `User` is local to `create_app`.

import csv
import io
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, Request, Response
from psycopg.conninfo import make_conninfo
from psycopg_pool import AsyncConnectionPool
from pydantic import BaseModel
from sqlalchemy.engine import URL

DSN_ENV = "BENCH_FLOOR_DSN"  # libpq connection string of the seeded database


def conninfo_of(url: URL) -> str:
    """A PostgreSQL URL as a libpq connection string (its query options kept)."""
    query = {
        key: value if isinstance(value, str) else value[-1] for key, value in url.query.items()
    }
    return make_conninfo(
        "",
        host=url.host,
        port=url.port,
        dbname=url.database,
        user=url.username,
        password=url.password,
        **query,
    )


_LAST_SEQ = "SELECT last_seq FROM change_counter WHERE user_id = %s"
_BUMP = (
    "INSERT INTO change_counter (user_id, last_seq) VALUES (%s, 1) ON CONFLICT (user_id) "
    "DO UPDATE SET last_seq = change_counter.last_seq + 1 RETURNING last_seq"
)
_PAGE = (
    "SELECT id::text, version, started_at FROM workout WHERE user_id = %s AND deleted_at IS NULL "
    "ORDER BY started_at DESC, id DESC LIMIT %s"
)
_ALL = (
    "SELECT id::text, started_at, version FROM workout WHERE user_id = %s "
    "AND deleted_at IS NULL ORDER BY started_at"
)


class _Workout(BaseModel):
    started_at: str
    sets: list[dict[str, Any]]


class _Pain(BaseModel):
    recorded_at: str
    region: str
    score: int


def create_app() -> FastAPI:
    pool = AsyncConnectionPool(
        os.environ[DSN_ENV], min_size=4, max_size=4, kwargs={"autocommit": True}, open=False
    )
    users: dict[str, str] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await pool.open()
        yield
        await pool.close()

    app = FastAPI(lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)

    async def user(request: Request) -> str:
        token = request.headers["authorization"].removeprefix("Bearer ")
        found = users.get(token)
        if found is None:
            claims = jwt.decode(token, options={"verify_signature": False})
            found = users[token] = str(claims["sub"])
        return found

    User = Annotated[str, Depends(user)]

    async def rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
        async with pool.connection() as connection:
            cursor = await connection.execute(sql, params, prepare=True)
            return await cursor.fetchall()

    @app.get("/ready")
    async def ready() -> dict[str, bool]:
        return {"ready": True}

    @app.get("/v1/users/me/workouts")
    async def workouts(owner: User, limit: int = 20) -> Response:
        page = await rows(_PAGE, owner, limit + 1)
        items = [{"id": i, "version": v, "started_at": at.isoformat()} for i, v, at in page]
        body = {"items": items[:limit], "next_cursor": None}
        return Response(json.dumps(body), media_type="application/json")

    @app.get("/v1/users/me/balance")
    async def balance(owner: User) -> dict[str, Any]:
        return {"seq": (await rows(_LAST_SEQ, owner) or [(0,)])[0][0], "index": 1.0}

    @app.get("/v1/users/me/balance/trend")
    async def trend(owner: User) -> dict[str, Any]:
        return {"seq": (await rows(_LAST_SEQ, owner) or [(0,)])[0][0], "slope_4w": 0.0}

    @app.post("/v1/users/me/workouts", status_code=201)
    async def post_workout(owner: User, _body: _Workout) -> dict[str, int]:
        return {"seq": (await rows(_BUMP, owner))[0][0]}

    @app.post("/v1/users/me/pain-scores", status_code=201)
    async def post_pain(owner: User, _body: _Pain) -> dict[str, int]:
        return {"seq": (await rows(_BUMP, owner))[0][0]}

    @app.get("/v1/users/me/exports/workouts.csv")
    async def export(owner: User) -> Response:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "started_at", "version"])
        writer.writerows(await rows(_ALL, owner))
        return Response(out.getvalue(), media_type="text/csv")

    return app

"""The baseline: a bare FastAPI app served with the same uvicorn settings as the real one."""

from __future__ import annotations

from fastapi import FastAPI


def create_app() -> FastAPI:
    """A `def` route like the project's sync routes, and an `async def` one for reference."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @app.get("/bare")
    def get_bare() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/bare-async")
    async def get_bare_async() -> dict[str, str]:
        return {"status": "ok"}

    return app

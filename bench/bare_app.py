"""The framework's floor for bench/server_load.py: a bare FastAPI app, one JSON route per
method, served by uvicorn with `psymitrix serve`'s settings (see start_bare there)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

app = FastAPI()


@app.get("/bench/bare")
async def bare() -> dict[str, bool]:
    return {"ok": True}


@app.post("/bench/bare")
def bare_post(body: dict[str, Any]) -> dict[str, bool]:
    """Sync, as PsyMitrix's writes are (one hop to the threadpool), and parsing the body."""
    return {"ok": bool(body)}

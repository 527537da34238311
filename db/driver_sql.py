"""A statement compiled once per dialect (`PerDialect`), for the awaited reads
(`db/async_reads.py`). The writes that used to run as driver SQL here are Core statements now.
"""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

CompiledT = TypeVar("CompiledT")


class PerDialect(Generic[CompiledT]):
    """A statement compiled once per dialect into what its runner needs (`_compile`)."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[Dialect, CompiledT] = {}
        self._lock = threading.Lock()

    def compiled(self, dialect: Dialect) -> CompiledT:
        found = self._compiled.get(dialect)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            assert isinstance(compiled, SQLCompiler)
            found = self._compile(compiled, dialect)
            with self._lock:
                found = self._compiled.setdefault(dialect, found)
        return found

    def _compile(self, compiled: SQLCompiler, dialect: Dialect) -> CompiledT:
        raise NotImplementedError

"""Hot write statements run as driver SQL: compiled once per dialect, their parameters passed
through the columns' own bind processors, executed with `Connection.exec_driver_sql`.

SQLAlchemy's compiled-statement path (cache lookup, parameter construction and processing,
execution context) cost ~40 µs per statement beyond the driver's own ~20 µs for a one-row
INSERT on SQLite; a workout POST runs four such statements (bench/RESULTS.md). Engine
events still fire for driver SQL, so SQLite's queue of writers (db/engine.py) sees these
writes. Only statements whose results need no type processing belong here (INSERTs, and
upserts returning a plain integer).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, CursorResult
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

CompiledT = TypeVar("CompiledT")


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # the statement's parameters, in the driver's order
    processors: tuple[Callable[[Any], Any] | None, ...]
    positional: bool

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        processed = [
            value if process is None or value is None else process(value)
            for value, process in zip(
                (values[name] for name in self.names), self.processors, strict=True
            )
        ]
        if self.positional:
            return tuple(processed)
        return dict(zip(self.names, processed, strict=True))


def _single(processor: object) -> Callable[[Any], Any] | None:
    if processor is not None and not callable(processor):
        raise TypeError("tuple-typed parameters are not supported as driver SQL")
    return processor


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


class DriverStatement(PerDialect[_Compiled]):
    """A statement compiled once per dialect and run as driver SQL."""

    def _compile(self, compiled: SQLCompiler, dialect: Dialect) -> _Compiled:
        positional = bool(dialect.positional)
        # Positional styles name a parameter once per placeholder (in order); named ones once.
        names = tuple(compiled.positiontup or ()) if positional else tuple(compiled.binds)
        processors = compiled._bind_processors  # the compiler's own table of processors
        return _Compiled(
            sql=compiled.string,
            names=names,
            processors=tuple(_single(processors.get(name)) for name in names),
            positional=positional,
        )

    def execute(self, connection: Connection, values: Mapping[str, Any]) -> CursorResult[Any]:
        compiled = self.compiled(connection.dialect)
        return connection.exec_driver_sql(compiled.sql, compiled.parameters(values))

    def execute_many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        if not rows:
            return
        compiled = self.compiled(connection.dialect)
        connection.exec_driver_sql(compiled.sql, [compiled.parameters(row) for row in rows])

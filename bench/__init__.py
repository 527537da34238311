"""Benchmarks of the HTTP API against a bare FastAPI endpoint (`make bench`, not the tests)."""

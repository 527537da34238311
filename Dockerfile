# Backchain API: slim, non-root, with a health check.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY api ./api
COPY db ./db
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    BACKCHAIN_HOST=0.0.0.0 BACKCHAIN_PORT=8000 BACKCHAIN_ENV=production
RUN useradd --create-home --uid 10001 backchain
COPY --from=build /install /usr/local
WORKDIR /app
COPY --chown=backchain:backchain alembic.ini ./
COPY --chown=backchain:backchain alembic ./alembic
COPY --chown=backchain:backchain api ./api
COPY --chown=backchain:backchain db ./db
COPY --chown=backchain:backchain docs/METHOD.md ./docs/METHOD.md
USER backchain
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
# Migrate, then serve with several workers (BACKCHAIN_WORKERS, default 2).
CMD ["sh", "-c", "alembic upgrade head && exec python -m api.serve_prod"]

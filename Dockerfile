# Production image: the app on PostgreSQL + PostGIS (see docker-compose.yml). Runs migrations, then serves.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --uid 10001 coopmap \
    && mkdir -p /data && chown coopmap /data

WORKDIR /srv/coopmap
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY ingest ./ingest
COPY web ./web
COPY migrations ./migrations
RUN pip install .

USER coopmap
# Without COOPMAP_DATABASE_URL the image still runs, on a SQLite file in the /data volume.
ENV COOPMAP_DATABASE_URL=sqlite:////data/coopmap.db
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["sh", "-c", "coopmap db upgrade && exec coopmap serve --host 0.0.0.0 --port 8000"]

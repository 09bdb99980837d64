# The PsyMitrix API server: `psymitrix serve` with the `server` extra, as a non-root user.
# Build:  docker build -t psymitrix .     Run: see compose.yaml and docs/deploy.md.
# Base images are pinned to an exact release; pin the digest too where you build
# (`docker buildx imagetools inspect python:3.11.10-slim-bookworm`), as docs/deploy.md says.

FROM python:3.11.10-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# Only what the wheel needs: no tests, benchmarks, eval sets or local settings.
COPY pyproject.toml README.md ./
COPY psymitrix_cli ./psymitrix_cli
RUN python -m venv /opt/psymitrix \
    && /opt/psymitrix/bin/pip install ".[server]" \
    && find /opt/psymitrix -name '__pycache__' -prune -exec rm -rf {} +

FROM python:3.11.10-slim-bookworm
RUN groupadd --system --gid 10001 psymitrix \
    && useradd --system --uid 10001 --gid psymitrix --home-dir /home/psymitrix \
       --create-home --shell /usr/sbin/nologin psymitrix
COPY --from=build /opt/psymitrix /opt/psymitrix
ENV PATH=/opt/psymitrix/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PSYMITRIX_HOME=/home/psymitrix/data
USER psymitrix:psymitrix
WORKDIR /home/psymitrix
EXPOSE 8000
# Liveness: the process answers. Readiness (/readyz: the store answers) is for the proxy.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# Secrets (PSYMITRIX_JWT_SECRET, MONGO_LINK) come from the environment at run time, never the image.
CMD ["psymitrix", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-access-log"]

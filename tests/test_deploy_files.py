"""The deployment files, parsed and linted without Docker or a network (issue 15, item 7).

No image can be pulled or built here, so these check what can be checked by reading:
the Dockerfile (a small parser: instructions, stages, continuation lines), compose.yaml
(PyYAML), the Caddyfile, the MongoDB init script and the example environment, and that
they agree with each other. Each rule is also run on a broken file, so a rule that can
never fail would show.
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SECRETS = ("PSYMITRIX_JWT_SECRET", "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "MONGO_REPLICA_KEY")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|REPLICA_KEY|LINK", re.I)
PINNED = re.compile(
    r"^[\w./-]+(:[\w.-]*\d+\.\d+[\w.-]*)(@sha256:[0-9a-f]{64})?$|@sha256:[0-9a-f]{64}$"
)


# --- a small Dockerfile parser -------------------------------------------------------------------
def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order; comments dropped, continuation lines joined."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        word, _, args = line.partition(" ")
        out.append((word.upper(), args.strip()))
    assert not pending, "a continuation line ends the file"
    return out


def stages(parsed: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    for op, args in parsed:
        if op == "FROM":
            out.append([])
        assert out, f"{op} before the first FROM"
        out[-1].append((op, args))
    return out


def dockerfile_problems(text: str) -> list[str]:
    """Everything this project requires of its Dockerfile that the text breaks."""
    problems: list[str] = []
    parsed = instructions(text)
    built = stages(parsed)
    names = {
        args.split()[-1].lower() for op, args in parsed if op == "FROM" and " AS " in args.upper()
    }
    for op, args in parsed:
        if op == "FROM":
            image = args.split()[0]
            if image.lower() not in names and not PINNED.match(image):
                problems.append(f"FROM {image} is not pinned to a release (or a digest)")
        if op in ("ENV", "ARG"):
            for key, value in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?", args):
                if SECRET_NAME.search(key) and value:
                    problems.append(f"{op} {key} puts a secret in the image")
        if op in ("COPY", "ADD") and re.search(r"(^|\s|/)\.env(\s|$)", args):
            problems.append(f"{op} copies a .env file into the image")
        if re.search(r"mongodb(\+srv)?://[^/\s@]+:[^/\s@]+@", args):
            problems.append(f"{op} holds a MongoDB link with a password")
    final = built[-1] if built else []
    users = [args.split(":")[0] for op, args in final if op == "USER"]
    if not users or users[-1] in ("root", "0"):
        problems.append("the final stage does not run as a non-root USER")
    checks = [args for op, args in final if op == "HEALTHCHECK"]
    if not checks or "/healthz" not in checks[-1]:
        problems.append("the final stage has no HEALTHCHECK on /healthz")
    if not any(op == "RUN" and ".[server]" in args for op, args in parsed):
        problems.append("the image does not install the server extra")
    cmds = [args for op, args in final if op == "CMD"]
    try:
        cmd = json.loads(cmds[-1]) if cmds else []
    except json.JSONDecodeError:
        cmd = []
    if cmd[:2] != ["psymitrix", "serve"]:
        problems.append("CMD is not `psymitrix serve` in exec form")
    return problems


GOOD = (ROOT / "Dockerfile").read_text()


def test_the_dockerfile_parses_and_passes_every_rule() -> None:
    parsed = instructions(GOOD)
    assert [op for op, _ in parsed].count("FROM") == 2  # build stage, then the small one
    assert dockerfile_problems(GOOD) == []
    final = stages(parsed)[-1]
    assert ("EXPOSE", "8000") in final
    # Only the virtual environment crosses into the final stage: no compilers, no source.
    assert [args for op, args in final if op == "COPY"] == [
        "--from=build /opt/psymitrix /opt/psymitrix"
    ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("FROM python:3.11.10-slim-bookworm AS build", "FROM python AS build"), "not pinned"),
        (("FROM python:3.11.10-slim-bookworm\n", "FROM python:latest\n"), "not pinned"),
        (("USER psymitrix:psymitrix", "USER root"), "non-root USER"),
        (("USER psymitrix:psymitrix\n", ""), "non-root USER"),
        (("HEALTHCHECK", "# HEALTHCHECK"), "HEALTHCHECK"),
        (("PYTHONUNBUFFERED=1", "PYTHONUNBUFFERED=1 PSYMITRIX_JWT_SECRET=abc"), "secret"),
        (("COPY pyproject.toml", "COPY .env pyproject.toml"), ".env"),
        ((".[server]", "."), "server extra"),
    ],
)
def test_the_dockerfile_rules_catch_a_broken_file(change: tuple[str, str], problem: str) -> None:
    old, new = change
    assert old in GOOD
    broken = GOOD.replace(old, new, 1)
    assert any(problem in p for p in dockerfile_problems(broken)), dockerfile_problems(broken)


def test_the_build_context_admits_only_the_package() -> None:
    lines = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*"  # everything is out unless named: no .env, data, .git, tests
    admitted = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert admitted == {"pyproject.toml", "README.md", "psymitrix_cli"}
    copied = {
        part.rstrip("/").removeprefix("./")
        for op, args in instructions(GOOD)
        if op == "COPY" and "--from" not in args
        for part in args.split()[:-1]
    }
    assert copied <= admitted


# --- compose.yaml ------------------------------------------------------------------------------
COMPOSE_TEXT = (ROOT / "compose.yaml").read_text()
COMPOSE: dict[str, Any] = yaml.safe_load(COMPOSE_TEXT)
SERVICES: dict[str, Any] = COMPOSE["services"]
MEMBERS = ["mongo1", "mongo2", "mongo3"]
APIS = ["api1", "api2"]
REFERENCE = re.compile(r"\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}")


def _text(value: Any) -> str:
    return " ".join(value) if isinstance(value, list) else str(value)


def compose_problems(compose: dict[str, Any], text: str) -> list[str]:
    """What this project requires of compose.yaml that the document breaks."""
    problems: list[str] = []
    services = compose.get("services", {})
    for name, service in services.items():
        image = service.get("image", "")
        if "build" not in service and not PINNED.match(image):
            problems.append(f"{name}: image {image!r} is not pinned to a release")
        if name != "mongo-init" and "test" not in (service.get("healthcheck") or {}):
            problems.append(f"{name}: no health check")
        if name != "proxy" and service.get("ports"):
            problems.append(f"{name}: publishes a port (only the proxy may)")
        for key, value in (service.get("environment") or {}).items():
            value = str(value)
            if SECRET_NAME.search(key) and value and not REFERENCE.search(value):
                problems.append(f"{name}: {key} is written in the file, not taken from the env")
            if key == "MONGO_LINK" and re.search(r"://[^@/]*:(?!\$\{)[^@/]*@", value):
                problems.append(f"{name}: MONGO_LINK holds a literal password")
    for secret in SECRETS:
        if not re.search(rf"\$\{{{secret}:\?", text):
            problems.append(f"{secret} is not required from the environment")
    # A lone `$NAME` is interpolated by compose itself; container-side variables need `$$`.
    for match in re.finditer(r"(?<!\$)\$(?![${])[A-Za-z_]", text):
        line = text[: match.start()].count("\n") + 1
        problems.append(f"line {line}: `$` not escaped as `$$` nor written `${{...}}`")
    return problems


def test_compose_parses_and_passes_every_rule() -> None:
    assert set(SERVICES) == {*MEMBERS, "mongo-init", *APIS, "proxy"}
    assert compose_problems(COMPOSE, COMPOSE_TEXT) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("image: caddy:2.8.4-alpine", "image: caddy:latest", "not pinned"),
        ("image: caddy:2.8.4-alpine", "image: caddy", "not pinned"),
        (
            "PSYMITRIX_JWT_SECRET: ${PSYMITRIX_JWT_SECRET:?set",
            "PSYMITRIX_JWT_SECRET: s3cr3t #",
            "env",
        ),
        ("hostname: api2", "hostname: api2\n    ports: ['8000:8000']", "publishes a port"),
        ('"$$MONGO_REPLICA_KEY"', '"$MONGO_REPLICA_KEY"', "not escaped"),
        ("${MONGO_APP_PASSWORD:?set MONGO_APP_PASSWORD in deploy/.env}@", "hunter2@", "literal"),
    ],
)
def test_the_compose_rules_catch_a_broken_file(old: str, new: str, problem: str) -> None:
    assert old in COMPOSE_TEXT
    text = COMPOSE_TEXT.replace(old, new, 1)
    found = compose_problems(yaml.safe_load(text), text)
    assert any(problem in p for p in found), found


def test_compose_runs_a_three_member_replica_set_the_servers_and_the_init_agree_on() -> None:
    for member in MEMBERS:
        service = SERVICES[member]
        command = _text(service["entrypoint"])
        assert "--replSet rs0" in command and "--keyFile" in command, member
        assert service["hostname"] == member
        assert any(v.endswith(":/data/db") for v in service["volumes"])  # data outlives it
        assert service["environment"]["MONGO_REPLICA_KEY"].startswith("${MONGO_REPLICA_KEY:?")
    init = (ROOT / "deploy" / "mongo-init.js").read_text()
    hosts = re.search(r"const members = (\[.*?\]);", init)
    assert hosts and json.loads(hosts.group(1)) == [f"{m}:27017" for m in MEMBERS]
    assert "process.env.MONGO_ROOT_PASSWORD" in init and "process.env.MONGO_APP_PASSWORD" in init
    job = SERVICES["mongo-init"]
    assert job["volumes"] == ["./deploy/mongo-init.js:/mongo-init.js:ro"]
    assert job["command"][:2] == ["mongosh", "--nodb"]  # no password on the command line
    assert {m: c["condition"] for m, c in job["depends_on"].items()} == dict.fromkeys(
        MEMBERS, "service_healthy"
    )
    for api in APIS:
        env = SERVICES[api]["environment"]
        assert env["PSYMITRIX_BACKEND"] == "mongo"
        link = urlsplit(REFERENCE.sub("pw", env["MONGO_LINK"]))  # as compose fills it in
        assert link.password == "pw" and link.netloc.split("@")[1].split(",") == [
            f"{m}:27017" for m in MEMBERS
        ]
        assert parse_qs(link.query)["replicaSet"] == ["rs0"]
        assert link.path.strip("/") == env["MONGODB_DATABASE_PSYMITRIX"] == "psymitrix"
        assert 'app.getUser("psymitrix")' in init and link.username == "psymitrix"
        after = SERVICES[api]["depends_on"]["mongo-init"]["condition"]
        assert after == "service_completed_successfully"


def test_compose_puts_two_servers_behind_a_proxy_that_routes_on_readyz() -> None:
    assert SERVICES["api1"] == {**SERVICES["api2"], "hostname": "api1"}  # the same server twice
    for api in APIS:
        service = SERVICES[api]
        assert service["build"] == "."
        assert "/healthz" in _text(service["healthcheck"]["test"])
    proxy = SERVICES["proxy"]
    assert {a: c["condition"] for a, c in proxy["depends_on"].items()} == dict.fromkeys(
        APIS, "service_healthy"
    )
    caddy = (ROOT / "deploy" / "Caddyfile").read_text()
    upstreams = re.search(r"reverse_proxy ([^{]+)\{", caddy)
    assert upstreams and upstreams.group(1).split() == [f"{a}:8000" for a in APIS]
    assert re.search(r"^\s*health_uri /readyz$", caddy, re.M)
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    # The servers believe X-Forwarded-For from the proxy's fixed address only.
    address = proxy["networks"]["backend"]["ipv4_address"]
    subnet = COMPOSE["networks"]["backend"]["ipam"]["config"][0]["subnet"]
    assert ipaddress.ip_address(address) in ipaddress.ip_network(subnet)
    for api in APIS:
        assert SERVICES[api]["environment"]["PSYMITRIX_TRUSTED_PROXIES"] == address
    # The port the servers listen on is the image's.
    cmd = json.loads([a for op, a in instructions(GOOD) if op == "CMD"][-1])
    assert cmd[cmd.index("--port") + 1] == "8000" and cmd[cmd.index("--host") + 1] == "0.0.0.0"


def test_every_setting_compose_reads_is_in_the_example_env_and_the_docs() -> None:
    used = {m.group(1) for m in REFERENCE.finditer(COMPOSE_TEXT)}
    example: dict[str, str] = {}
    for line in (ROOT / "deploy" / "env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            example[key.strip()] = value.strip()
    assert used == set(example)
    for key, value in example.items():  # the example holds no secret
        assert not (SECRET_NAME.search(key) and value), key
    docs = (ROOT / "docs" / "deploy.md").read_text()
    for secret in SECRETS:
        assert f"`{secret}`" in docs
    for heading in ("## One command: `compose.yaml`", "## On MongoDB Atlas", "## On Kubernetes"):
        assert heading in docs
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert ".env" in ignored  # deploy/.env, where the secrets go, is never committed

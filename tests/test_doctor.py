"""psymitrix doctor on every backend, and the unreachable-server path."""

from __future__ import annotations

import json
import time

from tests.driver import SIGNUP_ANN, Cli


def test_doctor_reports_a_healthy_installation(any_cli: Cli) -> None:
    any_cli.signup("ann")
    result = any_cli.json("doctor")
    assert result["ok"] is True and result["reachable"] is True
    names = {c["name"]: c for c in result["checks"]}
    assert {"backend", "reachable", "keyring", "ai provider"} <= set(names)
    assert names["ai provider"]["detail"].startswith("offline")
    if "indexes" in names:
        assert names["indexes"]["level"] == "ok", names["indexes"]


def test_doctor_names_the_configured_ai_provider(cli: Cli) -> None:
    result = cli.json("doctor", env={"GROQ_API_KEY": "gsk_test"})
    provider = next(c for c in result["checks"] if c["name"] == "ai provider")
    assert provider["detail"].startswith("groq")
    assert "gsk_test" not in str(result)


def test_doctor_fails_on_a_provider_without_its_key(cli: Cli) -> None:
    out = cli("doctor", env={"PSYMITRIX_AI_PROVIDER": "gemini"})
    assert out.exit_code == 1 and "GEMINI_API_KEY" in out.stdout


def test_unreachable_mongodb_exits_4_quickly_without_the_password(cli: Cli) -> None:
    env = {
        "PSYMITRIX_BACKEND": "mongo",
        "MONGO_HOST": "127.0.0.1:9",
        "MONGO_USER": "ann",
        "MONGO_USER_PASSWORD": "s3cr3t-P@ss",
        "PSYMITRIX_MONGO_TIMEOUT_MS": "700",
    }
    for argv in (
        ["doctor"],
        ["login", "ann", "--password-stdin"],
        [
            *SIGNUP_ANN,
        ],
    ):
        start = time.monotonic()
        out = cli.subprocess(*argv, env=env, input="correct-horse-9\n")
        elapsed = time.monotonic() - start
        assert out.exit_code == 4, out
        assert "127.0.0.1:9" in out.stdout + out.stderr
        assert "s3cr3t" not in out.stdout + out.stderr and "P%40ss" not in out.stdout + out.stderr
        assert "Traceback" not in out.stderr
        # Seconds, not the driver's 30 s default; the slack is for a loaded test machine.
        assert elapsed < 10, elapsed


def test_doctor_warns_when_the_token_lives_in_the_fallback_file(cli: Cli) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    cli.subprocess(*SIGNUP_ANN, input="correct-horse-9\n", env=env)
    out = cli.subprocess("doctor", "--json", env=env)
    assert out.exit_code == 0, out  # a warning is not a failure
    keyring = next(c for c in json.loads(out.stdout)["checks"] if c["name"] == "keyring")
    assert keyring["level"] == "warn" and "credentials.json" in keyring["detail"]

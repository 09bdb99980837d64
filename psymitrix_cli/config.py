"""Settings from the environment, `.env` and the config file, in one typed object.

Precedence, highest first: the process environment, `.env` in the working
directory, the config file (`psymitrix config set`), then defaults. Secrets
(API keys, passwords, the JWT secret) are read from the environment or `.env`
only; the config file holds preferences, never secrets.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput

BACKENDS = ("local", "mongo", "api")


@dataclass(frozen=True)
class ProviderSpec:
    """One AI provider as settings know it: its name, the API key it needs (None for the
    offline companion) and whether it offers a moderation pass. Where its class lives is
    ai/select.py's business (settings sit below ai/)."""

    name: str
    key_env: str | None = None
    key_field: str | None = None  # the AISettings field holding that key
    moderates: bool = False  # offers a moderation pass (services/moderation.py)


# The order is the fallback order when no provider is chosen: the first with a key set.
PROVIDERS: tuple[ProviderSpec, ...] = (
    ProviderSpec("groq", "GROQ_API_KEY", "groq_api_key", moderates=True),
    ProviderSpec("gemini", "GEMINI_API_KEY", "gemini_api_key", moderates=True),
    ProviderSpec("offline"),
)
PROVIDER_NAMES: tuple[str, ...] = tuple(p.name for p in PROVIDERS)
PROVIDERS_BY_NAME: dict[str, ProviderSpec] = {p.name: p for p in PROVIDERS}


@dataclass(frozen=True)
class AISettings:
    provider: str | None = None  # configured default: "groq" | "gemini" | "offline" | None
    groq_api_key: str | None = None  # GROQ_API_KEY
    gemini_api_key: str | None = None  # GEMINI_API_KEY
    groq_model: str = "llama-3.3-70b-versatile"
    gemini_model: str = "gemini-2.5-flash"
    timeout_seconds: float = 30.0
    max_retries: int = 2
    moderation: bool = True  # PSYMITRIX_MODERATION=auto|off: the provider's moderation pass


T = TypeVar("T")

# Keys `psymitrix config set` accepts, and the environment variable each stands for.
CONFIG_KEYS: dict[str, str] = {
    "backend": "PSYMITRIX_BACKEND",
    "api_url": "PSYMITRIX_API_URL",
    "ai_provider": "PSYMITRIX_AI_PROVIDER",
    "groq_model": "PSYMITRIX_GROQ_MODEL",
    "gemini_model": "PSYMITRIX_GEMINI_MODEL",
    "crisis_line": "PSYMITRIX_CRISIS_LINE",
    "mongo_database": "MONGODB_DATABASE_PSYMITRIX",
    "mongo_timeout_ms": "PSYMITRIX_MONGO_TIMEOUT_MS",
    "token_ttl_days": "PSYMITRIX_TOKEN_TTL_DAYS",
    # Saved breathing patterns, "name=IN-HOLD-OUT-HOLD; ..." (`breathe patterns add`).
    # Checked by domain.breathing when read, since settings sit below the domain.
    "breathing_patterns": "PSYMITRIX_BREATHING_PATTERNS",
}


@dataclass(frozen=True)
class MongoSettings:
    link: str | None = None
    host: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str = "psymitrix"
    timeout_ms: int = 5000


@dataclass(frozen=True)
class SmtpSettings:
    host: str | None = None
    port: int = 587
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str | None = None
    starttls: bool = True


@dataclass(frozen=True)
class Settings:
    backend: str
    data_dir: Path
    config_file: Path
    bcrypt_rounds: int
    token_ttl: timedelta
    jwt_secret: str | None = field(repr=False)
    token: str | None = field(repr=False)
    crisis_line: str | None
    api_url: str
    mongo: MongoSettings
    ai: AISettings
    smtp: SmtpSettings
    keyring_timeout: float
    clock_spec: str | None
    testing: bool
    breathing_patterns: str | None = None
    passphrase: str | None = field(repr=False, default=None)  # the store's, when wrapped

    @property
    def db_path(self) -> Path:
        return self.data_dir / "psymitrix.db"


def _default_dirs(env: Mapping[str, str]) -> tuple[Path, Path]:
    home = env.get("PSYMITRIX_HOME")
    if home:
        from psymitrix_cli.fsutil import check_dir_setting

        root = check_dir_setting(Path(home).expanduser(), "PSYMITRIX_HOME")
        return root, root / "config.toml"
    import platformdirs  # small, but only needed when no home is given

    data = Path(platformdirs.user_data_dir("psymitrix", appauthor=False))
    config = Path(platformdirs.user_config_dir("psymitrix", appauthor=False))
    return data, config / "config.toml"


def check_config_value(key: str, value: str) -> None:
    """What `psymitrix config set` may store: a known key, and a value that reading it
    back will accept (the same rule as `load_settings`), so a setting can't brick anything."""
    if key not in CONFIG_KEYS:
        raise InvalidInput(
            messages.CONFIG_UNKNOWN_KEY.format(key=key, choices=", ".join(CONFIG_KEYS))
        )
    choices = {"backend": BACKENDS, "ai_provider": PROVIDER_NAMES}.get(key)
    if value and choices and value not in choices:
        raise InvalidInput(messages.CONFIG_NOT_A_CHOICE.format(key=key, choices=", ".join(choices)))
    rule = _RULES.get(CONFIG_KEYS[key])
    if value and rule:
        rule(key, value)


def config_problems(values: Mapping[str, str]) -> dict[str, str]:
    """The config file's values that would be refused, each with the reason."""
    problems = {}
    for key, value in values.items():
        try:
            check_config_value(key, value)
        except InvalidInput as exc:
            problems[key] = exc.message
    return problems


def read_config_file(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError as exc:
        raise InvalidInput(messages.CONFIG_BAD_TOML.format(path=path, exc=exc)) from None
    import tomllib  # only once there is a file: most runs have none, and skip its import

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(messages.CONFIG_BAD_TOML.format(path=path, exc=exc)) from None
    return {k: str(v) for k, v in raw.items() if k in CONFIG_KEYS}


def write_config_file(path: Path, values: Mapping[str, str]) -> None:
    """Write flat `key = "value"` TOML atomically, 0600."""
    from psymitrix_cli.fsutil import atomic_write_text

    lines = [f"{key} = {json.dumps(value)}" for key, value in sorted(values.items())]
    atomic_write_text(path, "\n".join(lines) + "\n")


def _dotenv(cwd: Path) -> dict[str, str]:
    path = cwd / ".env"
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """The config file, found without reading it (for `config set` and `config unset`)."""
    process = dict(os.environ if env is None else env)
    return _default_dirs({**_dotenv(Path.cwd()), **process})[1]


def merged_environment(
    env: Mapping[str, str] | None = None, *, skip_bad_config: bool = False
) -> dict[str, str]:
    """The process environment over `.env` over the config file.

    A bad value in the config file is refused naming the file and the key (the fix is
    `psymitrix config unset KEY`), unless the environment overrides it; `config show`
    passes `skip_bad_config` to show the rest."""
    process = dict(os.environ if env is None else env)
    layered = {**_dotenv(Path.cwd()), **process}
    _, config_file = _default_dirs(layered)
    file_values = read_config_file(config_file)
    for key, problem in config_problems(file_values).items():
        if CONFIG_KEYS[key] in layered:
            continue  # overridden, so never read
        if not skip_bad_config:
            raise InvalidInput(
                messages.CONFIG_BAD_VALUE.format(key=key, path=config_file, problem=problem)
            )
        del file_values[key]
    from_file = {CONFIG_KEYS[k]: v for k, v in file_values.items()}
    return {**from_file, **layered}


def _parse_int(name: str, raw: str, low: int, high: int) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(messages.CONFIG_NOT_AN_INT.format(name=name, raw=raw)) from None
    if not low <= value <= high:
        raise InvalidInput(
            messages.CONFIG_INT_RANGE.format(name=name, low=low, high=high, value=value)
        )
    return value


def _parse_float(name: str, raw: str, low: float, high: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise InvalidInput(messages.CONFIG_NOT_A_NUMBER.format(name=name, raw=raw)) from None
    if not low <= value <= high:  # also refuses nan
        raise InvalidInput(
            messages.CONFIG_FLOAT_RANGE.format(name=name, low=low, high=high, value=value)
        )
    return value


def _parse_url(name: str, raw: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname or " " in raw:
        raise InvalidInput(messages.CONFIG_NOT_A_URL.format(name=name, raw=raw))
    return raw.rstrip("/")


# One rule per setting with a range or a shape, applied when it is read (load_settings)
# and when it is set (check_config_value).
_RULES: dict[str, Callable[[str, str], object]] = {
    "PSYMITRIX_TOKEN_TTL_DAYS": lambda name, raw: _parse_float(name, raw, 0.0001, 365),
    "PSYMITRIX_MONGO_TIMEOUT_MS": lambda name, raw: _parse_int(name, raw, 100, 120_000),
    "PSYMITRIX_API_URL": _parse_url,
}


def _rule(env: Mapping[str, str], name: str, default: T) -> T:
    raw = env.get(name)
    return default if raw in (None, "") else _RULES[name](name, raw)  # type: ignore[return-value]


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    return default if raw in (None, "") else _parse_int(name, raw, low, high)


def _float(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = env.get(name)
    return default if raw in (None, "") else _parse_float(name, raw, low, high)


def load_settings(
    env: Mapping[str, str] | None = None,
    backend: str | None = None,
    *,
    skip_bad_config: bool = False,
) -> Settings:
    values = merged_environment(env, skip_bad_config=skip_bad_config)
    data_dir, config_file = _default_dirs(values)
    testing = values.get("PSYMITRIX_TESTING") == "1"
    chosen = (backend or values.get("PSYMITRIX_BACKEND") or "local").lower()
    if chosen not in BACKENDS:
        raise InvalidInput(
            messages.CONFIG_UNKNOWN_BACKEND.format(chosen=chosen, choices=", ".join(BACKENDS))
        )
    return Settings(
        backend=chosen,
        data_dir=data_dir,
        config_file=config_file,
        # bcrypt cost 12 by default; below 10 only in the test suite.
        bcrypt_rounds=_int(values, "PSYMITRIX_BCRYPT_ROUNDS", 12, 4 if testing else 10, 16),
        token_ttl=timedelta(days=_rule(values, "PSYMITRIX_TOKEN_TTL_DAYS", 14.0)),
        jwt_secret=values.get("PSYMITRIX_JWT_SECRET") or None,
        token=values.get("PSYMITRIX_TOKEN") or None,
        passphrase=values.get("PSYMITRIX_PASSPHRASE") or None,
        crisis_line=values.get("PSYMITRIX_CRISIS_LINE") or None,
        api_url=_rule(values, "PSYMITRIX_API_URL", "http://127.0.0.1:8000"),
        mongo=MongoSettings(
            link=values.get("MONGO_LINK") or None,
            host=values.get("MONGO_HOST") or None,
            user=values.get("MONGO_USER") or None,
            password=values.get("MONGO_USER_PASSWORD") or None,
            database=values.get("MONGODB_DATABASE_PSYMITRIX") or "psymitrix",
            timeout_ms=_rule(values, "PSYMITRIX_MONGO_TIMEOUT_MS", 5000),
        ),
        ai=AISettings(
            provider=(values.get("PSYMITRIX_AI_PROVIDER") or None),
            groq_api_key=values.get("GROQ_API_KEY") or None,
            gemini_api_key=values.get("GEMINI_API_KEY") or None,
            groq_model=values.get("PSYMITRIX_GROQ_MODEL") or AISettings.groq_model,
            gemini_model=values.get("PSYMITRIX_GEMINI_MODEL") or AISettings.gemini_model,
            timeout_seconds=_float(values, "PSYMITRIX_AI_TIMEOUT", 30.0, 0.1, 600),
            max_retries=_int(values, "PSYMITRIX_AI_MAX_RETRIES", 2, 0, 10),
            moderation=(values.get("PSYMITRIX_MODERATION") or "auto").strip().lower() != "off",
        ),
        smtp=SmtpSettings(
            host=values.get("PSYMITRIX_SMTP_HOST") or None,
            port=_int(values, "PSYMITRIX_SMTP_PORT", 587, 1, 65535),
            user=values.get("PSYMITRIX_SMTP_USER") or None,
            password=values.get("PSYMITRIX_SMTP_PASSWORD") or None,
            sender=values.get("PSYMITRIX_SMTP_FROM") or None,
            starttls=values.get("PSYMITRIX_SMTP_STARTTLS", "1") != "0",
        ),
        keyring_timeout=_float(values, "PSYMITRIX_KEYRING_TIMEOUT", 3.0, 0.1, 60),
        clock_spec=values.get("PSYMITRIX_CLOCK") or None,
        testing=testing,
        breathing_patterns=values.get("PSYMITRIX_BREATHING_PATTERNS") or None,
    )

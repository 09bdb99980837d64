"""Choosing the provider: --provider, then the configured default, then whichever key
is set (Groq first), then the offline companion, which always works."""

from __future__ import annotations

from psymitrix_cli.ai.base import PROVIDER_NAMES, AISettings, Provider
from psymitrix_cli.errors import InvalidInput

_KEY_ENV = {"groq": "GROQ_API_KEY", "gemini": "GEMINI_API_KEY"}


def select_provider(requested: str | None, settings: AISettings) -> Provider:
    name = _clean(requested) or _clean(settings.provider) or _by_key(settings)
    if name not in PROVIDER_NAMES:
        raise InvalidInput(
            f"Unknown AI provider '{name}'. Choose one of: {', '.join(PROVIDER_NAMES)}."
        )
    # Provider modules import their SDKs lazily, so importing them here stays cheap.
    if name == "groq":
        _require_key(name, settings.groq_api_key)
        from psymitrix_cli.ai.groq_provider import GroqProvider

        return GroqProvider(settings)
    if name == "gemini":
        _require_key(name, settings.gemini_api_key)
        from psymitrix_cli.ai.gemini_provider import GeminiProvider

        return GeminiProvider(settings)
    from psymitrix_cli.ai.offline import OfflineProvider

    return OfflineProvider()


def _clean(name: str | None) -> str | None:
    return name.strip().lower() or None if name else None


def _by_key(settings: AISettings) -> str:
    if _has(settings.groq_api_key):
        return "groq"
    if _has(settings.gemini_api_key):
        return "gemini"
    return "offline"


def _has(key: str | None) -> bool:
    return bool(key and key.strip())


def _require_key(name: str, key: str | None) -> None:
    if not _has(key):
        raise InvalidInput(
            f"The {name} provider needs an API key: set {_KEY_ENV[name]}, "
            "or use --provider offline."
        )

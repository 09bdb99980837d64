"""Choosing the provider: --provider, then the configured default, then the first in the
registry (config.PROVIDERS) whose key is set, then the offline companion, which always
works. Provider modules import their SDKs lazily, so importing one here stays cheap."""

from __future__ import annotations

import importlib

from psymitrix_cli import messages
from psymitrix_cli.ai.base import AISettings, Provider
from psymitrix_cli.config import PROVIDER_NAMES, PROVIDERS, PROVIDERS_BY_NAME, ProviderSpec
from psymitrix_cli.errors import InvalidInput

# Where each registry provider's class lives; tests/test_provider_registry.py checks that
# every name in config.PROVIDERS has one.
_CLASSES: dict[str, tuple[str, str]] = {
    "groq": ("psymitrix_cli.ai.groq_provider", "GroqProvider"),
    "gemini": ("psymitrix_cli.ai.gemini_provider", "GeminiProvider"),
    "offline": ("psymitrix_cli.ai.offline", "OfflineProvider"),
}


def select_provider(requested: str | None, settings: AISettings) -> Provider:
    name = _clean(requested) or _clean(settings.provider) or _by_key(settings)
    if name not in PROVIDERS_BY_NAME:
        raise InvalidInput(
            messages.AI_UNKNOWN_PROVIDER.format(name=name, choices=", ".join(PROVIDER_NAMES))
        )
    spec = PROVIDERS_BY_NAME[name]
    if spec.key_env is not None and not _has(_key(spec, settings)):
        raise InvalidInput(messages.AI_NEEDS_KEY.format(name=name, key_env=spec.key_env))
    module, cls = _CLASSES[name]
    provider_class = getattr(importlib.import_module(module), cls)
    return provider_class(settings) if spec.key_env is not None else provider_class()  # type: ignore[no-any-return]


def _key(spec: ProviderSpec, settings: AISettings) -> str | None:
    return getattr(settings, spec.key_field) if spec.key_field else None  # type: ignore[no-any-return]


def _clean(name: str | None) -> str | None:
    return name.strip().lower() or None if name else None


def _by_key(settings: AISettings) -> str:
    keyed = (p.name for p in PROVIDERS if p.key_env is not None and _has(_key(p, settings)))
    return next(keyed, "offline")


def _has(key: str | None) -> bool:
    return bool(key and key.strip())

"""One registry of AI providers (config.PROVIDERS): everything that lists providers
agrees with it, and choosing one follows it."""

from __future__ import annotations

import pytest

from psymitrix_cli.ai.select import select_provider
from psymitrix_cli.config import PROVIDER_NAMES, PROVIDERS, AISettings
from psymitrix_cli.errors import InvalidInput
from tests.driver import Cli


def test_every_provider_in_the_registry_can_be_built() -> None:
    keys = {p.key_field: "k" for p in PROVIDERS if p.key_field}
    settings = AISettings(**keys)  # type: ignore[arg-type]
    for spec in PROVIDERS:
        provider = select_provider(spec.name, settings)
        assert provider.name == spec.name
        assert type(provider).__module__.startswith("psymitrix_cli.ai.")


def test_the_fallback_is_the_first_provider_with_a_key_then_offline() -> None:
    keyed = [p for p in PROVIDERS if p.key_field]
    assert select_provider(None, AISettings()).name == "offline"
    last = AISettings(**{keyed[-1].key_field: "k"})  # type: ignore[arg-type,misc]
    assert select_provider(None, last).name == keyed[-1].name
    both = AISettings(**{p.key_field: "k" for p in keyed})  # type: ignore[arg-type,misc]
    assert select_provider(None, both).name == keyed[0].name


@pytest.mark.parametrize("spec", [p for p in PROVIDERS if p.key_env], ids=lambda p: p.name)
def test_a_provider_without_its_key_names_the_variable(spec: object) -> None:
    with pytest.raises(InvalidInput, match=spec.key_env):  # type: ignore[attr-defined]
        select_provider(spec.name, AISettings())  # type: ignore[attr-defined]


def test_the_cli_and_config_offer_exactly_the_registry(cli: Cli) -> None:
    help_text = " ".join(cli.ok("chat", "send", "--help", env={"COLUMNS": "200"}).stdout.split())
    for name in PROVIDER_NAMES:
        assert name in help_text
    refused = cli("config", "set", "ai_provider", "nonesuch")
    assert refused.exit_code == 2 and all(n in refused.stderr for n in PROVIDER_NAMES)
    for name in PROVIDER_NAMES:
        assert cli("config", "set", "ai_provider", name).exit_code == 0

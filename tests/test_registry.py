"""The registry of entry kinds is the one list: everything that lists kinds agrees with it."""

from __future__ import annotations

from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain import export_format as fmt
from psymitrix_cli.domain import formats
from psymitrix_cli.store import base
from psymitrix_cli.ui.views import data as views


def test_store_kinds_and_counters_are_the_registrys() -> None:
    assert set(base.KINDS) == {k.name for k in registry.REGISTRY}
    for spec in registry.REGISTRY:
        kind = base.KINDS[spec.name]
        assert (kind.sort, kind.counter, kind.fields, kind.unique) == (
            spec.sort,
            spec.counter,
            spec.fields,
            spec.unique,
        )
    assert set(base.COUNTERS) == {c for k in registry.REGISTRY for c in k.all_counters}


def test_export_import_and_csv_list_exactly_the_exported_kinds() -> None:
    exported = {k.name for k in registry.REGISTRY if k.exported}
    assert set(fmt.ENTRY_KINDS) == exported
    assert set(fmt.COUNTED_KINDS) == exported | {"chat_messages"}
    assert set(formats.CSV_COLUMNS) == set(views.LABELS) == exported | {"chat_messages"}
    assert all(formats.CSV_COLUMNS[name] for name in formats.CSV_COLUMNS)


def test_every_tracker_has_a_payload_normaliser_command_and_dashboard_keys() -> None:
    for spec in registry.TRACKERS:
        assert spec.normalise is not None and spec.command and spec.exported, spec.name
        assert spec.tracker and spec.today and spec.me and spec.title, spec.name
    assert {k.name for k in registry.DASHBOARD} == {k.name for k in registry.TRACKERS}

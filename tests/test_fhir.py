"""The FHIR export, checked against R4 with fhir.resources (its R4B models: R4B changed
nothing in Patient, Observation, QuestionnaireResponse or Bundle that we use; 8.x has no
plain R4 package): resource types, required fields, LOINC codes, and every reference
resolving to a fullUrl inside the bundle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.domain import assessments as instruments
from psymitrix_cli.domain import fhir
from tests.driver import Cli

Bundle = pytest.importorskip("fhir.resources.R4B.bundle").Bundle
LOINC = "http://loinc.org"


def references(node: Any) -> list[str]:
    """Every Reference.reference anywhere in a resource."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                found.append(value)
            else:
                found += references(value)
    elif isinstance(node, list):
        for value in node:
            found += references(value)
    return found


def by_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def codes(resource: dict[str, Any]) -> list[str]:
    return [c["code"] for c in resource["code"].get("coding", []) if c["system"] == LOINC]


def category(resource: dict[str, Any]) -> str:
    return str(resource["category"][0]["coding"][0]["code"])


def check_bundle(bundle: dict[str, Any], results: int) -> None:
    parsed = Bundle.model_validate(bundle)  # R4(B) structure, required fields, cardinality
    assert parsed.type == "collection"
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls)) and all(u.startswith("urn:uuid:") for u in urls)
    for entry in bundle["entry"]:
        for reference in references(entry["resource"]):
            assert reference in urls, f"{reference} does not resolve inside the bundle"
    (patient,) = by_type(bundle, "Patient")
    assert set(patient["resource"]) <= {"resourceType", "active", "name"}  # nothing secret
    assert len(by_type(bundle, "QuestionnaireResponse")) == results
    surveys = [o for o in by_type(bundle, "Observation") if category(o["resource"]) == "survey"]
    assert len(surveys) == 2 * results
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] != "Patient":
            assert entry["resource"]["subject"] == {"reference": patient["fullUrl"]}


def test_fhir_export_of_phq9_and_gad7(cli: Cli, tmp_path: Path) -> None:
    cli.signup(name="Ann Example")
    cli.json("test", "phq9", "--answers", "0,1,2,3,0,1,2,3,1", "--difficulty", "3")
    cli.json("test", "gad7", "--answers", "3,2,1,0,1,2,3")
    cli.json("journal", "add", "not part of the FHIR export")
    path = tmp_path / "fhir.json"
    cli.ok("export", "--format", "fhir", "--output", str(path))
    bundle = json.loads(path.read_text())
    check_bundle(bundle, results=2)
    (patient,) = by_type(bundle, "Patient")
    assert patient["resource"]["name"] == [{"text": "Ann Example"}]
    urls = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}

    for spec, answers, total in (
        (instruments.PHQ9, [0, 1, 2, 3, 0, 1, 2, 3, 1], 13),
        (instruments.GAD7, [3, 2, 1, 0, 1, 2, 3], 12),
    ):
        (response_entry,) = [
            e
            for e in by_type(bundle, "QuestionnaireResponse")
            if e["resource"]["questionnaire"] == f"http://loinc.org/q/{spec.loinc_panel}"
        ]
        response = response_entry["resource"]
        assert response["status"] == "completed" and response["authored"]
        scored = response["item"][: len(spec.items)]
        assert [i["linkId"] for i in scored] == list(spec.item_loinc)
        assert [i["answer"][0]["valueCoding"]["code"] for i in scored] == [
            spec.answer_loinc[a] for a in answers
        ]
        assert all(i["answer"][0]["valueCoding"]["system"] == LOINC for i in scored)

        (total_obs,) = [
            e["resource"]
            for e in by_type(bundle, "Observation")
            if codes(e["resource"]) == [spec.loinc_total]
        ]
        assert total_obs["valueInteger"] == total and total_obs["status"] == "final"
        assert total_obs["category"][0]["coding"][0]["code"] == "survey"
        assert total_obs["effectiveDateTime"] == response["authored"]
        assert total_obs["derivedFrom"] == [{"reference": response_entry["fullUrl"]}]

        (panel,) = [
            e["resource"]
            for e in by_type(bundle, "Observation")
            if codes(e["resource"]) == [spec.loinc_panel]
        ]
        (member,) = panel["hasMember"]
        assert urls[member["reference"]] == total_obs

    phq = next(
        e["resource"]
        for e in by_type(bundle, "QuestionnaireResponse")
        if e["resource"]["questionnaire"].endswith("44249-1")
    )
    difficulty = phq["item"][-1]
    assert difficulty["linkId"] == fhir.DIFFICULTY_LOINC
    assert difficulty["answer"][0]["valueCoding"]["code"] == "LA6574-3"  # extremely difficult


def test_fhir_export_of_the_activity_log(cli: Cli) -> None:
    at_now = cli.at("2026-11-20T09:00:00Z")
    at_now.signup()
    at_now.json("activity", "add", "walk by the river", "--planned", "2026-11-27", "--tag", "out")
    done = at_now.json(
        "activity", "add", "tea with Sam", "--done", "--mood-before", "2",
        "--mood-after", "4", "--mastery", "3", "--pleasure", "7",
    )  # fmt: skip
    at_now.json("test", "gad7", "--answers", "0,0,0,0,0,0,0")
    bundle = json.loads(at_now.ok("export", "-f", "fhir").stdout)
    check_bundle(bundle, results=1)
    activities = {
        e["resource"]["valueString"]: e["resource"]
        for e in by_type(bundle, "Observation")
        if category(e["resource"]) == "activity"
    }
    assert set(activities) == {"walk by the river", "tea with Sam"}
    planned, tea = activities["walk by the river"], activities["tea with Sam"]
    assert planned["status"] == "registered" and "component" not in planned
    assert planned["effectiveDateTime"].startswith("2026-11-27T12:00")
    assert (
        "Planned for 2026-11-27" in planned["note"][0]["text"]
        and "out" in planned["note"][0]["text"]
    )
    assert tea["status"] == "final" and tea["effectiveDateTime"] == done["doneAt"]
    assert [c["valueInteger"] for c in tea["component"]] == [2, 4, 3, 7]
    assert [c["code"]["text"].split()[0] for c in tea["component"]] == [
        "Mood", "Mood", "Mastery:", "Pleasure:",
    ]  # fmt: skip


def test_fhir_to_stdout_with_no_results_is_a_valid_bundle(cli: Cli) -> None:
    cli.signup()
    bundle = json.loads(cli.ok("export", "-f", "fhir").stdout)
    check_bundle(bundle, results=0)


def test_the_bundle_is_the_same_for_the_same_data() -> None:
    document = {
        "exportedAt": "2025-01-02T00:00:00.000000+00:00",
        "user": {"id": "u1", "name": "Ann", "passwordHash": "never", "email": "a@b.org"},
        "entries": {
            "assessments": [
                {
                    "id": "a1",
                    "instrument": "GAD-7",
                    "answers": [0] * 7,
                    "total": 0,
                    "severity": "minimal",
                    "difficulty": None,
                    "takenAt": "2025-01-01T09:00:00.000000+00:00",
                }
            ]
        },
    }
    first, second = fhir.bundle(document), fhir.bundle(document)
    assert first == second
    check_bundle(first, results=1)
    text = json.dumps(first)
    assert "never" not in text and "a@b.org" not in text
    response = by_type(first, "QuestionnaireResponse")[0]["resource"]
    assert len(response["item"]) == 7  # no difficulty item when none was given

"""PHQ-9 and GAD-7 results and the activity log as a FHIR R4 Bundle (type collection),
from an export document.

Pure: plain dicts, no FHIR library at run time. Per PHQ-9 / GAD-7 result:
- a QuestionnaireResponse (LOINC panel as the canonical questionnaire, one item per
  question with its LOINC code as linkId and the LOINC answer as valueCoding);
- an Observation for the total score, derivedFrom that response;
- a panel Observation whose hasMember is the total.
Per activity (behavioural activation): one Observation (category "activity"), the
activity as valueString, final when done and registered while only planned, with mood
before/after, mastery and pleasure as components. No LOINC code exists for these, so
the code is text only, as FHIR allows.
All of them refer to one Patient (the name only). Every reference is the `fullUrl`
of another entry (urn:uuid), derived from stable ids, so the same data gives the
same bundle. `RESOURCES` maps each entry kind carried to its resources and `LEFT_OUT`
says why each other exported kind is not (domain/formats.py checks they cover all).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

from psymitrix_cli.domain import assessments as instruments
from psymitrix_cli.domain.export_stream import DocumentSource, Many, Obj, Source, json_chunks

LOINC = "http://loinc.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
NAMESPACE = uuid.UUID("6f1c1e52-8a3e-4d36-9d0e-5b7c1f0a4e21")  # PsyMitrix's uuid5 namespace
DIFFICULTY_LOINC = "69722-7"
# LOINC answer list LL359-1, in the order of DIFFICULTY_CHOICES (0-3).
DIFFICULTY_ANSWERS = ("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")
PANEL_DISPLAY = {
    "PHQ-9": "PHQ-9 quick depression assessment panel [Reported.PHQ]",
    "GAD-7": "Generalized anxiety disorder 7 item (GAD-7)",
}
TOTAL_DISPLAY = {
    "PHQ-9": "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    "GAD-7": "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
}

Resource = dict[str, Any]


def urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(parts))}"


def _coding(code: str, display: str, system: str = LOINC) -> Resource:
    return {"system": system, "code": code, "display": display}


def _answer(code: str, display: str) -> list[Resource]:
    return [{"valueCoding": _coding(code, display)}]


def patient(user: Resource) -> Resource:
    """Who the results are about: the name only (no contact details, no credentials)."""
    resource: Resource = {"resourceType": "Patient", "active": True}
    if user.get("name"):
        resource["name"] = [{"text": user["name"]}]
    return resource


def questionnaire_response(
    spec: instruments.Instrument, result: Resource, subject: str
) -> Resource:
    items = [
        {
            "linkId": code,
            "text": question,
            "answer": _answer(spec.answer_loinc[value], spec.choices[value]),
        }
        for code, question, value in zip(
            spec.item_loinc, spec.items, result["answers"], strict=True
        )
    ]
    if result.get("difficulty") is not None:
        level = result["difficulty"]
        items.append(
            {
                "linkId": DIFFICULTY_LOINC,
                "text": spec.difficulty_question,
                "answer": _answer(DIFFICULTY_ANSWERS[level], spec.difficulty_choices[level]),
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{LOINC}/q/{spec.loinc_panel}",
        "status": "completed",
        "subject": {"reference": subject},
        "authored": result["takenAt"],
        "item": items,
    }


def _observation(
    spec: instruments.Instrument, code: str, display: str, result: Resource, subject: str
) -> Resource:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [_coding("survey", "Survey", CATEGORY)]}],
        "code": {"coding": [_coding(code, display)], "text": spec.name},
        "subject": {"reference": subject},
        "effectiveDateTime": result["takenAt"],
    }


def results(result: Resource, subject: str, user_id: str) -> list[Resource]:
    """Bundle entries for one stored result: response, total, panel."""
    spec = instruments.get_instrument(result["instrument"])
    key = (user_id, "assessments", str(result["id"]))
    response_url, total_url, panel_url = urn(*key, "qr"), urn(*key, "total"), urn(*key, "panel")
    total = _observation(spec, spec.loinc_total, TOTAL_DISPLAY[spec.name], result, subject)
    total["valueInteger"] = result["total"]
    total["interpretation"] = [{"text": result["severity"]}]
    total["derivedFrom"] = [{"reference": response_url}]
    panel = _observation(spec, spec.loinc_panel, PANEL_DISPLAY[spec.name], result, subject)
    panel["hasMember"] = [{"reference": total_url}]
    panel["derivedFrom"] = [{"reference": response_url}]
    return [
        {"fullUrl": response_url, "resource": questionnaire_response(spec, result, subject)},
        {"fullUrl": total_url, "resource": total},
        {"fullUrl": panel_url, "resource": panel},
    ]


ACTIVITY_CODE = {"text": "Behavioural activation activity"}
# (field, what a component says), in the order shown; mood is the journal's 1-5 scale.
ACTIVITY_COMPONENTS = (
    ("moodBefore", "Mood before (1 awful - 5 great)"),
    ("moodAfter", "Mood after (1 awful - 5 great)"),
    ("mastery", "Mastery: sense of achievement (0-10)"),
    ("pleasure", "Pleasure: enjoyment (0-10)"),
)


def activity(entry: Resource, subject: str, user_id: str) -> list[Resource]:
    """Bundle entries for one activity: a single Observation."""
    done = bool(entry.get("done"))
    resource: Resource = {
        "resourceType": "Observation",
        "status": "final" if done else "registered",  # registered: planned, no result yet
        "category": [{"coding": [_coding("activity", "Activity", CATEGORY)]}],
        "code": ACTIVITY_CODE,
        "subject": {"reference": subject},
        "effectiveDateTime": (done and entry.get("doneAt")) or entry["at"],
        "valueString": entry["text"],
    }
    components = [
        {"code": {"text": label}, "valueInteger": entry[name]}
        for name, label in ACTIVITY_COMPONENTS
        if entry.get(name) is not None
    ]
    if components:
        resource["component"] = components
    notes = []
    if entry.get("planned"):
        notes.append(f"Planned for {entry['planned']}.")
    if entry.get("tags"):
        notes.append("Tags: " + ", ".join(entry["tags"]) + ".")
    if notes:
        resource["note"] = [{"text": " ".join(notes)}]
    url = urn(user_id, "activity", str(entry["id"]))
    return [{"fullUrl": url, "resource": resource}]


Resources = Callable[[Resource, str, str], list[Resource]]  # (entry, subject, user id)
RESOURCES: dict[str, Resources] = {"assessments": results, "activity": activity}
LEFT_OUT: dict[str, str] = {
    "mood_journal": "a private diary; its mood is not mapped to FHIR yet",
    "gratitude": "free text with no FHIR resource that fits",
    "sleep": "not mapped to FHIR yet",
    "breathing": "not mapped to FHIR yet",
    "chat_sessions": "conversations with the companion are not a clinical record",
    "safety_plan": "a personal plan; a FHIR CarePlan mapping is not written yet",
    "memory": "notes for the companion, not a clinical record",
}


def _bundle(source: Source) -> Obj:
    """The Bundle, its entries read from `source` while it is written."""
    user = source.header.get("user") or {}
    user_id = str(user.get("id") or "anonymous")
    subject = urn(user_id, "patient")

    def entries() -> Iterator[Resource]:
        yield {"fullUrl": subject, "resource": patient(user)}
        for kind, resources in RESOURCES.items():
            for entry in source.rows(kind):
                yield from resources(entry, subject, user_id)

    exported_at = source.header["exportedAt"]
    return Obj(
        {
            "resourceType": "Bundle",
            "id": str(uuid.uuid5(NAMESPACE, f"{user_id}/bundle/{exported_at}")),
            "type": "collection",
            "timestamp": exported_at,
            "entry": Many(entries),
        }
    )


def bundle_text(source: Source) -> Iterator[str]:
    """The Bundle as indented JSON, a resource at a time (the `fhir` exporter)."""
    yield from json_chunks(_bundle(source))
    yield "\n"


def bundle(document: Resource) -> Resource:
    """An R4 collection Bundle of every entry of the kinds in RESOURCES in an export document."""
    built = dict(_bundle(DocumentSource(document)))
    built["entry"] = list(built["entry"])
    return built

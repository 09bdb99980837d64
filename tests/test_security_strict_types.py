"""Request bodies are typed strictly: a score is a JSON integer, not `true`, "3" or 3.0."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.driver import PASSWORD
from tests.fixtures.server import ApiServer


@pytest.fixture
def http(sqlite_api_server: ApiServer) -> httpx.Client:
    client = httpx.Client(base_url=sqlite_api_server.url)
    signup = {
        "name": "Ann",
        "username": "ann",
        "email": "ann@example.com",
        "password": PASSWORD,
        "timezone": "UTC",
    }
    client.post("/v1/auth/signup", json=signup).raise_for_status()
    login = client.post("/v1/auth/login", json={"identifier": "ann", "password": PASSWORD})
    client.headers["Authorization"] = f"Bearer {login.json()['accessToken']}"
    return client


@pytest.mark.parametrize("mood", [True, False, "3", 3.0, [3]], ids=repr)
def test_a_mood_that_is_not_an_integer_is_refused(http: httpx.Client, mood: Any) -> None:
    answer = http.post("/v1/journal", json={"text": "a day", "mood": mood})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["message"].startswith("mood: ")
    assert http.get("/v1/journal").json()["items"] == []  # nothing was written


def test_an_integer_mood_is_taken(http: httpx.Client) -> None:
    answer = http.post("/v1/journal", json={"text": "a day", "mood": 3})
    assert answer.status_code == 201 and answer.json()["mood"] == 3, answer.text


@pytest.mark.parametrize("bad", [True, "1", 1.0], ids=repr)
def test_assessment_answers_are_integers_strictly(http: httpx.Client, bad: Any) -> None:
    answers = [bad, 0, 0, 0, 0, 0, 0]
    answer = http.post("/v1/assessments", json={"instrument": "GAD-7", "answers": answers})
    assert answer.status_code == 422, answer.text


def test_text_is_a_string_strictly(http: httpx.Client) -> None:
    assert http.post("/v1/journal", json={"text": 12345}).status_code == 422
    assert http.post("/v1/gratitude", json={"items": [1, 2]}).status_code == 422

"""The personal safety plan (Stanley & Brown): its sections, rules and text format. Pure.

One plan per person. It is written when they are well, to be read when they are
not: at the top of every crisis panel and by `psymitrix help-now`. Sections are
lists of short lines; the two sections of people to call hold a name and a phone.

The text format (for `$EDITOR` and `--file`) is plain: a `## <section title>`
heading, then one `- item` per line (`- Name: phone` for people and services);
lines starting with `#` alone are comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain.validation import has_control_chars
from psymitrix_cli.errors import InvalidInput

ITEM_MAX = 300
PHONE_MAX = 60
ITEMS_MAX = 20
SLOT = "plan"  # the one plan of a person: unique with userId in the store


@dataclass(frozen=True)
class Section:
    key: str  # stored and JSON name (camelCase)
    name: str  # what a person types: `safety-plan add coping ...`
    title: str  # the heading in views and in the text format
    prompt: str  # the question the interactive editor asks
    contacts: bool = False  # items are {"name", "phone"}


SECTIONS: tuple[Section, ...] = (
    Section(
        "warningSigns",
        "warning-signs",
        "Warning signs",
        "Thoughts, moods, situations or behaviours that tell you a crisis may be starting",
    ),
    Section(
        "copingStrategies",
        "coping",
        "Things I can do on my own",
        "Things you can do on your own to take your mind off things (a walk, music, a shower)",
    ),
    Section(
        "distractions",
        "distractions",
        "People and places that take my mind off things",
        "People and social places that help take your mind off things",
    ),
    Section(
        "helpers",
        "helpers",
        "People I can ask for help",
        "People you can ask for help (name, then phone)",
        contacts=True,
    ),
    Section(
        "professionals",
        "professionals",
        "Professionals and services I can contact",
        "Professionals or services you can contact in a crisis (name, then phone)",
        contacts=True,
    ),
    Section(
        "safeEnvironment",
        "environment",
        "Making my environment safe",
        "Ways to make your surroundings safer (what to put away, who can hold it for you)",
    ),
    Section(
        "reasonsForLiving",
        "reasons",
        "My reasons for living",
        "The things most important to you and worth living for (optional)",
    ),
)
BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}
BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
NAMES = ", ".join(s.name for s in SECTIONS)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"name": self.name, "phone": self.phone}

    def line(self) -> str:
        return f"{self.name}: {self.phone}" if self.phone else self.name


Item = str | Contact


@dataclass(frozen=True)
class SafetyPlanPayload:
    """What a person writes: every section, whole (a PUT replaces the plan)."""

    warningSigns: tuple[str, ...] = ()
    copingStrategies: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    helpers: tuple[Contact, ...] = ()
    professionals: tuple[Contact, ...] = ()
    safeEnvironment: tuple[str, ...] = ()
    reasonsForLiving: tuple[str, ...] = ()

    def items(self, section: Section) -> tuple[Item, ...]:
        return tuple(getattr(self, section.key))

    def is_empty(self) -> bool:
        return not any(self.items(s) for s in SECTIONS)


def section(name: str) -> Section:
    """A section by what a person types (`coping`) or its JSON key (`copingStrategies`)."""
    text = name.strip()
    found = BY_NAME.get(text.lower()) or BY_KEY.get(text)
    if found is None:
        raise InvalidInput(messages.SAFETY_PLAN_NO_SECTION.format(text=text, names=NAMES))
    return found


def _text(value: object, where: str, limit: int) -> str:
    if not isinstance(value, str):
        raise InvalidInput(
            messages.SAFETY_PLAN_NOT_TEXT.format(where=where), field=where.split("[")[0]
        )
    text = " ".join(value.split())
    if not text:
        raise InvalidInput(messages.TEXT_EMPTY.format(where=where), field=where.split("[")[0])
    if len(text) > limit:
        raise InvalidInput(
            messages.TEXT_TOO_LONG.format(where=where, length=len(text), limit=limit),
            field=where.split("[")[0],
        )
    if has_control_chars(text):
        raise InvalidInput(
            messages.TEXT_CONTROL_CHARS.format(where=where), field=where.split("[")[0]
        )
    return text


def parse_contact(text: str) -> Contact:
    """`Name: phone` (the phone is optional)."""
    name, sep, phone = text.partition(":")
    if sep and name.strip() and phone.strip():
        return Contact(name.strip(), phone.strip())
    return Contact(text.strip())


def contact(value: object, where: str) -> Contact:
    if isinstance(value, Contact):
        raw_name, raw_phone = value.name, value.phone
    elif isinstance(value, Mapping):
        raw_name, raw_phone = value.get("name"), value.get("phone")
    elif isinstance(value, str):
        parsed = parse_contact(value)
        raw_name, raw_phone = parsed.name, parsed.phone
    else:
        raise InvalidInput(
            messages.SAFETY_PLAN_NOT_A_CONTACT.format(where=where), field=where.split("[")[0]
        )
    name = _text(raw_name, f"{where}.name", ITEM_MAX)
    phone = None
    if raw_phone is not None and not (isinstance(raw_phone, str) and not raw_phone.strip()):
        phone = _text(raw_phone, f"{where}.phone", PHONE_MAX)
    return Contact(name, phone)


def _items(spec: Section, values: object) -> tuple[Item, ...]:
    if values is None:
        return ()
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInput(messages.SAFETY_PLAN_NOT_A_LIST.format(key=spec.key), field=spec.key)
    listed = list(values)
    if len(listed) > ITEMS_MAX:
        raise InvalidInput(
            messages.SAFETY_PLAN_TOO_MANY.format(
                key=spec.key, items_max=ITEMS_MAX, count=len(listed)
            ),
            field=spec.key,
        )
    out: list[Item] = []
    for i, value in enumerate(listed):
        where = f"{spec.key}[{i}]"
        out.append(contact(value, where) if spec.contacts else _text(value, where, ITEM_MAX))
    return tuple(dict.fromkeys(out))  # the same line twice is one line


def payload(data: Mapping[str, Any]) -> SafetyPlanPayload:
    """A checked payload from JSON-ish data (an HTTP body, an import, the text format).
    Unknown keys are refused, so a typo never silently drops a section."""
    unknown = sorted(set(data) - set(BY_KEY) - {"id", "createdAt", "updatedAt", "origin"})
    if unknown:
        raise InvalidInput(
            messages.SAFETY_PLAN_NO_SECTION.format(text=unknown[0], names=NAMES),
            field=unknown[0],
        )
    return SafetyPlanPayload(**{s.key: _items(s, data.get(s.key)) for s in SECTIONS})  # type: ignore[arg-type]


def check(plan: SafetyPlanPayload) -> SafetyPlanPayload:
    """Every section through its rule (a payload built by hand is checked the same way)."""
    return SafetyPlanPayload(**{s.key: _items(s, plan.items(s)) for s in SECTIONS})  # type: ignore[arg-type]


def stored(plan: SafetyPlanPayload) -> dict[str, Any]:
    """The stored (and JSON) fields of a plan: lists of lines, contacts as objects."""
    checked = check(plan)
    out: dict[str, Any] = {"slot": SLOT}
    for s in SECTIONS:
        items = checked.items(s)
        out[s.key] = [i.to_json() if isinstance(i, Contact) else i for i in items]
    return out


def view(doc: Mapping[str, Any] | None) -> dict[str, Any]:
    """The plan as the API and `--json` give it: every section (empty when none), the
    times, and `exists`."""
    doc = doc or {}
    out: dict[str, Any] = {s.key: list(doc.get(s.key) or []) for s in SECTIONS}
    out["createdAt"] = doc.get("createdAt")
    out["updatedAt"] = doc.get("updatedAt")
    out["exists"] = bool(doc) and any(out[s.key] for s in SECTIONS)
    return out


# --- changing one section ----------------------------------------------------------


def with_items(plan: SafetyPlanPayload, spec: Section, items: Sequence[Item]) -> SafetyPlanPayload:
    values = {s.key: plan.items(s) for s in SECTIONS}
    values[spec.key] = tuple(items)
    return check(SafetyPlanPayload(**values))  # type: ignore[arg-type]


def added(
    plan: SafetyPlanPayload, spec: Section, texts: Sequence[str], phone: str | None
) -> SafetyPlanPayload:
    """The plan with lines added to one section (`phone` goes with a single contact)."""
    if phone is not None and (not spec.contacts or len(texts) != 1):
        raise InvalidInput(messages.SAFETY_PLAN_PHONE_NEEDS_ONE_NAME, field="phone")
    new: list[Item] = []
    for text in texts:
        if spec.contacts:
            given: object = {"name": text, "phone": phone} if phone else text
            new.append(contact(given, spec.key))
        else:
            new.append(_text(text, spec.key, ITEM_MAX))
    return with_items(plan, spec, [*plan.items(spec), *new])


def removed(plan: SafetyPlanPayload, spec: Section, which: str) -> SafetyPlanPayload:
    """The plan without one line: by its number (1 = first) or its exact text or name."""
    items = list(plan.items(spec))
    target = which.strip()
    index: int | None = None
    if target.isdigit() and 1 <= int(target) <= len(items):
        index = int(target) - 1
    else:
        for i, item in enumerate(items):
            name = item.name if isinstance(item, Contact) else item
            if (
                name.casefold() == target.casefold()
                or item_line(item).casefold() == target.casefold()
            ):
                index = i
                break
    if index is None:
        raise InvalidInput(
            messages.SAFETY_PLAN_NO_ITEM.format(title=spec.title, target=target, count=len(items))
            if items
            else messages.SAFETY_PLAN_NOTHING_TO_REMOVE.format(title=spec.title),
            field="item",
        )
    del items[index]
    return with_items(plan, spec, items)


def from_view(data: Mapping[str, Any]) -> SafetyPlanPayload:
    """A payload from a stored plan or its JSON view (what `edit` starts from)."""
    return payload({s.key: data.get(s.key) or [] for s in SECTIONS})


# --- the text format ------------------------------------------------------------------

TEXT_HEADER = (
    "# Your safety plan. Write it when you feel able; read it when things get hard.\n"
    "# One item per line, starting with '- '. For people and services: '- Name: phone'.\n"
    "# Lines starting with '# ' are ignored. Save and close the editor to keep it.\n"
)


def item_line(item: Item) -> str:
    return item.line() if isinstance(item, Contact) else item


def to_text(plan: SafetyPlanPayload) -> str:
    parts = [TEXT_HEADER]
    for s in SECTIONS:
        parts.append(f"\n## {s.title}\n# {s.prompt}\n")
        parts.extend(f"- {item_line(item)}\n" for item in plan.items(s))
    return "".join(parts)


_TITLES = {s.title.casefold(): s for s in SECTIONS} | {s.name: s for s in SECTIONS}


def from_text(text: str) -> SafetyPlanPayload:
    """Parse the text format; a line outside a section or an unknown heading names its line."""
    found: dict[str, list[str]] = {s.key: [] for s in SECTIONS}
    current: Section | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("##"):
            heading = line.lstrip("#").strip().casefold()
            current = _TITLES.get(heading) or BY_NAME.get(heading)
            if current is None:
                raise InvalidInput(
                    messages.SAFETY_PLAN_UNKNOWN_HEADING.format(
                        number=number, heading=line.lstrip("#").strip()
                    )
                )
            continue
        item = line[1:].strip() if line[0] in "-*•" else line
        if current is None:
            raise InvalidInput(messages.SAFETY_PLAN_ITEM_BEFORE_HEADING.format(number=number))
        if item:
            found[current.key].append(item)
    return payload(found)

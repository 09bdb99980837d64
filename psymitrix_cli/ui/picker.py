"""The interactive PHQ-9 / GAD-7 answer picker: one question at a time, digits or
arrows + Enter, a way back to change an answer, then the optional difficulty
question (skippable).

`AnswerSheet` holds the logic and no I/O; `pick_answers` wraps it in a small
prompt-toolkit application (imported only here, when a person is at a terminal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psymitrix_cli import messages
from psymitrix_cli.domain.assessments import Instrument

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples

CHOICE_COUNT = 4
SKIP = CHOICE_COUNT  # on the difficulty screen, the row after the four choices


@dataclass
class AnswerSheet:
    instrument: Instrument
    ask_difficulty: bool = True
    answers: list[int | None] = field(default_factory=list)
    index: int = 0  # the item shown; len(items) means the difficulty question
    cursor: int = 0
    difficulty: int | None = None
    done: bool = False

    def __post_init__(self) -> None:
        self.answers = [None] * len(self.instrument.items)

    @property
    def on_difficulty(self) -> bool:
        return self.index == len(self.instrument.items)

    @property
    def rows(self) -> int:
        return CHOICE_COUNT + 1 if self.on_difficulty else CHOICE_COUNT

    def _show(self, index: int) -> None:
        self.index = index
        known = self.difficulty if self.on_difficulty else self.answers[index]
        self.cursor = 0 if known is None else known

    def choose(self, value: int) -> None:
        if self.done or not 0 <= value < CHOICE_COUNT:
            return
        if self.on_difficulty:
            self.difficulty, self.done = value, True
            return
        self.answers[self.index] = value
        if self.index + 1 < len(self.instrument.items) or self.ask_difficulty:
            self._show(self.index + 1)
        else:
            self.done = True

    def skip(self) -> None:
        if self.on_difficulty and not self.done:
            self.difficulty, self.done = None, True

    def back(self) -> None:
        if self.index > 0 and not self.done:
            self._show(self.index - 1)

    def move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % self.rows

    def enter(self) -> None:
        if self.on_difficulty and self.cursor == SKIP:
            self.skip()
        else:
            self.choose(self.cursor)

    def result(self) -> tuple[list[int], int | None]:
        return [a for a in self.answers if a is not None], self.difficulty

    # --- what is on screen -------------------------------------------------------
    def fragments(self) -> StyleAndTextTuples:
        spec = self.instrument
        out: StyleAndTextTuples = [("bold", f"{spec.title}\n"), ("", f"{spec.framing}\n\n")]
        total = len(spec.items)
        progress = "".join("●" if a is not None else "○" for a in self.answers)
        if self.on_difficulty:
            out += [("class:dim", messages.PICKER_LAST_OPTIONAL.format(progress=progress))]
            out += [("bold", f"{spec.difficulty_question}\n\n")]
            labels = [*spec.difficulty_choices, messages.PICKER_SKIP]
            hint = messages.PICKER_DIFFICULTY_HINT
        else:
            out += [("class:dim", f"{progress}  question {self.index + 1} of {total}\n")]
            out += [("bold", f"{self.index + 1}. {spec.items[self.index]}\n\n")]
            labels = list(spec.choices)
            hint = messages.PICKER_HINT
        for row, label in enumerate(labels):
            key = f"{row}" if row < CHOICE_COUNT else "s"
            if row == self.cursor:
                out.append(("class:selected", f" › {key}  {label} \n"))
            else:
                out.append(("", f"   {key}  {label}\n"))
        out.append(("class:dim", f"\n{hint}"))
        return out


def pick_answers(
    instrument: Instrument, ask_difficulty: bool
) -> tuple[list[int], int | None] | None:
    """Ask every item; None when the person cancels (Ctrl-C / Ctrl-D)."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
    from prompt_toolkit.layout import Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.styles import Style

    sheet = AnswerSheet(instrument, ask_difficulty)
    keys = KeyBindings()

    def after(event: KeyPressEvent) -> None:
        if sheet.done:
            event.app.exit(result=sheet.result())

    def bind_digit(value: int) -> None:
        @keys.add(str(value))
        def _(event: KeyPressEvent) -> None:
            sheet.choose(value)
            after(event)

    for value in range(CHOICE_COUNT):
        bind_digit(value)

    @keys.add("up")
    @keys.add("k")
    def _up(event: KeyPressEvent) -> None:
        sheet.move(-1)

    @keys.add("down")
    @keys.add("j")
    def _down(event: KeyPressEvent) -> None:
        sheet.move(+1)

    @keys.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        sheet.enter()
        after(event)

    @keys.add("left")
    @keys.add("backspace")
    @keys.add("b")
    def _back(event: KeyPressEvent) -> None:
        sheet.back()

    @keys.add("s")
    def _skip(event: KeyPressEvent) -> None:
        sheet.skip()
        after(event)

    @keys.add("c-c")
    @keys.add("c-d")
    def _cancel(event: KeyPressEvent) -> None:
        event.app.exit(result=None)

    control = FormattedTextControl(sheet.fragments, focusable=True, show_cursor=False)
    app: Application[tuple[list[int], int | None] | None] = Application(
        layout=Layout(Window(control, wrap_lines=True)),
        key_bindings=keys,
        style=Style.from_dict({"selected": "reverse bold", "dim": "#888888"}),
        full_screen=False,
        erase_when_done=True,
        mouse_support=False,
    )
    return app.run()

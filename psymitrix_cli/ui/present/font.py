"""A 5-row block font, so a phase word and a countdown can be read from the back of a room.

Each glyph is five rows of "#" and "."; `big` turns text into rows of "█", scaled up by
whole cells so it stays crisp on any terminal. No dependency: the glyphs are the font.
"""

from __future__ import annotations

_GLYPHS = """
A .###. #...# ##### #...# #...#
B ####. #...# ####. #...# ####.
C .#### #.... #.... #.... .####
D ####. #...# #...# #...# ####.
E ##### #.... ####. #.... #####
F ##### #.... ####. #.... #....
G .#### #.... #.### #...# .####
H #...# #...# ##### #...# #...#
I ### .#. .#. .#. ###
J ..### ...#. ...#. #..#. .##..
K #...# #..#. ###.. #..#. #...#
L #.... #.... #.... #.... #####
M #...# ##.## #.#.# #...# #...#
N #...# ##..# #.#.# #..## #...#
O .###. #...# #...# #...# .###.
P ####. #...# ####. #.... #....
Q .###. #...# #.#.# #..#. .##.#
R ####. #...# ####. #..#. #...#
S .#### #.... .###. ....# ####.
T ##### ..#.. ..#.. ..#.. ..#..
U #...# #...# #...# #...# .###.
V #...# #...# #...# .#.#. ..#..
W #...# #...# #.#.# ##.## #...#
X #...# .#.#. ..#.. .#.#. #...#
Y #...# .#.#. ..#.. ..#.. ..#..
Z ##### ...#. ..#.. .#... #####
0 .###. #..## #.#.# ##..# .###.
1 .#. ##. .#. .#. ###
2 ####. ....# .###. #.... #####
3 ####. ....# .###. ....# ####.
4 #...# #...# ##### ....# ....#
5 ##### #.... ####. ....# ####.
6 .###. #.... ####. #...# .###.
7 ##### ....# ...#. ..#.. ..#..
8 .###. #...# .###. #...# .###.
9 .###. #...# .#### ....# .###.
- ..... ..... ####. ..... .....
/ ....# ...#. ..#.. .#... #....
: . # . # .
. . . . . #
? .###. #...# ..##. ..... ..#..
! # # # . #
% #...# ...#. ..#.. .#... #...#
' # # . . .
, . . . # #
( .# #. #. #. .#
) #. .# .# .# #.
"""
FONT: dict[str, tuple[str, ...]] = {
    line[0]: tuple(line[2:].split()) for line in _GLYPHS.strip().splitlines()
}
FONT[" "] = ("...",) * 5
ROWS = 5
GAP = 1  # blank columns between glyphs


_SAME = {"—": "-", "–": "-", "’": "'", "‘": "'"}


def _glyph(char: str) -> tuple[str, ...]:
    return FONT.get(_SAME.get(char, char).upper(), FONT["?"])


# (columns, rows) per dot, largest first. A cell is about twice as tall as it is wide, so
# (2k, k) draws square dots; (1, 1) is the narrow fallback for small windows.
SIZES = ((8, 4), (6, 3), (4, 2), (2, 1), (1, 1))


def width(text: str, size: tuple[int, int] = (2, 1)) -> int:
    """Columns `big(text, size)` takes."""
    if not text:
        return 0
    dots = sum(len(_glyph(c)[0]) for c in text) + GAP * (len(text) - 1)
    return dots * size[0]


def height(size: tuple[int, int] = (2, 1)) -> int:
    return ROWS * size[1]


def fit(text: str, columns: int, rows: int) -> tuple[int, int] | None:
    """The largest size at which `text` fits in columns x rows, or None."""
    for size in SIZES:
        if width(text, size) <= columns and height(size) <= rows:
            return size
    return None


def wrap(
    text: str, columns: int, rows: int, gap: int = 1
) -> tuple[list[str], tuple[int, int]] | None:
    """`text` wrapped into lines of big letters within columns x rows (a blank row between
    lines), at the largest size that fits; None when it fits at no size."""
    import textwrap

    for size in SIZES:
        per_line = (columns // size[0] + GAP) // (5 + GAP)  # glyphs are at most 5 dots wide
        if per_line < 4:
            continue
        lines = textwrap.wrap(text, per_line)
        needed = len(lines) * height(size) + (len(lines) - 1) * gap
        if needed <= rows and all(width(line, size) <= columns for line in lines):
            return lines, size
    return None


def big(text: str, size: tuple[int, int] = (2, 1)) -> list[str]:
    """`text` as rows of "█" and spaces, all the same width."""
    across, down = size
    rows = []
    for row in range(ROWS):
        dots = (" " * GAP).join(_glyph(c)[row] for c in text)
        line = "".join(("█" if d == "#" else " ") * across for d in dots)
        rows.extend([line] * down)
    return rows

"""The fast path for results tables: plain result rows checked without building a model each.

A results table of 40,000 finishers is 40,000 small mappings of the same plain shape (name,
position, times as ``h:mm:ss``, country, club, bib, category, gender). Validating each through
:class:`bot.engine.models.ResultIn` costs several microseconds of Python per row (the default id,
two time parsers, copies of list defaults), most of the load time of a big race.

:func:`check_results` accepts a row only when it can tell, with cheap exact checks, that the model
would accept it and what it would hold; it never rejects anything itself. Any other row is
validated by the model, and anything the fast checks do not accept for sure (a duplicate
position, an odd type, a stray space) returns ``None``: the loader then validates the whole file
through the model, so every error message stays exactly what the model says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add, itemgetter, lt, mul
from typing import Any, NamedTuple

from pydantic import ValidationError

from bot.engine.models import MAX_TEXT, ResultIn
from bot.engine.normalize import normalize, not_plain, slugify

_ORDER = ("name", "id", "position", "time", "chip_time", "status", "country", "club", "bib",
          "category", "gender")  # fmt: skip
_KEYS = frozenset(_ORDER)
_FIELDS = itemgetter(*_ORDER)
_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
_IDS_RE = re.compile(r"(?:[a-z0-9][a-z0-9-]*\n)*[a-z0-9][a-z0-9-]*")  # ids, one a line
# h:mm:ss with an optional fraction: what parse_duration reads as the same clock in any style.
_CLOCK_RE = re.compile(r"(\d{1,2}):([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?")
_CLOCK_LINES_RE = re.compile(r"^" + _CLOCK_RE.pattern + r"$", re.MULTILINE)
_STATUSES = frozenset(("finished", "dnf", "dns", "dq", "unknown"))
_NOT_PLACED = frozenset(("dnf", "dns", "dq"))
_GENDERS = frozenset(("M", "F", "X"))
_LIMITS = (("country", 60), ("club", 200), ("bib", 20), ("category", 40))  # column order
MAX_POSITION = 10_000_000


class PlainRow(NamedTuple):
    """A result row as the model would hold it (the fields :class:`Athlete` takes)."""

    key: str
    name: str
    position: int | None
    time: float | None
    chip_time: float | None
    status: str
    country: str | None
    club: str | None
    bib: str | None
    category: str | None
    gender: str | None


Row = PlainRow | ResultIn


def _seconds(value: object) -> float | bool | None:
    """Seconds of a plain clock time, ``None`` for no time, ``False`` when not plain."""
    if value is None:
        return None
    if type(value) is not str:
        return False
    m = _CLOCK_RE.fullmatch(value)
    if m is None:
        return False
    hours, minutes, secs, frac = m.groups()
    fraction = int(frac) / 10 ** len(frac) if frac else 0.0
    return int(hours) * 3600 + int(minutes) * 60 + int(secs) + fraction


def _text(value: object, limit: int) -> bool:
    """A string the model keeps as it is: no surrounding space, within ``limit``."""
    return type(value) is str and len(value) <= limit and value == value.strip()


def plain_row(row: object) -> PlainRow | None:
    """``row`` as the model would read it, or ``None`` when the fast checks cannot tell."""
    if type(row) is not dict or not row.keys() <= _KEYS:
        return None
    name = row.get("name")
    if not _text(name, MAX_TEXT) or not name:
        return None
    assert isinstance(name, str)
    key = row.get("id")
    if not key:  # the model gives the slug of the name
        key = slugify(name)
        if not key:
            return None
    elif type(key) is not str or not _ID_RE.fullmatch(key):
        return None
    position = row.get("position")
    if position is not None and (type(position) is not int or not 1 <= position <= MAX_POSITION):
        return None
    time = _seconds(row.get("time"))
    chip_time = _seconds(row.get("chip_time"))
    if time is False or chip_time is False:
        return None
    status = row.get("status", "finished")
    if type(status) is not str or status not in _STATUSES:
        return None
    if position is not None and status in _NOT_PLACED:
        return None
    for field, limit in _LIMITS:
        value = row.get(field)
        if value is not None and not _text(value, limit):
            return None
    gender = row.get("gender")
    if gender is not None and (type(gender) is not str or gender not in _GENDERS):
        return None
    return PlainRow(
        key,
        name,
        position,
        time,  # never False here
        chip_time,
        status,
        row.get("country"),
        row.get("club"),
        row.get("bib"),
        row.get("category"),
        gender,
    )


@dataclass(slots=True)
class Columns:
    """A plain results table checked column by column: the fields of each athlete, in order."""

    keys: list[str]
    names: list[str]
    positions: list[int | None]
    times: list[float | None]
    chip_times: list[float | None]
    statuses: list[str]
    countries: list[str | None]
    clubs: list[str | None]
    bibs: list[str | None]
    categories: list[str | None]
    genders: list[str | None]


_NONE = type(None)
_STR_OR_NONE = frozenset((str, _NONE))
_INT_OR_NONE = frozenset((int, _NONE))
# a string of a column that starts with a space (the strings joined by NUL; reversed: ends)
_SPACE_AFTER_NUL_RE = re.compile(r"\x00\s")


def _texts(values: list[Any], limit: int, *, required: bool = False, unique: bool = False) -> bool:
    """Whether every value is a string the model keeps as it is (or None, unless required).

    A column of few distinct values (countries) is checked value by distinct value; a column
    of ``unique`` ones (names, bibs) as it is, without a set of them all."""
    types = set(map(type, values))
    if not types <= ({str} if required else _STR_OR_NONE):
        return False
    if unique:
        distinct: Any = values if _NONE not in types else [v for v in values if v is not None]
    else:
        distinct = set(values)
        distinct.discard(None)
    if not distinct:
        return True
    if max(map(len, distinct)) > limit or (required and "" in distinct):
        return False
    joined = "\x00".join(distinct)
    if joined.count("\x00") != len(distinct) - 1:
        return False  # a NUL inside a value: let the model decide
    if not joined:
        return True
    return not (
        joined[0].isspace()
        or joined[-1].isspace()
        or _SPACE_AFTER_NUL_RE.search(joined)
        or _SPACE_AFTER_NUL_RE.search(joined[::-1])
    )


def _clock_table(values: list[Any]) -> dict[str | None, float | None] | None:
    """Seconds of each distinct plain clock time (all read in one regex pass), or None when a
    value is not a plain clock time."""
    if not set(map(type, values)) <= _STR_OR_NONE:
        return None
    distinct = set(values)
    distinct.discard(None)
    texts = list(distinct)
    joined = "\n".join(texts)
    if joined.count("\n") != max(len(texts) - 1, 0):
        return None
    found = _CLOCK_LINES_RE.findall(joined)
    if len(found) != len(texts):
        return None
    table: dict[str | None, float | None] = {None: None}
    if texts and "." not in joined and "," not in joined:  # whole seconds: at C speed
        hours, minutes, secs, _ = zip(*found, strict=True)
        table.update(
            zip(
                texts,
                map(float, map(add, map(add, map(mul, map(int, hours), repeat(3600)),
                                        map(mul, map(int, minutes), repeat(60))),
                               map(int, secs))),
                strict=True,
            )
        )  # fmt: skip
        return table
    for text, (hours, minutes, secs, frac) in zip(texts, found, strict=True):
        fraction = int(frac) / 10 ** len(frac) if frac else 0.0
        table[text] = int(hours) * 3600 + int(minutes) * 60 + int(secs) + fraction
    return table


def _all_ids(values: list[Any]) -> bool:
    """Whether every value is an id the model accepts as it is (checked all at once)."""
    if not set(map(type, values)) <= {str}:
        return False
    return _IDS_RE.fullmatch("\n".join(values)) is not None


def _slugs(names: list[str]) -> list[str]:
    """``slugify`` of each name: plain ASCII names all at once, the others one by one."""
    joined = "\x00".join(names)
    if joined.count("\x00") != len(names) - 1:
        return list(map(slugify, names))
    slugs = joined.lower().replace(" ", "-").split("\x00")
    for index in not_plain(names, joined):
        slugs[index] = normalize(names[index]).replace(" ", "-")  # = slugify
    return slugs


def _gathered(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """The columns of rows that leave some fields out (each absent field as the model's
    default)."""
    return [
        list(column)
        for column in zip(
            *[
                (r.get("name"), r.get("id"), r.get("position"), r.get("time"),
                 r.get("chip_time"), r.get("status", "finished"), r.get("country"),
                 r.get("club"), r.get("bib"), r.get("category"), r.get("gender"))
                for r in rows
            ],
            strict=True,
        )
    ]  # fmt: skip


def check_columns(rows: list[Any]) -> Columns | None:
    """A whole results table of plain rows, checked column by column; ``None`` when any row is
    not plain (or a position or athlete id is used twice)."""
    if not rows or not set(map(type, rows)) <= {dict}:
        return None
    present = set().union(*rows)
    if not present <= _KEYS:
        return None
    if present == _KEYS and set(map(len, rows)) == {len(_KEYS)}:  # every field on every row
        columns = [list(column) for column in zip(*map(_FIELDS, rows), strict=True)]
    else:
        columns = _gathered(rows)
    names, given, positions, times, chip_times, statuses = columns[:6]
    country, club, bib, category, genders = columns[6:]
    if not _texts(names, MAX_TEXT, required=True, unique=True):
        return None
    if _all_ids(given):  # as the importer writes them
        keys = given
    else:
        keys = _slugs(names)  # the model's default id
        for index, key in enumerate(given):
            if key:
                if type(key) is not str or not _ID_RE.fullmatch(key):
                    return None
                keys[index] = key
        if not all(keys):
            return None
    if len(set(keys)) != len(keys):
        return None
    if not set(map(type, positions)) <= _INT_OR_NONE:
        return None
    count = len(positions) - positions.count(None)
    head: list[Any] = positions[:count]
    if None not in head and all(map(lt, head, head[1:])):  # places first, rising: none twice
        if head and (head[0] < 1 or head[-1] > MAX_POSITION):
            return None
    else:
        placed = set(positions)
        placed.discard(None)
        if len(placed) != count:
            return None  # a position given twice
        if placed and (min(placed) < 1 or max(placed) > MAX_POSITION):
            return None
    clocks = _clock_table(times + chip_times)
    if clocks is None:
        return None
    seconds = list(map(clocks.__getitem__, times))
    chip_seconds = list(map(clocks.__getitem__, chip_times))
    if not set(map(type, statuses)) <= {str} or not set(statuses) <= _STATUSES:
        return None
    if not set(statuses).isdisjoint(_NOT_PLACED) and any(
        p is not None for p in compress(positions, map(_NOT_PLACED.__contains__, statuses))
    ):
        return None  # a DNF, DNS or DQ with a position
    for values, (field, limit) in zip((country, club, bib, category), _LIMITS, strict=True):
        if not _texts(values, limit, unique=field == "bib"):
            return None
    if not set(map(type, genders)) <= _STR_OR_NONE or not set(genders) <= _GENDERS | {None}:
        return None
    return Columns(
        keys,
        names,
        positions,
        seconds,
        chip_seconds,
        statuses,
        country,  # repeated strings are shared by the JSON parser (see loader.read_yaml)
        club,
        bib,
        category,
        genders,
    )


def check_results(rows: list[Any]) -> tuple[list[Row] | Columns, list[str]] | None:
    """The rows of one event, each plain or validated by the model, and their keys.

    ``None`` when a row is invalid or the fast checks cannot vouch for it (including a position
    or athlete id used twice): the caller validates the whole file through the model instead.
    """
    columns = check_columns(rows)
    if columns is not None:
        return columns, columns.keys
    checked: list[Row] = []
    keys: list[str] = []
    positions: set[int] = set()
    for row in rows:
        result: Row | None = plain_row(row)
        if result is None:
            try:
                result = ResultIn.model_validate(row)
            except ValidationError:
                return None
            keys.append(result.key)
        else:
            keys.append(result.key)
        position = result.position
        if position is not None:
            if position in positions:
                return None
            positions.add(position)
        checked.append(result)
    if len(set(keys)) != len(keys):
        return None
    return checked, keys

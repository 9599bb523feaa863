"""Results tables (CSV) to knowledge files.

Headers are matched leniently (``"Place"``, ``"Pos."``, ``"Surname"``, ``"Nat"``,
``"Chip Time"``...), in any order. Every row is checked; bad rows are reported with their line
number and, unless the caller allows skipping them, nothing is written. The output is validated
against the knowledge schema before it is written, and written atomically (a temporary file, then
a rename).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.engine.durations import format_clock, parse_duration
from bot.engine.errors import DurationError, RacebotError
from bot.engine.loader import validation_problems
from bot.engine.models import RaceFile
from bot.engine.normalize import normalize, slugify

Progress = Callable[[int, int], None]
MAX_BAD_ROWS_SHOWN = 50

COLUMNS: dict[str, tuple[str, ...]] = {
    "position": ("position", "place", "pos", "rank", "overall", "overall place", "no", "plc",
                 "finish position", "overall position", "ranking", "pl"),
    "name": ("name", "full name", "athlete", "runner", "competitor", "athlete name",
             "runner name", "participant"),
    "first": ("first name", "firstname", "given name", "forename", "first"),
    "last": ("last name", "lastname", "surname", "family name", "last"),
    "country": ("country", "nationality", "nat", "nation", "ctry", "cty", "noc"),
    "club": ("club", "team", "affiliation", "club name"),
    "gender": ("gender", "sex", "m f"),
    "category": ("category", "cat", "age group", "agegroup", "division", "class", "age category",
                 "age cat"),
    "bib": ("bib", "bib number", "bib no", "number", "race number", "race no", "bib num"),
    "chip": ("chip time", "net time", "chip", "net", "chiptime", "nettime"),
    "gun": ("gun time", "official time", "time", "finish time", "result", "gun", "gross time",
            "finish", "gross"),
    "status": ("status", "state", "result status"),
}  # fmt: skip
_HEADER_LOOKUP = {key: column for column, keys in COLUMNS.items() for key in keys}
_STATUS = {"dnf": "dnf", "dns": "dns", "dq": "dq", "dsq": "dq", "disq": "dq",
           "did not finish": "dnf", "did not start": "dns", "disqualified": "dq"}  # fmt: skip
_GENDERS = {
    "m": "M", "male": "M", "man": "M", "men": "M", "f": "F", "female": "F", "w": "F",
    "woman": "F", "women": "F", "x": "X", "nb": "X", "non binary": "X", "other": "X",
}  # fmt: skip
_DISTANCES = [
    (r"half marathon|half", 21.0975), (r"marathon", 42.195), (r"(\d+(?:\.\d+)?)\s*k\b", 0.0),
    (r"(\d+(?:\.\d+)?)\s*km", 0.0), (r"(\d+)\s*miles?", -1.0),
]  # fmt: skip


class ImportRefused(RacebotError):
    """The table cannot be imported; ``problems`` lists why, file and line first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_BAD_ROWS_SHOWN]
        more = len(problems) - len(shown)
        text = "\n".join(shown) + (f"\n…and {more} more" if more > 0 else "")
        super().__init__(f"import refused, nothing written:\n{text}")


@dataclass
class ImportReport:
    output: Path
    rows: int = 0
    athletes: int = 0
    finishers: int = 0
    dnf: int = 0
    dns: int = 0
    bad_rows: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _header_key(header: str) -> str | None:
    key = normalize(header.replace("_", " ").replace("#", " no "))
    if key in _HEADER_LOOKUP:
        return _HEADER_LOOKUP[key]
    if not key:
        return None
    compact = key.replace(" ", "")
    for candidate, column in _HEADER_LOOKUP.items():
        if candidate.replace(" ", "") == compact:
            return column
    return None


def map_headers(headers: list[str]) -> dict[str, int]:
    """Which column index holds each field; the first match of a field wins."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        column = _header_key(header)
        if column is not None and column not in mapping:
            mapping[column] = index
    return mapping


def _decode(raw: bytes, name: str, warnings: list[str]) -> str:
    if b"\x00" in raw[:4096]:
        for encoding in ("utf-16",):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                break
            warnings.append(f"{name}: read as {encoding.upper()}")
            return text
        raise ImportRefused([f"{name}: this is not a text table (it has NUL bytes)"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{name}: not UTF-8 (byte {exc.start}); read as Windows-1252 — check accented names"
        )
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


def _rows(text: str) -> list[list[str]]:
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _distance(*names: str) -> float | None:
    text = normalize(" ".join(names))
    for pattern, value in _DISTANCES:
        m = re.search(pattern, text)
        if m is None:
            continue
        if value > 0:
            return value
        number = float(m.group(1))
        return round(number * 1.609344, 3) if value < 0 else number
    return None


def _gender(value: str) -> str | None:
    return _GENDERS.get(normalize(value))


def _event_gender(name: str) -> str | None:
    words = set(normalize(name).split())
    if words & {"women", "womens", "female", "ladies", "woman"}:
        return "F"
    if words & {"men", "mens", "male", "man"}:
        return "M"
    return None


def import_results(
    source: Path,
    *,
    race: str,
    date: dt.date,
    event: str,
    output: Path | None = None,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read ``source`` and write a knowledge file; see the module docstring."""
    name = source.name
    warnings: list[str] = []
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ImportRefused([f"{name}: cannot read the file ({exc.strerror or exc})"]) from exc
    try:
        table = _rows(_decode(raw, name, warnings))
    except csv.Error as exc:
        raise ImportRefused([f"{name}: not a readable table ({exc})"]) from exc
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        raise ImportRefused([f"{name}: the table is empty"])
    headers = table[0]
    columns = map_headers(headers)
    if "name" not in columns and not ("first" in columns and "last" in columns):
        raise ImportRefused(
            [f"{name}: line 1: no name column (expected Name, or First name and Last name); "
             f"found {', '.join(h.strip() for h in headers)}"]
        )  # fmt: skip
    if "position" not in columns and "gun" not in columns and "chip" not in columns:
        raise ImportRefused([f"{name}: line 1: no position or time column"])
    year_in_name = str(date.year) in race
    race_name = race if year_in_name else f"{race} {date.year}"
    report = ImportReport(output=output or Path("knowledge") / f"{slugify(race_name)}.yaml")
    results: list[dict[str, Any]] = []
    seen_positions: dict[int, int] = {}
    seen_bibs: dict[str, int] = {}
    keys: dict[str, int] = {}
    bad: list[tuple[int, str]] = []
    total = len(table) - 1
    for number, row in enumerate(table[1:], start=2):
        if progress is not None and (number - 1) % 1000 == 0:
            progress(number - 1, total)
        report.rows += 1
        try:
            result = _read_row(row, columns, len(headers))
        except ValueError as exc:
            bad.append((number, str(exc)))
            continue
        position = result.get("position")
        if position is not None:
            if position in seen_positions:
                bad.append((number, f"position {position} is also on line "
                                    f"{seen_positions[position]}"))  # fmt: skip
                continue
            seen_positions[position] = number
        bib = result.get("bib")
        if bib is not None:
            if bib in seen_bibs:
                bad.append((number, f"bib {bib} is also on line {seen_bibs[bib]}"))
                continue
            seen_bibs[bib] = number
        key = slugify(result["name"])
        if key in keys:
            suffix = bib or (str(position) if position is not None else str(number))
            key = f"{key}-{slugify(suffix) or number}"
            while key in keys:
                key = f"{key}-{number}"
            result["id"] = key
        keys[key] = number
        results.append(result)
    if progress is not None:
        progress(total, total)
    if bad and not skip_bad_rows:
        raise ImportRefused([f"{name}: line {line}: {reason}" for line, reason in bad])
    report.bad_rows = bad
    report.warnings = warnings
    if not results:
        raise ImportRefused([f"{name}: no athletes to import"])
    data = {
        "race": {
            "id": slugify(race_name),
            "name": race_name,
            "year": date.year,
            "date": date.isoformat(),
            **({"distance_km": d} if (d := _distance(race, event)) else {}),
            "aliases": sorted({race.strip(), normalize(race)} - {race_name}),
            "document": f"results table {name}",
        },
        "events": [
            {
                "id": slugify(event) or "open",
                "name": event,
                **({"gender": g} if (g := _event_gender(event)) else {}),
                "complete": True,
                "source": f"results table {name}",
                "results": results,
            }
        ],
    }
    try:
        RaceFile.model_validate(data)
    except ValidationError as exc:
        raise ImportRefused(validation_problems(report.output.name, exc)) from exc
    report.athletes = len(results)
    report.finishers = sum(1 for r in results if r.get("status", "finished") == "finished")
    report.dnf = sum(1 for r in results if r.get("status") == "dnf")
    report.dns = sum(1 for r in results if r.get("status") == "dns")
    write_atomically(report.output, render_json(data))
    return report


def _read_row(row: list[str], columns: dict[str, int], width: int) -> dict[str, Any]:
    if len(row) != width:
        raise ValueError(f"expected {width} columns, found {len(row)}")

    def cell(column: str) -> str:
        index = columns.get(column)
        return row[index].strip() if index is not None else ""

    name = cell("name") or " ".join(p for p in (cell("first"), cell("last")) if p)
    name = " ".join(name.split())
    if not name or not slugify(name):
        raise ValueError("no name")
    if len(name) > 200:
        raise ValueError("name is longer than 200 characters")
    result: dict[str, Any] = {"name": name}
    status = _STATUS.get(normalize(cell("status"))) if cell("status") else None
    position_text = cell("position").rstrip(".").strip()
    if position_text:
        lowered = normalize(position_text)
        if lowered in _STATUS:
            status = _STATUS[lowered]
        else:
            digits = re.fullmatch(r"=?(\d{1,7})(?:st|nd|rd|th)?", position_text.lower())
            if digits is None:
                raise ValueError(f"position {position_text!r} is not a number")
            if int(digits.group(1)) < 1:
                raise ValueError(f"position {position_text!r} must be 1 or more")
            result["position"] = int(digits.group(1))
    for column, target in (("gun", "time"), ("chip", "chip_time")):
        text = cell(column)
        if not text:
            continue
        if normalize(text) in _STATUS:
            status = _STATUS[normalize(text)]
            continue
        try:
            result[target] = parse_duration(text, press_style=False)
        except DurationError as exc:
            raise ValueError(f"{column} time {text!r} is not a time ({exc})") from exc
    if "time" not in result and "chip_time" in result:
        result["time"] = result.pop("chip_time")
    if status is not None and status != "finished":
        result["status"] = status
        result.pop("position", None)
    elif "position" not in result and "time" not in result:
        raise ValueError("no position and no time (mark non-finishers DNF or DNS)")
    for column in ("country", "club", "category", "bib"):
        value = cell(column)
        if value:
            limit = {"country": 60, "club": 200, "category": 40, "bib": 20}[column]
            if len(value) > limit:
                raise ValueError(f"{column} {value[:30]!r}… is longer than {limit} characters")
            result[column] = value
    gender_text = cell("gender")
    if gender_text:
        gender = _gender(gender_text)
        if gender is None:
            raise ValueError(f"gender {gender_text!r} is not M, F or X")
        result["gender"] = gender
    return result


def render_json(data: dict[str, Any]) -> str:
    """The knowledge file as JSON (which is also YAML), one result per line.

    Big tables load far faster as JSON than as YAML, and one line per athlete keeps the file
    readable and diffable.
    """
    event_lines = []
    for event in data["events"]:
        head = {k: v for k, v in event.items() if k != "results"}
        rows = []
        for result in event["results"]:
            row = {
                k: format_clock(v) if k in ("time", "chip_time") else v for k, v in result.items()
            }
            rows.append("      " + json.dumps(row, ensure_ascii=False))
        head_text = json.dumps(head, ensure_ascii=False)[:-1]
        event_lines.append(f'    {head_text}, "results": [\n' + ",\n".join(rows) + "\n    ]}")
    race = json.dumps(data["race"], ensure_ascii=False)
    return f'{{\n  "race": {race},\n  "events": [\n' + ",\n".join(event_lines) + "\n  ]\n}\n"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

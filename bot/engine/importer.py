"""Results tables (CSV, TSV, semicolon- or pipe-separated) to knowledge files.

Headers are matched leniently (``"Place"``, ``"Pos."``, ``"Surname"``, ``"Nat"``,
``"Chip Time"``...), in any order. Every row is checked; bad rows are reported with their line
number in the file and, unless the caller allows skipping them, nothing is written. The output is
rendered, read back and validated against the knowledge schema before it is written, and written
atomically (a temporary file in the same directory, then a rename).

The output is JSON, which is also YAML: one result per line, so it stays readable and diffable,
and :func:`bot.engine.loader.read_yaml` parses it as JSON (a 40,000-finisher file in ~0.07 s,
against ~10 s through libyaml). Every row holds every field (``null`` where the table has
nothing) and the athlete's id, so the loader checks the table column by column
(:mod:`bot.engine.rows`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.engine.durations import format_clock, parse_duration
from bot.engine.errors import DurationError, RacebotError
from bot.engine.loader import MAX_FILE_BYTES, format_location, validation_problems
from bot.engine.models import RaceFile
from bot.engine.normalize import normalize, slugify

Progress = Callable[[int, int], None]
MAX_PROBLEMS_SHOWN = 50
PROGRESS_EVERY = 1000
_HEADER_SEARCH_ROWS = 10  # a title or notes may come before the header row
_EXAMPLES = 5  # lines quoted in a warning

COLUMNS: dict[str, tuple[str, ...]] = {
    "position": ("position", "place", "pos", "rank", "overall", "overall place", "plc", "pl",
                 "finish position", "overall position", "overall rank", "ranking", "posn"),
    "name": ("name", "full name", "athlete", "runner", "competitor", "athlete name",
             "runner name", "participant", "participant name"),
    "first": ("first name", "firstname", "given name", "given names", "forename", "first"),
    "last": ("last name", "lastname", "surname", "family name", "last"),
    "country": ("country", "nationality", "nat", "nation", "ctry", "cty", "noc", "country code"),
    "club": ("club", "team", "affiliation", "club name", "club team"),
    "gender": ("gender", "sex", "m f"),
    "category": ("category", "cat", "age group", "agegroup", "division", "class", "age category",
                 "age cat", "age class"),
    "bib": ("bib", "bib number", "bib no", "no", "number", "race number", "race no", "bib num",
            "num"),
    "chip": ("chip time", "net time", "chip", "net", "chiptime", "nettime"),
    "gun": ("gun time", "official time", "time", "finish time", "result", "gun", "gross time",
            "finish", "gross", "final time"),
    "status": ("status", "state", "result status", "finish status"),
}  # fmt: skip
_HEADER_LOOKUP = {key: column for column, keys in COLUMNS.items() for key in keys}
_HEADER_COMPACT = {key.replace(" ", ""): column for key, column in _HEADER_LOOKUP.items()}
_STATUS = {
    "dnf": "dnf", "did not finish": "dnf", "retired": "dnf", "ret": "dnf", "abandoned": "dnf",
    "dns": "dns", "did not start": "dns", "non starter": "dns",
    "dq": "dq", "dsq": "dq", "disq": "dq", "disqualified": "dq",
}  # fmt: skip
_FINISHED = {"finished", "finish", "fin", "f", "ok", "finisher", "complete", "completed"}
_GENDERS = {
    "m": "M", "male": "M", "man": "M", "men": "M", "mens": "M",
    "f": "F", "female": "F", "w": "F", "woman": "F", "women": "F", "womens": "F",
    "lady": "F", "ladies": "F",
    "x": "X", "nb": "X", "non binary": "X", "nonbinary": "X", "other": "X", "diverse": "X",
}  # fmt: skip
_NO_GENDER = {"", "u", "unknown", "na", "n a", "none"}
_BLANK_TIMES = {"", "-", "--", "---", "—", "–", "n/a", "na", "none", "null", "nt", "no time"}
_POSITION_RE = re.compile(
    r"(=|t)?\s*(\d{1,3}(?:[,.\u00a0 ]\d{3})+|\d{1,8})\s*(?:st|nd|rd|th)?\s*\.?\s*(=)?"
)
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DELIMITERS = (",", ";", "\t", "|")
_LIMITS = {"country": 60, "club": 200, "category": 40, "bib": 20}


class ImportRefused(RacebotError):
    """The table cannot be imported; ``problems`` lists why, file and line first.

    Nothing has been written when this is raised.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        text = "\n".join(shown) + (f"\n…and {more} more" if more > 0 else "")
        super().__init__(f"import refused, nothing written:\n{text}")


@dataclass
class ImportReport:
    """What :func:`import_results` did."""

    output: Path
    rows: int = 0  # data rows read (not counting the header and blank lines)
    athletes: int = 0  # results written
    finishers: int = 0
    dnf: int = 0
    dns: int = 0
    dq: int = 0
    bad_rows: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    warnings: list[str] = field(default_factory=list)


class AthleteIds:
    """Unique athlete ids, as the importer gives them, in table order.

    The first athlete with a name gets the slug of the name (``"john-smith"``); later namesakes
    get their bib appended (``"john-smith-1234"``), or their position, or their line number.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, name: str, *, bib: str | None, position: int | None, line: int) -> str:
        key = slugify(name)
        if key in self._taken:
            suffix = slugify(bib or "") or str(position if position is not None else line)
            key = f"{key}-{suffix}"
            while key in self._taken:
                key = f"{key}-{line}"
        self._taken.add(key)
        return key


class _Notes:
    """Warnings about single rows, gathered into one line per kind."""

    def __init__(self) -> None:
        self.lines: dict[str, list[tuple[int, str]]] = {}

    def add(self, kind: str, line: int, value: str) -> None:
        self.lines.setdefault(kind, []).append((line, value))

    def render(self, name: str) -> list[str]:
        texts = []
        for kind, items in self.lines.items():
            examples = ", ".join(
                f"line {line}" + (f" ({value!r})" if value else "")
                for line, value in items[:_EXAMPLES]
            )
            more = " …" if len(items) > _EXAMPLES else ""
            rows = "1 row" if len(items) == 1 else f"{len(items):,} rows"
            texts.append(f"{name}: {kind} on {rows}: {examples}{more}")
        return texts


# --- reading the table -------------------------------------------------------------------------


def _decode(raw: bytes, name: str, warnings: list[str]) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if raw.startswith(b"PK\x03\x04"):
        raise ImportRefused([f"{name}: this is a zip file (an .xlsx workbook?): save it as CSV"])
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused([f"{name}: this is an .xls workbook: save it as CSV"])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportRefused([f"{name}: not readable UTF-16 text (byte {exc.start})"]) from exc
        warnings.append(f"{name}: read as UTF-16")
    elif b"\x00" in raw:
        raise ImportRefused([f"{name}: this is not a text table (it has NUL bytes)"])
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_mixed(raw, name, warnings)
    sample = text[:65536]
    if len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 200):
        raise ImportRefused([f"{name}: this is not a text table (it has control characters)"])
    return text


def _decode_mixed(raw: bytes, name: str, warnings: list[str]) -> str:
    """Line by line: UTF-8 where a line is valid UTF-8, Windows-1252 (or Latin-1) elsewhere."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    parts = []
    legacy: list[int] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            legacy.append(number)
            try:
                parts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(line.decode("latin-1"))
    shown = ", ".join(map(str, legacy[:_EXAMPLES])) + (" …" if len(legacy) > _EXAMPLES else "")
    warnings.append(
        f"{name}: not UTF-8 on {len(legacy):,} line(s) ({shown}); read those as Windows-1252: "
        "check accented names (better: save the table as UTF-8)"
    )
    return "\n".join(parts)


def _delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the most consistent number of columns."""
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            rows = [
                row
                for row in islice(
                    csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), 60
                )
                if any(cell.strip() for cell in row)
            ]
        except csv.Error:
            continue
        widths: dict[int, int] = {}
        for row in rows:
            widths[len(row)] = widths.get(len(row), 0) + 1
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        score = (count, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _records(text: str, name: str) -> list[tuple[int, list[str]]]:
    """Non-blank records, each with the number of the line it starts on (1-based)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportRefused([f"{name}: line {start}: not a readable table ({exc})"]) from exc
    return records


def _header_key(header: str) -> str | None:
    if header.strip() == "#":
        return "position"
    text = header.replace("_", " ").replace("#", " no ")
    for candidate in (text, re.sub(r"\(.*?\)|\[.*?\]", " ", text)):
        key = normalize(candidate)
        if not key:
            continue
        found = _HEADER_LOOKUP.get(key) or _HEADER_COMPACT.get(key.replace(" ", ""))
        if found is None and key.endswith((" no", " number", " num")):
            found = _HEADER_LOOKUP.get(key.rsplit(" ", 1)[0])
        if found is not None:
            return found
    return None


def map_headers(headers: list[str]) -> dict[str, int]:
    """Which column index holds each field; the first match of a field wins."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        column = _header_key(header)
        if column is not None and column not in mapping:
            mapping[column] = index
    return mapping


def _usable(columns: dict[str, int]) -> bool:
    has_name = "name" in columns or ("first" in columns and "last" in columns)
    return has_name and bool(columns.keys() & {"position", "gun", "chip"})


def _find_header(
    records: list[tuple[int, list[str]]], name: str
) -> tuple[int, list[str], dict[str, int]]:
    """The index of the header record, its cells and its column mapping."""
    for index, (_, row) in enumerate(records[:_HEADER_SEARCH_ROWS]):
        columns = map_headers(row)
        if _usable(columns):
            return index, row, columns
    line, headers = records[0]
    columns = map_headers(headers)
    found = ", ".join(repr(h.strip()[:40]) for h in headers[:20] if h.strip()) or "nothing"
    if "name" not in columns and not ("first" in columns and "last" in columns):
        raise ImportRefused(
            [f"{name}: line {line}: no name column (expected Name, or First name and Last "
             f"name); found {found}"]
        )  # fmt: skip
    raise ImportRefused(
        [f"{name}: line {line}: no position or time column (expected Place, Time, Chip Time...); "
         f"found {found}"]
    )  # fmt: skip


# --- reading one row ---------------------------------------------------------------------------


def _position(text: str) -> tuple[int, bool] | str:
    """``"1"``, ``"1."``, ``"1st"``, ``"=3"``, ``"1,234"`` -> (position, tied); or a status."""
    lowered = normalize(text)
    if lowered in _STATUS:
        return _STATUS[lowered]
    m = _POSITION_RE.fullmatch(text.strip().lower())
    if m is None:
        raise ValueError(f"position {text!r} is not a number")
    value = int(re.sub(r"\D", "", m.group(2)))
    if not 1 <= value <= 10_000_000:
        raise ValueError(f"position {text!r} must be from 1 to 10,000,000")
    return value, bool(m.group(1) or m.group(3))


def _seconds(text: str, what: str) -> float | str | None:
    """A time in seconds, a status (``"dnf"``) written in the time column, or None if blank."""
    lowered = text.lower()
    if lowered in _BLANK_TIMES:
        return None
    status = _STATUS.get(normalize(text))
    if status is not None:
        return status
    try:
        seconds = parse_duration(text, press_style=False)
    except DurationError as exc:
        raise ValueError(f"{what} {text!r} is not a time (write h:mm:ss or mm:ss)") from exc
    return seconds


def _read_row(
    row: list[str], columns: dict[str, int], width: int, line: int, notes: _Notes
) -> dict[str, Any]:
    """One row as a result mapping (times in seconds); ValueError says what is wrong."""
    if len(row) > width and not any(cell.strip() for cell in row[width:]):
        row = row[:width]
    if len(row) != width:
        raise ValueError(f"expected {width} columns, found {len(row)}")
    for cell_text in row:
        if "\n" in cell_text or "\r" in cell_text:
            raise ValueError("a cell runs over several lines (a quote left open?)")

    def cell(column: str) -> str:
        index = columns.get(column)
        return row[index].strip() if index is not None else ""

    name = cell("name") or f"{cell('first')} {cell('last')}"
    name = " ".join(name.split())
    if not name:
        raise ValueError("no name")
    if not slugify(name):
        raise ValueError(f"name {name!r} has no letters or digits")
    if len(name) > 200:
        raise ValueError(f"name {name[:30]!r}… is longer than 200 characters")
    result: dict[str, Any] = {"name": name}
    status: str | None = None
    status_text = cell("status")
    if status_text:
        status = _STATUS.get(normalize(status_text))
        if status is None and normalize(status_text) not in _FINISHED:
            notes.add("status not understood (read as finished)", line, status_text)
    position_text = cell("position")
    if position_text.lower() not in _BLANK_TIMES:
        place = _position(position_text)
        if isinstance(place, str):
            status = place
        else:
            result["position"], result["_tied"] = place
    for column, target, what in (("gun", "time", "time"), ("chip", "chip_time", "chip time")):
        text = cell(column)
        if not text:
            continue
        value = _seconds(text, what)
        if isinstance(value, str):
            status = value
        elif value is not None and value > 0:
            result[target] = value
        elif value is not None:
            notes.add(f"{what} of zero read as no time", line, text)
    if "time" not in result and "chip_time" in result:
        result["time"] = result.pop("chip_time")
    if status is not None:
        result["status"] = status
        result.pop("position", None)
        result.pop("_tied", None)
    elif "position" not in result and "time" not in result:
        raise ValueError("no position and no time (mark non-finishers DNF or DNS)")
    for column, limit in _LIMITS.items():
        value = cell(column)
        if value:
            if len(value) > limit:
                raise ValueError(f"{column} {value[:30]!r}… is longer than {limit} characters")
            result[column] = value
    gender_text = cell("gender")
    if gender_text:
        key = normalize(gender_text)
        gender = _GENDERS.get(key)
        if gender is not None:
            result["gender"] = gender
        elif key not in _NO_GENDER:
            notes.add("gender not M, F or X (left out)", line, gender_text)
    return result


# --- the race and event ------------------------------------------------------------------------


def _distance(name: str) -> float | None:
    """The distance a race or event name states, in km (``"10K"``, ``"Half Marathon"``)."""
    text = normalize(name)
    if m := re.search(r"\b(\d+(?:\.\d+)?)\s*(?:k|km|kms|kilometres|kilometers)\b", text):
        value = float(m.group(1))
    elif m := re.search(r"\b(\d+(?:\.\d+)?)\s*(?:mi|mile|miles)\b", text):
        value = round(float(m.group(1)) * 1.609344, 3)
    elif m := re.search(r"\b(\d{3,5})\s*m\b", text):
        value = float(m.group(1)) / 1000
    elif re.search(r"\bhalf\b", text) and "marathon" in text:
        value = 21.0975
    elif "marathon" in text and "ultra" not in text:
        value = 42.195
    else:
        return None
    return value if 0 < value <= 1000 else None


def _event_gender(name: str) -> str | None:
    words = set(normalize(name).split())
    if words & {"women", "womens", "female", "ladies", "woman", "girls"}:
        return "F"
    if words & {"men", "mens", "male", "man", "boys"}:
        return "M"
    return None


def _race_name(race: str, year: int) -> str:
    race = " ".join(race.split())
    if not slugify(race):
        raise ImportRefused([f"race name {race!r} has no letters or digits"])
    years = {int(y) for y in _YEAR_RE.findall(race)}
    if not years:
        return f"{race} {year}"
    if year not in years:
        said = ", ".join(str(y) for y in sorted(years))
        raise ImportRefused([f"the race name {race!r} says {said} but the date is in {year}"])
    return race


def default_output(race: str, date: dt.date) -> Path:
    """``knowledge/<race-slug>[-<year>].yaml`` (the year only when the name lacks it)."""
    return Path("knowledge") / f"{slugify(_race_name(race, date.year))}.yaml"


# --- writing -----------------------------------------------------------------------------------


def clock(seconds: float) -> str:
    """h:mm:ss with tenths or hundredths when the time has them (``"0:00:10.96"``).

    Times to the tenth go through :func:`format_clock`; it is given values already rounded to
    the tenth, because it does not carry a rounded-up fraction into the seconds.
    """
    hundredths = round(seconds * 100)
    if hundredths % 10 == 0:
        return format_clock(hundredths / 100)
    whole, frac = divmod(hundredths, 100)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}.{frac:02d}"


_FIELD_ORDER = ("name", "id", "position", "time", "chip_time", "status", "country", "club",
                "category", "bib", "gender")  # fmt: skip
_DEFAULTS = {"status": "finished"}


def render_json(data: dict[str, Any]) -> str:
    """The knowledge file as JSON (which is also YAML), one result per line."""
    event_lines = []
    for event in data["events"]:
        head = {k: v for k, v in event.items() if k != "results"}
        rows = []
        for result in event["results"]:
            # Every field on every row (null when the table has nothing): rows of one shape
            # load column by column (see bot.engine.rows).
            row = {k: result.get(k, _DEFAULTS.get(k)) for k in _FIELD_ORDER}
            for k in ("time", "chip_time"):
                if row[k] is not None:
                    row[k] = clock(row[k])
            rows.append("      " + json.dumps(row, ensure_ascii=False))
        head_text = json.dumps(head, ensure_ascii=False)[:-1]
        event_lines.append(f'    {head_text}, "results": [\n' + ",\n".join(rows) + "\n    ]}")
    race = json.dumps(data["race"], ensure_ascii=False)
    return '{\n  "race": ' + race + ',\n  "events": [\n' + ",\n".join(event_lines) + "\n  ]\n}\n"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half a file.

    The temporary file is removed on any failure and the error (an ``OSError`` when the disk is
    full or the directory is not writable) goes to the caller: the command line names the file.
    """
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


# --- the import --------------------------------------------------------------------------------


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
    """Read the results table ``source`` and write it as a knowledge file.

    ``output`` defaults to :func:`default_output`. Raises :class:`ImportRefused` (and writes
    nothing) when the table cannot be read, or has bad rows and ``skip_bad_rows`` is off.
    ``progress(rows_done, total_rows)`` is called every 1,000 rows and at the end.
    """
    source = Path(source)
    name = source.name
    if isinstance(date, dt.datetime):
        date = date.date()
    race_name = _race_name(race, date.year)
    event_name = " ".join(event.split())
    if not slugify(event_name):
        raise ImportRefused([f"event name {event!r} has no letters or digits"])
    output = Path(output) if output is not None else default_output(race, date)
    report = ImportReport(output=output)
    warnings = report.warnings

    records, header_index, headers, columns = _table(source, name, warnings)
    if header_index:
        above = ", ".join(str(line) for line, _ in records[:header_index])
        warnings.append(f"{name}: header on line {records[header_index][0]}; ignored line(s) "
                        f"{above} above it")  # fmt: skip
    used = set(columns.values())
    ignored = [h.strip() for i, h in enumerate(headers) if i not in used and h.strip()]
    if ignored:
        warnings.append(f"{name}: columns not imported: {', '.join(ignored)}")
    if "position" not in columns:
        warnings.append(f"{name}: no position column: places are not set, only times")
    data_rows = records[header_index + 1 :]
    results, lines, bad = _read_rows(data_rows, columns, len(headers), name, warnings, progress)
    report.rows = len(data_rows)
    if bad and not skip_bad_rows:
        raise ImportRefused([f"{name}: line {line}: {reason}" for line, reason in bad])

    distance = _distance(event_name) or _distance(race_name)
    race_aliases = {" ".join(race.split()), normalize(race)} - {race_name, ""}
    data: dict[str, Any] = {
        "race": {
            "id": slugify(race_name),
            "name": race_name,
            "year": date.year,
            "date": date.isoformat(),
            **({"distance_km": distance} if distance else {}),
            "aliases": sorted(race_aliases),
            "document": f"results table {name}",
        },
        "events": [
            {
                "id": slugify(event_name),
                "name": event_name,
                **({"gender": g} if (g := _event_gender(event_name)) else {}),
                "complete": True,
                "source": f"results table {name}",
                "results": results,
            }
        ],
    }
    text = _checked_text(data, lines, bad, output.name, name, skip_bad_rows)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ImportRefused([f"{name}: the knowledge file would be over the loader's limit "
                             f"of {MAX_FILE_BYTES // 2**20} MiB"])  # fmt: skip
    if output.suffix not in (".yaml", ".yml"):
        warnings.append(f"{output}: not a .yaml file: the bot only loads *.yaml and *.yml")
    if output.exists():
        warnings.append(f"{output}: replaced the existing file")
    report.bad_rows = sorted(bad)
    report.athletes = len(results)
    for result in results:
        status = result.get("status", "finished")
        if status == "finished":
            report.finishers += 1
        elif status in ("dnf", "dns", "dq"):
            setattr(report, status, getattr(report, status) + 1)
    write_atomically(output, text)
    return report


def _table(
    source: Path, name: str, warnings: list[str]
) -> tuple[list[tuple[int, list[str]]], int, list[str], dict[str, int]]:
    """The table's records, where its header is, the header cells and the columns found."""
    records = _read_table(source, name, warnings)
    header_index, headers, columns = _find_header(records, name)
    while headers and not headers[-1].strip():
        headers = headers[:-1]
    return records, header_index, headers, columns


def read_results(source: Path) -> list[dict[str, Any]]:
    """The rows of a results table as ``racebot import`` reads them (each with its id, times in
    seconds). Raises :class:`ImportRefused` naming every bad row."""
    name, warnings = source.name, list[str]()
    records, header_index, headers, columns = _table(source, name, warnings)
    data_rows = records[header_index + 1 :]
    results, _, bad = _read_rows(data_rows, columns, len(headers), name, warnings, None)
    if bad:
        raise ImportRefused([f"{name}: line {line}: {reason}" for line, reason in bad])
    return results


def _read_table(source: Path, name: str, warnings: list[str]) -> list[tuple[int, list[str]]]:
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused([f"{name}: the table is too large ({size:,} bytes)"])
        raw = source.read_bytes()
    except OSError as exc:
        raise ImportRefused([f"{name}: cannot read the file ({exc.strerror or exc})"]) from exc
    records = _records(_decode(raw, name, warnings), name)
    if not records:
        raise ImportRefused([f"{name}: the table is empty"])
    return records


def _read_rows(
    rows: list[tuple[int, list[str]]],
    columns: dict[str, int],
    width: int,
    name: str,
    warnings: list[str],
    progress: Progress | None,
) -> tuple[list[dict[str, Any]], list[int], list[tuple[int, str]]]:
    """Results (with ids), the line of each, and bad rows as (line, reason)."""
    results: list[dict[str, Any]] = []
    lines: list[int] = []
    bad: list[tuple[int, str]] = []
    positions: dict[int, int] = {}
    bibs: dict[str, int] = {}
    ids = AthleteIds()
    notes = _Notes()
    total = len(rows)
    for done, (line, row) in enumerate(rows, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        try:
            result = _read_row(row, columns, width, line, notes)
        except ValueError as exc:
            bad.append((line, str(exc)))
            continue
        position = result.get("position")
        tied = result.pop("_tied", False)
        if position is not None and position in positions:
            reason = f"position {position} is also on line {positions[position]}"
            if tied:
                reason += " (a tie: a knowledge file holds one athlete per position)"
            bad.append((line, reason))
            continue
        bib = result.get("bib")
        if bib is not None and bib in bibs:
            bad.append((line, f"bib {bib} is also on line {bibs[bib]}"))
            continue
        if position is not None:
            positions[position] = line
        if bib is not None:
            bibs[bib] = line
        # every id written out: the loader then checks 40,000 ids at once, not 40,000 slugs
        result["id"] = ids.take(result["name"], bib=bib, position=position, line=line)
        results.append(result)
        lines.append(line)
    if progress is not None:
        progress(total, total)
    warnings.extend(notes.render(name))
    return results, lines, bad


def _checked_text(
    data: dict[str, Any],
    lines: list[int],
    bad: list[tuple[int, str]],
    display: str,
    name: str,
    skip_bad_rows: bool,
) -> str:
    """Render ``data``, read the text back and validate it as the loader will.

    Rows the schema rejects are bad rows: skipped with ``skip_bad_rows`` (and the rest rendered
    again), else the import is refused. Times must read back as they were read from the table.
    """
    results: list[dict[str, Any]] = data["events"][0]["results"]
    for _ in range(3):
        if not results:
            raise ImportRefused([f"{name}: no athletes to import"])
        text = render_json(data)
        try:
            parsed = RaceFile.model_validate(json.loads(text))
        except ValidationError as exc:
            rejected, elsewhere = _rejected_rows(exc, lines)
            if not rejected or elsewhere:
                raise ImportRefused(validation_problems(display, exc)) from exc
            if not skip_bad_rows:
                raise ImportRefused(
                    [f"{name}: line {lines[i]}: {reason}" for i, reason in sorted(rejected.items())]
                ) from exc
            bad.extend((lines[i], reason) for i, reason in rejected.items())
            keep = [i for i in range(len(results)) if i not in rejected]
            results[:] = [results[i] for i in keep]
            lines[:] = [lines[i] for i in keep]
            continue
        for result, read in zip(parsed.events[0].results, results, strict=True):
            for key in ("time", "chip_time"):
                written: float | None = getattr(result, key)
                wanted: float | None = read.get(key)
                if written is None or wanted is None:
                    same = written is wanted
                else:
                    same = math.isclose(written, wanted, abs_tol=0.006)
                if not same:
                    raise ImportRefused([f"{display}: {result.name}: {key} {wanted!r} would be "
                                         f"written as {written!r} (an importer bug)"])  # fmt: skip
        return text
    raise ImportRefused([f"{name}: rows keep failing validation"])


def _rejected_rows(exc: ValidationError, lines: list[int]) -> tuple[dict[int, str], int]:
    """Errors located in one result, by result index (``{3: "bib: String should..."}``), and
    how many errors are elsewhere."""
    rejected: dict[int, str] = {}
    elsewhere = 0
    for item in exc.errors(include_url=False):
        loc = tuple(item["loc"])
        if (
            len(loc) >= 4
            and loc[:3] == ("events", 0, "results")
            and isinstance(loc[3], int)
            and loc[3] < len(lines)
        ):
            where = format_location(loc[4:]) if len(loc) > 4 else ""
            message = item["msg"].removeprefix("Value error, ")
            rejected.setdefault(loc[3], f"{where}: {message}" if where else message)
        else:
            elsewhere += 1
    return rejected, elsewhere

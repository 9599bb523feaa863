"""A draft to a knowledge file: YAML a person reviews, with a ``# check:`` comment on whatever is
uncertain. The text is validated against the knowledge schema before anything is written, and
written atomically; nothing is overwritten unless asked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml
from pydantic import ValidationError
from rapidfuzz import fuzz

from bot.draft.extract import Athlete, Draft, Event, Note
from bot.draft.text import DraftError
from bot.engine.durations import format_clock, format_time
from bot.engine.importer import write_atomically
from bot.engine.loader import validation_problems
from bot.engine.models import MAX_TEXT, RaceFile
from bot.engine.normalize import normalize, slugify

try:  # libyaml, as the loader uses: a big results table parses many times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Value = Union[str, int, float, bool, list[str], "Mapping", list["Mapping"], None]


@dataclass
class Mapping:
    items: list[tuple[str, Value, str | None]] = field(default_factory=list)

    def add(self, key: str, value: Value, check: str | None = None) -> None:
        if value is None or value == [] or value == "":
            return
        self.items.append((key, value, check))


def _scalar(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return _NOT_YAML_RE.sub(
        lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False)
    )


# Characters a YAML stream may not hold as they are (JSON leaves them unescaped)
_NOT_YAML_RE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _comment(check: str | None) -> str:
    if not check:
        return ""
    text = " ".join(check.split())
    return "  # check: " + "".join(ch if ch.isprintable() else "?" for ch in text)


def _emit(mapping: Mapping, indent: int, lines: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for number, (key, value, check) in enumerate(mapping.items):
        prefix = first_prefix if number == 0 and first_prefix is not None else pad
        if isinstance(value, Mapping):
            lines.append(f"{prefix}{key}:{_comment(check)}")
            _emit(value, indent + 2, lines)
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            lines.append(f"{prefix}{key}:{_comment(check)}")
            for item in value:
                assert isinstance(item, Mapping)
                flat = all(
                    c is None and isinstance(v, str | int | float | bool) for _k, v, c in item.items
                )
                if flat and len(value) > 50:
                    # a results table's rows: one line each, which also loads far faster
                    row = {k: v for k, v, _c in item.items}
                    lines.append(" " * (indent + 2) + "- " + json.dumps(row, ensure_ascii=False))
                else:
                    _emit(item, indent + 4, lines, " " * (indent + 2) + "- ")
        elif isinstance(value, list):
            inner = ", ".join(_scalar(v) for v in value if isinstance(v, str))
            lines.append(f"{prefix}{key}: [{inner}]{_comment(check)}")
        elif value is not None:
            lines.append(f"{prefix}{key}: {_scalar(value)}{_comment(check)}")


@dataclass
class Row:
    """A results-table row: name, place, time and what the table adds."""

    fields: dict[str, object]


def _result(athlete: Athlete) -> Mapping:
    entry = Mapping()
    entry.add("name", athlete.name, athlete.event_check)
    if athlete.key != slugify(athlete.name):
        entry.add("id", athlete.key)
    entry.add("aliases", sorted(athlete.aliases))
    sources = Mapping()
    if athlete.position is not None:
        entry.add("position", int(str(athlete.position.value)), athlete.position.check)
        if athlete.implied:
            entry.add("position_implied", True, "implied by the report, not stated")
        sources.add("position", athlete.position.source)
    if athlete.time is not None:
        entry.add("time", format_time(float(str(athlete.time.value))), athlete.time.check)
        sources.add("time", athlete.time.source)
    if athlete.status is not None:
        entry.add("status", str(athlete.status.value))
    elif athlete.position is None and athlete.time is None:
        entry.add("status", "unknown", "named as racing, but the report gives no place or time")
    if athlete.country is not None:
        entry.add("country", str(athlete.country.value), athlete.country.check)
        sources.add("country", athlete.country.source)
    entry.add("descriptions", sorted(athlete.descriptions)[:6])
    if athlete.position is None and athlete.time is None and athlete.name_source:
        sources.items.insert(0, ("name", athlete.name_source, None))
    if sources.items:
        entry.add("sources", sources)
    return entry


def render(
    draft: Draft,
    *,
    source_name: str,
    report_file: str | None,
    rows: list[dict[str, object]] | None = None,
    table_name: str | None = None,
    table_event: str | None = None,
) -> str:
    """The knowledge file's text."""
    notes = list(draft.notes)
    race = Mapping()
    race.add("id", draft.race_id)
    race.add("name", draft.race_name)
    race.add("year", draft.date.year)
    if draft.date_known:
        race.add("date", draft.date.isoformat())
    race.add("city", draft.city)
    race.add("distance_km", draft.distance_km)
    race.add("aliases", draft.aliases)
    document = f"race report {source_name}"
    if table_name:
        document += f" and results table {table_name}"
    race.add("document", document)
    race.add("report_file", report_file)
    events: list[Mapping] = []
    merged = _merge(draft, rows, table_name, table_event, notes) if rows is not None else None
    for event in draft.events:
        mapping = Mapping()
        mapping.add("id", event.id)
        mapping.add("name", event.name)
        mapping.add("gender", event.gender)
        mapping.add("kind", event.kind)
        marathon = "marathon" in normalize(draft.race_name)
        mapping.add("aliases", [a for a in event.aliases if marathon or "marathon" not in a])
        if merged is not None and event.id == merged[0]:
            mapping.add("complete", True)
            mapping.add("source", f"results table {table_name}")
            mapping.add("results", merged[1])
        else:
            mapping.add("source", event.source)
            mapping.add("results", [_result(a) for a in draft.athletes if a.event == event.id])
        events.append(mapping)
    emitted = {event.id for event in draft.events}
    data = Mapping()
    data.add("race", race)
    data.add("events", events)
    people = []
    runners = {a.key for a in draft.athletes} | {_entry_id(m) for m in (merged or ("", []))[1]}
    for person in draft.people:
        if person.key in runners:
            continue  # the table lists them: an athlete, not a person who did not run
        mapping = Mapping()
        mapping.add("id", person.key)
        mapping.add("name", person.name)
        mapping.add("aliases", sorted(person.aliases))
        mapping.add("role", person.role)
        if person.country is not None:
            mapping.add("country", str(person.country.value), person.country.check)
        mapping.add("descriptions", sorted(person.descriptions)[:6])
        mapping.add("source", person.name_source)
        people.append(mapping)
    data.add("people", people)
    records = []
    for record in draft.records:
        mapping = Mapping()
        mapping.add("id", record.id, "; ".join(record.checks) or None)
        mapping.add("title", record.title)
        mapping.add("kind", record.kind)
        mapping.add("event", record.event if record.event in emitted else None)
        mapping.add("holder", record.holder)
        mapping.add("holder_name", record.holder_name)
        if record.time is not None:
            mapping.add("time", format_time(record.time))
        if record.set_here:
            mapping.add("set_here", True)
        mapping.add("previous_holder", record.previous_holder)
        mapping.add("previous_year", record.previous_year)
        if record.previous_time is not None:
            mapping.add("previous_time", format_time(record.previous_time))
        if record.margin is not None:
            mapping.add("margin", format_clock(record.margin))
        if record.margin_approx:
            mapping.add("margin_approx", True)
        mapping.add("margin_text", record.margin_text)
        mapping.add("source", record.source)
        records.append(mapping)
    data.add("records", records)
    comparisons = []
    for comparison in draft.comparisons:
        mapping = Mapping()
        mapping.add("athlete", comparison.athlete)
        mapping.add("record", comparison.record)
        mapping.add("relation", comparison.relation)
        if comparison.amount is not None:
            mapping.add("amount", format_clock(comparison.amount))
        if comparison.approx:
            mapping.add("approx", True)
        mapping.add("text", comparison.text)
        mapping.add("source", comparison.source)
        comparisons.append(mapping)
    data.add("comparisons", comparisons)
    facts = []
    for fact in draft.facts:
        if len(fact.text) > MAX_TEXT:
            continue  # a paragraph too long to cite: the report copy still holds it
        mapping = Mapping()
        mapping.add("id", fact.id)
        mapping.add("about", fact.about)
        mapping.add("event", fact.event if fact.event in emitted else None)
        mapping.add("text", fact.text)
        mapping.add("source", fact.text)
        facts.append(mapping)
    quotes = []
    for quote in draft.quotes:
        if max(len(quote.text), len(quote.source or "")) > MAX_TEXT:
            continue
        mapping = Mapping()
        if quote.by is None:
            mapping.add("id", f"quote-{len(facts) + 1}", quote.check)
            mapping.add("text", quote.text)
            mapping.add("source", quote.source)
            facts.append(mapping)
            continue
        mapping.add("by", quote.by, quote.check)
        mapping.add("text", quote.text)
        mapping.add("source", quote.source)
        quotes.append(mapping)
    data.add("facts", facts)
    data.add("quotes", quotes)
    header = [
        f"# Drafted by `racebot draft` from {source_name}"
        + (f" and {table_name}" if table_name else "")
        + ". Review it: every `# check:` marks",
        "# something uncertain. Nothing the report does not say is filled in; every `source` is",
        "# the report's sentence, verbatim.",
    ]
    header += [f"# check: {' '.join(note.split())}" for note in notes]
    lines: list[str] = [*header, ""]
    _emit(data, 0, lines)
    return "\n".join(lines) + "\n"


def _entry_id(entry: Mapping) -> str:
    values = {key: value for key, value, _ in entry.items}
    return str(values.get("id") or slugify(str(values.get("name", ""))))


def _match(name: str, athletes: list[Athlete]) -> Athlete | None:
    target = normalize(name)
    words = target.split()
    best: tuple[float, Athlete | None] = (0.0, None)
    for athlete in athletes:
        names = [athlete.name, *athlete.aliases]
        for candidate in names:
            other = normalize(candidate)
            if other == target:
                return athlete
            parts = other.split()
            if words and parts and words[-1] == parts[-1] and words[0][:1] == parts[0][:1]:
                return athlete
            score = fuzz.token_sort_ratio(other, target)
            if score > best[0]:
                best = (score, athlete)
    return best[1] if best[0] >= 90 else None


def _merge(
    draft: Draft,
    rows: list[dict[str, object]],
    table_name: str | None,
    table_event: str | None,
    notes: list[str],
) -> tuple[str, list[Mapping]]:
    """The table's rows and the report's athletes of that event, as one event's results."""
    event_name = table_event or "Race"
    slug = slugify(event_name) or "race"
    words = set(normalize(event_name).split())
    gender = (
        "F"
        if words & {"women", "womens", "female", "ladies", "woman"}
        else ("M" if words & {"men", "mens", "male", "man"} else None)
    )
    wheel = "wheelchair" in words
    event = next((e for e in draft.events if e.id == slug), None) or next(
        (e for e in draft.events if gender and e.gender == gender and bool(e.kind) == wheel), None
    )
    if event is None:
        event = Event(slug, event_name, gender, "wheelchair" if wheel else None)
        draft.events.append(event)
    members = [a for a in draft.athletes if a.event == event.id]
    others = [a for a in draft.athletes if a.event != event.id]
    used: set[str] = set()
    results: list[Mapping] = []
    taken_positions = {int(str(r["position"])) for r in rows if r.get("position") is not None}
    for row in rows:
        name = str(row["name"])
        # the report's athlete of another event when that event was a guess, or when the
        # table names them exactly (one person, one id: the table's event wins)
        athlete = _match(name, members) or _match(
            name, [a for a in others if a.event_check or a.key == slugify(name)]
        )
        entry = Mapping()
        entry.add("name", name)
        row_id = row.get("id")
        if isinstance(row_id, str) and row_id != slugify(name):
            entry.add("id", row_id)
        elif athlete is not None and athlete.key != slugify(name):
            entry.add("id", athlete.key)
        sources = Mapping()
        if athlete is not None:
            used.add(athlete.key)
            aliases = sorted(({athlete.name} | athlete.aliases) - {name})
            entry.add("aliases", aliases)
        for key, check_note in (
            ("position", athlete.position if athlete else None),
            ("time", athlete.time if athlete else None),
        ):
            value = row.get(key)
            if value is None:
                if key == "position" and row.get("status") in ("dnf", "dns", "dq"):
                    continue  # the table says they did not finish: no place from the report
                if (
                    key == "position"
                    and check_note is not None
                    and int(str(check_note.value)) in taken_positions
                ):
                    continue  # the table (or a row above) gives that place to another
                if check_note is not None:
                    shown = _show(key, check_note)
                    entry.add(key, shown, "from the report; the table gives none")
                    if key == "position":  # one row only: a name the table holds twice
                        taken_positions.add(int(str(check_note.value)))
                    sources.add(key, check_note.source)
                continue
            shown_row = _show_value(key, value)
            check = None
            if check_note is not None and _show(key, check_note) != shown_row:
                check = f"the report says {_show(key, check_note)}"
                sources.add(key, check_note.source)
            entry.add(key, shown_row, check)
        if row.get("chip_time") is not None:
            entry.add("chip_time", format_time(float(str(row["chip_time"]))))
        status = row.get("status")
        if isinstance(status, str) and status != "finished":
            entry.add("status", status)
        country = row.get("country")
        if isinstance(country, str):
            entry.add("country", country)
        elif athlete is not None and athlete.country is not None:
            entry.add("country", str(athlete.country.value), athlete.country.check)
            sources.add("country", athlete.country.source)
        for key in ("club", "bib", "category", "gender"):
            value = row.get(key)
            if isinstance(value, str):
                entry.add(key, value)
        if athlete is not None:
            entry.add("descriptions", sorted(athlete.descriptions)[:6])
        if sources.items:
            entry.add("sources", sources)
        results.append(entry)
    for athlete in members:
        if athlete.key in used:
            continue
        entry = _result(athlete)
        clash = athlete.position is not None and int(str(athlete.position.value)) in taken_positions
        entry.items = [
            item
            for item in entry.items
            if not (clash and item[0] in ("position", "position_implied"))
        ]
        message = "named by the report but not found in the results table"
        if clash:
            message += f"; the report's place {athlete.position.value if athlete.position else ''}"
            message += " is another athlete's in the table"
        name, value, _old = entry.items[0]
        entry.items[0] = (name, value, message)
        keys = {k for k, _v, _c in entry.items}
        if (athlete.position is None or clash) and not keys & {"status", "time"}:
            entry.add("status", "unknown")
        results.append(entry)
    draft.athletes = [a for a in draft.athletes if a.event != event.id and a.key not in used]
    draft.events = [
        e for e in draft.events if e.id == event.id or any(a.event == e.id for a in draft.athletes)
    ]
    return event.id, results


def _show(key: str, note: Note) -> str | int:
    return _show_value(key, note.value)


def _show_value(key: str, value: object) -> str | int:
    if key == "time":
        return format_time(float(str(value)))
    return int(str(value))


def validate(text: str, display: str) -> RaceFile:
    """The rendered text must load as a knowledge file: a draft never needs fixing to load."""
    data = yaml.load(text, Loader=_Loader)
    try:
        return RaceFile.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(display, exc)
        raise DraftError(f"internal error, the draft does not validate: {problems[0]}") from exc


def write(output: Path, text: str, report: str | None, report_path: Path | None) -> None:
    """Write the knowledge file (and the report copy beside it) atomically."""
    if report is not None and report_path is not None:
        write_atomically(report_path, report)
    write_atomically(output, text)

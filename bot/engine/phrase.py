"""Findings into English: every reply of the text-found and worked-out kinds is worded here."""

from __future__ import annotations

from functools import singledispatch

from bot.engine import findings as f
from bot.engine.durations import format_gap, format_time

DONT_KNOW = "My source doesn't say"
_QUOTE_MARKS = "“”\"' "


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def _quoted(words: tuple[str, ...]) -> str:
    return "“" + " ".join(words) + "”"


@singledispatch
def phrase(finding: object) -> str:
    raise TypeError(f"no phrasing for {type(finding).__name__}")


@phrase.register
def _(finding: f.TextFound) -> str:
    texts = [p.text for p in finding.passages]
    return " ".join(texts)


@phrase.register
def _(finding: f.Said) -> str:
    body = " ".join("“" + q.text.strip(_QUOTE_MARKS) + "”" for q in finding.quotes)
    return f"{finding.speaker} said: {body}"


@phrase.register
def _(finding: f.NotCovered) -> str:
    if finding.event_kind:
        text = f"The {finding.race_name} knowledge has no {' '.join(finding.words)} results"
        if finding.events:
            text += "; its events are " + ", ".join(finding.events)
        return text + "."
    return (
        f"{DONT_KNOW} anything about {_quoted(finding.words)} at the {finding.race_name}, "
        "so I can't answer that."
    )


@phrase.register
def _(finding: f.Threshold) -> str:
    athlete, limit = finding.athlete, finding.limit
    assert athlete.time is not None
    yes = finding.under == finding.asked_under
    relation = "under" if finding.under else "over"
    gap = format_gap(abs(limit - athlete.time))
    return (
        f"{'Yes' if yes else 'No'}: {athlete.name} ran {format_time(athlete.time)}, "
        f"{gap} {relation} {format_time(limit)}."
    )


@phrase.register
def _(finding: f.PlacesApart) -> str:
    first, second = finding.first, finding.second
    assert first.position is not None and second.position is not None
    n = finding.places
    return (
        f"{n} place{'s' if n != 1 else ''}: {first.name} was {ordinal(first.position)} and "
        f"{second.name} {ordinal(second.position)}."
    )


@phrase.register
def _(finding: f.RecordAge) -> str:
    years = finding.until - finding.since
    holder = f"{finding.holder}'s " if finding.holder else "The "
    title = finding.record.title
    return (
        f"{holder}{title} stood {years} year{'s' if years != 1 else ''}: set in "
        f"{finding.since}, broken in {finding.until}."
    )


@phrase.register
def _(finding: f.OldRecordTime) -> str:
    about = "about " if finding.approx else ""
    record = finding.record
    margin = record.margin_text or (format_gap(record.margin) if record.margin else "")
    new = format_time(record.time) if record.time is not None else "the new time"
    return (
        f"{finding.holder}'s old {record.title} was {about}{format_time(finding.time)}: "
        f"worked out from the new record, {new}, and the margin my source gives ({margin})."
    )

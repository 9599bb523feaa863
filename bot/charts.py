"""PNG charts of finish-time distributions (matplotlib, no display needed).

Drawing takes a few hundred milliseconds, so the Discord adapter calls these in a worker thread.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.engine import Answer, Engine, Event
from bot.engine.durations import format_time

MIN_FINISHERS = 50
"""Smaller fields read better as a list than as a histogram."""


def event_times(event: Event) -> list[float]:
    return [a.time for a in event.finishers if a.time is not None]


def distribution_png(
    times: Sequence[float], *, title: str, mark: float | None = None, mark_label: str | None = None
) -> bytes:
    """A histogram of finish times (hours on the x axis), with ``mark`` drawn as a line."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    hours = [t / 3600 for t in times]
    figure = Figure(figsize=(8, 4.2), dpi=100)
    axes = figure.subplots()
    bins = min(60, max(10, len(hours) // 50))
    axes.hist(hours, bins=bins, color="#4a7fb5", edgecolor="white", linewidth=0.4)
    axes.set_xlabel("finish time (hours)")
    axes.set_ylabel("finishers")
    axes.set_title(title)
    if mark is not None:
        axes.axvline(mark / 3600, color="#e34234", linewidth=2.2)
        faster = sum(1 for t in times if t < mark)
        share = 100 * faster / len(times) if times else 0
        label = f"{mark_label or 'time'}: {format_time(mark)} (faster than {100 - share:.0f}%)"
        axes.annotate(
            label,
            xy=(mark / 3600, 0.95),
            xycoords=("data", "axes fraction"),
            xytext=(6, 0),
            textcoords="offset points",
            color="#e34234",
            va="top",
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_event(engine: Engine, answer: Answer) -> Event | None:
    """The event whose field an answer's chart shows, when it is big enough for one."""
    if answer.race_id is None or answer.kind != "answer":
        return None
    race = engine.kb.races.get(answer.race_id)
    if race is None:
        return None
    athlete = answer.athletes[0] if answer.athletes else None
    event_id = athlete.event_id if athlete else answer.event_id
    events = [race.event(event_id)] if event_id else list(race.events)
    return next((e for e in events if e is not None and len(e.athletes) >= MIN_FINISHERS), None)


def chart_for_answer(engine: Engine, answer: Answer) -> bytes | None:
    """The chart that fits an answer: the athlete's time in the field, or the field alone."""
    event = chart_event(engine, answer)
    if event is None or len(event_times(event)) < MIN_FINISHERS:
        return None
    athlete = answer.athletes[0] if answer.athletes else None
    title = f"{event.race.name} — {event.name}: {len(event_times(event)):,} finishers"
    if athlete is not None and athlete.time is not None and athlete.event_id == event.id:
        return distribution_png(
            event_times(event), title=title, mark=athlete.time, mark_label=athlete.name
        )
    return distribution_png(event_times(event), title=title)

"""`racebot draft`: a race report (and optionally a results table) to a knowledge file to review.

Pure except for :func:`draft_file`, which reads the inputs and writes the outputs.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from bot.draft.extract import Draft, draft_text
from bot.draft.text import DraftError, read_report
from bot.draft.writer import render, validate, write

__all__ = ["DraftError", "DraftSummary", "draft_file", "draft_text", "read_table"]


@dataclass
class DraftSummary:
    output: Path
    report_copy: Path | None
    draft: Draft
    checks: int
    seconds: float
    results: int
    """Results in the file: the report's athletes and the table's rows, merged."""


def read_table(path: Path, event: str) -> list[dict[str, object]]:
    """The rows of a results table, read as `racebot import` reads them; DraftError if bad."""
    from bot.engine.importer import ImportRefused, read_results

    try:
        rows: list[dict[str, object]] = read_results(path)
    except ImportRefused as exc:
        raise DraftError(exc.problems[0]) from exc
    if not rows:
        raise DraftError(f"{path.name}: the results table is empty")
    return rows


def draft_file(
    report: Path,
    *,
    race: str,
    date: dt.date,
    output: Path,
    results: Path | None = None,
    event: str | None = None,
    force: bool = False,
    report_copy: bool = True,
    date_known: bool = True,
) -> DraftSummary:
    """Draft ``output`` from ``report`` (and ``results``); nothing is written on any error."""
    started = time.perf_counter()
    copy_path = output.with_name(output.name.removesuffix(output.suffix) + ".report.txt")
    if output.suffix not in (".yaml", ".yml"):
        raise DraftError(f"{output.name}: the output must be a .yaml file")
    if not force:
        for path in (output, copy_path if report_copy else None):
            if path is not None and path.exists():
                raise DraftError(f"{path} exists; pass --force to overwrite it")
    text = read_report(report)
    rows = read_table(results, event or "Race") if results is not None else None
    names = [str(row["name"]) for row in rows] if rows is not None else None
    draft = draft_text(
        text, race=race, date=date, name=report.name, date_known=date_known, known_names=names
    )
    rendered = render(
        draft,
        source_name=report.name,
        report_file=copy_path.name if report_copy else None,
        rows=rows,
        table_name=results.name if results is not None else None,
        table_event=event,
    )
    parsed = validate(rendered, output.name)
    write(output, rendered, text if report_copy else None, copy_path if report_copy else None)
    checks = rendered.count("# check:")
    return DraftSummary(
        output,
        copy_path if report_copy else None,
        draft,
        checks,
        time.perf_counter() - started,
        sum(len(event.results) for event in parsed.events),
    )

"""The terminal front end: ``racebot ask | chat | check | import | draft | run | sync``.

Only ``run`` and ``sync`` import discord.py; asking questions never does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from bot.engine import Answer, Conversation, Engine, KnowledgeError, RacebotError
from bot.engine.loader import load_directory
from bot.settings import Settings

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PROMPT = "you> "
CONNECT_HINT = (
    "No DISCORD_TOKEN set, so this is the terminal chat. To run on Discord, put "
    "DISCORD_TOKEN=... in .env (see README). Ask away; 'quit' or Ctrl-D leaves."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="racebot",
        description="Answers questions about races, on Discord or in this terminal.",
        epilog="With no command: runs the Discord bot when DISCORD_TOKEN is set, otherwise the "
        "terminal chat.",
    )
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        type=Path,
        help="directory of race knowledge files (default: $KNOWLEDGE_DIR or knowledge/)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer one question and exit")
    ask.add_argument("question", nargs="+", help='the question, e.g. "farah\'s time?"')
    ask.add_argument("--json", action="store_true", help="print the structured answer as JSON")
    ask.add_argument("--chart", metavar="FILE", type=Path, help="also write a PNG chart")

    chat = commands.add_parser("chat", help="an interactive chat that remembers context")
    chat.add_argument("--json", action="store_true", help="one JSON object per line")

    check = commands.add_parser("check", help="validate knowledge files")
    check.add_argument("directory", nargs="?", type=Path, help="default: the knowledge directory")

    imp = commands.add_parser("import", help="turn a results table (CSV) into a knowledge file")
    imp.add_argument("table", type=Path, help="the results table, e.g. results.csv")
    imp.add_argument("--race", required=True, help='race name, e.g. "Riverside 10K"')
    imp.add_argument("--date", required=True, help="race date, YYYY-MM-DD")
    imp.add_argument("--event", required=True, help='event name, e.g. "Men" or "10K"')
    imp.add_argument("-o", "--output", type=Path, help="knowledge file to write")
    imp.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, report the bad"
    )

    draft = commands.add_parser(
        "draft", help="turn a race report (and a results table) into a knowledge file to review"
    )
    draft.add_argument("report", type=Path, help="the race report, plain UTF-8 text")
    draft.add_argument("--race", required=True, help='race name, e.g. "London Marathon"')
    draft.add_argument(
        "--date", required=True, help="race date, YYYY-MM-DD (or only the year, YYYY, if unknown)"
    )
    draft.add_argument("--results", type=Path, help="a results table (CSV) to merge in")
    draft.add_argument("--event", help='the event of --results, e.g. "Men"')
    draft.add_argument("-o", "--output", required=True, type=Path, help="knowledge file to write")
    draft.add_argument("--force", action="store_true", help="overwrite existing files")

    commands.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    sync = commands.add_parser("sync", help="register slash commands with Discord")
    sync.add_argument("--guild", type=int, help="sync to one server (instant) instead of globally")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        )
        print(f"racebot: bad setting: {problems}", file=sys.stderr)
        return EXIT_USAGE
    if args.knowledge is not None:
        settings.knowledge_dir = args.knowledge
    command = args.command
    try:
        if command == "ask":
            return cmd_ask(settings, " ".join(args.question), args.json, args.chart)
        if command == "chat":
            return cmd_chat(settings, args.json, sys.stdin, sys.stdout)
        if command == "check":
            return cmd_check(args.directory or settings.knowledge_path())
        if command == "import":
            return cmd_import(args)
        if command == "draft":
            return cmd_draft(args)
        if command in ("run", "sync"):
            return cmd_discord(settings, command, getattr(args, "guild", None))
        # no command: Discord with a token, the terminal chat without one
        if settings.discord_token is not None:
            return cmd_discord(settings, "run", None)
        if not sys.stdin.isatty():
            print(
                "racebot: DISCORD_TOKEN is not set and standard input is not a terminal. "
                "Set DISCORD_TOKEN to run on Discord, or use 'racebot chat' / "
                "'racebot ask QUESTION'.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        print(CONNECT_HINT)
        return cmd_chat(settings, False, sys.stdin, sys.stdout)
    except KnowledgeError as exc:
        print("racebot: the knowledge files are invalid:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAILURE
    except RacebotError as exc:
        print(f"racebot: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130


def load_engine(settings: Settings) -> Engine:
    return Engine(load_directory(settings.knowledge_path()))


def render(answer: Answer) -> str:
    """The terminal rendering: the reply, then its source when there is one."""
    text = answer.text
    if answer.sources and answer.kind == "answer":
        source = answer.sources[0]
        text += f"\n  — source: “{source}”"
    return text


def cmd_ask(settings: Settings, question: str, as_json: bool, chart: Path | None) -> int:
    engine = load_engine(settings)
    answer = engine.ask(question)
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print(render(answer))
    if chart is not None:
        from bot.charts import chart_for_answer

        png = chart_for_answer(engine, answer)
        if png is None:
            print("racebot: no chart for this answer (it needs an event of 50+ timed finishers)",
                  file=sys.stderr)  # fmt: skip
            return EXIT_FAILURE
        chart.write_bytes(png)
        print(f"chart written to {chart}", file=sys.stderr)
    return EXIT_OK


def cmd_chat(settings: Settings, as_json: bool, stdin: TextIO, stdout: TextIO) -> int:
    engine = load_engine(settings)
    conversation = Conversation(ttl=settings.context_minutes * 60)
    interactive = stdin.isatty() and not as_json
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        line = stdin.readline()
        if not line:
            if interactive:
                stdout.write("\n")
            return EXIT_OK
        question = line.strip()
        if not question:
            continue
        if interactive and question.lower() in ("quit", "exit", "bye", ":q"):
            return EXIT_OK
        answer = engine.ask(question, conversation)
        if as_json:
            stdout.write(json.dumps({"question": question, "reply": answer.text},
                                    ensure_ascii=False) + "\n")  # fmt: skip
        else:
            stdout.write(render(answer) + "\n\n")
        stdout.flush()


def cmd_check(directory: Path) -> int:
    kb = load_directory(directory)
    for race in kb.races.values():
        athletes = sum(len(e.athletes) for e in race.events)
        report = ", with its report" if race.report else ""
        print(
            f"ok  {race.file}: {race.name}, {len(race.events)} events, {athletes:,} athletes"
            f"{report}"
        )
        for warning in race.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    print(f"{len(kb.races)} race(s) valid in {directory}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from bot.engine.importer import import_results

    try:
        date = dt.date.fromisoformat(args.date)
    except ValueError:
        print(f"racebot: --date must be YYYY-MM-DD, got {args.date!r}", file=sys.stderr)
        return EXIT_USAGE
    progress = _progress_printer() if sys.stderr.isatty() else None
    try:
        report = import_results(
            args.table,
            race=args.race,
            date=date,
            event=args.event,
            output=args.output,
            skip_bad_rows=args.skip_bad_rows,
            progress=progress,
        )
    except OSError as exc:  # writing the knowledge file failed; nothing was left behind
        where = exc.filename or args.output or "the knowledge file"
        print(f"racebot: cannot write {where} ({exc.strerror or exc}); nothing written",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILURE
    if progress is not None:
        sys.stderr.write("\n")
    for line_number, reason in report.bad_rows:
        print(f"skipped {args.table.name}: line {line_number}: {reason}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"wrote {report.output}: {report.athletes:,} athletes ({report.finishers:,} finishers, "
        f"{report.dnf} DNF, {report.dns} DNS); {len(report.bad_rows)} bad rows skipped. "
        f"Check it with: racebot check {report.output.parent}"
    )
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    from bot.draft import draft_file

    date_known = len(args.date.strip()) != 4
    try:
        date = dt.date.fromisoformat(args.date if date_known else f"{args.date}-01-01")
    except ValueError:
        print(f"racebot: --date must be YYYY-MM-DD or YYYY, got {args.date!r}", file=sys.stderr)
        return EXIT_USAGE
    if args.results is not None and not args.event:
        print("racebot: --results needs --event (the event the table lists)", file=sys.stderr)
        return EXIT_USAGE
    summary = draft_file(
        args.report,
        race=args.race,
        date=date,
        output=args.output,
        results=args.results,
        event=args.event,
        force=args.force,
        date_known=date_known,
    )
    draft = summary.draft
    copy = f" and {summary.report_copy.name}" if summary.report_copy else ""
    print(
        f"wrote {summary.output}{copy}: {len(draft.events)} events, {summary.results:,} results, "
        f"{len(draft.people)} other people, {len(draft.records)} records, "
        f"{len(draft.quotes)} quotes, "
        f"{len(draft.facts)} facts; {summary.checks} '# check:' lines to review. "
        f"Then: racebot check {summary.output.parent}"
    )
    return EXIT_OK


def _progress_printer() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\rimporting… {done:,}/{total:,} rows")
        sys.stderr.flush()

    return show


def cmd_discord(settings: Settings, command: str, guild: int | None) -> int:
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if settings.discord_token is None:
        print(
            "racebot: DISCORD_TOKEN is not set. Put it in .env or the environment "
            "(see README: 'Running on Discord').",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from bot.discord_app.runner import run_bot, sync_commands

    engine = load_engine(settings)
    if command == "sync":
        return sync_commands(settings, engine, guild)
    return run_bot(settings, engine)

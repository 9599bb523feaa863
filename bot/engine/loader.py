"""Loading and validating knowledge files.

:func:`load_directory` reads every ``*.yaml``/``*.yml`` file of a directory, validates each against
:class:`bot.engine.models.RaceFile`, and either returns a :class:`KnowledgeBase` or raises one
:class:`KnowledgeError` listing every problem, each as ``file: field.path: what is wrong``.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import from_json

from bot.engine.bulk import paused_gc
from bot.engine.errors import KnowledgeError
from bot.engine.knowledge import KnowledgeBase, Race, Stamp
from bot.engine.models import CHECKED_RESULT_KEYS, RaceFile
from bot.engine.rows import Columns, Row, check_results

try:  # libyaml is several times faster on big results files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 200 * 1024 * 1024


def format_location(loc: tuple[int | str, ...]) -> str:
    """``("events", 0, "results", 3, "time") -> "events[0].results[3].time"``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif str(part).startswith(("function-", "constrained-")):
            continue
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def validation_problems(name: str, error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        loc = format_location(tuple(item["loc"]))
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; see the example in knowledge/)"
        problems.append(f"{name}: {loc}: {message}")
    return problems


def read_yaml(path: Path, display: str) -> Any:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise KnowledgeError([f"{display}: cannot read the file ({exc.strerror or exc})"]) from exc
    if size > MAX_FILE_BYTES:
        raise KnowledgeError([f"{display}: file is too large ({size} bytes)"])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KnowledgeError([f"{display}: cannot read the file ({exc.strerror or exc})"]) from exc
    body = raw.removeprefix(codecs.BOM_UTF8)
    if body.lstrip()[:1] == b"{":
        # JSON is YAML too; big imported results files are written as JSON because it parses
        # fifty times faster. pydantic-core's parser reads the bytes (checking they are UTF-8)
        # and shares repeated strings (keys, countries...); anything it rejects is read below.
        try:
            return from_json(body, cache_strings="all")
        except (ValueError, RecursionError):
            pass
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(
            [f"{display}: byte {exc.start}: not UTF-8 text (save the file as UTF-8)"]
        ) from exc
    if text.lstrip().startswith("{"):  # anything json rejects goes to YAML for its message
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            pass
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise KnowledgeError([f"{display}: {where}YAML syntax error: {exc.problem}"]) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError([f"{display}: YAML error: {exc}"]) from exc
    except RecursionError as exc:
        raise KnowledgeError([f"{display}: YAML nested too deeply"]) from exc
    except Exception as exc:  # PyYAML raises what its constructors raise
        # A scalar the YAML library cannot build: a 5,000-digit number (Python's limit on
        # integer strings), a date like 2024-02-30, "!!timestamp x" (an AttributeError inside
        # PyYAML). Found again, with its place, to name it.
        raise KnowledgeError([f"{display}: {_bad_scalar(text, exc)}"]) from exc
    if "*" in text:  # aliases: refuse a few lines that expand to millions of values
        limit = 2 * len(text) + 10_000
        try:
            too_big = _expanded_size(data, limit) > limit
        except RecursionError:
            too_big = True
        if too_big:
            raise KnowledgeError(
                [f"{display}: YAML aliases expand to more than {limit:,} values (use fewer *refs)"]
            )
    return data


def _bad_scalar(text: str, error: Exception) -> str:
    """Where the value that ``error`` came from is: ``field.path: line L, column C: problem``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except Exception:  # only looking for a place to name
        root = None
    builder = yaml.SafeLoader("")
    stack: list[tuple[yaml.Node, tuple[int | str, ...]]] = [(root, ())] if root else []
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                builder.construct_object(node, deep=True)
            except yaml.YAMLError:
                continue
            except Exception as exc:
                mark = node.start_mark
                where = f"line {mark.line + 1}, column {mark.column + 1}"
                return f"{format_location(path)}: {where}: {_scalar_problem(node, exc)}"
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((value, (*path, str(name)[:60])))
                stack.append((key, path))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in reversed(list(enumerate(node.value))))
    return f"(top level): a value YAML cannot read ({error})"


def _scalar_problem(node: yaml.ScalarNode, error: Exception) -> str:
    digits = sum(ch.isdigit() for ch in node.value)
    if node.tag.endswith((":int", ":float")) and digits > 1000:
        return f"a number of {digits:,} digits is too long to be a value"
    if node.tag.endswith(":timestamp"):
        return f"{node.value[:40]!r} is not a real date ({error})"
    return f"{node.value[:40]!r} cannot be read ({error})"


def _expanded_size(data: Any, limit: int) -> int:
    """How many values ``data`` holds once every alias is expanded (stops past ``limit``)."""
    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        if not isinstance(node, dict | list):
            return 1
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        for item in (*node.keys(), *node.values()) if isinstance(node, dict) else node:
            total += size(item)
            if total > limit:
                break
        sizes[id(node)] = total
        return total

    return size(data)


def load_file(path: Path, display: str | None = None) -> Race:
    """Load and validate one knowledge file."""
    with paused_gc():
        return _load_file(path, display or path.name)


def _load_file(path: Path, name: str) -> Race:
    data = read_yaml(path, name)
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise KnowledgeError(
            [f"{name}: (top level): expected a mapping with race and events, got {kind}"]
        )
    parsed, results = _validate(data, name)
    report, warnings = None, []
    if parsed.race.report_file:
        report_path = path.parent / parsed.race.report_file
        if report_path.exists():
            report = read_report(report_path, name)
        else:  # still a valid race, only without its searchable report
            warnings.append(
                f"{name}: race.report_file: {report_path.name} is not beside it; "
                "narrative questions can use only the facts"
            )
    race = Race.build(parsed, name, report, results)
    race.warnings = warnings
    return race


def _validate(
    data: dict[Any, Any], name: str
) -> tuple[RaceFile, dict[int, list[Row] | Columns] | None]:
    """The file validated, and the results checked apart (by event index) if any were.

    Results tables take the fast path of :mod:`bot.engine.rows`; whenever it cannot vouch for
    every row, the whole file goes through the model, so every problem is reported as before.
    """
    split = _split_results(data)
    if split is not None:
        rest, results, keys = split
        try:
            return RaceFile.model_validate(rest, context={CHECKED_RESULT_KEYS: keys}), results
        except ValidationError:
            pass  # reported below, with every problem, exactly as the model words them
    try:
        return RaceFile.model_validate(data), None
    except ValidationError as exc:
        raise KnowledgeError(validation_problems(name, exc)) from exc


def _split_results(
    data: dict[Any, Any],
) -> tuple[dict[Any, Any], dict[int, list[Row] | Columns], dict[int, list[str]]] | None:
    """``data`` without its results, the results checked, and their keys (by event index)."""
    events = data.get("events")
    if type(events) is not list or not events:
        return None
    rest_events: list[Any] = []
    results: dict[int, list[Row] | Columns] = {}
    keys: dict[int, list[str]] = {}
    for index, event in enumerate(events):
        if type(event) is not dict:
            return None
        rows = event.get("results")
        if rows is None or (type(rows) is list and not rows):
            rest_events.append(event)
            continue
        if type(rows) is not list:
            return None
        checked = check_results(rows)
        if checked is None:
            return None
        results[index], keys[index] = checked
        rest_events.append({**event, "results": []})
    if not results:
        return None
    return {**data, "events": rest_events}, results, keys


def read_report(path: Path, display: str) -> str:
    """The report text named by ``race.report_file``: UTF-8, beside the knowledge file."""
    where = f"{display}: race.report_file"
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise KnowledgeError([f"{where}: {path.name} is too large"])
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise KnowledgeError([f"{where}: cannot read {path.name} ({exc.strerror or exc})"]) from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError(
            [f"{where}: {path.name}: byte {exc.start}: not UTF-8 text (save it as UTF-8)"]
        ) from exc
    if not text.strip():
        raise KnowledgeError([f"{where}: {path.name} is empty"])
    return text


def knowledge_files(directory: Path) -> list[Path]:
    if not directory.exists():
        raise KnowledgeError([f"{directory}: no such directory"])
    if not directory.is_dir():
        raise KnowledgeError([f"{directory}: not a directory"])
    try:
        files = sorted(
            p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
        )
    except OSError as exc:
        raise KnowledgeError([f"{directory}: cannot list the directory ({exc.strerror})"]) from exc
    return files


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _stamp(path: Path, race: Race | None = None) -> Stamp | None:
    """What ``path`` (and the report file its race names) is like now; None if unreadable."""
    own = _stat(path)
    if own is None:
        return None
    report_file = race.info.report_file if race is not None else None
    if not report_file:
        return (own,)
    report = _stat(path.parent / report_file)
    return (own, report) if report is not None else (own, (-1, -1, -1))


def load_directory(directory: Path | str, previous: KnowledgeBase | None = None) -> KnowledgeBase:
    """Load every knowledge file of ``directory``; all of them must be valid.

    With ``previous`` (the knowledge loaded before from the same directory), a file whose size,
    modification time and inode (and those of its report file) are unchanged is not read again:
    its race is kept as it was. Only new and changed files are read and validated.
    """
    directory = Path(directory)
    files = knowledge_files(directory)
    if not files:
        raise KnowledgeError([f"{directory}: no knowledge files (*.yaml) found"])
    problems: list[str] = []
    races: list[Race] = []
    stamps: dict[str, Stamp] = {}
    seen: dict[str, str] = {}
    if previous is None or previous.directory != directory:
        previous = KnowledgeBase()
    kept = {race.file: race for race in previous.races.values()}
    for path in files:
        race = kept.get(path.name)
        stamp = _stamp(path, race)
        if race is None or stamp is None or previous.stamps.get(path.name) != stamp:
            before = _stat(path)  # taken before reading: a change while reading is seen next time
            try:
                race = load_file(path)
            except KnowledgeError as exc:
                problems.extend(exc.problems)
                continue
            stamp = _stamp(path, race)
            if stamp is not None and before is not None:
                stamp = (before, *stamp[1:])
        if stamp is not None:
            stamps[path.name] = stamp
        if race.id in seen:
            problems.append(f"{path.name}: race.id: {race.id!r} is also the id in {seen[race.id]}")
            continue
        seen[race.id] = path.name
        races.append(race)
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase.of(races, directory, stamps)

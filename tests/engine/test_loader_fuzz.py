"""Generated YAML: every knowledge file loads or is refused naming the file, the field path and
the problem; never a traceback. The same for results tables given to ``racebot import``.

The documents are built from YAML text fragments, not from Python values, so they hold what a
person or a broken tool can write: huge numbers, impossible dates, tags, anchors and aliases,
deep nesting, odd characters, other encodings, and the wrong kind of value where a list or a
mapping is expected.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import KnowledgeError, load_directory
from bot.engine.importer import ImportRefused, import_results
from tests.test_cli import racebot

SCALARS = [
    "1", "-1", "0", "10000001", "3.5", "1e309", "-.inf", ".nan", "0x1F", "0o17", "1_000",
    "9" * 5000, "-" + "7" * 4400, "1." + "5" * 5000, "2024-05-12", "2024-02-30", "0000-01-01",
    "2024-05-12T10:00:00Z", "2024-13-01 25:61:61", "yes", "no", "on", "null", "~", "true",
    '"2:06:21"', "2:06:21", "2:61:00", "'31:02.4'", "DNF", "dns", "M", "F", "X", "''", '""',
    "Ann Lee", "José Müller", "\"\\u0000\"", "\"\\ud800\"", "'\u202e'", "\"\\t \"", "x" * 5000,
    "!!binary aGVsbG8=", "!!binary ???", "!!str 1", "!!int x", "!!float 1.5", "!!timestamp x",
    "!!set {a, b}", "!!omap [a: 1]", "!!python/object:os.system", "!custom 1", "!!null ''",
    "*undefined", "&anchor 1", "[]", "{}", "[1, [2, [3]]]", "{a: 1}", "? [a]\n: 1", "|\n  block",
    "'unterminated", '"unterminated', "{", "[", "- ", ":", "%YAML 1.1", "---", "...", "@x", "`x",
]  # fmt: skip
KEYS = ["race", "events", "results", "id", "name", "year", "date", "position", "time",
        "chip_time", "status", "gender", "aliases", "records", "facts", "people", "quotes",
        "about", "holder", "by", "text", "distance_km", "complete", "report_file", "<<", "1",
        "null", "Name", "nickname"]  # fmt: skip


def _flow(node: object) -> str:
    if isinstance(node, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in node.items()) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(_flow(v) for v in node) + "]"
    return str(node)


scalar = st.sampled_from(SCALARS).map(lambda s: s.replace("\n", " ")) | st.text(max_size=8)
value = st.recursive(
    scalar,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=12,
)
RESULT = {"name": "Ann Lee", "position": 1, "time": '"0:31:02"', "country": "GBR"}
EVENT = {"id": "open", "name": "Open", "results": [RESULT, {"name": "Bo Ray", "position": 2}]}
RACE = {"id": "club-10k", "name": "Club 10K", "year": 2024, "date": "2024-05-12"}
PLACES = [("race",), ("race", "id"), ("race", "year"), ("race", "date"), ("race", "aliases"),
          ("events",), ("events", 0), ("events", 0, "results"), ("events", 0, "results", 0),
          ("events", 0, "results", 0, "name"), ("events", 0, "results", 0, "time"),
          ("events", 0, "results", 1, "position"), ("events", 0, "id"), ("records",),
          ("facts",), ("people",), ("quotes",), ("events", 0, "results", 0, "aliases")]  # fmt: skip


def _document(place: tuple[str | int, ...], text: str, anchors: bool) -> str:
    document: dict[str, object] = {"race": dict(RACE), "events": [dict(EVENT)]}
    event = document["events"][0]  # type: ignore[index]
    event["results"] = [dict(r) for r in EVENT["results"]]  # type: ignore[attr-defined]
    node: object = document
    for step in place[:-1]:
        node = node[step]  # type: ignore[index]
    node[place[-1]] = text  # type: ignore[index]
    body = "\n".join(f"{key}: {_flow(item)}" for key, item in document.items())
    if anchors:  # an anchor to refer back to, and a key that repeats it
        body = "base: &base {id: x, name: X}\nlaughs: &l [*base, *base, *base]\n" + body
    return body + "\n"


def _check(directory: Path, data: bytes) -> None:
    path = directory / "race.yaml"
    path.write_bytes(data)
    try:
        load_directory(directory)
    except KnowledgeError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.startswith("race.yaml: "), problem
            assert "Traceback" not in problem
            # the file, then a field path or a line, then the problem
            rest = problem.removeprefix("race.yaml: ")
            assert re.match(r"\S.*: \S|line \d+|YAML|byte \d+|not UTF-8", rest), problem


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "utf-32"]


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(
    max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    place=st.sampled_from(PLACES),
    text=value.map(_flow),
    anchors=st.booleans(),
    encoding=st.sampled_from(ENCODINGS) | st.just("utf-8") | st.just("utf-8"),
    noise=st.binary(max_size=3) | st.just(b""),
)
def test_generated_yaml_loads_or_is_refused_with_its_place(
    tmp_path: Path,
    place: tuple[str | int, ...],
    text: str,
    anchors: bool,
    encoding: str,
    noise: bytes,
) -> None:
    document = _document(place, text, anchors)
    _check(tmp_path, document.encode(encoding, errors="replace") + noise)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("race: {id: x, name: X, year: " + "9" * 5000 + "}\nevents: []\n",
         "race.yaml: race.year: line 1, column 30: a number of 5,000 digits is too long"),
        ('{"race": {"id": "x", "name": "X", "year": ' + "9" * 5000 + '}, "events": []}',
         "race.yaml: race.year: line 1, column 43: a number of 5,000 digits is too long"),
        ("race: {id: x, name: X, date: 2024-02-30}\nevents: []\n",
         "race.yaml: race.date: line 1, column 30: '2024-02-30' is not a real date"),
        ("race: {id: x, name: X}\nevents:\n  - {id: e, name: E, results: [{name: A, time: 2:06:21"
         ", position: 1}, {name: B, position: " + "1" * 4400 + "}]}\n",
         "race.yaml: events[0].results[1].position: line 3, column "),
    ],
)  # fmt: skip
def test_values_yaml_cannot_build_are_named(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "race.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_directory(tmp_path)
    assert info.value.problems[0].startswith(expected), info.value.problems


def test_a_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    lines += ["race: {id: x, name: X, aliases: *a8}", "events: [{id: e, name: E}]"]
    (tmp_path / "race.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="aliases expand to more than"):
        load_directory(tmp_path)


def test_racebot_check_names_a_huge_number_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "race.yaml").write_text(
        "race: {id: x, name: X, year: " + "9" * 5000 + "}\nevents: []\n", encoding="utf-8"
    )
    result = racebot("check", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "race.yaml: race.year: line 1, column 30: a number of 5,000 digits" in result.stderr


# --- results tables ----------------------------------------------------------------------------

CELLS = ["1", "2", "=3", "3rd", "DNF", "DNS", "DQ", "", " ", "x", "0", "-1", "9" * 5000,
         "Ann Lee", "José Müller", "O'Brien", '"quoted, comma"', '"open quote', "2:06:21",
         "31:02.4", "2:61:00", "1:02:03:04", "-", "M", "F", "W", "?", "GBR", "\x00", "\u202e",
         "a" * 300, "\ufeff", "1,234", "2024-05-12", "1e309", "nan"]  # fmt: skip
HEADERS = ["Place", "Pos", "Name", "First Name", "Surname", "Time", "Chip Time", "Gun Time",
           "Country", "Club", "Bib", "Sex", "Category", "Status", "", "Notes", "#",
           "Name"]  # fmt: skip
row = st.lists(st.sampled_from(CELLS) | st.text(max_size=6), min_size=0, max_size=7)


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(
    max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    headers=st.lists(st.sampled_from(HEADERS), min_size=0, max_size=7),
    rows=st.lists(row, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(ENCODINGS),
    skip=st.booleans(),
)
def test_generated_tables_import_or_are_refused_by_line(
    tmp_path: Path,
    headers: list[str],
    rows: list[list[str]],
    delimiter: str,
    encoding: str,
    skip: bool,
) -> None:
    text = "\n".join(delimiter.join(cells) for cells in [headers, *rows]) + "\n"
    source = tmp_path / "results.csv"
    source.write_bytes(text.encode(encoding, errors="replace"))
    output = tmp_path / "kb" / "race.yaml"
    output.unlink(missing_ok=True)
    try:
        report = import_results(source, race="Club 10K", date=dt.date(2024, 5, 12),
                                event="Open", output=output, skip_bad_rows=skip)  # fmt: skip
    except ImportRefused as exc:
        assert exc.problems and not output.exists()
        for problem in exc.problems:
            assert "Traceback" not in problem
            assert problem.startswith(("results.csv", "race.yaml", "race ", "event ")), problem
        return
    load_directory(report.output.parent)  # whatever was written loads


def test_racebot_import_of_a_broken_table_has_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "results.csv"
    source.write_bytes(b"Place,Name,Time\n1,Ann Lee,2:06:21\n" + b"9" * 5000 + b",Bo,x\n\xff\x00")
    result = racebot("import", str(source), "--race", "R", "--date", "2024-05-12", "--event",
                     "Open", "-o", str(tmp_path / "kb" / "r.yaml"))  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "results.csv" in result.stderr


@pytest.mark.parametrize("depth", [50, 1000, 20_000])
def test_deep_nesting_is_refused_or_loaded_without_a_traceback(tmp_path: Path, depth: int) -> None:
    _check(tmp_path, ("events: " + "[" * depth + "]" * depth + "\n").encode())
    _check(tmp_path, ("race: " + "{a: " * depth + "1" + "}" * depth + "\n").encode())
    _check(tmp_path, ('{"events": ' + "[" * depth + "]" * depth + "}").encode())
    indented = min(depth, 1000)  # a block sequence nested by indentation grows as depth squared
    _check(tmp_path, ("events:\n" + "".join("  " * i + "- \n" for i in range(indented))).encode())

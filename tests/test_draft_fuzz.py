"""Generated reports and tables: `racebot draft` either writes a file that loads, or refuses with
one line naming the input; never a traceback, and never a draft that does not validate.

The reports are built from sentences of real race reports (every test race's and the seed
article), cut, shuffled and mixed with what broken files hold: impossible and huge figures,
control and bidi characters, odd encodings, stray bytes, very long lines. Some come with a
results table built from the same cells as the import fuzz test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.draft import DraftError, draft_file
from bot.engine import load_directory
from tests.conftest import KNOWLEDGE, ROOT
from tests.engine.test_loader_fuzz import CELLS, ENCODINGS, HEADERS

REPORTS = [KNOWLEDGE / "london-marathon-2018.report.txt",
           *sorted((ROOT / "tests" / "data").glob("*/*/*.report.txt")),
           *sorted((ROOT / "tests" / "data" / "draft").glob("*.txt"))]  # fmt: skip
LINES = sorted(
    {line for f in REPORTS for line in f.read_text(encoding="utf-8").splitlines() if line}
)
ODD = ["2:61:00", "99:99:99", "1:02:03:04", "0:00:00", "2:06:21.", "9" * 5000, "-3", "1e309",
       "2:06:21 2:06:22", "won in", "finished second in", "Kenya's", "of Ethiopia", "said: \"",
       "\u202e", "\u200b", "\x00", "\x07", "\ufeff", "é", "☃", "😀", "’s", "--", "—", "(", ")",
       '"', "'", "\t", "\r", "\r\n", "\n", "\n\n", "x" * 3000, "Mr.", "St.", "No. 1",
       "1st 2nd 3rd 4th", "world record", "course record", "defending champion"]  # fmt: skip


def _mutated(line: str, cut: int, odd: str, at: int) -> str:
    """The line cut at a point, with an odd fragment put in at another."""
    line = line[: max(cut, 1)] if cut < len(line) else line
    place = at % (len(line) + 1)
    return line[:place] + odd + line[place:]


report_line = st.sampled_from(LINES) | st.builds(
    _mutated,
    st.sampled_from(LINES),
    st.integers(0, 400),
    st.sampled_from(ODD) | st.text(max_size=6),
    st.integers(0, 400),
)


def _draft(directory: Path, report: bytes, table: tuple[list[str], list[list[str]]] | None) -> str:
    """Draft from the report (and table) bytes; what happened, for the statistics."""
    source = directory / "report.txt"
    source.write_bytes(report)
    results = None
    if table is not None:
        results = directory / "table.csv"
        headers, rows = table
        results.write_text("\n".join(",".join(r) for r in [headers, *rows]) + "\n", "utf-8")
    output = directory / "kb" / "race.yaml"
    for stale in (output, output.with_name("race.report.txt")):
        stale.unlink(missing_ok=True)
    try:
        draft_file(source, race="Fuzz Marathon", date=dt.date(2020, 3, 1), output=output,
                   results=results, event="Open" if results else None)  # fmt: skip
    except DraftError as exc:
        message = str(exc)
        assert "internal" not in message, message  # a draft always validates
        assert "\n" not in message.strip() and "Traceback" not in message
        assert message.startswith(("report.txt: ", "table.csv: ")), message
        assert not output.exists()
        return "refused: " + message.split(": ", 1)[1][:24]
    load_directory(output.parent)  # what draft wrote, the bot loads
    return "drafted"


NAMES = ["Eliud Kipchoge", "Mo Farah", "Vivian Cheruiyot", "Desiree Linden", "Ann Lee", "Kitata"]
cell = st.sampled_from(CELLS) | st.text(max_size=6)
table_row = st.lists(cell | st.sampled_from(NAMES), max_size=4)
placed_row = st.lists(  # a row of a Place, Name, Time table: mostly well formed
    st.tuples(st.sampled_from(["1", "2", "3", "4", "=3", "DNF", ""]) | cell,
              st.sampled_from(NAMES) | cell,
              st.sampled_from(["2:06:21", "2:04:17", "31:02.4", "2:61:00", ""]) | cell).map(list),
    max_size=6,
)  # fmt: skip
FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(max_examples=1500, **FUZZ)
@given(
    lines=st.lists(report_line, min_size=1, max_size=14),
    table=st.none() | st.none() | st.tuples(st.just(["Place", "Name", "Time"]), placed_row),
)
def test_generated_reports_draft_or_are_refused_in_one_line(
    tmp_path: Path, lines: list[str], table: tuple[list[str], list[list[str]]] | None
) -> None:
    event(_draft(tmp_path, "\n".join(lines).encode("utf-8"), table))


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(max_examples=150, **FUZZ)
@given(
    lines=st.lists(report_line, min_size=0, max_size=8),
    encoding=st.sampled_from(ENCODINGS),
    noise=st.binary(max_size=3),
    table=st.none()
    | st.tuples(st.lists(st.sampled_from(HEADERS), max_size=6), st.lists(table_row, max_size=6)),
)
def test_other_encodings_stray_bytes_and_odd_tables_are_refused_in_one_line(
    tmp_path: Path,
    lines: list[str],
    encoding: str,
    noise: bytes,
    table: tuple[list[str], list[list[str]]] | None,
) -> None:
    report = "\n".join(lines).encode(encoding, errors="replace") + noise
    event(_draft(tmp_path, report, table))


def test_a_generated_report_through_the_cli_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(_mutated(LINES[3], 80, "9" * 5000, 40) + "\n\x07\u202e\n", "utf-8")
    code = main(["draft", str(report), "--race", "Fuzz 10K", "--date", "2020",
                 "-o", str(tmp_path / "kb" / "x.yaml")])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code == 0 and "wrote" in out) or (code == 1 and len(err.strip().splitlines()) == 1)
    assert "Traceback" not in err

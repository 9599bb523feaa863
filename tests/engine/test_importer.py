"""Importing results tables: lenient headers, bad rows by line, nothing half-written."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from benchmarks.synthetic import make_field, write_csv
from bot.engine import Engine, load_file
from bot.engine.importer import ImportRefused, import_results
from tests.test_cli import racebot

DATE = dt.date(2024, 5, 12)
GOOD = """PLACE,Surname,First name,Nat.,Chip Time,Gun Time,Sex,Club,Bib No
1,Lee,Ann,GBR,31:02,31:05,F,Riverside RC,101
2,Ray,Bo,IRL,31:40.4,31:44,M,,102
3,O'Brien,Séan,IRL,0:32:10,0:32:15,M,Riverside RC,103
4,Null,Yes,USA,33:00,33:01,F,,104
DNF,Müller,José,GER,,,M,,105
DNS,Smith,John,GBR,,,M,,106
"""


def _import(tmp_path: Path, text: str, **options: object) -> tuple[Path, object]:
    source = tmp_path / "results.csv"
    source.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    output = tmp_path / "kb" / "riverside.yaml"
    report = import_results(
        source,
        race="Riverside 10K",
        date=DATE,
        event="Open",
        output=output,
        **options,  # type: ignore[arg-type]
    )
    return output, report


def test_good_table_imports_and_loads(tmp_path: Path) -> None:
    output, report = _import(tmp_path, GOOD)
    race = load_file(output)
    assert race.name == "Riverside 10K 2024" and race.info.distance_km == 10
    athletes = {a.name: a for a in race.all_athletes()}
    ann = athletes["Ann Lee"]
    assert ann.time == 31 * 60 + 5 and ann.chip_time == 31 * 60 + 2
    assert ann.club == "Riverside RC" and ann.gender == "F" and ann.bib == "101"
    assert athletes["Bo Ray"].chip_time == pytest.approx(31 * 60 + 40.4)
    assert athletes["Séan O'Brien"].position == 3
    assert athletes["Yes Null"].name == "Yes Null"  # YAML-ish words stay strings
    assert athletes["José Müller"].status == "dnf" and athletes["José Müller"].position is None
    assert athletes["John Smith"].status == "dns"
    assert (report.finishers, report.dnf, report.dns) == (4, 1, 1)  # type: ignore[attr-defined]
    assert not list(output.parent.glob(".*.tmp"))


def test_semicolons_bom_and_latin1(tmp_path: Path) -> None:
    output, _ = _import(tmp_path, "\ufeff" + GOOD.replace(",", ";"))
    assert len(list(load_file(output).all_athletes())) == 6
    output, report = _import(tmp_path, GOOD.encode("cp1252"))  # type: ignore[arg-type]
    assert "José Müller" in {a.name for a in load_file(output).all_athletes()}
    assert any("not UTF-8" in w for w in report.warnings)  # type: ignore[attr-defined]


def test_bad_rows_are_reported_by_line_and_nothing_is_written(tmp_path: Path) -> None:
    bad = GOOD.replace("31:40.4", "31:61").replace("4,Null", "1,Null")
    bad += "7,Short,Row\n"
    with pytest.raises(ImportRefused) as info:
        _import(tmp_path, bad)
    problems = info.value.problems
    assert any(p.startswith("results.csv: line 3: chip time '31:61'") for p in problems)
    assert "results.csv: line 5: position 1 is also on line 2" in problems
    assert any("line 8: expected 9 columns, found 3" in p for p in problems)
    assert not (tmp_path / "kb").exists() or not list((tmp_path / "kb").iterdir())


def test_skip_bad_rows_writes_the_rest(tmp_path: Path) -> None:
    output, report = _import(tmp_path, GOOD + "x,Broken,Row,GBR,1:00:00,1:00:00,M,,107\n",
                             skip_bad_rows=True)  # fmt: skip
    assert report.bad_rows == [(8, "position 'x' is not a number")]  # type: ignore[attr-defined]
    assert len(list(load_file(output).all_athletes())) == 6


def test_missing_name_or_time_columns_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="no name column"):
        _import(tmp_path, "Place,Time\n1,30:00\n")
    with pytest.raises(ImportRefused, match="no position or time column"):
        _import(tmp_path, "Name,Club\nAnn,X\n")
    with pytest.raises(ImportRefused, match="not a text table"):
        _import(tmp_path, b"\x00\x01\x02PK\x03\x04")  # type: ignore[arg-type]
    with pytest.raises(ImportRefused, match="empty"):
        _import(tmp_path, "")


def test_duplicate_names_get_unique_ids(tmp_path: Path) -> None:
    table = "Pos,Name,Time,Bib\n1,John Smith,30:00,7\n2,John Smith,31:00,8\n3,John Smith,32:00,\n"
    output, _ = _import(tmp_path, table)
    race = load_file(output)
    assert sorted(race.athletes) == ["john-smith", "john-smith-3", "john-smith-8"]
    answer = Engine.from_path(output.parent).ask("john smith time")
    assert answer.kind == "clarify" and "There are 3 finishers called John Smith" in answer.text


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        _import(tmp_path, GOOD)
    assert list((tmp_path / "kb").iterdir()) == []


def test_synthetic_field_imports_cleanly(tmp_path: Path) -> None:
    source = write_csv(make_field(2000, seed=3), tmp_path / "field.csv")
    report = import_results(source, race="Big City Marathon", date=DATE, event="Marathon",
                            output=tmp_path / "kb" / "big.yaml")  # fmt: skip
    assert report.finishers == 2000 and not report.bad_rows
    assert len(load_file(report.output).athletes) == 2020


def test_cli_import_and_check(tmp_path: Path) -> None:
    source = tmp_path / "results.csv"
    source.write_text(GOOD, encoding="utf-8")
    output = tmp_path / "kb" / "riverside.yaml"
    result = racebot("import", str(source), "--race", "Riverside 10K", "--date", "2024-05-12",
                     "--event", "Open", "-o", str(output))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and output.exists()
    assert racebot("check", str(output.parent)).returncode == 0
    source.write_text(GOOD.replace("31:02", "3x:02"), encoding="utf-8")
    result = racebot("import", str(source), "--race", "R", "--date", "2024-05-12", "--event",
                     "Open", "-o", str(tmp_path / "other.yaml"))  # fmt: skip
    assert result.returncode == 1 and "line 2" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "other.yaml").exists()
    bad_date = racebot("import", str(source), "--race", "R", "--date", "12/05/2024", "--event", "O")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr


def test_cli_import_that_cannot_write_names_the_file(tmp_path: Path) -> None:
    source = tmp_path / "results.csv"
    source.write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the output directory should be", encoding="utf-8")
    output = blocker / "riverside.yaml"
    result = racebot("import", str(source), "--race", "Riverside 10K", "--date", "2024-05-12",
                     "--event", "Open", "-o", str(output))  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot write" in result.stderr and "not-a-directory" in result.stderr

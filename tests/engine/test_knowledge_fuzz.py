"""Fuzzed knowledge files: every one loads or is refused with a clear error naming the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine import KnowledgeError, load_directory
from tests.conftest import KNOWLEDGE

ORIGINAL = (KNOWLEDGE / "london-marathon-2018.yaml").read_bytes()
ODD_VALUES = [
    b"", b"null", b"~", b"-1", b"0", b"1e309", b"99999999999999999999999999", b"[]", b"{}",
    b"yes", b"\"2:61:00\"", b"!!python/object:os.system", b"&a [*a]", b"\xff\xfe", b"\t",
    b"'unterminated", b"{position: 1}", b"2:04:17", b"NaN", b".inf", b"- [", b"\xef\xbb\xbf",
]  # fmt: skip


def _check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "race.yaml"
        path.write_bytes(data)
        try:
            load_directory(directory)
        except KnowledgeError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.startswith("race.yaml: "), problem
                assert "Traceback" not in problem


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(ORIGINAL)))
def test_truncated_files(cut: int) -> None:
    _check(ORIGINAL[:cut])


@settings(max_examples=400, deadline=None)
@given(
    line=st.integers(min_value=0, max_value=ORIGINAL.count(b"\n")),
    value=st.one_of(st.sampled_from(ODD_VALUES), st.binary(max_size=12)),
)
def test_a_value_replaced_by_something_odd(line: int, value: bytes) -> None:
    lines = ORIGINAL.split(b"\n")
    head, sep, _ = lines[line].partition(b": ")
    lines[line] = head + sep + value if sep else value
    _check(b"\n".join(lines))


def test_bom_and_other_encodings() -> None:
    _check(b"\xef\xbb\xbf" + ORIGINAL)  # a UTF-8 BOM loads
    _check(ORIGINAL.decode("utf-8").encode("utf-16"))
    _check(ORIGINAL.decode("utf-8").encode("latin-1", errors="replace"))


def test_duplicate_athletes_are_named() -> None:
    text = ORIGINAL.replace(b"name: Tola Shura Kitata", b"name: Eliud Kipchoge")
    try:
        _check(text)
        load_directory_from_bytes(text)
    except KnowledgeError as exc:
        assert any("eliud-kipchoge" in p for p in exc.problems)
    else:  # pragma: no cover - the duplicate must be refused
        raise AssertionError("a duplicate athlete was accepted")


def load_directory_from_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "race.yaml").write_bytes(data)
        load_directory(directory)

"""Reading a race report: refusing what is not one, and cutting it into paragraphs and sentences.

Every sentence keeps its text verbatim (a slice of the report), so a draft can quote it as the
``source`` of what it extracts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.engine.errors import RacebotError
from bot.engine.models import MAX_TEXT

MAX_REPORT_BYTES = 5 * 1024 * 1024


class DraftError(RacebotError):
    """The report cannot be drafted; the message is one line and nothing was written."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    """Verbatim, as in the report."""
    paragraph: int
    index: int
    heading: bool
    """A line without closing punctuation: a headline or a by-line, not read for facts."""


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "mt", "ft", "approx", "etc", "inc",
    "gen", "lt", "col", "sgt", "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_BOUNDARY_RE = re.compile(r"[.!?]+[\"”»’')\]]*(?=\s+[\"“«‘'(\[]?[A-Z0-9À-Þ])")
_CLOSING_RE = re.compile(r"[.!?…:;][\"”»’')\]]*\s*$|[\"”»]\s*$")
_RACE_WORDS = re.compile(
    r"\b(?:race|races|marathon|runners?|running|finish(?:ed|ing|er|ers)?|finish line|km|"
    r"kilomet(?:re|er)s?|miles?|pace|paced|pacemakers?|athletes?|personal best|pb|record|"
    r"podium|laps?|half-?way|10k|5k|triathlon|sprint|clocked|crossed the line|champion|"
    r"wheelchair|split|course)\b",
    re.IGNORECASE,
)
_OTHER_WORDS = re.compile(
    r"\b(?:oven|bake|baking|tablespoons?|teaspoons?|cups?|flour|sugar|stir|recipe|ingredients|"
    r"simmer|butter|preheat|whisk|goals?|goalkeeper|penalty|penalties|striker|midfielder|"
    r"defender|league|kick-off|half-time|referee|pitch|corner|offside|scored|equaliser|"
    r"premier|fixture|tackle|free-kick|red card|yellow card|innings|wickets?|touchdown)\b",
    re.IGNORECASE,
)


def read_report(path: Path) -> str:
    """The report's text; :class:`DraftError` with one line for anything that is not one."""
    name = path.name
    try:
        if path.is_dir():
            raise DraftError(f"{name}: is a directory, not a report")
        raw = path.read_bytes()
    except OSError as exc:
        raise DraftError(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
    if len(raw) > MAX_REPORT_BYTES:
        raise DraftError(f"{name}: too large for a race report ({len(raw):,} bytes)")
    if not raw.strip():
        raise DraftError(f"{name}: the file is empty")
    for bom, encoding in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                          (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):  # fmt: skip
        if raw.startswith(bom):
            raise DraftError(
                f"{name}: the file is in another encoding ({encoding}); save it as UTF-8 and try "
                "again"
            )
    head = raw[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100 + 2:
        raise DraftError(f"{name}: this is a binary file, not a text report")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(
            f"{name}: byte {exc.start} is not UTF-8: the file is in another encoding "
            "(save it as UTF-8 and try again)"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_race_report(text, name)
    return text


def check_race_report(text: str, name: str) -> None:
    race = len(_RACE_WORDS.findall(text))
    other = len(_OTHER_WORDS.findall(text))
    if race < 2 or other > race:
        raise DraftError(
            f"{name}: this does not read as a race report (few words about a race"
            + (", many about something else)" if other else ")")
        )


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if "http://" in stripped or "https://" in stripped:
        return True
    if _CLOSING_RE.search(stripped):
        return False
    words = re.findall(r"[^\W\d_]+", stripped)
    if not words:
        return True
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals * 2 >= len(words) or len(words) < 6 or stripped.startswith("-")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, verbatim; abbreviations and initials do not end one."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(paragraph):
        end = match.end()
        before = paragraph[start : match.start() + 1]
        last_word = re.search(r"([\w.]+)[.!?]$", before)
        if last_word is not None and match.group(0).startswith("."):
            word = last_word.group(1).lower().rstrip(".")
            if (
                word in _ABBREVIATIONS
                or re.fullmatch(r"[a-z]", word)
                or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
            ):
                continue
        piece = paragraph[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def paragraphs(text: str) -> list[str]:
    """Non-empty lines: reports put one paragraph per line (blank lines between are optional)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    for p_index, paragraph in enumerate(paragraphs(text)):
        heading = _is_heading(paragraph)
        parts = [paragraph] if heading else split_sentences(paragraph)
        for part in parts:
            if len(part) <= MAX_TEXT:  # longer is no sentence a knowledge file can cite
                found.append(Sentence(part, p_index, len(found), heading))
    return found

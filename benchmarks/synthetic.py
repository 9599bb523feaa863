"""A synthetic big-city marathon field, and casual questions about it. Deterministic by seed.

    python benchmarks/synthetic.py --finishers 40000 --seed 1 --out benchmarks/out

writes ``results-40000.csv`` with realistic headers (Place, Bib, First Name, Last Name, Gender,
Category, Country, Club, Chip Time, Gun Time). Names are international, with accents, hyphens,
apostrophes, particles ("van der", "De la"), many shared surnames and some fully shared names.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bot.engine.durations import format_clock
from bot.engine.normalize import normalize, slugify

FIRST_M = """James John Robert Michael David William Richard Joseph Thomas Charles Daniel Matthew
Anthony Mark Paul Steven Andrew Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan
Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory
Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron José Luis Carlos Juan Javier Miguel
Pedro Álvaro Sébastien François Jérôme Loïc Mathéo Jörg Jürgen Björn Søren Øyvind Håkon Mikkel
Lars Anders Sven Piotr Paweł Łukasz Wojciech Tomáš Jiří Ondřej Mehmet Ahmet Yusuf Kenji Hiroshi
Takumi Haruto Wei Jun Hao Arjun Rohan Vikram Kofi Kwame Tendai Eliud Geoffrey Kenenisa Tadesse
Hassan Omar Ali Liam Noah Oliver Elijah Lucas Mason Logan Ethan Aiden Seán Ciarán Dónal Eoin Rhys
Dafydd Ewan Hamish Callum Fraser Mo Tom Ben Sam Joe Dan Rob Chris Nick Alex Pat Matt""".split()
FIRST_F = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa
Nancy Betty
Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie
Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen
Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine María Lucía Sofía Valentina
Camila Inés Zoë Chloé Amélie Hélène Maëlle Jürgen Lena Müller Ingrid Sigrid Åsa Ægir Maja Zofia
Małgorzata Agnieszka Kateřina Tereza Ayşe Elif Yuki Sakura Hana Mei Ying Priya Ananya Aisha Amina
Fatuma Tirunesh Almaz Vivian Brigid Olivia Ava Isabella Mia Charlotte Amelia Harper Evelyn Abigail
Siobhán Aoife Niamh Caoimhe Sìne Eilidh Ffion Cerys Paula Jo Kate Liz Beth Meg Jen Sue
Lily""".split()
SURNAMES = """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson
Lewis
Walker Robinson Wood Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin
Clarke James Morgan Hughes Edwards Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner
Carter Phillips Mitchell Patel Adams Campbell Anderson Allen Cook Bailey Parker Miller Davis
Murphy Price Bell Baker Griffiths Kelly Simpson Marshall Collins Bennett Cox Richardson Fox Gray
Rose Chapman Hunt Robertson Shaw Reynolds Lloyd Ellis Richards Russell Wilkinson Khan Graham
Stewart Reid Murray Powell Palmer Holmes Rogers Stevens Walsh Hunter Thomson Matthews Ross Owen
Mason Knight Kennedy Butler Saunders García Fernández González Rodríguez López Martínez Sánchez
Pérez Gómez Núñez Muñoz Jiménez Álvarez Müller Schmidt Schneider Fischer Weber Meyer Wagner
Becker Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger
Hofmann Hartmann Lange Dupont Durand Lefèvre Moreau Laurent Simon Michel Lefebvre Leroy Roux
Fournier Girard Bonnet François Mercier Rossi Russo Ferrari Esposito Bianchi Romano Colombo
Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini Rizzo Lombardi Nielsen Jensen Hansen
Pedersen Andersen Larsen Sørensen Rasmussen Jørgensen Ødegaard Johansson Karlsson Nilsson
Eriksson Larsson Olsson Persson Svensson Gustafsson Björk Lindqvist Åberg Kowalski Wiśniewski
Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dvořák Novák Svoboda Černý
Yılmaz Kaya Demir Şahin Çelik Yıldız Tanaka Suzuki Takahashi Watanabe Itō Yamamoto Nakamura
Kobayashi Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Kim Park Choi Jung Sharma Singh Kumar
Gupta Reddy Iyer Kipchoge Kiprop Kipruto Cheruiyot Keitany Kosgei Chepngetich Kamworor Wanjiru
Bekele Tadese Gebrselassie Dibaba Defar Ayana Tola Kitata Desisa Lemma Mekonnen Abebe Okafor
Mensah Osei Boateng Nkosi Dlamini Moyo O'Brien O'Connor O'Neill O'Sullivan McCarthy MacDonald
McLeod D'Souza D'Angelo""".split()
PARTICLES = ["van der", "van", "de", "De la", "von", "da", "dos", "Mac", "di", "Van den"]
COUNTRIES = ["GBR"] * 60 + ["USA"] * 6 + ["IRL"] * 5 + ["FRA"] * 4 + ["GER"] * 4 + ["ITA"] * 3 + [
    "ESP", "ESP", "NED", "NED", "AUS", "CAN", "SWE", "NOR", "DEN", "POL", "JPN", "CHN", "IND",
    "KEN", "KEN", "ETH", "RSA", "BRA", "MEX", "BEL", "SUI", "POR",
]  # fmt: skip
CLUBS = """Serpentine RC|Herne Hill Harriers|Thames Hare and Hounds|Victoria Park Harriers|Clapham
Chasers|Dulwich Runners|Highgate Harriers|Belgrave Harriers|Blackheath & Bromley|Ranelagh Harriers|
Orion Harriers|Hackney Harriers|Stragglers RC|Run Dem Crew|Mornington Chasers|Edinburgh AC|
Leeds City AC|Bristol & West AC|Cardiff AAC|Manchester Harriers""".replace("\n", " ").split("|")


@dataclass(frozen=True)
class Runner:
    position: int | None
    bib: str
    first: str
    last: str
    gender: str
    category: str
    country: str
    club: str
    chip: float | None
    gun: float | None
    status: str = "finished"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _surname(rng: random.Random) -> str:
    roll = rng.random()
    base = rng.choice(SURNAMES)
    if roll < 0.06:
        return f"{base}-{rng.choice(SURNAMES)}"
    if roll < 0.09:
        return f"{rng.choice(PARTICLES)} {base}"
    return base


def _category(rng: random.Random, gender: str) -> str:
    age = rng.choice([18, 18, 35, 40, 40, 45, 45, 50, 55, 60, 65, 70])
    band = "18-34" if age == 18 else f"{age}-{age + 4}"
    return f"{gender}{band}"


def make_field(finishers: int, seed: int = 1) -> list[Runner]:
    """``finishers`` runners ordered by gun time, then a few DNF/DNS rows."""
    rng = random.Random(seed)
    people: list[tuple[float, float, str, str, str]] = []
    common = [("John", "Smith"), ("David", "Jones"), ("Sarah", "Williams"), ("James", "Brown")]
    for index in range(finishers):
        gender = "M" if rng.random() < 0.6 else "F"
        if index % 199 == 0:
            first, last = common[(index // 199) % len(common)]
            gender = "F" if first == "Sarah" else "M"
        else:
            first = rng.choice(FIRST_M if gender == "M" else FIRST_F)
            last = _surname(rng)
        base = 7320 + (0 if gender == "M" else 900)
        chip = base + rng.lognormvariate(9.0, 0.22) - 5000 + rng.random() * 600
        chip = max(base, min(chip, 27000.0))
        gun = chip + rng.uniform(5, 900)
        people.append((float(round(gun)), float(round(chip)), first, last, gender))
    people.sort()
    runners: list[Runner] = []
    bibs = rng.sample(range(100, 100 + finishers * 2), finishers + 20)
    for position, (gun, chip, first, last, gender) in enumerate(people, start=1):
        runners.append(
            Runner(
                position,
                str(bibs[position - 1]),
                first,
                last,
                gender,
                _category(rng, gender),
                rng.choice(COUNTRIES),
                rng.choice(CLUBS) if rng.random() < 0.4 else "",
                round(chip),
                round(gun),
            )
        )
    for extra in range(20):
        gender = "M" if rng.random() < 0.6 else "F"
        runners.append(
            Runner(
                None,
                str(bibs[finishers + extra]),
                rng.choice(FIRST_M if gender == "M" else FIRST_F),
                _surname(rng),
                gender,
                _category(rng, gender),
                rng.choice(COUNTRIES),
                "",
                None,
                None,
                "DNF" if extra % 3 else "DNS",
            )
        )
    return runners


def write_csv(runners: list[Runner], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["Place", "Bib", "First Name", "Last Name", "Gender", "Category",
                         "Country", "Club", "Chip Time", "Gun Time"])  # fmt: skip
        for r in runners:
            place = str(r.position) if r.position else r.status
            writer.writerow([place, r.bib, r.first, r.last, r.gender, r.category, r.country,
                             r.club, format_clock(r.chip) if r.chip else "",
                             format_clock(r.gun) if r.gun else ""])  # fmt: skip
    return path


def athlete_ids(runners: list[Runner]) -> list[str]:
    """The ids ``racebot import`` gives these runners, in the same order."""
    seen: set[str] = set()
    ids = []
    for number, r in enumerate(runners, start=2):
        key = slugify(r.name)
        if key in seen:
            key = f"{key}-{slugify(r.bib) or number}"
            while key in seen:
                key = f"{key}-{number}"
        seen.add(key)
        ids.append(key)
    return ids


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["delete", "swap", "double", "substitute"])
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    letters = "aeiourstnl"
    return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1 :]


FORMS = [
    "what was {name}'s time", "where did {name} finish", "{name} time?", "how did {name} do",
    "{name} result", "what position was {name}", "{name}s pace per km", "how fast was {name}",
]  # fmt: skip


def make_questions(
    runners: list[Runner], n: int, seed: int = 2
) -> list[tuple[str, frozenset[str]]]:
    """Casual questions naming finishers, each with every athlete id it could mean.

    Forms: full name, swapped names, surname only, lower case without accents, possessives,
    one typo. The meaning set holds every runner whose name fits the words as typed (a surname
    shared by 60 people means any of the 60; a typo that spells another runner's name means both).
    """
    rng = random.Random(seed)
    ids = athlete_ids(runners)
    finishers = [(r, i) for r, i in zip(runners, ids, strict=True) if r.position is not None]
    by_full: dict[str, set[str]] = defaultdict(set)
    by_word: dict[str, set[str]] = defaultdict(set)  # a single name word: first or last
    for runner, key in zip(runners, ids, strict=True):
        by_full[normalize(runner.name)].add(key)
        by_full[normalize(f"{runner.last} {runner.first}")].add(key)
        by_word[normalize(runner.last)].add(key)
        by_word[normalize(runner.first)].add(key)
    questions: list[tuple[str, frozenset[str]]] = []
    while len(questions) < n:
        runner, key = rng.choice(finishers)
        first, last = normalize(runner.first), normalize(runner.last)
        style = rng.random()
        if style < 0.25:
            words, meaning = f"{first} {last}", by_full[f"{first} {last}"]
        elif style < 0.40:
            words, meaning = f"{last} {first}", by_full[f"{first} {last}"]
        elif style < 0.55 and len(last) >= 4 and " " not in last:
            words, meaning = last, by_word[last]
        elif style < 0.70:
            words, meaning = f"{runner.first} {runner.last}", by_full[f"{first} {last}"]
        else:
            typo = _typo(last, rng) if " " not in last else last
            words = f"{first} {typo}"
            meaning = by_full[f"{first} {last}"] | by_full.get(f"{first} {typo}", set())
        question = rng.choice(FORMS).format(name=words)
        questions.append((question, frozenset(meaning | {key})))
    return questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--finishers", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args()
    path = write_csv(make_field(args.finishers, args.seed),
                     args.out / f"results-{args.finishers}.csv")  # fmt: skip
    print(path)


if __name__ == "__main__":
    main()

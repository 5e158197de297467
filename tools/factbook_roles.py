"""Build and check rows of the role table (``src/eventwire/stages/actors/roles.tsv``) from the CIA World Factbook.

The Factbook (public domain; editions 2000-2025 in ``../shared/reference/factbook_leaders_2000_2025.tsv.gz``)
names every country's chief of state, head of government, vice presidents and deputy heads of government with
the day they took office ("President Joseph R. BIDEN, Jr. (since 20 January 2021)"), and, up to about 2020, the
leaders of its political parties. It is the one dated source for all countries, so the table is built and
checked from it:

    .venv/bin/python tools/factbook_roles.py check       # heads of state/government that disagree with the Factbook
    .venv/bin/python tools/factbook_roles.py candidates  # dated rows for offices and countries the table lacks (TSV)
    .venv/bin/python tools/factbook_roles.py sort        # rewrite roles.tsv in the table's order

Candidates are reviewed before they are added to the table; rows written by hand win over them (offices in
HAND_WRITTEN are never proposed).

An edition describes the situation some time in its year, so a term's end is the successor's "since" day where
the Factbook gives one, else the first day of the first edition that no longer names the holder (noted
``approx``). Editions 2018-2020 lack the executive branch and editions after 2020 the party leaders; a term
across that gap ends as if the gap were not there, and its note says so.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import gzip
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.lang import fold
from eventwire.tables import read_tsv

REPO = Path(__file__).resolve().parents[1]
ACTORS = REPO / "src/eventwire/stages/actors"
ROLES = ACTORS / "roles.tsv"
FACTBOOK = REPO.parent / "shared/reference/factbook_leaders_2000_2025.tsv.gz"
COLUMNS = ["person", "aliases", "role", "title", "country", "org", "sector", "start", "end", "status", "note"]
GAP = range(2018, 2021)  # editions without the executive branch
MONTHS = {
    m: i
    for i, m in enumerate(
        "January February March April May June July August September October November December".split(), 1
    )
}
# Words of titles and honorifics: a name starts after the last of them ("First Deputy Prime Minister Dr. X").
TITLE_WORDS = set(
    """President Presidents Vice Vice-President Vice-Presidents Prime Minister Ministers Premier
Premiers Deputy Deputies First Second Third Executive Chancellor Chairman Chairwoman Chairperson Chair Council State
Federal Supreme Leader King Queen Emperor Empress Amir Emir Sultan Sheikh Shaykh Sheikha Prince Princess Crown
Grand Duke Duchess Governor Governor-General General Dr. Dr Gen. Lt. Col. Maj. Brig. Marshal Field Sir Dame Lord
Lady Mr. Mrs. Ms. Capt. Adm. Rev. Father Archbishop Bishop Hon. Chief Head Captain Captains Regent Co-Prince
Interim Acting Transitional Senior Cabinet Affairs Foreign Defense Defence Interior Finance Economy Justice Mayor
Lieutenant Colonel Major Brigadier Commander Admiral Presidency Member Members Secretary Ayatollah Hojjat ol-Eslam
Mullah Maulawi Mawlawi Haji Alhaji Engineer Eng. Professor Prof. Gov. CEO Taoiseach Tanaiste Heir Apparent
Caretaker Provisional Alternate Principal Coordinating Minister-Designate Prime-Minister National Government
Republic Islamic People's Union Presidential Sovereignty Military Revolutionary Command Salvation Authority
Transitional Administrator Speaker Assembly Parliament Office Board Junta Commissioner Commission Swiss
Confederation""".split()
)
PARTICLES = set(
    "al el bin ibn bint ben abu abd abdul ould ag de da do dos das di del della van von der den ter le la du y e mac "
    "wa".split()
)
PATRONYMIC = re.compile(r"(ovich|evich|yevich|ovna|evna|yevna|ichna|ich|ogly|oglu|uly|kyzy|qizi)$", re.I)
SINCE = re.compile(r"(?:since\s+)?(?:(\d{1,2})\s+)?(?:NA\s+)?(?:(" + "|".join(MONTHS) + r")\s+)?(?:NA\s+)?(\d{4})")
SECTION = re.compile(
    r"(chief of state|head of government|cabinet|elections?/appointments?|election/appointment"
    r" process|elections|election results|most recent election date)\s*:",
    re.I,
)
VICE_PRESIDENT = re.compile(r"\bVice[- ]Presidents?\b|\bDeputy Presidents?\b")
DEPUTY = re.compile(
    r"\b(?:Deputy|Vice)[- ](?:Prime Ministers?|Premiers?|Chancellors?)\b|\bTanaiste\b|"
    r"\bDeputy Chairm[ae]n of the Council of Ministers\b|\bAlternate Prime Minister\b"
)


@dataclass
class Mention:
    """A person named in one edition for one office, with the day the Factbook says they took it."""

    year: int
    country: str
    role: str
    title: str
    name: str  # as the Factbook writes it: "Joseph R. BIDEN, Jr."
    since: dt.date | None
    since_precision: str  # "day", "month", "year" or ""
    acting: bool = False


@dataclass
class Person:
    """A Factbook name in news form: "Abdelaziz BOUTEFLIKA" -> "Abdelaziz Bouteflika"."""

    name: str
    aliases: list[str] = field(default_factory=list)


NOT_NAMES = {"NA", "ITG", "CEO", "PM", "US", "UN", "EU", "AU", "OAS", "CIS", "LTTE", "GCC", "TNC", "SPC"}
REGNAL = re.compile(r"[IVX]+")
DYNASTIES = {"tani", "sabah", "saud", "nahian", "nuhaian", "halifa", "maktum", "said", "hashimi"}
FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM", "MNG", "MMR", "LAO"}
SLAVIC = {
    "RUS",
    "UKR",
    "BLR",
    "KAZ",
    "KGZ",
    "TJK",
    "UZB",
    "TKM",
    "AZE",
    "ARM",
    "GEO",
    "MDA",
    "BGR",
    "SRB",
    "MNE",
    "MKD",
    "BIH",
    "HRV",
    "SVN",
    "LVA",
    "LTU",
    "EST",
}


def is_caps(word: str) -> bool:
    """A name as the Factbook marks it: BIDEN, AHMADI-NEJAD, al-ASAD, McMAHON, YAR'ADUA, XI."""
    core = word.strip(",.;:()")
    return bool(re.search(r"[A-Z]{2,}", core)) and core not in NOT_NAMES


def date_of(text: str) -> tuple[dt.date | None, str]:
    """The first date in a Factbook parenthesis: "(since 20 January 2021)", "(since NA 1993)", "(June 2005)"."""
    for match in SINCE.finditer(text):
        day, month, year = match.groups()
        if not 1900 < int(year) < 2030:
            continue
        if month and day:
            try:
                return dt.date(int(year), MONTHS[month], int(day)), "day"
            except ValueError:
                return dt.date(int(year), MONTHS[month], 1), "month"
        if month:
            return dt.date(int(year), MONTHS[month], 1), "month"
        return dt.date(int(year), 1, 1), "year"
    return None, ""


def sections(text: str) -> dict[str, str]:
    """The labelled parts of an executive_branch cell, notes cut off."""
    text = re.sub(r"Notification Statement:.*?(?=President Nicolas)", "", text.replace("|", " ").replace('"', ""))
    parts = SECTION.split(text)
    found: dict[str, str] = {}
    for label, body in zip(parts[1::2], parts[2::2], strict=False):
        body = re.split(r"\bnote\b|\bNote\b|\bas of\b", body)[0]
        found.setdefault(label.lower(), body)
    return found


def top_level_parts(text: str) -> list[str]:
    """``text`` split at semicolons outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == ";" and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current)]


def is_given(word: str) -> bool:
    """A word that may stand in a name before or after its capitalised family name."""
    return (
        (word[:1].isupper() and word not in TITLE_WORDS)
        or fold(word).rstrip("-") in PARTICLES
        or bool(re.fullmatch(r"\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)", word))
        or bool(re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|[IVX]+|al-\w+|el-\w+|bin|ibn", word))
    )


def named(part: str) -> list[tuple[str, str, str]]:
    """(title, name, parenthesis) for each person in one ';'-part: "Deputy Premiers A B (since ...), C D"."""
    tokens = re.findall(r"\((?:[^()]|\([^()]*\))*\)|,|[^\s,()]+", part)
    found: list[list[str]] = []  # [title, name, paren]
    title: list[str] = []  # the words before the current name
    last_title = ""  # the title of the previous name, which the next inherits ("Deputy Premiers A, B")
    name: list[str] = []

    def close(paren: str = "") -> None:
        nonlocal name, title, last_title
        last_title = " ".join(title) or last_title
        found.append([last_title, " ".join(name), paren])
        name, title = [], []

    for token in tokens:
        nickname = re.fullmatch(r"\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)", token)
        if token.startswith("("):
            if nickname and (name or (title and is_given(title[-1]))):
                (name or title).append(token)
            elif name and re.search(r"\d{4}", token):
                close(token)
            elif not name and re.search(r"\d{4}", token):
                undated = [f for f in found if not f[2]]
                if undated and (undated[-1] is found[-1]):
                    found[-1][2] = token
                    for f in undated[:-1]:  # "X, Y, Z (all since 11 March 2010)" dates them all
                        f[2] = token if re.match(r"\((all|both) ", token) else ""
        elif token in {",", "and"} or (name and not (is_caps(token) or is_given(token))):
            if name:
                close()
            if token not in {",", "and"}:
                title = [token]
        elif name:
            name.append(token)
        elif is_caps(token):
            start = len(title)
            while start > 0 and is_given(title[start - 1]) and title[start - 1] not in {"and", "of", "the"}:
                start -= 1
            name, title = title[start:] + [token], title[:start]
        else:
            title.append(token)
    if name:
        close()
    return [(t, n, p) for t, n, p in found]


def cased(word: str) -> str:
    """BIDEN -> Biden, AHMADI-NEJAD -> Ahmadi-Nejad, al-ASAD -> al-Asad, McMAHON -> McMahon, II -> II."""
    if REGNAL.fullmatch(word) and len(word) <= 4 and word not in {"XI", "LI", "VI"}:
        return word
    if word in {"Jr.", "Jr", "Sr."}:
        return "Jr."
    pieces = re.split(r"([-'’])", word)
    out = []
    for piece in pieces:
        if re.fullmatch(r"(Mc|Mac)[A-Z]{2,}", piece):
            piece = piece[: piece.index(next(c for c in piece[2:] if c.isupper()), 2)] + piece[2:].capitalize()
        elif re.search(r"[A-Z]{2,}", piece):
            piece = piece.capitalize()
        out.append(piece)
    return "".join(out)


def person_of(raw: str, country: str) -> Person:
    """News form of a Factbook name, with other spellings as aliases.

    The capitalised word is the family name (or, in Arabic names, the given name the person is known by); news
    drops Russian-style patronymics and a second surname after the capitalised one ("Hugo CHAVEZ Frias")."""
    raw = re.sub(r",?\s*Jr\.?$", " Jr.", raw.strip(" ,"))
    words = raw.split()
    nickname = next((w.strip("()") for w in words if w.startswith("(")), None)
    words = [w for w in words if not w.startswith("(")]
    if country in SLAVIC:
        words = [
            w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and PATRONYMIC.search(w) and not is_caps(w))
        ]
    caps = [i for i, w in enumerate(words) if is_caps(w)]
    if not caps:
        return Person(" ".join(words))
    first, last = caps[0], caps[-1]
    while first > 0 and fold(words[first - 1]) in PARTICLES:  # "Timothy Le COCQ", "Vincent Van QUICKENBORNE"
        first -= 1
    arabic = (
        any(fold(w) in {"bin", "ibn", "bint", "ould"} for w in words)
        or re.match(r"(al|el|Al|AL)-", words[last]) is not None
    )
    keep = words if first == 0 or arabic else words[: last + 1] + [w for w in words[last + 1 :] if w == "Jr."]
    name = " ".join(cased(w) for w in keep)
    full = " ".join(cased(w) for w in words)
    aliases = [full] if full != name else []
    family = " ".join(cased(w) for w in keep[first:] if w != "Jr.")
    given = [w for w in keep[:first] if not re.fullmatch(r"[A-Z]\.", w) and fold(w) not in PARTICLES | {"hadj"}]
    if given and not arabic:
        if nickname:
            aliases.append(f"{nickname} {family}")
        aliases.append(f"{cased(given[0])} {family}")
    return Person(name, [a for a in dict.fromkeys(aliases) if a != name])


def role_of(title: str, first: bool, section_role: str) -> tuple[str, str] | None:
    """(role, title as written before a name) of a Factbook title; None for offices the table does not keep."""
    title = re.sub(r"\s+", " ", title)
    if re.search(
        r"Governor|represented|Heir|Crown|Lieutenant|Bailiff|Administrator|CEO|Chief Executive|"
        r"Chief Minister|Premier of|High Commissioner|Co-Prince|member",
        title,
    ):
        return None
    vice = VICE_PRESIDENT.search(title)
    if vice:
        rank = re.search(r"\b(First|Second|Third|Executive)\s+(?=Vice|Deputy)", title)
        return "vice_president", f"{rank.group(1) + ' ' if rank else ''}Vice President"
    deputy = DEPUTY.search(title)
    if deputy:
        rank = re.search(r"\b(First|Executive)\s+(?=Deputy|Vice)", title)
        office = re.sub(r"s$", "", deputy.group(0).replace("Chairmen", "Chairman").replace("Ministers", "Minister"))
        office = office.replace("Vice-Chancellor", "Vice Chancellor")
        return "deputy_head_of_government", f"{rank.group(1) + ' ' if rank else ''}{office}"
    if first:
        return section_role, title
    return None


def edition_mentions(year: int, country: str, text: str) -> list[Mention]:
    """The office holders one edition names for one country."""
    found: list[Mention] = []
    seen: set[tuple[str, str]] = set()
    for label, section_role in (("chief of state", "head_of_state"), ("head of government", "head_of_government")):
        first = True
        for part in top_level_parts(sections(text).get(label, "")):
            for title, name, paren in named(part):
                office = role_of(title, first, section_role)
                first = False
                if office is None or (office[0], name) in seen:
                    continue
                seen.add((office[0], name))
                focus = paren
                if office[0] == "head_of_government" and "head of government since" in paren:
                    focus = paren[paren.index("head of government since") :]
                since, precision = date_of(focus)
                acting = bool(re.search(r"\b(Acting|Interim|acting|interim)\b", title + " " + paren))
                found.append(Mention(year, country, office[0], office[1], name, since, precision, acting))
    return found


def factbook_rows(path: Path = FACTBOOK) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def all_mentions(countries: set[str]) -> tuple[list[Mention], dict[str, set[int]]]:
    """Every office holder of every sovereign country in every edition, and the editions that describe each
    country ("RUS") and each of its offices ("RUS vice_president"): an edition that names nobody for an office
    says nothing about who left it."""
    editions: list[list[Mention]] = []
    for row in factbook_rows():
        country = row["iso3"]
        if row["entity_type"] not in {"sovereign", "freely_associated"} or country not in countries:
            continue
        editions.append(edition_mentions(int(row["edition_year"]), country, row["executive_branch"]))
    names: dict[str, set[str]] = defaultdict(set)
    for found in editions:
        for m in found:
            names[skeleton(m.name)].add(m.country)
    mentions: list[Mention] = []
    described: dict[str, set[int]] = defaultdict(set)
    for found in editions:
        if (
            found
            and all(names[skeleton(m.name)] - {m.country} for m in found if m.role in SINGLE)
            and not any(
                len(
                    [
                        e
                        for e in editions
                        if e and e[0].country == m.country and any(skeleton(n.name) == skeleton(m.name) for n in e)
                    ]
                )
                > 1
                for m in found
            )
        ):
            continue  # another country's text filed under this one (Canada 2001 holds Cabo Verde's)
        for m in found:
            described[m.country].add(m.year)
            described[f"{m.country} {m.role}"].add(m.year)
        mentions += found
    return mentions, described


def spelled(name: str) -> list[str]:
    """The words of a name with transliteration choices evened out: "Aleksey"/"Alexei" -> "aleksei"."""
    text = re.sub(r"\babd(?:ul|el|al|ol)?[\s-]*(?:al|el|ul)?[\s-]*", "abd", fold(name))  # Abd al-Aziz, Abdulaziz
    words = re.sub(r"[-'’.,()]", " ", text).split()
    out = []
    for word in words:
        if word in PARTICLES or len(word) < 2 or word in {"jr", "sr", "ii", "iii"}:
            continue
        word = re.sub(r"^(al|el)(?=\w{4})", "", word)
        for old, new in (
            ("x", "ks"),
            ("kh", "h"),
            ("ph", "f"),
            ("j", "y"),
            ("w", "v"),
            ("ou", "u"),
            ("q", "k"),
            ("y", "i"),
            ("dh", "d"),
            ("th", "t"),
            ("c", "k"),
        ):
            word = word.replace(old, new)
        out.append(re.sub(r"(.)\1+", r"\1", word))
    return out


def skeleton(name: str) -> str:
    """A spelling-blind key for comparing transliterations: "Muhammad"/"Mohamed" -> "mhmd"."""
    return " ".join(w[0] + re.sub(r"[aeiou]", "", w[1:]) for w in spelled(name))


def same_person(a: str, b: str, country: str = "") -> bool:
    """Whether two spellings name one person: a like family name (the last word) and a like given name
    (Sergei/Sergey; an initial: Joe/Joseph) or the other's second given name ("Mohammed Hosni Mubarak" /
    "Hosni Mubarak"). Names written family name first ("Li Keqiang", "Kim Dae-jung") must match whole."""
    x, y = spelled(a), spelled(b)
    if not x or not y:
        return False
    if country in FAMILY_FIRST:  # transliterations of these names differ too little between different people
        return "".join(x) == "".join(y)
    if "".join(x) == "".join(y) or skeleton(a) == skeleton(b):
        return True  # "Ahmadi-Nejad" / "Ahmadinejad"
    if len(x) == 1 or len(y) == 1:
        return False
    ratio = lambda p, q: difflib.SequenceMatcher(None, p, q).ratio()
    like = lambda p, q, least: ratio(p, q) >= least or (skeleton(p) == skeleton(q) and len(skeleton(p)) >= 5)
    if not (like(x[-1], y[-1], 0.85) or "".join(x[-2:]) == y[-1] or "".join(y[-2:]) == x[-1]):
        return False
    short, long = sorted((x, y), key=len)
    if len(short) == 2 and len(long) == 3 and short[0] == long[1] and short[1] == long[2]:
        return True  # "Hosni Mubarak" / "Mohammed Hosni Mubarak"
    nasab = any(re.search(r"\b(bin|ibn|bint)\b", n) for n in (a, b)) or x[-1] in DYNASTIES
    if nasab and not (len(x) > 2 and len(y) > 2 and like(x[1], y[1], 0.8)):
        return False  # "Muhammad bin Khalifa Al Thani" is not "Mohammed bin Abdulrahman Al Thani"
    middles = [m for m in (x[1:-1], y[1:-1]) if m]
    if len(middles) == 2 and not nasab and not any(like(p, q, 0.8) for p in middles[0] for q in middles[1]):
        return False  # "Carlos Andres Trujillo" is not "Carlos Holmes Trujillo"
    initial = min(len(x[0]), len(y[0])) == 1 and x[0][0] == y[0][0]
    return like(x[0], y[0], 0.85) or initial


@dataclass
class Run:
    """Consecutive editions naming one person for one office."""

    country: str
    role: str
    mentions: list[Mention]
    end: dt.date | None = None
    end_note: str = ""

    @property
    def name(self) -> str:
        """The spelling of the latest edition that gives the fullest name."""
        return max(self.mentions, key=lambda m: (len(m.name.split()), m.year)).name

    @property
    def start(self) -> tuple[dt.date, str]:
        dated = [m for m in self.mentions if m.since]
        if not dated:
            return dt.date(self.mentions[0].year, 1, 1), "approx"
        rank = {"day": 0, "month": 1, "year": 2}
        best = min(dated, key=lambda m: (rank[m.since_precision], -dated.count(m), m.year))
        return best.since, "" if best.since_precision == "day" else "approx"


def runs(mentions: list[Mention], described: dict[str, set[int]]) -> list[Run]:
    """Mentions grouped into terms: a person named for an office in consecutive described editions."""
    by_office: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_office[(m.country, m.role)].append(m)
    found: list[Run] = []
    for (country, role), office in by_office.items():
        people: list[list[Mention]] = []
        for m in sorted(office, key=lambda m: m.year):
            group = next((g for g in people if same_person(g[-1].name, m.name, country)), None)
            if group is None and role in SINGLE and m.since_precision in {"day", "month"}:  # one head, two spellings
                group = next((g for g in people if any(n.since == m.since for n in g)), None)
            if group is None:
                people.append([m])
            else:
                group.append(m)
        editions = sorted(described[f"{country} {role}"])
        for group in people:
            current: list[Mention] = []
            for m in group:
                if current and not consecutive(current[-1].year, m.year, editions, current[-1].since, m.since):
                    found.append(Run(country, role, current))
                    current = []
                current.append(m)
            found.append(Run(country, role, current))
    heads = [r for r in found if r.role in SINGLE]
    for run in heads + [r for r in found if r.role not in SINGLE]:  # heads first: deputies end with them
        run.end, run.end_note = ending(run, found, described)
    return merged(found)


def consecutive(last: int, year: int, editions: list[int], last_since: dt.date | None, since: dt.date | None) -> bool:
    """Whether a person named in editions ``last`` and ``year`` held the office in between."""
    skipped = [e for e in editions if last < e < year]
    if since and last_since and since != last_since and since.year > last:
        return False  # a new "since": a new term
    return not skipped


def ending(run: Run, found: list[Run], described: dict[str, set[int]]) -> tuple[dt.date | None, str]:
    """The day a run ends (None: still in office in the latest edition) and how it was found.

    Where the next edition naming anyone for the office no longer names the holder, the end is the earliest
    "since" of a newcomer to the office; where editions name nobody for the office after the holder's last one,
    a deputy or vice president is taken to leave with the head of government or state of that edition."""
    last = run.mentions[-1].year
    later = sorted(e for e in described[f"{run.country} {run.role}"] if e > last)
    silent = [e for e in described[run.country] if last < e < (later[0] if later else 9999) and e not in GAP]
    gap = " across the 2018-2020 Factbook gap" if any(last < y < (later[0] if later else 2026) for y in GAP) else ""
    if later and not silent:
        start = run.start[0]
        present = {
            r.name
            for r in found
            if r.country == run.country and r.role == run.role and any(m.year == last for m in r.mentions)
        }
        newcomers = [
            r.start
            for r in found
            if r.country == run.country
            and r.role == run.role
            and r.name not in present
            and any(m.year == later[0] for m in r.mentions)
            and start < r.start[0] <= dt.date(later[0] + 1, 12, 31)
            and r.start[0].year >= last
        ]
        if newcomers:
            day, approx = min(newcomers)
            return day, f"end: a successor's start{gap}" + (" (approx)" if approx or not single(run, found) else "")
        return dt.date(later[0], 1, 1), f"end approx: last named in the {last} edition{gap}"
    if not later and last == max(described[run.country]):
        return None, ""  # named in the latest edition
    if run.role in SINGLE:
        return dt.date(last + 1, 1, 1), f"end approx: last named in the {last} edition"
    heads = [
        r for r in found if r.country == run.country and r.role in SINGLE and any(m.year == last for m in r.mentions)
    ]
    if run.role == "vice_president":  # a vice president serves with the president
        heads = [r for r in heads if "President" in r.mentions[-1].title]
    else:
        heads = [r for r in heads if r.role == "head_of_government"]
    head = heads[0] if heads else None
    if head is not None and head.mentions[-1].year > last and len(silent) <= 2:
        return head.end, "end approx: with the head of government or state" if head.end else ""
    return dt.date(last + 1, 1, 1), f"end approx: last named in the {last} edition"


def single(run: Run, found: list[Run]) -> bool:
    """Whether the office has one holder at a time in every edition (most vice presidencies)."""
    if run.role in SINGLE:
        return True
    years = [m.year for r in found if (r.country, r.role) == (run.country, run.role) for m in r.mentions]
    return max(years.count(y) for y in set(years)) <= 1


def merged(found: list[Run]) -> list[Run]:
    """Runs of one person for one office joined where the Factbook's dates make them overlap."""
    out: list[Run] = []
    for run in sorted(found, key=lambda r: (r.country, r.role, skeleton(r.name), r.start[0])):
        prev = out[-1] if out else None
        if (
            prev
            and (prev.country, prev.role) == (run.country, run.role)
            and same_person(prev.name, run.name, run.country)
            and (prev.end is None or run.start[0] <= prev.end + dt.timedelta(days=31))
        ):
            prev.mentions += run.mentions
            if prev.end is not None and (run.end is None or run.end > prev.end):
                prev.end, prev.end_note = run.end, run.end_note
            continue
        out.append(run)
    return out


SINGLE = {"head_of_state", "head_of_government"}


def table_terms(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The table's head-of-state and head-of-government terms (not the "elect" periods) by country."""
    terms: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["role"] in SINGLE and row["status"] != "elect" and row["country"]:
            terms[row["country"]].append(row)
    return terms


def covers(row: dict[str, str], day: dt.date) -> bool:
    return row["start"] <= day.isoformat() and (not row["end"] or day.isoformat() < row["end"])


def names_of(row: dict[str, str]) -> list[str]:
    return [row["person"], *[a for a in row["aliases"].split("|") if a]]


def disagreements(table: list[dict[str, str]], found: list[Run]) -> list[str]:
    """Factbook heads of state and government that the table misses, names otherwise or dates otherwise.

    Each term is checked a week after the Factbook's "since" day and in the middle of the editions that name
    the holder; a start is reported where the table's term of that person does not cover the "since" day
    (a re-election is not a new start)."""
    terms = table_terms(table)
    report = []
    for run in sorted(found, key=lambda r: (r.country, r.role, r.start[0])):
        if run.role not in SINGLE or run.country not in terms or (run.end and run.end.year < 2000):
            continue
        start, approx = run.start
        person = person_of(run.name, run.country)
        years = sorted({m.year for m in run.mentions})
        days = [dt.date(years[len(years) // 2], 7, 1)] if len(years) > 2 else []
        if not approx and start.year >= 2000:  # the Factbook's "since" is often the election or nomination
            days.append(start + dt.timedelta(days=45))
        days = [d for d in days if d >= start and (run.end is None or d < run.end)]
        mine = [t for t in terms[run.country] if any(same_person(n, person.name, run.country) for n in names_of(t))]
        for day in days:
            held = [t for t in terms[run.country] if covers(t, day)]
            if not any(t in mine for t in held):
                others = "; ".join(f"{t['person']} {t['role'][8:]} {t['start']}..{t['end']}" for t in held)
                report.append(
                    f"{run.country}\t{run.role}\tperson\t{person.name} since {start} (Factbook "
                    f"{years[0]}-{years[-1]})\ttable on {day}: {others or 'nobody'}"
                )
                break
        else:
            if not approx and start.year >= 2000 and mine and not any(covers(t, start) for t in mine):
                nearest = min(mine, key=lambda t: abs((dt.date.fromisoformat(t["start"]) - start).days))
                delta = (dt.date.fromisoformat(nearest["start"]) - start).days
                if abs(delta) > 31:
                    report.append(
                        f"{run.country}\t{run.role}\tstart\t{person.name} Factbook {start}\t"
                        f"table {nearest['start']} ({delta:+d} days)"
                    )
    return report


LABOUR_SPELLING = {"GBR", "NZL", "IRL", "MLT", "BRB", "JAM", "KNA", "ATG", "LCA", "DMA", "TTO", "VCT", "GRD", "BHS"}


def parties(year: int, country: str, text: str) -> list[Mention]:
    """Party leaders of one edition: "Party Name or ABBR [Leader NAME]" -> Mention(title="ABBR leader").

    Some editions lost the separators between parties, so each party is the text between one leader bracket
    and the next."""
    found = []
    text = text.replace('""', "").replace('"', "")
    for match in re.finditer(r"(?P<party>[^\[\]]+?)\s*\[(?P<leaders>[^\]]*)\]", text):
        party = re.sub(r"^[\s;|,]*(?:\([^)]*\)\s*)*", "", match["party"]).split(":")[-1]
        party = re.sub(r"^.*\bnote\b.*?(?=[A-Z][a-z])", "", party).strip(" ;|,")
        party = re.sub(r"\s*\((?:Northern Ireland|Scotland|Wales|[^)]*alliance[^)]*)\)", "", party).strip()
        short = re.search(r"\bor ([A-Z][\w'’.\-]*(?: [A-Z0-9][\w'’.\-]*)?)$|\(([A-Z][\w'’.\-]+)\)$", party)
        name = re.split(r" or |\s*\(", party)[0].strip()
        label = (short.group(1) or short.group(2)) if short else name
        if not label or not label[0].isupper() or len(label) > 60 or re.search(r"\w [b-df-hj-np-tv-xz]\b", label):
            continue  # "Uni n por la Patria": a letter the archive lost
        if country in LABOUR_SPELLING:
            label = label.replace("Labor", "Labour")
        leaders = re.split(r";|\bnote\b", match["leaders"])[0]
        for _, raw, _ in named(leaders):
            if len(raw.split()) >= 2 and not re.search(r"\bNA\b", raw):
                found.append(Mention(year, country, "party_leader", f"{label} leader", raw, None, ""))
    return found


HEAD_TITLES = [
    ("Prime Minister", r"Prime Minister"),
    ("Premier", r"\bPremier\b"),
    ("Supreme Leader", r"Supreme Leader"),
    ("Emir", r"\b(Amir|Emir)\b"),
    ("Sultan", r"\bSultan\b"),
    ("Grand Duke", r"Grand Duke"),
    ("Emperor", r"\bEmperor\b"),
    ("King", r"\bKing\b"),
    ("Queen", r"\bQueen\b"),
    ("Prince", r"\bPrince\b"),
    ("Chancellor", r"\bChancellor\b"),
    ("President", r"\bPresident\b"),
    ("Chairman of the Council of Ministers", r"Chairman of the Council of Ministers"),
]
REALM_MONARCHS = {"Elizabeth II", "Charles III"}
HONORIFIC = re.compile(r"^(?:King|Queen|Sheikh|Sheikha|Prince|President|Emir|Mullah|Crown Prince) (?=[A-Z])")
# Offices written by hand from public knowledge instead: Switzerland's yearly presidents (the Factbook's gap
# years cannot be bridged) and offices of the countries most in the news, with news spellings and exact days.
HAND_WRITTEN = {
    ("CHE", "head_of_state"),
    ("USA", "vice_president"),
    ("BRA", "vice_president"),
    ("IRN", "vice_president"),
    ("IRQ", "vice_president"),
    ("SYR", "vice_president"),
    ("VEN", "vice_president"),
    ("EGY", "vice_president"),
    ("GBR", "deputy_head_of_government"),
    ("DEU", "deputy_head_of_government"),
    ("SAU", "deputy_head_of_government"),
    ("QAT", "deputy_head_of_government"),
    ("AFG", "deputy_head_of_government"),
}


def head_title(title: str, role: str) -> str | None:
    """The title news uses for a head of state or government, from the Factbook's longer one ("Sultan and
    Prime Minister" is a sultan as head of state and a prime minister as head of government)."""
    order = HEAD_TITLES if role == "head_of_government" else HEAD_TITLES[2:] + HEAD_TITLES[:2]
    return next((short for short, pattern in order if re.search(pattern, title)), None)


class People:
    """The table's people and the ones added from the Factbook, so that one person keeps one spelling."""

    def __init__(self, table: list[dict[str, str]]):
        self.by_country: dict[str, dict[str, set[str]]] = defaultdict(dict)  # country -> person -> names
        self.taken: dict[str, str] = {}  # folded name or alias -> person
        for row in table:
            names = [HONORIFIC.sub("", n) for n in names_of(row)]
            if row["country"]:
                self.by_country[row["country"]].setdefault(row["person"], set()).update(names)
            for name in names:
                self.taken.setdefault(fold(name), row["person"])

    def find(self, raw: str, country: str) -> tuple[str, list[str]] | None:
        """(person, new aliases) for a Factbook name; None where the name belongs to someone else."""
        person = person_of(raw, country)
        known = [
            p
            for p, names in self.by_country[country].items()
            if any(same_person(n, person.name, country) for n in names)
        ]
        if known:
            best = max(known, key=lambda p: difflib.SequenceMatcher(None, skeleton(p), skeleton(person.name)).ratio())
            return best, []
        taker = self.taken.get(fold(person.name))
        if taker is not None:  # one spelling, one person: the same name in another country's table is not reused
            return (taker, []) if not any(taker in people for people in self.by_country.values()) else None
        if len(person.name.split()) < 2 or person.name.split()[0] in {"Mr", "Ms", "Mrs", "Dr", "Pm"}:
            return None
        aliases = [
            a
            for a in person.aliases
            if fold(a) not in self.taken and len(a.split()) >= 2 and not re.search(r"\b[A-Z]\b(?!\.)", a)
        ]  # "Santiago Pe A Palacios": a letter lost
        self.by_country[country][person.name] = {person.name, *aliases}
        for name in (person.name, *aliases):
            self.taken[fold(name)] = person.name
        return person.name, aliases


def row_of(
    run: Run, person: str, aliases: list[str], title: str, sector: str = "GOV", since: bool = False
) -> dict[str, str]:
    """A table row for a run; ``since``: the holder was in office by the first edition (2000)."""
    start, approx = run.start
    acting = any(m.acting for m in run.mentions)
    notes = ["Factbook"]
    if since:
        notes.append(f"in office by the {start.year} edition")
    elif approx:
        notes.append(
            "start approx (first edition naming the holder)"
            if not run.mentions[0].since
            else "start approx (Factbook gives the month or year)"
        )
    if run.end_note:
        notes.append(run.end_note)
    if acting and not title.startswith("Acting"):
        title = f"Acting {title}"
    return {
        "person": person,
        "aliases": "|".join(aliases),
        "role": run.role,
        "title": title,
        "country": run.country,
        "org": "",
        "sector": sector,
        "start": start.isoformat(),
        "end": run.end.isoformat() if run.end else "",
        "status": "acting" if acting else "",
        "note": "; ".join(notes),
    }


def candidates(table: list[dict[str, str]], countries: set[str]) -> list[dict[str, str]]:
    """Rows the table lacks: vice presidents and deputy heads of government everywhere, heads of state and
    government of countries the table does not cover, and party leaders of the countries most in the news."""
    mentions, described = all_mentions(countries)
    found = runs(mentions, described)
    covered = {r["country"] for r in table if r["country"]}
    people = People(table)
    rows = []
    for run in sorted(found, key=lambda r: (r.country, r.role, r.start[0])):
        if (run.end and run.end.year < 2000) or (run.country, run.role) in HAND_WRITTEN:
            continue
        if run.role in SINGLE:
            title = head_title(run.mentions[-1].title, run.role)
            if run.country in covered or title is None or person_of(run.name, run.country).name in REALM_MONARCHS:
                continue
            if run.role == "head_of_government" and any(
                r.role == "head_of_state"
                and r.country == run.country
                and same_person(r.name, run.name, r.country)
                and abs((r.start[0] - run.start[0]).days) < 400
                for r in found
            ):
                continue  # a president who heads the government: one row, as for the United States
        else:
            title = run.mentions[-1].title
        match = people.find(run.name, run.country)
        if match:
            rows.append(row_of(run, match[0], match[1], title))
    return clipped(joined(rows + party_candidates(covered, people)))


def clipped(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Heads of state and government whose approximate end falls after the successor's start end there."""
    heads = sorted((r for r in rows if r["role"] in SINGLE), key=lambda r: (r["country"], r["role"], r["start"]))
    for row, after in zip(heads, heads[1:], strict=False):
        if (
            (row["country"], row["role"]) == (after["country"], after["role"])
            and row["person"] != after["person"]
            and (not row["end"] or after["start"] < row["end"])
            and row["start"] < after["start"]
        ):
            row["end"] = after["start"]
            row["note"] = "; ".join(
                [n for n in row["note"].split("; ") if not n.startswith("end")] + ["end: the successor's start"]
            )
    return rows


def joined(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per continuous term: rows of one person and office that overlap, or that an approximate end
    separates from the next by less than a year, are joined."""
    out: list[dict[str, str]] = []
    key = lambda r: (r["country"], r["role"], r["title"].removeprefix("Acting "), r["person"])
    for row in sorted(rows, key=lambda r: (*key(r), r["start"])):
        prev = out[-1] if out else None
        if (
            prev
            and key(prev) == key(row)
            and (
                not prev["end"]
                or row["start"] <= prev["end"]
                or (
                    "end approx" in prev["note"]
                    and (dt.date.fromisoformat(row["start"]) - dt.date.fromisoformat(prev["end"])).days < 366
                )
            )
        ):
            if prev["end"] and (not row["end"] or row["end"] > prev["end"]):
                prev["end"], prev["note"] = (
                    row["end"],
                    "; ".join(
                        dict.fromkeys(
                            [n for n in prev["note"].split("; ") if not n.startswith("end")] + row["note"].split("; ")
                        )
                    ),
                )
            continue
        out.append(dict(row))
    return out


# Party leaders are kept for the countries that dominate international news (and the rest of the G20): every
# name costs start-up time in the actor stage's phrase matcher, and small parties' leaders are rarely in the news.
PARTY_COUNTRIES = {
    "USA",
    "RUS",
    "CHN",
    "UKR",
    "GBR",
    "FRA",
    "DEU",
    "ISR",
    "IRN",
    "TUR",
    "IND",
    "PAK",
    "JPN",
    "KOR",
    "PRK",
    "SAU",
    "QAT",
    "EGY",
    "SYR",
    "IRQ",
    "AFG",
    "BRA",
    "MEX",
    "VEN",
    "ITA",
    "CAN",
    "AUS",
    "ZAF",
    "IDN",
    "ARG",
}


def party_candidates(covered: set[str], people: People) -> list[dict[str, str]]:
    """Party leaders named in at least two editions, in the countries of PARTY_COUNTRIES."""
    mentions: list[Mention] = []
    described: dict[str, set[int]] = defaultdict(set)
    for row in factbook_rows():
        if row["entity_type"] == "sovereign" and row["iso3"] in covered & PARTY_COUNTRIES:
            found = parties(int(row["edition_year"]), row["iso3"], row["parties_and_leaders"])
            mentions += found
            described[row["iso3"]].update(m.year for m in found)
    latest = max(y for years in described.values() for y in years)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.country, skeleton(person_of(m.name, m.country).name))].append(m)
    rows = []
    for (country, _), group in sorted(groups.items()):
        years = sorted({m.year for m in group})
        editions = sorted(described[country])
        start_index = 0
        for i in range(1, len(years) + 1):  # consecutive editions make one term
            if i < len(years) and editions.index(years[i]) == editions.index(years[i - 1]) + 1:
                continue
            term = years[start_index:i]
            start_index = i
            if len(term) < 2 and term[-1] != latest:
                continue
            title = next(m.title for m in reversed(group) if m.year == term[-1])
            after = [e for e in editions if e > term[-1]]
            run = Run(
                country,
                "party_leader",
                [m for m in group if m.year in term],
                dt.date(after[0], 1, 1) if after else None,
                f"end approx: last named in the {term[-1]} edition"
                if after
                else f"named in the {term[-1]} edition, the last to list party leaders",
            )
            match = people.find(group[-1].name, country)
            if match:
                rows.append(row_of(run, match[0], match[1], title, sector="PTY", since=term[0] == editions[0]))
    return rows


def order(row: dict[str, str]) -> tuple:
    """The table's order: countries, then organisations; by office, then by start."""
    return (
        row["country"] == "",
        row["country"] or row["org"],
        row["role"],
        row["start"],
        row["status"] != "elect",
        row["person"],
    )


def write_table(rows: list[dict[str, str]], path: Path = ROLES) -> None:
    """Rewrite the table with its comment lines, sorted."""
    comments = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.startswith("#")]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.writelines(comments)
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writeheader()
        writer.writerows(sorted(rows, key=order))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["check", "candidates", "sort"])
    args = parser.parse_args(argv)
    table = read_tsv(ROLES)
    countries = {r["iso3"] for r in read_tsv(ACTORS / "countries.tsv")}
    if args.command == "sort":
        write_table(table)
    elif args.command == "check":
        report = disagreements(table, runs(*all_mentions(countries)))
        print("\n".join(report))
        print(f"{len(report)} disagreements", file=sys.stderr)
    else:
        present = {(r["person"], r["role"], r["country"], r["org"], r["start"]) for r in table}
        rows = [
            r
            for r in candidates(table, countries)
            if (r["person"], r["role"], r["country"], r["org"], r["start"]) not in present
        ]
        writer = csv.DictWriter(sys.stdout, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writeheader()
        writer.writerows(sorted(rows, key=order))
    return 0


if __name__ == "__main__":
    sys.exit(main())

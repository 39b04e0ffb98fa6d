"""Privacy by construction: clinical wording is found before a landlord or contractor document
builds, and the clinician edits it or confirms it on purpose. Nothing is blanked or replaced.

Every free text that goes into the document (each string of its report data: names, addresses,
room names, captions, every field of every recommendation; for the landlord letter, only the
fields of a recommendation it prints) is checked against

- the client's diagnosis and conditions, as whole phrases and word by word (except the ordinary
  words listed in the vocabulary: "left", "with", a month), and
- the clinical vocabulary in ``resources/privacy/clinical_terms.toml`` (stems, whole words and
  acronyms).

``clinical_wording`` returns one ``Hit`` per field that matched: where it is, in words a clinician
can find it by, and whether the client's own diagnosis or the vocabulary matched. A hit never
quotes the text or the term, so it can be printed or shown; the field it names quotes only text
that itself passed the check (a room's name, a recommendation's title), otherwise a number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from homeassess.domain.data_files import read_toml, resources_dir
from homeassess.domain.refusals import Refused
from homeassess.report.report_data import Audience, ReportData

CLIENT = "the client's diagnosis or conditions"
VOCABULARY = "a clinical word"
MIN_CLIENT_WORD = 4  # shorter words of a diagnosis ("of", "OA" aside) say nothing on their own
LABEL_LENGTH = 40
# The fields of a recommendation the landlord letter prints (landlord_request.py); it prints no other.
LETTER_FIELDS = frozenset({"room", "title", "plain", "funding_program"})
LIST_LABELS = {"rooms": "room", "whole_home": "whole-home recommendation", "recommendations": "recommendation",
               "photos": "photo", "measurements": "measurement", "findings": "finding",
               "items": "item", "checks": "measurement", "before": "before photo", "after": "after photo"}


@dataclass(frozen=True)
class Hit:
    field: str  # "Room 2 “Bathroom”, recommendation 1 “Grab bar”: plain wording"
    source: str  # CLIENT or VOCABULARY

    def __str__(self) -> str:
        return f"{self.field}: matches {self.source}"


class ClinicalWording(Refused):
    """Free text bound for a landlord or contractor has clinical wording; ``hits`` says where."""

    title = "Clinical wording found"

    def __init__(self, audience: Audience, hits: Sequence[Hit]) -> None:
        self.hits = tuple(hits)
        n = len(self.hits)
        them, they = ("it", "it") if n == 1 else ("them", "they")
        super().__init__(
            f"the {_document(audience)} has clinical wording in {n} text{'s' if n != 1 else ''};"
            f" edit {them}, or confirm that {they} may print"
        )


def _document(audience: Audience) -> str:
    return {Audience.LANDLORD: "landlord letter", Audience.CONTRACTOR: "scope of works",
            Audience.COMPLETION: "completion record"}.get(audience, "report")


@dataclass(frozen=True)
class Vocabulary:
    stems: re.Pattern[str] | None
    words: re.Pattern[str] | None
    acronyms: re.Pattern[str] | None
    ordinary: frozenset[str]

    def matches(self, text: str) -> bool:
        return any(p is not None and p.search(text) for p in (self.stems, self.words, self.acronyms))


def _pattern(parts: Sequence[str], template: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    alternatives = sorted({p.strip() for p in parts if p.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    escaped = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alternatives)
    return re.compile(template.format(escaped), flags)


@cache
def vocabulary() -> Vocabulary:
    data = read_toml(resources_dir() / "privacy" / "clinical_terms.toml")
    return Vocabulary(
        stems=_pattern(data.get("stems", []), r"(?<!\w)(?:{})"),
        words=_pattern(data.get("words", []), r"(?<!\w)(?:{})s?(?!\w)"),
        acronyms=_pattern(data.get("acronyms", []), r"(?<!\w)(?:{})(?!\w)", flags=0),
        ordinary=frozenset(w.casefold() for w in data.get("ordinary", [])),
    )


def client_pattern(terms: Sequence[str], ordinary: frozenset[str]) -> re.Pattern[str] | None:
    """The client's diagnosis and conditions: each as a phrase, and each telling word of it."""
    parts: set[str] = set()
    for term in terms:
        term = " ".join(str(term).split())
        if len(term) >= MIN_CLIENT_WORD:
            parts.add(term)
        parts.update(w for w in re.findall(r"\w[\w'-]*", term) if len(w) >= MIN_CLIENT_WORD and w.casefold() not in ordinary
                     and not w.isdigit())
    return _pattern(sorted(parts), r"(?<!\w)(?:{})(?!\w)")


def clinical_wording(data: ReportData, client_terms: Sequence[str]) -> list[Hit]:
    """One hit per free text of ``data`` that carries the client's diagnosis or a clinical word."""
    words = vocabulary()
    client = client_pattern(client_terms, words.ordinary)
    hits: list[Hit] = []
    letter = data.meta.audience is Audience.LANDLORD
    for where, text in _texts(data, ()):
        if letter and {"recommendations", "whole_home"} & set(where[:-1]) and where[-1] not in LETTER_FIELDS:
            continue  # a specification or contractor detail the letter does not print
        source = CLIENT if client is not None and client.search(text) else VOCABULARY if words.matches(text) else None
        if source is not None:
            hits.append(Hit(_label(data, where, words, client), source))
    return hits


Path = tuple[str | int, ...]


def _texts(value: object, where: Path) -> Iterator[tuple[Path, str]]:
    if type(value) is str:  # exactly str: the audience (an enum) is not user text
        if value.strip():
            yield where, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _texts(item, (*where, i))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), (*where, f.name))


def _label(data: ReportData, where: Path, words: Vocabulary, client: re.Pattern[str] | None) -> str:
    """"Room 2 “Bathroom”, recommendation 1 “Grab bar”: plain", quoting only text that passed."""
    parts: list[str] = []
    value: object = data
    steps = list(where)
    while steps:
        step = str(steps.pop(0))
        value = getattr(value, step)
        if steps and isinstance(steps[0], int):  # an element of a list: by its number, and its name if clean
            index = int(steps.pop(0))
            value = value[index]  # type: ignore[index]
            name = _clean(getattr(value, "name", "") or getattr(value, "title", ""), words, client)
            number = f"{LIST_LABELS.get(step, step.replace('_', ' '))} {index + 1}"
            parts.append(f"{number} “{name}”" if name else number)
        else:
            parts.append(step.replace("_", " "))
    text = ", ".join(parts[:-1]) + ": " + parts[-1] if len(parts) > 1 else parts[0]
    return text[:1].upper() + text[1:]


def _clean(text: str, words: Vocabulary, client: re.Pattern[str] | None) -> str:
    text = " ".join(str(text).split())
    if not text or words.matches(text) or (client is not None and client.search(text)):
        return ""
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rstrip() + "…"

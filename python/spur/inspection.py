"""An inspection: what inspectors found at one unit."""

from __future__ import annotations

import datetime
import enum
import json
import os
from typing import TYPE_CHECKING, Any

import numpy

from spur import _core

if TYPE_CHECKING:
    from spur.rule_book import RuleBook


class Inspection:
    """One inspection of one unit, as an inspection file holds it.

    Read it with :meth:`load` (YAML file), :meth:`parse` (YAML text) or :meth:`from_dict`
    (the same structure as a dict). It is immutable; :meth:`to_dict` gives the structure back.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.Inspection) -> None:
        self._core = core

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Inspection:
        """Read an inspection file.

        Raises :class:`spur.InspectionError` listing every problem found in it, or
        :class:`spur.FileError` when it cannot be read.
        """
        return cls(_core.Inspection.load(path))

    @classmethod
    def parse(cls, text: str, file: str = "<string>") -> Inspection:
        """Parse inspection YAML; ``file`` names it in messages."""
        return cls(_core.Inspection.parse(text, file))

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], file: str = "<dict>", *, book: RuleBook | None = None
    ) -> Inspection:
        """Build an inspection from the structure of an inspection file::

            {"inspection": {"id": ..., "unit": ..., "regulations": ["sosfs-2015-8"]},
             "findings": {"D1": "not_met", "E7": {"status": "met", "note": "..."}},
             "overrides": [{"area": "G", "grade": "B", "reason": "..."}]}

        Dates may be ``datetime.date`` and statuses or grades may be spur enums. It is
        checked exactly as a file is (JSON is YAML: the file reader reads it), and then
        against ``book`` (default: the bundled rule book), so that a misspelled requirement
        or regulation fails here, naming the key, and not when it is graded. Errors are
        :class:`spur.InspectionError` naming ``file`` and the requirement.
        """
        if not isinstance(data, dict):
            raise TypeError(f"Inspection.from_dict takes a dict, not {type(data).__name__}")
        book = _rule_book(book, "Inspection.from_dict")
        text = json.dumps(data, ensure_ascii=False, default=_plain)
        core = _core.Inspection.parse_json(text, file)
        _core.check(book._core, core)
        return cls(core)

    def check(self, book: RuleBook | None = None) -> list[_core.Diagnostic]:
        """Check the inspection against ``book`` (default: the bundled rule book), as grading
        it would: raises :class:`spur.InspectionError` listing every error (an unknown
        requirement or regulation, an override off the scale, ...) and returns the warnings
        (e.g. a finding for a requirement that the inspected regulations lack)."""
        return _core.check(_rule_book(book, "Inspection.check")._core, self._core)

    def to_dict(self) -> dict[str, Any]:
        """The inspection as the structure of an inspection file (see :meth:`from_dict`).

        Empty fields are left out, a finding with only a status takes the short form, and
        ``default_status`` is always given.
        """
        c = self._core
        header: dict[str, Any] = {}
        for key in ("id", "unit", "specialty"):
            if value := getattr(c, key):
                header[key] = value
        if c.date is not None:
            header["date"] = c.date
        if c.regulations:
            header["regulations"] = list(c.regulations)
        if c.trainees:
            header["trainees"] = [_trainee(t) for t in c.trainees]
        header["default_status"] = c.default_status.name
        if c.notes:
            header["notes"] = c.notes
        out: dict[str, Any] = {"inspection": header, "findings": {}}
        for f in c.findings:
            entry: dict[str, Any] = {}
            if f.status is not None:
                entry["status"] = f.status.name
            if f.by_regulation:
                entry["by_regulation"] = {b.regulation: b.status.name for b in f.by_regulation}
            if f.note:
                entry["note"] = f.note
            out["findings"][f.requirement] = entry["status"] if list(entry) == ["status"] else entry
        if c.overrides:
            out["overrides"] = [
                {
                    "area": o.area,
                    **({"regulation": o.regulation} if o.regulation is not None else {}),
                    "grade": o.grade.name,
                    "reason": o.reason,
                }
                for o in c.overrides
            ]
        if c.action_plan:
            out["action_plan"] = [_plan_entry(p) for p in c.action_plan]
        if c.reported_grades:
            out["reported_grades"] = {g.area: _reported_grade(g) for g in c.reported_grades}
        return out

    @property
    def id(self) -> str:
        """The inspection's id ("" when none was given)."""
        return self._core.id

    @property
    def unit(self) -> str:
        """The unit inspected ("" when not given)."""
        return self._core.unit

    @property
    def specialty(self) -> str:
        """The specialty of the ST doctors trained there ("" when not given)."""
        return self._core.specialty

    @property
    def date(self) -> datetime.date | None:
        """The inspection date, when known."""
        return None if self._core.date is None else datetime.date.fromisoformat(self._core.date)

    @property
    def regulations(self) -> list[str]:
        """The regulations inspected against, as written (empty: derived from the trainees)."""
        return self._core.regulations

    @property
    def trainees(self) -> list[_core.Trainee]:
        """The ST doctors, when listed to derive the regulations from."""
        return self._core.trainees

    @property
    def default_status(self) -> _core.Status:
        """The status of requirements without a finding."""
        return self._core.default_status

    @property
    def findings(self) -> list[_core.Finding]:
        """The findings in the order written."""
        return self._core.findings

    @property
    def overrides(self) -> list[_core.Override]:
        """The inspectors' grades that replace computed ones, each with its reason."""
        return self._core.overrides

    @property
    def action_plan(self) -> list[_core.PlanEntry]:
        """The action plan (handlingsplan), once it is written."""
        return self._core.action_plan

    @property
    def reported_grades(self) -> list[_core.ReportedGrade]:
        """What a published report says about each area's grade (``reported_grades``)."""
        return self._core.reported_grades

    @property
    def warnings(self) -> list[_core.Diagnostic]:
        """Warnings found while reading (e.g. a plan entry lacking a field)."""
        return self._core.warnings

    @property
    def notes(self) -> str:
        """Free-text notes on the inspection as a whole ("" when none)."""
        return self._core.notes

    @property
    def file(self) -> str:
        """Where it was read from (``"<dict>"`` and the like when not from a file)."""
        return self._core.file

    def find(self, requirement: str) -> _core.Finding | None:
        """The finding for a requirement, or None."""
        return self._core.find(requirement)

    def __repr__(self) -> str:
        name = self.id or self.file
        return (
            f"<spur.Inspection {name}: {self.unit or 'unnamed unit'}, "
            f"{', '.join(self.regulations)}, {len(self.findings)} findings>"
        )


_PLAN_TEXT = ("action", "due", "responsible", "follow_up", "follow_up_responsible")


def _trainee(t: _core.Trainee) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": t.id}
    if t.st_start:
        entry["st_start"] = t.st_start.isoformat()
    if t.swedish_at is not None:
        entry["swedish_at"] = t.swedish_at
    if t.licensed:
        entry["licensed"] = t.licensed.isoformat()
    return entry


def _plan_entry(p: _core.PlanEntry) -> dict[str, Any]:
    entry: dict[str, Any] = {"requirement": p.requirement}
    if p.regulation is not None:
        entry["regulation"] = p.regulation
    entry.update({key: value for key in _PLAN_TEXT if (value := getattr(p, key))})
    entry["received"] = p.received_on.isoformat() if p.received_on else p.received
    if p.done:
        entry["done"] = p.done.isoformat()
    return entry


def _reported_grade(g: _core.ReportedGrade) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if g.grade is not None:
        entry["grade"] = g.grade.name
    if g.text:
        entry["text"] = g.text
    if len(g.marked) == 1 and g.marked[0].regulation is None:
        entry["marked"] = g.marked[0].grade.name
    elif g.marked:
        entry["marked"] = {m.regulation: m.grade.name for m in g.marked}
    return entry


def _rule_book(book: RuleBook | None, function: str) -> RuleBook:
    """The rule book to check against: ``book``, or the bundled one."""
    from spur.rule_book import RuleBook

    if book is None:
        return RuleBook.bundled()
    if not isinstance(book, RuleBook):
        raise TypeError(f"{function}: book must be a spur.RuleBook, not {type(book).__name__}")
    return book


def _plain(value: object) -> object:
    """What json.dumps cannot write itself: dates, numpy scalars and spur's enums."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, numpy.generic):
        return value.item()
    if isinstance(value, enum.Enum):
        return value.name
    raise TypeError(f"cannot write {type(value).__name__} {value!r} in an inspection")

"""What spur concludes from one inspection: grades, actions and why."""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Any

import numpy
import pandas as pd

from spur import _core
from spur.frames import results_frame

if TYPE_CHECKING:
    from spur.inspection import Inspection
    from spur.rule_book import RuleBook


class Evaluation:
    """The grades of one inspection per regulation and area, its actions, and why.

    Made by :meth:`spur.RuleBook.evaluate`. Grades are the letters ``"A"``-``"D"``; a
    grade is None while it is provisional (more than one is still possible because some
    findings are not assessed).
    """

    __slots__ = ("_core", "_book", "_inspection")

    def __init__(self, core: _core.Evaluation, book: RuleBook, inspection: Inspection) -> None:
        self._core = core
        self._book = book
        self._inspection = inspection

    @property
    def book(self) -> RuleBook:
        """The rule book it was graded with."""
        return self._book

    @property
    def inspection(self) -> Inspection:
        """The inspection it grades."""
        return self._inspection

    @property
    def regulations(self) -> list[str]:
        """The inspected regulations."""
        return self._core.regulations

    @property
    def action_plan_required(self) -> bool | None:
        """True if some area is certainly D, None if D is only possible, else False."""
        return self._core.action_plan_required

    @property
    def diagnostics(self) -> list[_core.Diagnostic]:
        """Warnings about the inspection (e.g. a finding for a requirement not inspected)."""
        return self._core.diagnostics

    def grade(self, area: str, regulation: str | None = None) -> str | None:
        """The grade of an area, or None while provisional.

        Without ``regulation``, the combined grade across the inspected regulations (the
        worst). Raises :class:`spur.LookupError` for an unknown area or a regulation that
        was not inspected.
        """
        return self._core.grade(area, regulation or "")

    def possible_grades(self, area: str, regulation: str | None = None) -> list[str]:
        """The grades still possible for an area, best first (one when it is certain)."""
        return self._core.possible_grades(area, regulation or "")

    def grade_after_plan(self, area: str, regulation: str | None = None) -> str | None:
        """The grade that stands after the action plan, or None while provisional.

        A D whose required actions received plan entries all cover is ``"C"``; otherwise the
        same as :meth:`grade`. None also while the adjustment is provisional: provisions not
        assessed, and not in the plan, could still turn out unmet and make the D stand
        (:meth:`possible_grades_after_plan` is then ``["C", "D"]``). :meth:`grade` keeps the
        grade before the plan.
        """
        return self._core.grade_after_plan(area, regulation or "")

    def possible_grades_after_plan(self, area: str, regulation: str | None = None) -> list[str]:
        """The grades still possible for an area after the action plan, best first."""
        return self._core.possible_grades_after_plan(area, regulation or "")

    def explain(self, area: str, regulation: str | None = None) -> str:
        """Why the area got its grade, step by step: readable text, Swedish with English.

        One section per inspected regulation, or only ``regulation``; as ``spur explain``
        prints it.
        """
        return "\n".join(x.render() for x in self._core.explain(area, regulation or ""))

    def explanations(self, area: str, regulation: str | None = None) -> list[dict[str, Any]]:
        """The same explanations as structures (``spur explain --format json``)."""
        return [x.to_dict() for x in self._core.explain(area, regulation or "")]

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain Python objects: equal to the JSON of
        ``spur evaluate --format json`` for the same inspection."""
        return self._core.to_dict()

    def results_frame(self) -> pd.DataFrame:
        """One row per inspected regulation and area, as :func:`spur.evaluate_many` gives.

        Columns: inspection, regulation, area, grade, possible_grades (e.g. ``"C/D"``),
        provisional, computed_grade, overridden, adjusted_grade (C for a D whose required
        actions a received action plan covers), adjustment_provisional (requirements not
        assessed could still undo that), grade_after_plan (the grade that stands after the plan;
        missing while provisional), and the counts ``<kind>_<metric>`` for the
        kinds provision, advice and indicator and the metrics met, unmet, partial, unknown
        and not_applicable.
        """
        return results_frame(_core.result_columns(self._book._core, [self._core]))

    def actions_frame(self) -> pd.DataFrame:
        """The requirements that need doing something about, one row each.

        Columns: inspection, category (``required``, ``recommended``, ``improvement``),
        requirement, area, kind, status, implied, implied_by (the prerequisites not met that
        imply it, comma-separated; empty when not implied), regulations (comma-separated), text.
        """
        data = self.to_dict()
        label = _label(self._core)
        rows = [
            {
                "inspection": label,
                "category": category,
                "requirement": a["requirement"],
                "area": a["area"],
                "kind": a["kind"],
                "status": a["status"],
                "implied": a["implied"],
                "implied_by": ", ".join(a["because"]),
                "regulations": ", ".join(a["regulations"]),
                "text": a["text"],
            }
            for key, category in _ACTION_CATEGORIES
            for a in data[key]
        ]
        return pd.DataFrame(rows, columns=_ACTION_COLUMNS)

    def plan_status(self, as_of: datetime.date | str | None = None) -> dict[str, Any]:
        """The action plan followed up on ``as_of`` (default today), as
        ``spur plan --format json`` prints it: when the plan was due and whether it came in
        time, and each entry's due interval, next follow-up and state."""
        return self._core.plan_status(_iso(as_of, "as_of"))

    def plan_frame(self, as_of: datetime.date | str | None = None) -> pd.DataFrame:
        """The action plan on ``as_of`` (default today), one row per entry: what a study
        director follows up.

        Columns: inspection, requirement, area, regulation, action, responsible, due (the
        text as written), due_start, due_end, follow_up (as written), next_follow_up,
        follow_up_responsible, received, received_on, done, state (``planned``, ``due``,
        ``overdue``, ``done``, or ``unreadable`` when the due phrase gives no date to follow
        the entry up by, e.g. "31/2-25"; see :meth:`plan_status` ``warnings`` and
        docs/plans.md). The dates (due_start, due_end, next_follow_up, received_on, done) are
        datetime64 columns, NaT where unknown.
        """
        status = self.plan_status(as_of)
        label = _label(self._core)
        rows = [
            {
                "inspection": label,
                "requirement": e["requirement"],
                "area": e["area"],
                "regulation": e["regulation"],
                "action": e["action"],
                "responsible": e["responsible"],
                "due": e["due"]["text"],
                "due_start": e["due"]["start"],
                "due_end": e["due"]["end"],
                "follow_up": e["follow_up"]["text"],
                "next_follow_up": e["follow_up"]["next"],
                "follow_up_responsible": e["follow_up_responsible"],
                "received": e["received"],
                "received_on": e["received_on"],
                "done": e["done"],
                "state": e["state"],
            }
            for e in status["entries"]
        ]
        frame = pd.DataFrame(rows, columns=_PLAN_COLUMNS)
        for column in _PLAN_DATES:  # any year: days to seconds, not nanoseconds (1677-2262)
            texts = frame[column].to_numpy(dtype=object, na_value=None)
            days = numpy.array(texts, dtype="datetime64[D]")
            frame[column] = days.astype("datetime64[s]")
        return frame

    def to_excel(
        self,
        path: str | os.PathLike[str],
        as_of: datetime.date | str | None = None,
        *,
        lang: str = "sv",
        force: bool = False,
    ) -> None:
        """Write the grades, the actions and the action plan (followed up on ``as_of``,
        default today) to an Excel workbook ready to send, one sheet each: headers in
        ``lang`` (``"sv"``: Graderingar, Åtgärder, Handlingsplan; ``"en"``: grades, actions,
        plan), column widths set, the header row frozen, filters on, dates as dates and the
        grade cells coloured as in the report.

        The workbook is written to a temporary file in the same folder and renamed, so a
        failed run leaves any old file as it was; an existing file is replaced only with
        ``force=True`` (a symbolic link is replaced, never followed), else
        :class:`spur.FileError`. A bad ``as_of`` raises :class:`spur.LookupError` before
        anything is written. Same as :func:`spur.report` with ``format="xlsx"``.
        """
        from spur.report import report

        report(self, "xlsx", path, as_of=as_of, lang=lang, force=force)

    def to_html(self, as_of: datetime.date | str | None = None, *, lang: str = "sv") -> str:
        """The report of this inspection as one self-contained HTML page (``spur report``):
        the summary, every area with its scale, requirements, actions and explanation, and
        the action plan followed up on ``as_of`` (default today)."""
        from spur.report import report

        result = report(self, "html", as_of=as_of, lang=lang)
        assert isinstance(result, str)
        return result

    def __repr__(self) -> str:
        grades = " ".join(f"{a['area']}:{_after_plan_cell(a)}" for a in self.to_dict()["areas"])
        return f"<spur.Evaluation {_label(self._core)} ({', '.join(self.regulations)}): {grades}>"

    def _repr_html_(self) -> str:
        """The report's summary: areas × regulations with the grades (D→C, provisional
        grades with those still possible), and the counts of actions."""
        return _core.report_summary_html(self._core)


_ACTION_CATEGORIES = [
    ("required_actions", "required"),
    ("recommended_actions", "recommended"),
    ("improvements", "improvement"),
]
_ACTION_COLUMNS = [
    "inspection",
    "category",
    "requirement",
    "area",
    "kind",
    "status",
    "implied",
    "implied_by",
    "regulations",
    "text",
]


_PLAN_COLUMNS = [
    "inspection",
    "requirement",
    "area",
    "regulation",
    "action",
    "responsible",
    "due",
    "due_start",
    "due_end",
    "follow_up",
    "next_follow_up",
    "follow_up_responsible",
    "received",
    "received_on",
    "done",
    "state",
]
_PLAN_DATES = ["due_start", "due_end", "next_follow_up", "received_on", "done"]


def _iso(day: datetime.date | str | None, argument: str) -> str:
    """A day as the ISO text the library reads (which raises ValueError naming ``argument``
    when it is no date); empty for today."""
    if day is None:
        return ""
    if isinstance(day, numpy.datetime64):
        day = pd.Timestamp(day)
    if isinstance(day, datetime.datetime):  # pandas.Timestamp too
        if pd.isna(day):
            raise ValueError(f"{argument} is NaT: give a date, or None for today")
        day = day.date()
    if isinstance(day, datetime.date):
        return day.isoformat()
    if isinstance(day, str):
        return day
    raise TypeError(
        f"{argument} must be a datetime.date or a text YYYY-MM-DD, not {type(day).__name__}"
    )


def read_dates(text: str, reference: datetime.date | str | None = None) -> dict[str, Any]:
    """Read a free-text Swedish date phrase as action plans write them ("maj2025",
    "september 2025, därefter årligen", "Rutin klar: 15/3-27", "Q3 2025", "vecka 12 2025",
    "ht 2025", "hösten 2025") into parts, each with text, start, end (ISO dates), precision
    (day, month, year, year-turn, week, quarter, term, season), recurrence, undated
    (``as_soon_as_possible`` for "snarast", ``ongoing`` for "löpande", else None) and
    unreadable, as ``spur dates --format json`` prints it. A date without a year is placed at
    or after ``reference``. Free text is kept as a part without dates; impossible dates are
    kept too, unreadable, with a warning. The forms are listed in docs/plans.md."""
    return _core.read_dates(text, _iso(reference, "reference"))


def _label(core: _core.Evaluation) -> str:
    return core.inspection_id or core.file


def _cell(result: dict[str, Any]) -> str:
    """A grade, or the grades still possible and a question mark (``C/D?``)."""
    return result["grade"] or "/".join(result["possible_grades"]) + "?"


def _after_plan_cell(result: dict[str, Any]) -> str:
    """The grade as ``spur evaluate`` shows it: ``D->C`` when the action plan adjusts it,
    ``D->C?`` while the adjustment is provisional."""
    cell = _cell(result)
    if result.get("adjusted_grade"):
        cell += "->" + result["adjusted_grade"] + ("?" if result["adjustment_provisional"] else "")
    return cell

"""A whole findings table graded at once: grades and actions without an Evaluation each.

The long frame is read as numpy arrays (categorical codes, factorised strings), turned into
a status matrix in C++ and graded there with the GIL released, by the same compiled grading
program that :meth:`spur.RuleBook.evaluate` runs.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from spur import _core
from spur.errors import InspectionError

if TYPE_CHECKING:
    from spur.rule_book import RuleBook

_GRADES = ["A", "B", "C", "D"]
# A set of grades is a bit set (bit 0 = A); "possible" spells it, e.g. "AD": category bits-1.
_POSSIBLE = ["".join(g for i, g in enumerate(_GRADES) if bits >> i & 1) for bits in range(1, 16)]
# The single grade of a bit set, or -1 while several are possible.
_SINGLE = np.full(16, -1, dtype=np.int8)
for _i in range(4):
    _SINGLE[1 << _i] = _i
_STATUSES = ["met", "partially_met", "not_met", "not_applicable", "not_assessed"]
_CATEGORIES = ["required", "recommended", "improvement"]
_ERROR_COLUMNS = ["row", "inspection", "requirement", "message"]
# Inspections graded between two updates of the progress bar.
_PROGRESS_STEP = 20_000


def grade_frame(
    findings: pd.DataFrame,
    *,
    regulations: Iterable[str] | str,
    default_status: str | _core.Status = "met",
    book: RuleBook | None = None,
    errors: str = "raise",
    threads: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Grade every inspection of a long findings frame, one row per inspection, regulation
    and area.

    ``findings`` has the columns ``inspection``, ``requirement``, ``status`` (strings or
    categoricals) and optionally ``regulation`` (the status then holds in that regulation
    only; empty for all). Every inspection is graded under ``regulations``, requirements
    without a finding having ``default_status``.

    Returns the columns ``inspection``, ``regulation``, ``area``, ``grade`` ("A"-"D", missing
    while provisional) and ``possible`` (the grades still possible in order, e.g. "AD"), in
    the order of each inspection's first row, then regulation (the rule book's order), then
    area. The grades are exactly those of :func:`spur.evaluate_many`.

    Bad rows (an unknown requirement, status or regulation, a finding given twice, a
    requirement in none of the regulations): with ``errors="raise"``,
    :class:`spur.InspectionError` names them and its ``errors`` is a frame of all of them
    (``row`` the index label, ``inspection``, ``requirement``, ``message``); with
    ``errors="skip"`` the inspections they belong to are left out, with a warning. ``threads``:
    how many (default: one per core); ``progress``: a tqdm bar.
    """
    batch = _Batch(findings, regulations, default_status, book, errors, threads)
    n_regs, n_areas = len(batch.grader.regulations), len(batch.areas)
    possible = np.zeros(batch.inspections * n_regs * n_areas, dtype=np.uint8)
    plan = np.zeros(batch.inspections, dtype=np.int8)
    with _progress_bar(progress, batch.inspections, "grade_frame") as bar:
        step = _PROGRESS_STEP if progress else max(batch.inspections, 1)
        for begin in range(0, batch.inspections, step):
            end = min(begin + step, batch.inspections)
            batch.grader.grade_into(batch.matrix, begin, end, possible, plan, batch.threads)
            bar.update(end - begin)
    per = n_regs * n_areas
    inspection = np.repeat(np.arange(batch.inspections, dtype=np.int64), per)
    regulation = np.tile(np.repeat(np.arange(n_regs, dtype=np.int8), n_areas), batch.inspections)
    area = np.tile(np.arange(n_areas, dtype=np.int8), batch.inspections * n_regs)
    if batch.bad is not None:
        keep = ~np.repeat(batch.bad, per)
        inspection, regulation, area, possible = (
            inspection[keep],
            regulation[keep],
            area[keep],
            possible[keep],
        )
    return pd.DataFrame(
        {
            "inspection": batch.labels(inspection),
            "regulation": pd.Categorical.from_codes(
                regulation, categories=batch.grader.regulations
            ),
            "area": pd.Categorical.from_codes(area, categories=batch.areas),
            "grade": pd.Categorical.from_codes(_SINGLE[possible], categories=_GRADES, ordered=True),
            "possible": pd.Categorical.from_codes(
                possible.astype(np.int8) - 1, categories=_POSSIBLE
            ),
        }
    )


def actions_frame(
    findings: pd.DataFrame,
    *,
    regulations: Iterable[str] | str,
    default_status: str | _core.Status = "met",
    book: RuleBook | None = None,
    errors: str = "raise",
    threads: int | None = None,
) -> pd.DataFrame:
    """The actions of every inspection of a long findings frame, as
    :meth:`spur.Evaluation.actions_frame` lists them but without building an Evaluation.

    Same arguments as :func:`grade_frame`. One row per inspection and requirement that
    needs doing something about, in inspection then catalogue order, with the columns
    ``inspection``, ``category`` (``required``, ``recommended``, ``improvement``),
    ``requirement``, ``area``, ``kind``, ``status``, ``implied`` and ``regulations``
    (comma-separated: where it is unmet with that kind).
    """
    batch = _Batch(findings, regulations, default_status, book, errors, threads)
    a = batch.grader.actions(batch.matrix, batch.threads)
    inspection = a["inspection"].astype(np.int64)
    if batch.bad is not None:
        keep = ~batch.bad[inspection]
        a = {k: v[keep] for k, v in a.items()}
        inspection = inspection[keep]
    ids = batch.book._core.requirement_ids
    # Requirements, areas and regulation sets through their distinct values.
    used, index = np.unique(a["requirement"], return_inverse=True)
    area_code = np.array(
        [batch.areas.index(batch.book._core.find_requirement(ids[g]).area) for g in used],
        dtype=np.int8,
    )
    regs = batch.grader.regulations
    where, where_index = np.unique(a["regulations"], return_inverse=True)
    where_names = [", ".join(r for i, r in enumerate(regs) if int(w) >> i & 1) for w in where]
    kinds = ["provision", "advice", "indicator"]
    return pd.DataFrame(
        {
            "inspection": batch.labels(inspection),
            "category": pd.Categorical.from_codes(a["kind"], categories=_CATEGORIES),
            "requirement": pd.Categorical.from_codes(index, categories=[ids[g] for g in used]),
            "area": pd.Categorical.from_codes(area_code[index], categories=batch.areas),
            "kind": pd.Categorical.from_codes(a["kind"], categories=kinds),
            "status": pd.Categorical.from_codes(a["status"], categories=_STATUSES),
            "implied": a["implied"].astype(bool),
            "regulations": pd.Categorical.from_codes(where_index, categories=where_names),
        }
    )


class _Batch:
    """A findings frame read into a status matrix, its bad rows found."""

    def __init__(
        self,
        findings: pd.DataFrame,
        regulations: Iterable[str] | str,
        default_status: str | _core.Status,
        book: RuleBook | None,
        errors: str,
        threads: int | None,
    ) -> None:
        from spur.rule_book import RuleBook

        if not isinstance(findings, pd.DataFrame):
            raise TypeError(f"findings must be a pandas DataFrame, not {type(findings).__name__}")
        missing = [c for c in ("inspection", "requirement", "status") if c not in findings]
        if missing:
            raise ValueError(
                f"findings lacks the column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} (it needs inspection, requirement, status and may have "
                "regulation)"
            )
        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
        _check_threads(threads)
        self.book = book if book is not None else RuleBook.bundled()
        regs = [regulations] if isinstance(regulations, str) else list(regulations)
        self.grader = _core.BatchGrader(self.book._core, regs)
        self.areas = [a.id for a in self.book.model.areas]
        self.threads = threads or os.cpu_count() or 1
        status = _status(default_status)

        self.frame = findings
        codes, self.uniques = pd.factorize(findings["inspection"], sort=False)
        self.inspections = len(self.uniques)
        ids = {id: i for i, id in enumerate(self.book._core.requirement_ids)}
        requirement = _encode(findings["requirement"], lambda v: ids.get(v, -1), np.int32)
        status_codes = {s: i for i, s in enumerate(_STATUSES)}
        statuses = _encode(findings["status"], lambda v: status_codes.get(v, -1), np.int8)
        regulation = None
        if "regulation" in findings:
            known = {r.id: i for i, r in enumerate(self.book.regulations)}
            regulation = _encode(
                findings["regulation"], lambda v: known.get(v, -2), np.int8, missing=-1
            )
        self.matrix, rows, messages = self.grader.matrix(
            self.inspections,
            codes.astype(np.int64, copy=False),
            requirement,
            statuses,
            regulation,
            status,
        )
        # Rows without an inspection (missing values) are bad rows too.
        no_inspection = np.flatnonzero(codes < 0)
        self.bad: np.ndarray | None = None
        if len(rows) or len(no_inspection):
            report = self._errors(rows, messages, requirement, statuses, regulation)
            if errors == "raise":
                raise _inspection_error(report)
            self.bad = np.zeros(self.inspections, dtype=bool)
            bad_codes = codes[rows]
            self.bad[bad_codes[bad_codes >= 0]] = True
            left_out = int(self.bad.sum())
            warnings.warn(
                f"{left_out} inspection{'s' if left_out != 1 else ''} left out: "
                f"{len(report)} bad finding row{'s' if len(report) != 1 else ''} "
                f"(first: row {report['row'].iloc[0]!r}, {report['message'].iloc[0]})",
                stacklevel=3,
            )

    def labels(self, codes: np.ndarray) -> pd.Categorical:
        """Inspection labels as they were written, for codes of first appearance."""
        return pd.Categorical.from_codes(codes, categories=pd.Index(self.uniques))

    def _errors(
        self,
        rows: np.ndarray,
        messages: list[str],
        requirement: np.ndarray,
        statuses: np.ndarray,
        regulation: np.ndarray | None,
    ) -> pd.DataFrame:
        """The bad rows as a frame, each message naming what was written."""
        f = self.frame
        out = []
        for row, message in zip(rows.tolist(), messages, strict=True):
            written_req = f["requirement"].iat[row]
            if requirement[row] < 0:
                message = (
                    f"unknown requirement {written_req!r}: no regulation of the rule book "
                    "defines it (ids are like D1 or E4)"
                )
            elif statuses[row] < 0:
                message = (
                    f"unknown status {f['status'].iat[row]!r} (statuses: {', '.join(_STATUSES)})"
                )
            elif regulation is not None and regulation[row] == -2:
                message = (
                    f"unknown regulation {f['regulation'].iat[row]!r} "
                    f"(graded: {', '.join(self.grader.regulations)})"
                )
            out.append((f.index[row], f["inspection"].iat[row], written_req, message))
        codes = pd.factorize(f["inspection"], sort=False)[0]
        for row in np.flatnonzero(codes < 0).tolist():
            out.append((f.index[row], None, f["requirement"].iat[row], "no inspection given"))
        return pd.DataFrame(out, columns=_ERROR_COLUMNS)


def _encode(column: pd.Series, code_of: Any, dtype: type, missing: int = -1) -> np.ndarray:
    """Codes of a column through its distinct values (categories or factorised): one Python
    call per distinct value, never per row. Missing values get `missing`."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, uniques = column.cat.codes.to_numpy(), column.cat.categories
    else:
        codes, uniques = pd.factorize(column, sort=False)
    table = np.array([code_of(_text(v)) for v in uniques] + [missing], dtype=dtype)
    return table[codes]  # code -1 (missing) takes the last entry


def _text(value: Any) -> Any:
    """A status given as spur.Status reads as its name."""
    if isinstance(value, _core.Status):
        return value.name
    return value


def _status(value: str | _core.Status) -> _core.Status:
    if isinstance(value, _core.Status):
        return value
    if value not in _STATUSES:
        raise ValueError(f"unknown default_status {value!r} (statuses: {', '.join(_STATUSES)})")
    return _core.Status.__members__[value]


def _inspection_error(report: pd.DataFrame) -> InspectionError:
    shown = report.head(5)
    lines = [
        f"row {r.row!r} (inspection {r.inspection!r}, requirement {r.requirement!r}): {r.message}"
        for r in shown.itertuples()
    ]
    more = f"\n... and {len(report) - len(shown)} more (see .errors)" if len(report) > 5 else ""
    error = InspectionError(
        f"{len(report)} bad finding row{'s' if len(report) != 1 else ''}:\n"
        + "\n".join(lines)
        + more,
        requirement=None if report.empty else str(report["requirement"].iloc[0]),
        errors=report,
    )
    return error


def _check_threads(threads: int | None) -> None:
    if threads is not None and (
        isinstance(threads, bool) or not isinstance(threads, int) or threads < 1
    ):
        raise ValueError(f"threads must be a positive whole number or None, not {threads!r}")


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *args: object) -> None:
        pass

    def update(self, n: int) -> None:
        pass


def _progress_bar(show: bool, total: int, what: str) -> Any:
    """A tqdm bar when asked (tqdm must be installed), else nothing."""
    if not show:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        raise ImportError("progress=True needs tqdm: pip install tqdm") from e
    return tqdm(total=total, desc=what, unit="inspections")

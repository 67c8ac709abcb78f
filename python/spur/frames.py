"""Many inspections at once, as pandas tables: findings in, grades out."""

from __future__ import annotations

import json
import warnings
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from spur import _core
from spur.errors import ERROR_COLUMNS, InspectionError
from spur.errors import LookupError as SpurLookupError
from spur.inspection import Inspection, _plain, _rule_book

if TYPE_CHECKING:
    from spur.rule_book import RuleBook

_GRADES = ["A", "B", "C", "D"]
# A set of grades is a bit set (bit 0 = A); its label lists the grades, e.g. "C/D". The
# categories are the 15 sets that are not empty: bit set n is category n - 1.
_GRADE_SETS = ["/".join(g for i, g in enumerate(_GRADES) if bits >> i & 1) for bits in range(1, 16)]

# Inspections evaluated between two updates of a progress bar.
_PROGRESS_STEP = 5_000

_FINDING_COLUMNS = {"inspection", "requirement", "status", "regulation", "note"}
_METADATA_COLUMNS = {
    "inspection",
    "unit",
    "specialty",
    "date",
    "regulations",
    "default_status",
    "notes",
}


def evaluate_many(
    book: RuleBook,
    inspections: Iterable[Inspection],
    *,
    errors: Literal["raise", "skip"] = "raise",
    threads: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Grade many inspections at once into one tidy frame.

    One row per inspection, inspected regulation and area, with the columns of
    :meth:`spur.Evaluation.results_frame`; ``inspection`` is each inspection's id (its
    file when it has none). The loop runs in C++ with the GIL released, on ``threads``
    threads (default: one per core); ``progress=True`` shows a tqdm bar.

    An inspection that names what the book lacks is bad. With ``errors="raise"`` (the
    default) :class:`spur.InspectionError` lists every bad one (``inspections[i]``, its id and
    what is wrong), and its ``errors`` frame has one row per error, ``row`` being the
    inspection's position; with ``errors="skip"`` the others are graded, the bad ones left
    out, and a warning says how many.
    """
    from spur.batch import _check_threads, _progress_bar

    _errors_mode(errors)
    _check_threads(threads)
    cores = []
    for i in inspections:
        if not isinstance(i, Inspection):
            raise TypeError(f"evaluate_many takes spur.Inspection objects, not {type(i).__name__}")
        cores.append(i._core)
    if progress:
        parts, failed = [], []
        with _progress_bar(True, len(cores), "evaluate_many") as bar:
            for begin in range(0, len(cores), _PROGRESS_STEP):
                chunk = cores[begin : begin + _PROGRESS_STEP]
                part = _core.evaluate_columns(book._core, chunk, threads or 0)
                failed += [(begin + position, d) for position, d in part["failed"]]
                parts.append(results_frame(part))
                bar.update(len(chunk))
        frame = (
            pd.concat(parts, ignore_index=True)
            if parts
            else results_frame(_core.evaluate_columns(book._core, [], threads or 0))
        )
    else:
        columns = _core.evaluate_columns(book._core, cores, threads or 0)
        failed = columns["failed"]
        frame = results_frame(columns)
    if failed:
        problems = [
            _Problem([position], name, d, f"inspections[{position}] ({name})")
            for position, diagnostics in failed
            for name in [_name(cores[position])]
            for d in diagnostics
            if d.severity is _core.Severity.error
        ]
        _bad(problems, len(failed), len(cores), errors, "evaluate_many")
    return frame


def results_frame(columns: dict[str, Any]) -> pd.DataFrame:
    """The frame of the columns that _core.result_columns and evaluate_columns give."""
    labels = np.asarray(columns["labels"], dtype=object)
    grade = columns["grade"]
    frame = pd.DataFrame(
        {
            "inspection": labels[columns["inspection"]],
            "regulation": pd.Categorical.from_codes(
                columns["regulation"], categories=columns["regulations"]
            ),
            "area": pd.Categorical.from_codes(columns["area"], categories=columns["areas"]),
            "grade": _grades(grade),
            "possible_grades": pd.Categorical.from_codes(
                columns["possible"].astype(np.int8) - 1, categories=_GRADE_SETS
            ),
            "provisional": grade < 0,
            "computed_grade": _grades(columns["computed"]),
            "overridden": columns["overridden"],
            "adjusted_grade": _grades(columns["adjusted"]),
            "adjustment_provisional": columns["adjustment_provisional"],
            "grade_after_plan": _grades(columns["after_plan"]),
        }
    )
    # The counts come as one block, a row per column: pandas keeps it as it is.
    counts = pd.DataFrame(columns["counts"].T, columns=columns["count_names"], copy=False)
    return pd.concat([frame, counts], axis=1)


def _grades(codes: np.ndarray) -> pd.Categorical:
    """Grades as an ordered categorical (A < D); code -1 is a missing grade."""
    return pd.Categorical.from_codes(codes, categories=_GRADES, ordered=True)


def inspections_from_frame(
    findings: pd.DataFrame,
    metadata: pd.DataFrame | None = None,
    *,
    regulations: Iterable[str] | str | None = None,
    default_status: str | _core.Status | None = None,
    book: RuleBook | None = None,
    errors: Literal["raise", "skip"] = "raise",
) -> list[Inspection]:
    """Build inspections from a long frame of findings, so nobody has to write YAML.

    ``findings`` has one row per finding with the columns ``inspection`` (its id),
    ``requirement``, ``status`` and, optionally, ``regulation`` (the status then holds in
    that regulation only, the ``by_regulation`` form) and ``note``.

    ``metadata`` has one row per inspection with the column ``inspection`` and, optionally,
    ``unit``, ``specialty``, ``date``, ``regulations`` (a list, or ids separated by commas),
    ``default_status`` and ``notes``. Given, it lists the inspections (in its order, with
    or without findings); without it, the inspections are those of ``findings`` in order of
    appearance. ``regulations`` and ``default_status`` fill in what ``metadata`` leaves
    empty.

    Each inspection is checked as it is built, exactly as an inspection file is, and then
    against ``book`` (default: the bundled rule book), so that a misspelled requirement or
    regulation, a bad status or a finding given twice is found here, not when grading. With
    ``errors="raise"`` (the default) :class:`spur.InspectionError` lists every bad row by its
    label in ``findings`` (``rows 3, 7``; an error of the inspection as a whole names its row in
    ``metadata``), and its ``errors`` frame has one row per bad row (columns ``row``,
    ``inspection``, ``requirement``, ``message``); with ``errors="skip"`` the bad inspections
    are left out and a warning says how many. Frames without the needed columns and bad
    ``regulations``, ``default_status`` or ``errors`` raise ValueError.
    """
    _errors_mode(errors)
    book = _rule_book(book, "inspections_from_frame")
    _check_columns(findings, "findings", {"inspection", "requirement", "status"}, _FINDING_COLUMNS)
    for column in ("inspection", "requirement"):
        if (empty := findings[column].isna().to_numpy()).any():
            raise ValueError(
                f"findings has no {column} in {_rows(findings.index[empty])}: "
                "every finding needs its inspection and requirement"
            )
    defaults: dict[str, Any] = {}
    if regulations is not None:
        defaults["regulations"] = _regulation_argument(book, regulations)
    if default_status is not None:
        defaults["default_status"] = _status_argument(default_status)

    headers: dict[Any, dict[str, Any]] = {}
    metadata_rows: dict[Any, Hashable] = {}
    if metadata is not None:
        _check_columns(metadata, "metadata", {"inspection"}, _METADATA_COLUMNS)
        for label, row in zip(metadata.index, metadata.to_dict("records"), strict=True):
            key = row.pop("inspection")
            if key in headers:
                raise ValueError(f"metadata lists inspection {key!r} twice")
            header = {k: v for k, v in row.items() if not _missing(v)}
            if "regulations" in header:
                header["regulations"] = _regulation_list(header["regulations"])
            headers[key] = {"id": key, **defaults, **header}
            metadata_rows[key] = label

    # Each inspection's findings by requirement. A finding given twice (for the same
    # regulation) is kept aside and written too, so that the reader reports it as in a file.
    found: dict[Any, dict[Any, dict[str, Any]]] = {key: {} for key in headers}
    again: dict[Any, list[tuple[Any, dict[str, Any]]]] = {}
    rows = zip(
        *(_values(findings, c) for c in ("inspection", "requirement", "status")),
        _present(findings, "status"),
        *(_values(findings, c) for c in ("regulation", "note")),
        _present(findings, "regulation"),
        _present(findings, "note"),
        strict=True,
    )
    for key, requirement, status, has_status, regulation, note, by_regulation, has_note in rows:
        entries = found.get(key)
        if entries is None:
            if metadata is not None:
                label = findings.index[_values(findings, "inspection") == key][0]
                raise ValueError(
                    f"findings row {label} names inspection {key!r}, which metadata lacks"
                )
            entries = found[key] = {}
            headers[key] = {"id": key, **defaults}
        entry = entries.setdefault(requirement, {})
        status = status if has_status else None
        if by_regulation:
            statuses = entry.setdefault("by_regulation", {})
            if regulation in statuses:
                again.setdefault(key, []).append(
                    (requirement, {"by_regulation": {regulation: status}})
                )
                continue
            statuses[regulation] = status
        elif "status" in entry:
            again.setdefault(key, []).append((requirement, {"status": status}))
            continue
        else:
            entry["status"] = status
        if has_note:
            entry["note"] = f"{entry['note']}\n{note}" if "note" in entry else note

    out, bad = [], {}
    for key, header in headers.items():
        # A finding with only a status takes the short form, which reads several times faster.
        entries = {r: e["status"] if e.keys() == {"status"} else e for r, e in found[key].items()}
        parts = [_json(entries)[1:-1]]  # the object's members, without the braces
        parts += [f"{_json(r)}: {_json(e)}" for r, e in again.get(key, ())]
        findings_text = ", ".join(p for p in parts if p)
        text = f'{{"inspection": {_json(header)}, "findings": {{{findings_text}}}}}'
        try:
            core = _core.Inspection.parse_json(text, f"<inspection {key}>")
            _core.check(book._core, core)
        except InspectionError as e:
            bad[key] = e.diagnostics
            continue
        out.append(Inspection(core))
    if bad:
        problems = _findings_problems(findings, bad, metadata_rows)
        _bad(problems, len(bad), len(headers), errors, "inspections_from_frame")
    return out


class _Problem(NamedTuple):
    """One error of many inspections: the rows that hold it and where to say it is."""

    rows: Sequence[Hashable]  # labels in a findings frame, or positions in a list
    inspection: str
    diagnostic: _core.Diagnostic
    where: str  # "rows 3, 7", "inspections[12]"


_SHOWN = 20  # errors listed in a message; the errors frame has them all


def _bad(problems: list[_Problem], bad: int, total: int, errors: str, function: str) -> None:
    """Raise the errors of the bad inspections, or warn that they are left out."""
    lines = [f"  {p.where}: {p.diagnostic.message}" for p in problems[:_SHOWN]]
    if len(problems) > _SHOWN:
        lines.append(f"  ... and {len(problems) - _SHOWN} more (all in the error's .errors frame)")
    counted = f"{bad} of {total} inspection{'s' if total != 1 else ''}"
    if errors == "skip":
        message = f"{function}: left out {counted} with errors:\n" + "\n".join(lines)
        warnings.warn(message, UserWarning, stacklevel=3)
        return
    frame = pd.DataFrame(
        [
            (row, p.inspection, p.diagnostic.requirement, p.diagnostic.message)
            for p in problems
            for row in (p.rows or [None])
        ],
        columns=ERROR_COLUMNS,
    )
    first = problems[0].diagnostic
    raise InspectionError(
        f'{function}: {counted} have errors (errors="skip" leaves them out):\n' + "\n".join(lines),
        file=first.file,
        line=first.line,
        column=first.column,
        requirement=first.requirement,
        diagnostics=[p.diagnostic for p in problems],
        errors=frame,
    )


def _findings_problems(
    findings: pd.DataFrame,
    bad: dict[Any, list[_core.Diagnostic]],
    metadata_rows: dict[Any, Hashable],
) -> list[_Problem]:
    """The errors of the bad inspections of a findings frame, each with the labels of the
    rows that hold it: those of its requirement in its inspection, or the inspection's row in
    the metadata for an error of the inspection as a whole."""
    rows: dict[tuple[Any, str], list[Hashable]] = {}
    columns = (_values(findings, "inspection"), _values(findings, "requirement"))
    for key, requirement, label in zip(*columns, findings.index, strict=True):
        if key in bad:
            rows.setdefault((key, str(requirement)), []).append(label)
    problems = []
    for key, diagnostics in bad.items():
        for d in diagnostics:
            if d.severity is not _core.Severity.error:
                continue
            labels = rows.get((key, d.requirement), []) if d.requirement else []
            if labels:
                where = f"{_rows(labels)} (inspection {key}, {d.requirement})"
            elif key in metadata_rows:
                where = f"inspection {key} (metadata row {metadata_rows[key]})"
            else:
                where = f"inspection {key}"
            problems.append(_Problem(labels, str(key), d, where))
    return problems


def _rows(labels: Sequence[Hashable]) -> str:
    """Row labels as a message names them: "row 3", "rows 3, 7"."""
    return f"row{'s' if len(labels) > 1 else ''} {', '.join(map(str, labels))}"


def _errors_mode(errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors={errors!r}: write errors="raise" or errors="skip"')


def _name(core: _core.Inspection) -> str:
    return core.id or core.file


def _regulation_argument(book: RuleBook, regulations: Iterable[str] | str) -> list[str]:
    """The ``regulations`` argument as a list of ids that the book knows."""
    ids = _regulation_list(regulations)
    for id in ids:
        try:
            book.regulation(id)
        except SpurLookupError as e:
            raise ValueError(f"regulations: {e.diagnostics[0].message}") from None
    return ids


def _status_argument(status: str | _core.Status) -> str:
    """The ``default_status`` argument as a status name."""
    if isinstance(status, _core.Status):
        return status.name
    if isinstance(status, str) and status in _core.Status.__members__:
        return status
    allowed = ", ".join(_core.Status.__members__)
    raise ValueError(f"default_status={status!r} is not a status (allowed: {allowed})")


def _values(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), None, dtype=object)
    return frame[column].to_numpy(dtype=object)


def _present(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame[column].notna().to_numpy()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _check_columns(frame: pd.DataFrame, name: str, needed: set[str], allowed: set[str]) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, not {type(frame).__name__}")
    columns = set(frame.columns)
    if missing := needed - columns:
        raise ValueError(f"{name} lacks the column(s) {', '.join(sorted(missing))}")
    if unknown := columns - allowed:
        raise ValueError(
            f"{name} has unknown column(s) {', '.join(sorted(map(str, unknown)))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )


def _regulation_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [r.strip() for r in value.split(",") if r.strip()]
    return list(value)


def _missing(value: Any) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))

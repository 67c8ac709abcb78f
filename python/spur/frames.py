"""Many inspections at once, as pandas tables: findings in, grades out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from spur import _core
from spur.inspection import Inspection, _plain

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
    threads: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Grade many inspections at once into one tidy frame.

    One row per inspection, inspected regulation and area, with the columns of
    :meth:`spur.Evaluation.results_frame`; ``inspection`` is each inspection's id (its
    file when it has none). The loop runs in C++ with the GIL released, on ``threads``
    threads (default: one per core); ``progress=True`` shows a tqdm bar. Raises
    :class:`spur.InspectionError` for the first inspection that names what the book lacks.
    """
    from spur.batch import _check_threads, _progress_bar

    _check_threads(threads)
    cores = []
    for i in inspections:
        if not isinstance(i, Inspection):
            raise TypeError(f"evaluate_many takes spur.Inspection objects, not {type(i).__name__}")
        cores.append(i._core)
    if not progress:
        return results_frame(_core.evaluate_columns(book._core, cores, threads or 0))
    parts = []
    with _progress_bar(True, len(cores), "evaluate_many") as bar:
        for begin in range(0, len(cores), _PROGRESS_STEP):
            chunk = cores[begin : begin + _PROGRESS_STEP]
            parts.append(results_frame(_core.evaluate_columns(book._core, chunk, threads or 0)))
            bar.update(len(chunk))
    if not parts:
        return results_frame(_core.evaluate_columns(book._core, [], threads or 0))
    return pd.concat(parts, ignore_index=True)


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

    Each inspection is checked exactly as an inspection file is: bad statuses, findings
    given twice or missing regulations raise :class:`spur.InspectionError` naming the
    inspection (``<inspection ID>``). A frame without the needed columns raises ValueError.
    """
    _check_columns(findings, "findings", {"inspection", "requirement", "status"}, _FINDING_COLUMNS)
    defaults: dict[str, Any] = {}
    if regulations is not None:
        defaults["regulations"] = _regulation_list(regulations)
    if default_status is not None:
        defaults["default_status"] = default_status

    headers: dict[Any, dict[str, Any]] = {}
    if metadata is not None:
        _check_columns(metadata, "metadata", {"inspection"}, _METADATA_COLUMNS)
        for row in metadata.to_dict("records"):
            key = row.pop("inspection")
            if key in headers:
                raise ValueError(f"metadata lists inspection {key!r} twice")
            header = {k: v for k, v in row.items() if not _missing(v)}
            if "regulations" in header:
                header["regulations"] = _regulation_list(header["regulations"])
            headers[key] = {"id": key, **defaults, **header}

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
                raise ValueError(f"findings name inspection {key!r}, which metadata lacks")
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

    out = []
    for key, header in headers.items():
        # A finding with only a status takes the short form, which reads several times faster.
        entries = {r: e["status"] if e.keys() == {"status"} else e for r, e in found[key].items()}
        parts = [_json(entries)[1:-1]]  # the object's members, without the braces
        parts += [f"{_json(r)}: {_json(e)}" for r, e in again.get(key, ())]
        findings_text = ", ".join(p for p in parts if p)
        text = f'{{"inspection": {_json(header)}, "findings": {{{findings_text}}}}}'
        out.append(Inspection(_core.Inspection.parse_json(text, f"<inspection {key}>")))
    return out


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

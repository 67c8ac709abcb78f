"""The rule book: the SPUR model and its regulations, loaded and validated."""

from __future__ import annotations

import functools
import html
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from spur import _core
from spur.errors import FileError
from spur.evaluation import Evaluation
from spur.inspection import Inspection

_RULES = Path(__file__).parent / "rules"


class RuleBook:
    """The model and every regulation as one immutable whole.

    Load it with :meth:`bundled` (the rules that ship with spur) or :meth:`load`. A rule
    book may be shared by many threads.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.RuleBook) -> None:
        self._core = core

    @classmethod
    def load(cls, directory: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> RuleBook:
        """Load a rules directory (one folder per model or regulation), or several as one
        book (e.g. the bundled rules and a draft regulation).

        Raises :class:`spur.RuleError` listing every problem found, or
        :class:`spur.FileError` when a directory cannot be read.
        """
        if isinstance(directory, (str, os.PathLike)):
            return cls(_core.RuleBook.load(directory))
        return cls(_core.RuleBook.load([Path(d) for d in directory]))

    @classmethod
    def bundled(cls) -> RuleBook:
        """The rules that ship inside the spur package (loaded once, then shared)."""
        return _bundled()

    @property
    def model(self) -> _core.Model:
        """The assessment model: sections, areas, scales and policy."""
        return self._core.model

    @property
    def regulations(self) -> list[_core.Regulation]:
        """Every regulation, resolved through its ``based_on`` chain."""
        return self._core.regulations

    def regulation(self, id: str) -> _core.Regulation:
        """The regulation with this id; raises :class:`spur.LookupError` naming the known ones."""
        return self._core.regulation(id)

    def find_requirement(self, id: str) -> _core.Requirement | None:
        """The requirement in the first regulation that has it, or None."""
        return self._core.find_requirement(id)

    @property
    def requirement_ids(self) -> list[str]:
        """Every requirement id of every regulation, each once, in catalogue order."""
        return self._core.requirement_ids

    @property
    def warnings(self) -> list[_core.Diagnostic]:
        """Warnings found while loading."""
        return self._core.warnings

    @property
    def directory(self) -> Path:
        """The directory the rules were loaded from."""
        return self._core.directory

    def evaluation_order(self, regulation: str) -> list[str]:
        """The regulation's requirements in an order where prerequisites come first."""
        return self._core.evaluation_order(regulation)

    def prerequisites(self, regulation: str, id: str) -> list[str]:
        """Every requirement that ``id`` depends on, directly or not."""
        return self._core.prerequisites(regulation, id)

    def dependents(self, regulation: str, id: str) -> list[str]:
        """Every requirement that depends on ``id``, directly or not."""
        return self._core.dependents(regulation, id)

    def affected_areas(self, regulation: str, id: str) -> list[str]:
        """The areas whose grade ``id`` can affect: its own and those of its dependents."""
        return self._core.affected_areas(regulation, id)

    def to_dot(self) -> str:
        """The rule graph in Graphviz dot."""
        return self._core.to_dot()

    def graph(self) -> dict:
        """The rule graph as ``{"nodes": [...], "edges": [...]}`` (``spur graph --format json``)."""
        return self._core.graph()

    def evaluate(self, inspection: Inspection) -> Evaluation:
        """Grade an inspection. Raises :class:`spur.InspectionError` when it names what the
        book lacks. Releases the GIL while it works."""
        if not isinstance(inspection, Inspection):
            raise TypeError(
                f"RuleBook.evaluate takes a spur.Inspection, not {type(inspection).__name__} "
                "(use Inspection.load, Inspection.from_dict or inspections_from_frame)"
            )
        return Evaluation(_core.evaluate(self._core, inspection._core), self, inspection)

    def requirements_frame(self, regulation: str | None = None) -> pd.DataFrame:
        """The requirements of one regulation (or of every one), one row each.

        Columns: regulation, id, area, kind, text, confidence, requires (prerequisite ids,
        comma-separated), document, paragraph, note.
        """
        regulations = [self.regulation(regulation)] if regulation else self.regulations
        rows = [
            {
                "regulation": reg.id,
                "id": q.id,
                "area": q.area,
                "kind": q.kind.name,
                "text": q.text,
                "confidence": q.confidence.name,
                "requires": ", ".join(q.prerequisites),
                "document": q.source.document,
                "paragraph": q.source.paragraph,
                "note": q.note or None,
            }
            for reg in regulations
            for q in reg.requirements
        ]
        return pd.DataFrame(rows, columns=_REQUIREMENT_COLUMNS)

    def __repr__(self) -> str:
        regs = ", ".join(f"{r.id} ({len(r.requirements)} requirements)" for r in self.regulations)
        return f"<spur.RuleBook {self.model.id}: {regs}; from {self.directory}>"

    def _repr_html_(self) -> str:
        e = html.escape
        head = "".join(
            f"<th>{h}</th>"
            for h in ("regulation", "title", "based on", "provisions", "advice", "indicators")
        )
        body = []
        for r in self.regulations:
            kinds = [q.kind for q in r.requirements]
            counts = "".join(f"<td>{kinds.count(k)}</td>" for k in _core.Kind)
            body.append(
                f"<tr><td>{e(r.id)}</td><td style='text-align:left'>{e(r.title)}</td>"
                f"<td>{e(r.based_on or '')}</td>{counts}</tr>"
            )
        return (
            f"<div><strong>spur.RuleBook</strong> {e(self.model.id)}: {e(self.model.title)}</div>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )


_REQUIREMENT_COLUMNS = [
    "regulation",
    "id",
    "area",
    "kind",
    "text",
    "confidence",
    "requires",
    "document",
    "paragraph",
    "note",
]


@functools.cache
def _bundled() -> RuleBook:
    if not (_RULES / "spur-st" / "model.yaml").is_file():
        raise FileError(
            f"{_RULES}: the bundled rules are missing; reinstall spur (pip install .) "
            "or load a rules directory with RuleBook.load(path)",
            file=str(_RULES),
        )
    return RuleBook.load(_RULES)

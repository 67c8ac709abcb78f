"""The errors spur raises for bad input; they mirror the C++ hierarchy (spur::Error, ...).

Each carries where the first error is (``file``, ``line``, ``column``; None when unknown),
the requirement it concerns, and every problem found (``diagnostics``). ``str(error)``
lists the errors as ``file:line:column: error: message``.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from spur._core import Diagnostic


class Error(Exception):
    """Base of every error spur raises for a user's bad input."""

    file: str | None
    """The file (or ``<dict>``, ``<inspection ID>``) of the first error; None when unknown."""
    line: int | None
    """The 1-based line of the first error; None when unknown (a dict or frame has no lines)."""
    column: int | None
    """The 1-based column of the first error; None when unknown."""
    requirement: str | None
    """The requirement id the first error concerns; None when it concerns none."""
    diagnostics: list[Diagnostic]
    """Every problem found, errors and warnings, in the order found."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        requirement: str | None = None,
        diagnostics: Iterable[Diagnostic] = (),
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.requirement = requirement
        self.diagnostics = list(diagnostics)


class RuleError(Error):
    """A rule file (model or regulation) is malformed or inconsistent."""


class InspectionError(Error):
    """An inspection is malformed or names what the rule book lacks.

    Raised for many inspections at once (:func:`spur.inspections_from_frame`,
    :func:`spur.evaluate_many`), it lists every bad one, and :attr:`errors` has them as a
    frame.
    """

    def __init__(self, message: str, *, errors: pd.DataFrame | None = None, **where) -> None:
        super().__init__(message, **where)
        self._errors = errors

    @property
    def errors(self) -> pd.DataFrame:
        """Every error, one row each, with the columns ``row`` (the label of the bad row of a
        findings frame, or the position of the bad inspection given to
        :func:`spur.evaluate_many`; missing for an error that no row holds), ``inspection``
        (its id, or its file when it has none), ``requirement`` (None when the error
        concerns none) and ``message``."""
        if self._errors is None:
            import pandas as pd

            rows = [
                (None, d.file, d.requirement, d.message)
                for d in self.diagnostics
                if d.severity.name == "error"
            ]
            self._errors = pd.DataFrame(rows, columns=ERROR_COLUMNS)
        return self._errors


ERROR_COLUMNS = ["row", "inspection", "requirement", "message"]


class FileError(Error, OSError):
    """A file or directory could not be read at all (missing, unreadable, not a file).

    It is an OSError too, with ``filename`` set.
    """

    @property
    def filename(self) -> str | None:  # type: ignore[override]
        """The file or directory, as OSError names it (the same as ``file``)."""
        return self.file

    @filename.setter
    def filename(self, value: str | None) -> None:
        # Unpicklers that restore every attribute (tblib, which Dask's distributed installs)
        # set it too.
        self.file = value


class LookupError(Error, builtins.LookupError):
    """A query names an area, regulation or requirement that does not exist."""

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
    from spur._core import Diagnostic


class Error(Exception):
    """Base of every error spur raises for a user's bad input."""

    file: str | None
    line: int | None
    column: int | None
    requirement: str | None
    diagnostics: list[Diagnostic]

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

    Raised by :func:`spur.grade_frame` for bad finding rows, ``errors`` is a pandas frame of
    every one of them (columns ``row``, ``inspection``, ``requirement``, ``message``).
    """

    errors: Any = None


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

"""Importing published SPUR reports: a draft inspection from a report's PDF or text."""

from __future__ import annotations

import os
from typing import Iterator

from spur import _core
from spur.inspection import Inspection
from spur.rule_book import RuleBook


class ImportedReport:
    """The draft inspection imported from one report, and what the import says about it.

    ``inspection`` is the draft (a :class:`spur.Inspection`), ``diagnostics`` the warnings with
    the report's lines, ``yaml`` the draft file with its review comments (``json`` without
    them), ``unplaced`` the lines placed nowhere (``(line, text)`` pairs), ``missing`` the
    header fields the report does not give. It unpacks as ``inspection, diagnostics``.
    """

    __slots__ = ("_core", "_inspection")

    def __init__(self, core: _core.ImportResult) -> None:
        self._core = core
        self._inspection = Inspection(core.inspection)

    @property
    def inspection(self) -> Inspection:
        """The draft inspection, for a person to review before it is trusted."""
        return self._inspection

    @property
    def diagnostics(self) -> list[_core.Diagnostic]:
        """The import's warnings, each with the report's line (Diagnostic objects)."""
        return self._core.diagnostics

    @property
    def yaml(self) -> str:
        """The draft inspection file, with its review comments (# TODO, # draft)."""
        return self._core.yaml

    @property
    def json(self) -> str:
        """The draft as JSON, without the comments."""
        return self._core.json

    @property
    def unplaced(self) -> list[tuple[int, str]]:
        """The report's lines placed nowhere, as (line, text) pairs."""
        return [(u.line, u.text) for u in self._core.unplaced]

    @property
    def missing(self) -> list[str]:
        """The header fields the report does not give (unit, date, ...), left as TODO."""
        return self._core.missing

    @property
    def source(self) -> str:
        """Where the report was read from (its path, or '<text>')."""
        return self._core.source

    @property
    def from_pdf(self) -> bool:
        """True when the report was read from a PDF (its text extracted with poppler)."""
        return self._core.from_pdf

    def __iter__(self) -> Iterator[object]:
        return iter((self.inspection, self.diagnostics))

    def __repr__(self) -> str:
        return (
            f"<ImportedReport {self.source}: {len(self.inspection.findings)} findings, "
            f"{len(self.inspection.action_plan)} plan entries, {len(self.diagnostics)} warnings>"
        )


def import_report(
    path_or_text: str | bytes | os.PathLike[str],
    *,
    keep_names: bool = False,
    book: RuleBook | None = None,
    name: str | None = None,
) -> ImportedReport:
    """Draft an inspection from a published SPUR report.

    ``path_or_text`` is a path to the report (a PDF, or its text as PDF text extraction gives
    it), the report's text itself (a ``str`` holding a line break), or its bytes (PDF or UTF-8
    text). ``name`` names text or bytes in messages (default ``"<text>"``). Personal names
    after roles in the plan's responsible fields are dropped unless ``keep_names``. The
    requirements come from ``book`` (default: the bundled rules).

    Raises :class:`spur.FileError` when the file cannot be read or is no SPUR report.
    """
    core_book = (book or RuleBook.bundled())._core
    if isinstance(path_or_text, bytes):
        return ImportedReport(
            _core.import_report_data(core_book, path_or_text, name or "<bytes>", keep_names)
        )
    if isinstance(path_or_text, str) and ("\n" in path_or_text or "\r" in path_or_text):
        data = path_or_text.encode("utf-8")
        return ImportedReport(
            _core.import_report_data(core_book, data, name or "<text>", keep_names)
        )
    if not isinstance(path_or_text, (str, os.PathLike)):
        raise TypeError(
            "import_report takes a path, the report's text or its bytes, not "
            f"{type(path_or_text).__name__}"
        )
    return ImportedReport(_core.import_report(core_book, os.fspath(path_or_text), keep_names))

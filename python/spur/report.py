"""Reports people read: HTML, PDF and Markdown in the layout of a SPUR report, and Excel."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spur import _core

if TYPE_CHECKING:
    from spur.evaluation import Evaluation

FORMATS = ("html", "md", "pdf", "xlsx")


def report(
    evaluations: Evaluation | Iterable[Evaluation],
    format: str = "html",
    path: str | os.PathLike[str] | None = None,
    *,
    as_of: datetime.date | str | None = None,
    lang: str = "sv",
    force: bool = False,
) -> str | bytes | None:
    """The report of one inspection, or a summary report of several (a heat map of units ×
    areas, the required actions per area, overdue plans, then a part per inspection).

    ``format`` is ``"html"`` (one self-contained file), ``"md"`` (Markdown for GitHub and
    GitLab), ``"pdf"`` or ``"xlsx"`` (the grades, actions and plan as sheets). Action plans are
    followed up on ``as_of`` (default today); ``lang`` (``"sv"`` or ``"en"``) is the language
    of the report's own words. Without ``path`` the report is returned: text for html and md,
    bytes for pdf and xlsx. With ``path`` it is written there through a temporary file and a
    rename, so a failed run leaves no half-written file; an existing file (or symbolic link)
    is replaced only with ``force=True``, else :class:`spur.FileError` is raised. Raises
    :class:`spur.LookupError` for an unknown format or language, or an ``as_of`` that is not
    a date.
    """
    from spur.evaluation import Evaluation

    items = [evaluations] if isinstance(evaluations, Evaluation) else list(evaluations)
    if not items:
        raise _lookup_error("report() needs at least one evaluation")
    cores = [e._core for e in items]
    day = _iso(as_of)
    if path is None:
        data = _core.render_report(cores, format, day, lang)
        return data.decode("utf-8") if format in ("html", "md", "markdown") else data
    _core.write_report(cores, format, os.fspath(path), day, lang, force)
    return None


def _iso(day: datetime.date | str | None) -> str:
    if day is None:
        return ""
    return day.isoformat() if isinstance(day, datetime.date) else str(day)


def _lookup_error(message: str) -> Exception:
    from spur.errors import LookupError

    return LookupError(message)

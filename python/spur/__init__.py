"""spur: grade SPUR inspections of Swedish specialist training (ST).

Load the rule book, read an inspection, evaluate it::

    import spur
    book = spur.RuleBook.bundled()
    ev = book.evaluate(spur.examples.load("palliativ-sydostra-skane"))  # or Inspection.load(path)
    ev.grade("D")            # 'D', or None while provisional
    ev.results_frame()       # pandas: one row per regulation and area

The example inspections ship inside the package: ``spur.examples.path(name)``, ``load(name)``.
The command: ``spur ...`` or ``python -m spur ...``, the same as the C++ ``spur``.
Many inspections at once: :func:`inspections_from_frame` and :func:`evaluate_many`; a whole
findings table graded at once: :func:`grade_frame` and :func:`actions_frame`.
Errors are :class:`Error` and its subclasses, with file, line, column and requirement.
"""

from spur._core import (
    Confidence,
    Consequence,
    Diagnostic,
    Grade,
    Kind,
    Severity,
    Status,
    __version__,
)
from spur.batch import actions_frame, grade_frame
from spur.errors import Error, FileError, InspectionError, LookupError, RuleError
from spur.evaluation import Evaluation, read_dates
from spur.frames import evaluate_many, inspections_from_frame
from spur.inspection import Inspection
from spur.report_import import ImportedReport, import_report
from spur.report import report
from spur.rule_book import RuleBook

from spur import examples  # noqa: E402  (the bundled example inspections)

__all__ = [
    "Confidence",
    "Consequence",
    "Diagnostic",
    "Error",
    "Evaluation",
    "FileError",
    "Grade",
    "ImportedReport",
    "Inspection",
    "InspectionError",
    "Kind",
    "LookupError",
    "RuleBook",
    "RuleError",
    "Severity",
    "Status",
    "__version__",
    "actions_frame",
    "evaluate_many",
    "examples",
    "import_report",
    "grade_frame",
    "inspections_from_frame",
    "read_dates",
    "report",
]

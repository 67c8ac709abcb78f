"""
spur's C++ library: rule books, inspections and evaluations (private; use spur)
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import numpy
import numpy.typing
import os
import pathlib
import typing
__all__: list[str] = ['Area', 'BatchGrader', 'Confidence', 'Consequence', 'Diagnostic', 'Evaluation', 'Explanation', 'Finding', 'Grade', 'Inspection', 'Kind', 'Model', 'Override', 'PlanEntry', 'Regulation', 'RegulationStatus', 'Requirement', 'RuleBook', 'Scale', 'ScaleRow', 'Section', 'Severity', 'Source', 'Status', 'StatusMatrix', 'Trainee', 'evaluate', 'evaluate_columns', 'read_dates', 'result_columns']
class Severity(enum.Enum):
    """
    How serious a diagnostic is: errors stop loading, warnings do not.
    """
    error = 0
    warning = 1
    @classmethod
    def __new__(cls, value):
        ...
class Diagnostic:
    """
    One problem found in a file, located as precisely as spur can; unknown parts are None.
    """
    def __getstate__(self) -> tuple[Severity, str, int, int, str, str]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def format(self) -> str:
        """
        `file:line:column: error|warning: message`, leaving out what is unknown.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The diagnostic as the JSON output prints it.
        """
    @property
    def column(self) -> int | None:
        ...
    @property
    def file(self) -> str | None:
        ...
    @property
    def line(self) -> int | None:
        ...
    @property
    def message(self) -> str:
        ...
    @property
    def requirement(self) -> str | None:
        ...
    @property
    def severity(self) -> Severity:
        ...
class Kind(enum.Enum):
    """
    What a requirement is: a provision (föreskrift), advice (allmänt råd) or a quality indicator.
    """
    advice = 1
    indicator = 2
    provision = 0
    @classmethod
    def __new__(cls, value):
        ...
class Status(enum.Enum):
    """
    What inspectors found for a requirement.
    """
    met = 0
    not_applicable = 3
    not_assessed = 4
    not_met = 2
    partially_met = 1
    @classmethod
    def __new__(cls, value):
        ...
class Grade(enum.Enum):
    """
    A grade A-D; A is best.
    """
    A = 0
    B = 1
    C = 2
    D = 3
    @classmethod
    def __new__(cls, value):
        ...
class Confidence(enum.Enum):
    """
    How sure the project is of a requirement's classification.
    """
    high = 0
    low = 2
    medium = 1
    @classmethod
    def __new__(cls, value):
        ...
class Consequence(enum.Enum):
    """
    What a scale row obliges the unit to do.
    """
    action_recommended = 1
    action_required = 2
    none = 0
    @classmethod
    def __new__(cls, value):
        ...
class Source:
    """
    The document a requirement comes from.
    """
    @property
    def document(self) -> str:
        ...
    @property
    def paragraph(self) -> str | None:
        ...
class Requirement:
    """
    One requirement as it stands in one regulation.
    """
    def __repr__(self) -> str:
        ...
    @property
    def area(self) -> str:
        ...
    @property
    def confidence(self) -> Confidence:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def kind(self) -> Kind:
        ...
    @property
    def note(self) -> str:
        ...
    @property
    def prerequisites(self) -> list[str]:
        ...
    @property
    def source(self) -> Source:
        ...
    @property
    def text(self) -> str:
        ...
class Regulation:
    """
    A regulation with every requirement resolved through `based_on`.
    """
    def __repr__(self) -> str:
        ...
    def find(self, requirement: str) -> Requirement | None:
        """
        The requirement with this id, or None.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        As `spur rules --format json` prints it.
        """
    @property
    def based_on(self) -> str | None:
        ...
    @property
    def file(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def model(self) -> str:
        ...
    @property
    def requirements(self) -> list[Requirement]:
        ...
    @property
    def title(self) -> str:
        ...
class Area:
    """
    One of the eight areas A-H.
    """
    @property
    def id(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def preamble(self) -> str:
        ...
    @property
    def scale(self) -> str:
        ...
    @property
    def section(self) -> str:
        ...
class Section:
    """
    A group of areas as reports print them.
    """
    @property
    def areas(self) -> list[str]:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
class ScaleRow:
    """
    One row of a first-hit grading table.
    """
    @property
    def consequence(self) -> Consequence:
        ...
    @property
    def grade(self) -> Grade:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def when(self) -> str:
        ...
class Scale:
    """
    A grading scale: the first row that holds gives the grade.
    """
    @property
    def id(self) -> str:
        ...
    @property
    def rows(self) -> list[ScaleRow]:
        ...
class Model:
    """
    The assessment model: areas, scales and policy.
    """
    @property
    def areas(self) -> list[Area]:
        ...
    @property
    def file(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def policy(self) -> dict[str, int]:
        ...
    @property
    def scales(self) -> dict[str, Scale]:
        ...
    @property
    def sections(self) -> list[Section]:
        ...
    @property
    def title(self) -> str:
        ...
class RuleBook:
    """
    The model and every regulation, loaded and validated.
    """
    @staticmethod
    @typing.overload
    def load(directory: os.PathLike | str | bytes) -> RuleBook:
        """
        Load a rules directory; raises RuleError listing every problem found.
        """
    @staticmethod
    @typing.overload
    def load(directories: collections.abc.Sequence[os.PathLike | str | bytes]) -> RuleBook:
        """
        Load several rules directories as one book (the model may be in any).
        """
    def affected_areas(self, regulation: str, id: str) -> list[str]:
        """
        The areas whose grade `id` can affect.
        """
    def dependents(self, regulation: str, id: str) -> list[str]:
        """
        Every requirement that depends on `id`, directly or not.
        """
    def evaluation_order(self, regulation: str) -> list[str]:
        """
        Requirements of the regulation, prerequisites first.
        """
    def find_requirement(self, id: str) -> Requirement | None:
        """
        The requirement in the first regulation that has it, or None.
        """
    def graph(self) -> dict[str, typing.Any]:
        """
        The rule graph as {'nodes': [...], 'edges': [...]}.
        """
    def prerequisites(self, regulation: str, id: str) -> list[str]:
        """
        Every requirement `id` depends on, directly or not.
        """
    def regulation(self, id: str) -> Regulation:
        """
        The regulation with this id; raises LookupError naming the known ones.
        """
    def to_dot(self) -> str:
        """
        The rule graph in Graphviz dot.
        """
    @property
    def directory(self) -> pathlib.Path:
        ...
    @property
    def model(self) -> Model:
        ...
    @property
    def regulations(self) -> list[Regulation]:
        ...
    @property
    def requirement_ids(self) -> list[str]:
        ...
    @property
    def warnings(self) -> list[Diagnostic]:
        ...
class RegulationStatus:
    """
    The status of a requirement in one regulation.
    """
    @property
    def regulation(self) -> str:
        ...
    @property
    def status(self) -> Status:
        ...
class Finding:
    """
    What inspectors found for one requirement.
    """
    def status_in(self, regulation: str) -> Status | None:
        """
        The status this finding gives in the regulation, if any.
        """
    @property
    def by_regulation(self) -> list[RegulationStatus]:
        ...
    @property
    def note(self) -> str:
        ...
    @property
    def requirement(self) -> str:
        ...
    @property
    def status(self) -> Status | None:
        ...
class Override:
    """
    An inspector's grade replacing the computed one.
    """
    @property
    def area(self) -> str:
        ...
    @property
    def grade(self) -> Grade:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def regulation(self) -> str | None:
        ...
class PlanEntry:
    """
    One entry of an action plan (handlingsplan).
    """
    @property
    def action(self) -> str:
        ...
    @property
    def done(self) -> datetime.date | None:
        ...
    @property
    def due(self) -> str:
        ...
    @property
    def follow_up(self) -> str:
        ...
    @property
    def follow_up_responsible(self) -> str:
        ...
    @property
    def received(self) -> bool:
        ...
    @property
    def received_on(self) -> datetime.date | None:
        ...
    @property
    def regulation(self) -> str | None:
        ...
    @property
    def requirement(self) -> str:
        ...
    @property
    def responsible(self) -> str:
        ...
class Trainee:
    """
    An ST doctor at the unit, as far as deciding the regulations goes.
    """
    @property
    def id(self) -> str:
        ...
    @property
    def licensed(self) -> datetime.date | None:
        ...
    @property
    def st_start(self) -> datetime.date | None:
        ...
    @property
    def swedish_at(self) -> bool | None:
        ...
class Inspection:
    """
    One inspection of one unit.
    """
    @staticmethod
    def load(path: os.PathLike | str | bytes) -> Inspection:
        """
        Read an inspection file; raises InspectionError listing every problem.
        """
    @staticmethod
    def parse(text: str, file: str = '<string>') -> Inspection:
        """
        Parse inspection YAML (or JSON); `file` names it in messages.
        """
    @staticmethod
    def parse_json(text: str, file: str = '<json>') -> Inspection:
        """
        Parse an inspection given as JSON text, checked as a file is; faster than parse for data built in memory.
        """
    def find(self, requirement: str) -> Finding | None:
        """
        The finding for a requirement, or None.
        """
    @property
    def action_plan(self) -> list[PlanEntry]:
        ...
    @property
    def date(self) -> str | None:
        ...
    @property
    def default_status(self) -> Status:
        ...
    @property
    def file(self) -> str:
        ...
    @property
    def findings(self) -> list[Finding]:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def notes(self) -> str:
        ...
    @property
    def overrides(self) -> list[Override]:
        ...
    @property
    def regulations(self) -> list[str]:
        ...
    @property
    def specialty(self) -> str:
        ...
    @property
    def trainees(self) -> list[Trainee]:
        ...
    @property
    def unit(self) -> str:
        ...
    @property
    def warnings(self) -> list[Diagnostic]:
        ...
class Explanation:
    """
    Why one area got its grade under one regulation.
    """
    def render(self) -> str:
        """
        Readable text, Swedish with English alongside.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        As `spur explain --format json` prints it.
        """
    @property
    def area(self) -> str:
        ...
    @property
    def regulation(self) -> str:
        ...
class Evaluation:
    """
    Everything spur concludes from one inspection.
    """
    def explain(self, area: str, regulation: str = '') -> list[Explanation]:
        """
        One explanation per inspected regulation, or only `regulation`.
        """
    def grade(self, area: str, regulation: str = '') -> str | None:
        """
        The grade ('A'-'D') of the area, combined across regulations when none is named; None while provisional. Raises LookupError.
        """
    def plan_status(self, as_of: str = '') -> dict[str, typing.Any]:
        """
        The action plan followed up on `as_of` (YYYY-MM-DD; empty: today), as `spur plan --format json` prints it.
        """
    def possible_grades(self, area: str, regulation: str = '') -> list[str]:
        """
        The grades still possible, best first. Raises LookupError.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        Exactly the JSON of `spur evaluate --format json`, as Python objects.
        """
    @property
    def action_plan_required(self) -> bool | None:
        ...
    @property
    def diagnostics(self) -> list[Diagnostic]:
        ...
    @property
    def file(self) -> str:
        ...
    @property
    def inspection(self) -> Inspection:
        ...
    @property
    def inspection_id(self) -> str:
        ...
    @property
    def regulations(self) -> list[str]:
        ...
    @property
    def unit(self) -> str:
        ...
class StatusMatrix:
    """
    The findings of many inspections, a byte a requirement.
    """
    @property
    def inspections(self) -> int:
        ...
    @property
    def requirements(self) -> int:
        ...
class BatchGrader:
    """
    Grades many inspections under fixed regulations, grades only.
    """
    def __init__(self, book: RuleBook, regulations: collections.abc.Sequence[str]) -> None:
        ...
    def actions(self, matrix: StatusMatrix, threads: typing.SupportsInt | typing.SupportsIndex) -> dict[str, typing.Any]:
        """
        The actions of every inspection as columns of codes.
        """
    def grade_into(self, matrix: StatusMatrix, begin: typing.SupportsInt | typing.SupportsIndex, end: typing.SupportsInt | typing.SupportsIndex, possible: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8], plan: typing.Annotated[numpy.typing.ArrayLike, numpy.int8], threads: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Grade inspections [begin, end) into `possible` (grade bit sets, by inspection, regulation and area) and `plan` (1, 0, -1 unknown).
        """
    def matrix(self, inspections: typing.SupportsInt | typing.SupportsIndex, inspection: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], requirement: typing.Annotated[numpy.typing.ArrayLike, numpy.int32], status: typing.Annotated[numpy.typing.ArrayLike, numpy.int8], regulation: typing.Annotated[numpy.typing.ArrayLike, numpy.int8] | None, default_status: Status) -> tuple[StatusMatrix, numpy.ndarray, list[str]]:
        """
        A status matrix from finding columns (codes), and the bad rows: (matrix, row positions, messages).
        """
    @property
    def regulations(self) -> list[str]:
        ...
def evaluate(book: RuleBook, inspection: Inspection) -> Evaluation:
    """
    Evaluate an inspection. Raises InspectionError when it names what the book lacks.
    """
def evaluate_columns(book: RuleBook, inspections: collections.abc.Sequence[Inspection], threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict[str, typing.Any]:
    """
    Evaluate many inspections into columns for a frame, as result_columns gives them, on `threads` threads (0: every core) with the GIL released. Raises InspectionError for the first bad one.
    """
def read_dates(text: str, reference: str = '') -> dict[str, typing.Any]:
    """
    A Swedish date phrase read into parts, as `spur dates --format json` prints one.
    """
def result_columns(book: RuleBook, evaluations: collections.abc.Sequence[Evaluation]) -> dict[str, typing.Any]:
    """
    The results of evaluations as columns (codes and arrays) for a frame.
    """
__version__: str = '0.1.0'

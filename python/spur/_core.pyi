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
__all__: list[str] = ['Area', 'BatchGrader', 'Confidence', 'Consequence', 'Diagnostic', 'Evaluation', 'Explanation', 'Finding', 'Grade', 'ImportResult', 'Inspection', 'Kind', 'MarkedGrade', 'Model', 'Override', 'PlanEntry', 'Regulation', 'RegulationStatus', 'ReportedGrade', 'Requirement', 'RuleBook', 'Scale', 'ScaleRow', 'Section', 'Severity', 'Source', 'Status', 'StatusMatrix', 'Trainee', 'UnplacedLine', 'check', 'evaluate', 'evaluate_columns', 'import_report', 'import_report_data', 'read_dates', 'render_report', 'report_summary_html', 'result_columns', 'write_report']
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
        """
        The 1-based column, or None when unknown.
        """
    @property
    def file(self) -> str | None:
        """
        The file (or <dict>, <inspection ID>), or None when the input came from no file.
        """
    @property
    def line(self) -> int | None:
        """
        The 1-based line, or None when unknown.
        """
    @property
    def message(self) -> str:
        """
        What is wrong and what to change.
        """
    @property
    def requirement(self) -> str | None:
        """
        The requirement id involved, or None.
        """
    @property
    def severity(self) -> Severity:
        """
        Error or warning (a Severity).
        """
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
        """
        The document, e.g. 'SOSFS 2015:8'.
        """
    @property
    def paragraph(self) -> str | None:
        """
        The paragraph, or None until it is verified.
        """
class Requirement:
    """
    One requirement as it stands in one regulation.
    """
    def __repr__(self) -> str:
        ...
    @property
    def area(self) -> str:
        """
        The area it belongs to, 'A' to 'H'.
        """
    @property
    def confidence(self) -> Confidence:
        """
        How sure the project is of its classification (a Confidence).
        """
    @property
    def id(self) -> str:
        """
        The stable id: area letter and number, e.g. 'E4'.
        """
    @property
    def kind(self) -> Kind:
        """
        Provision, advice or indicator (a Kind).
        """
    @property
    def note(self) -> str:
        """
        A note on its reading ('' when none).
        """
    @property
    def prerequisites(self) -> list[str]:
        """
        Ids it requires (`requires`): if one is not met, neither is this.
        """
    @property
    def source(self) -> Source:
        """
        The document it comes from (a Source).
        """
    @property
    def text(self) -> str:
        """
        The exact Swedish text as reports print it.
        """
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
        """
        The regulation it amends, or None for a complete one.
        """
    @property
    def file(self) -> str:
        """
        The file it was read from.
        """
    @property
    def id(self) -> str:
        """
        The regulation's id, e.g. 'sosfs-2015-8'.
        """
    @property
    def model(self) -> str:
        """
        The id of the assessment model it is graded with.
        """
    @property
    def requirements(self) -> list[Requirement]:
        """
        Every requirement, resolved through `based_on`, in catalogue order.
        """
    @property
    def title(self) -> str:
        """
        Its full title.
        """
class Area:
    """
    One of the eight areas A-H.
    """
    @property
    def id(self) -> str:
        """
        The area's letter, 'A' to 'H'.
        """
    @property
    def name(self) -> str:
        """
        Its Swedish name, e.g. 'Verksamheten'.
        """
    @property
    def preamble(self) -> str:
        """
        The text that opens the area in a report.
        """
    @property
    def scale(self) -> str:
        """
        The id of the scale it is graded with.
        """
    @property
    def section(self) -> str:
        """
        The id of the section holding it ('struktur' or 'process').
        """
class Section:
    """
    A group of areas as reports print them.
    """
    @property
    def areas(self) -> list[str]:
        """
        The letters of its areas.
        """
    @property
    def id(self) -> str:
        """
        The section's id ('struktur', 'process').
        """
    @property
    def name(self) -> str:
        """
        Its name as reports print it ('STRUKTUR').
        """
class ScaleRow:
    """
    One row of a first-hit grading table.
    """
    @property
    def consequence(self) -> Consequence:
        """
        What the grade obliges the unit to do (a Consequence).
        """
    @property
    def grade(self) -> Grade:
        """
        The grade this row gives (a Grade).
        """
    @property
    def text(self) -> str:
        """
        The exact wording of the scale.
        """
    @property
    def when(self) -> str:
        """
        Its condition, in spur's small expression language.
        """
class Scale:
    """
    A grading scale: the first row that holds gives the grade.
    """
    @property
    def id(self) -> str:
        """
        The scale's id, e.g. 'four-step'.
        """
    @property
    def rows(self) -> list[ScaleRow]:
        """
        Its rows in order: the first that holds gives the grade.
        """
class Model:
    """
    The assessment model: areas, scales and policy.
    """
    @property
    def areas(self) -> list[Area]:
        """
        The eight areas, A to H.
        """
    @property
    def file(self) -> str:
        """
        The file it was read from.
        """
    @property
    def id(self) -> str:
        """
        The model's id, e.g. 'spur-st'.
        """
    @property
    def policy(self) -> dict[str, int]:
        """
        The policy parameters the scales use, e.g. {'isolated_exceptions': 1}.
        """
    @property
    def scales(self) -> dict[str, Scale]:
        """
        The scales by id.
        """
    @property
    def sections(self) -> list[Section]:
        """
        The sections (STRUKTUR, PROCESS) in report order.
        """
    @property
    def title(self) -> str:
        """
        Its full title.
        """
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
        """
        The directory the rules were loaded from.
        """
    @property
    def model(self) -> Model:
        """
        The assessment model: sections, areas, scales and policy.
        """
    @property
    def regulations(self) -> list[Regulation]:
        """
        Every regulation, resolved through its based_on chain.
        """
    @property
    def requirement_ids(self) -> list[str]:
        """
        Every requirement id of every regulation, each once, in catalogue order.
        """
    @property
    def warnings(self) -> list[Diagnostic]:
        """
        Warnings found while loading.
        """
class RegulationStatus:
    """
    The status of a requirement in one regulation.
    """
    @property
    def regulation(self) -> str:
        """
        The regulation's id.
        """
    @property
    def status(self) -> Status:
        """
        The status in that regulation (a Status).
        """
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
        """
        Statuses per regulation; they win over `status`.
        """
    @property
    def note(self) -> str:
        """
        The inspectors' note ('' when none).
        """
    @property
    def requirement(self) -> str:
        """
        The requirement's id.
        """
    @property
    def status(self) -> Status | None:
        """
        The status in every inspected regulation, or None when given per regulation.
        """
class Override:
    """
    An inspector's grade replacing the computed one.
    """
    @property
    def area(self) -> str:
        """
        The area, 'A' to 'H'.
        """
    @property
    def grade(self) -> Grade:
        """
        The grade that replaces the computed one (a Grade).
        """
    @property
    def reason(self) -> str:
        """
        Why, as the inspectors wrote it.
        """
    @property
    def regulation(self) -> str | None:
        """
        The regulation, or None for every inspected one.
        """
class PlanEntry:
    """
    One entry of an action plan (handlingsplan).
    """
    @property
    def action(self) -> str:
        """
        The planned action (Planerad åtgärd).
        """
    @property
    def done(self) -> datetime.date | None:
        """
        When the action was completed (a datetime.date), or None.
        """
    @property
    def due(self) -> str:
        """
        When it is to be done, as written (free text).
        """
    @property
    def follow_up(self) -> str:
        """
        When it is followed up, as written (free text).
        """
    @property
    def follow_up_responsible(self) -> str:
        """
        Who follows it up (Ansvarig för uppföljningen).
        """
    @property
    def received(self) -> bool:
        """
        True when the entry has come in.
        """
    @property
    def received_on(self) -> datetime.date | None:
        """
        When the entry came in (a datetime.date), or None when not known.
        """
    @property
    def regulation(self) -> str | None:
        """
        The regulation, or None for every inspected one.
        """
    @property
    def requirement(self) -> str:
        """
        As written: a requirement id, or its text as a report prints it.
        """
    @property
    def responsible(self) -> str:
        """
        Who carries it out (Ansvarig för genomförandet).
        """
class MarkedGrade:
    """
    A grade a report's grading table marks, read from the PDF's layout.
    """
    @property
    def grade(self) -> Grade:
        """
        The grade marked (a Grade).
        """
    @property
    def regulation(self) -> str | None:
        """
        The regulation of the grade column it is in ('sosfs-2015-8' for the column headed 2015), or None for the table's only column.
        """
class ReportedGrade:
    """
    What a published report says an area's grade is, and what its grading table marks.
    """
    @property
    def area(self) -> str:
        """
        The area, 'A' to 'H'.
        """
    @property
    def grade(self) -> Grade | None:
        """
        The grade the report's text gives (a Grade), or None when it says none.
        """
    @property
    def marked(self) -> list[MarkedGrade]:
        """
        What the report's grading table marks (MarkedGrade objects; empty when not read).
        """
    @property
    def text(self) -> str:
        """
        The report's sentence, as written.
        """
class Trainee:
    """
    An ST doctor at the unit, as far as deciding the regulations goes.
    """
    @property
    def id(self) -> str:
        """
        The trainee's id (free text, no names needed).
        """
    @property
    def licensed(self) -> datetime.date | None:
        """
        When licensed (legitimation; a datetime.date), or None.
        """
    @property
    def st_start(self) -> datetime.date | None:
        """
        When ST began (a datetime.date), or None.
        """
    @property
    def swedish_at(self) -> bool | None:
        """
        True if they did Swedish AT, None when not given.
        """
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
        """
        The action plan (handlingsplan), once it is written.
        """
    @property
    def date(self) -> str | None:
        """
        The inspection date as YYYY-MM-DD, or None.
        """
    @property
    def default_status(self) -> Status:
        """
        The status of requirements without a finding (a Status).
        """
    @property
    def file(self) -> str:
        """
        Where it was read from ('<dict>' and the like when not from a file).
        """
    @property
    def findings(self) -> list[Finding]:
        """
        The findings in the order written.
        """
    @property
    def id(self) -> str:
        """
        The inspection's id ('' when none was given).
        """
    @property
    def notes(self) -> str:
        """
        Free-text notes ('' when none).
        """
    @property
    def overrides(self) -> list[Override]:
        """
        The inspectors' grades that replace computed ones.
        """
    @property
    def regulations(self) -> list[str]:
        """
        The regulations inspected against (empty: derived from the trainees).
        """
    @property
    def reported_grades(self) -> list[ReportedGrade]:
        """
        What a published report says about area grades (from spur import).
        """
    @property
    def specialty(self) -> str:
        """
        The specialty trained in ('' when not given).
        """
    @property
    def trainees(self) -> list[Trainee]:
        """
        The ST doctors, when listed to derive the regulations from.
        """
    @property
    def unit(self) -> str:
        """
        The unit inspected ('' when not given).
        """
    @property
    def warnings(self) -> list[Diagnostic]:
        """
        Warnings found while reading it (Diagnostic objects).
        """
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
        """
        The area explained.
        """
    @property
    def regulation(self) -> str:
        """
        The regulation explained.
        """
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
    def grade_after_plan(self, area: str, regulation: str = '') -> str | None:
        """
        The grade that stands after the action plan ('C' for a D whose required actions received entries all cover); None while provisional, also while requirements not assessed could still undo the adjustment. Raises LookupError.
        """
    def plan_status(self, as_of: str = '') -> dict[str, typing.Any]:
        """
        The action plan followed up on `as_of` (YYYY-MM-DD; empty: today), as `spur plan --format json` prints it.
        """
    def possible_grades(self, area: str, regulation: str = '') -> list[str]:
        """
        The grades still possible, best first. Raises LookupError.
        """
    def possible_grades_after_plan(self, area: str, regulation: str = '') -> list[str]:
        """
        The grades still possible after the action plan, best first. Raises LookupError.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        Exactly the JSON of `spur evaluate --format json`, as Python objects.
        """
    @property
    def action_plan_required(self) -> bool | None:
        """
        True if some area is certainly D, None if D is only possible, else False.
        """
    @property
    def diagnostics(self) -> list[Diagnostic]:
        """
        Warnings about the inspection (Diagnostic objects).
        """
    @property
    def file(self) -> str:
        """
        The inspection's file.
        """
    @property
    def inspection(self) -> Inspection:
        """
        The inspection graded.
        """
    @property
    def inspection_id(self) -> str:
        """
        The inspection's id ('' when it has none).
        """
    @property
    def regulations(self) -> list[str]:
        """
        The inspected regulations.
        """
    @property
    def unit(self) -> str:
        """
        The unit inspected.
        """
class UnplacedLine:
    """
    A report line the import could not place.
    """
    @property
    def line(self) -> int:
        """
        The line of the report (1-based).
        """
    @property
    def text(self) -> str:
        """
        The line as the report has it.
        """
class ImportResult:
    """
    A draft inspection imported from a report.
    """
    @property
    def diagnostics(self) -> list[Diagnostic]:
        """
        Warnings with the report's lines.
        """
    @property
    def from_pdf(self) -> bool:
        """
        True when read from a PDF.
        """
    @property
    def inspection(self) -> Inspection:
        """
        The draft, read back from its YAML as a file would be.
        """
    @property
    def json(self) -> str:
        """
        The draft as JSON, without comments.
        """
    @property
    def missing(self) -> list[str]:
        """
        Header fields the report lacks.
        """
    @property
    def source(self) -> str:
        """
        Where the report was read from.
        """
    @property
    def unplaced(self) -> list[UnplacedLine]:
        """
        Lines placed nowhere.
        """
    @property
    def yaml(self) -> str:
        """
        The draft file with its review comments.
        """
class StatusMatrix:
    """
    The findings of many inspections, a byte a requirement.
    """
    @property
    def inspections(self) -> int:
        """
        The number of inspections (rows).
        """
    @property
    def requirements(self) -> int:
        """
        The number of requirements (columns, the rule book's ids).
        """
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
        """
        The regulations graded, in the rule book's order.
        """
def check(book: RuleBook, inspection: Inspection) -> list[Diagnostic]:
    """
    Check an inspection against the book: raises InspectionError listing every error, returns the warnings.
    """
def evaluate(book: RuleBook, inspection: Inspection) -> Evaluation:
    """
    Evaluate an inspection. Raises InspectionError when it names what the book lacks.
    """
def evaluate_columns(book: RuleBook, inspections: collections.abc.Sequence[Inspection], threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict[str, typing.Any]:
    """
    Evaluate many inspections into columns for a frame, as result_columns gives them, on `threads` threads (0: every core) with the GIL released. Inspections that raise InspectionError are left out; 'failed' lists each as (position, diagnostics).
    """
def import_report(book: RuleBook, path: os.PathLike | str | bytes, keep_names: bool = False) -> ImportResult:
    """
    Import a report file (PDF or its text); raises FileError when it is no SPUR report.
    """
def import_report_data(book: RuleBook, data: bytes, name: str, keep_names: bool = False) -> ImportResult:
    """
    Import a report held in memory (PDF bytes or UTF-8 text); `name` names it in messages.
    """
def read_dates(text: str, reference: str = '') -> dict[str, typing.Any]:
    """
    A Swedish date phrase read into parts, as `spur dates --format json` prints one.
    """
def render_report(evaluations: collections.abc.Sequence[Evaluation], format: str, as_of: str = '', lang: str = 'sv') -> bytes:
    """
    The report of the evaluations in `format` (html, md, pdf, xlsx) as bytes.
    """
def report_summary_html(evaluation: Evaluation, as_of: str = '', lang: str = 'sv') -> str:
    """
    The summary of the report as an HTML fragment (for notebooks).
    """
def result_columns(book: RuleBook, evaluations: collections.abc.Sequence[Evaluation]) -> dict[str, typing.Any]:
    """
    The results of evaluations as columns (codes and arrays) for a frame.
    """
def write_report(evaluations: collections.abc.Sequence[Evaluation], format: str, path: str, as_of: str = '', lang: str = 'sv', force: bool = False) -> None:
    """
    Writes the report to `path` atomically; an existing file is replaced only with force.
    """
__version__: str = '0.1.0'

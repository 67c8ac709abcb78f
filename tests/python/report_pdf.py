"""PDFs of a report's text for the import tests, written by hand: the C++ tests make theirs with
cairo (tests/cpp/report_pdf.cpp, embedded fonts); these come from a second producer, plain PDF
operators with the standard Helvetica font, as an office program's export might.

Each line is printed where it stands; each grading table (the scale rows "A. Socialstyrelsens
…" to "D. Brister …") is printed as a table whose grade column marks a grade: an "X", a filled
box or a shaded row, in one grade column or in one per regulation headed "2015" and "2021".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

WIDTH, HEIGHT, MARGIN, SIZE, LEADING = 595.0, 842.0, 40.0, 8.0, 11.5
TABLE_LEFT, GRADE_LEFT, TABLE_RIGHT, HEAD, PAD = 36.0, 458.0, 555.0, 14.0, 4.0
ROW_ENDS = {
    "A": "förekomma.",
    "B": ("följs.", "föreskrifter."),
    "C": "rekommenderas.",
    "D": "krävs.",
}


@dataclass
class Mark:
    area: str  # the table's area, "A".."H"
    grade: str  # the row marked
    style: str = "X"  # "X" (the letter), "box" (a filled box) or "shade" (a shaded row or cell)
    column: str = ""  # "2015" or "2021" in two-regulation tables


@dataclass
class Layout:
    marks: list[Mark] = field(default_factory=list)
    regulation_columns: bool = False
    ruled: bool = True


def _pdf_string(text: str) -> str:
    out = []
    for byte in text.encode("cp1252", errors="replace"):
        ch = chr(byte)
        if ch in "()\\":
            out.append("\\" + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


class _Writer:
    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.y = MARGIN

    # Drawing, in points from the page's top left.
    def show(self, x: float, y: float, text: str, size: float = SIZE) -> None:
        where = f"{x:.2f} {HEIGHT - y:.2f}"
        self.pages[-1].append(f"BT /F1 {size:g} Tf {where} Td {_pdf_string(text)} Tj ET")

    def fill(self, x0: float, y0: float, x1: float, y1: float, gray: float) -> None:
        box = f"{x0:.2f} {HEIGHT - y1:.2f} {x1 - x0:.2f} {y1 - y0:.2f}"
        self.pages[-1].append(f"{gray:g} g {box} re f 0 g")

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.6) -> None:
        ends = f"{x0:.2f} {HEIGHT - y0:.2f} m {x1:.2f} {HEIGHT - y1:.2f} l"
        self.pages[-1].append(f"{width:g} w {ends} S")

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN

    def text_line(self, text: str) -> None:
        if self.y > HEIGHT - MARGIN:
            self.new_page()
        if text.strip():
            self.show(MARGIN, self.y, text)
        self.y += LEADING

    def table(self, area: str, rows: list[tuple[str, list[str]]], layout: Layout) -> None:
        total = HEAD + sum(len(lines) * LEADING + 2 * PAD for _, lines in rows)
        if self.y + total > HEIGHT - MARGIN:
            self.new_page()
        top = self.y - SIZE
        if layout.regulation_columns:
            self.show(GRADE_LEFT + 14, top + 10, "2015")
            self.show(GRADE_LEFT + 62, top + 10, "2021")
        else:
            self.show(GRADE_LEFT + 14, top + 10, "Gradering")
        edges = [top, top + HEAD]
        for _, lines in rows:
            edges.append(edges[-1] + len(lines) * LEADING + 2 * PAD)
        mid = (GRADE_LEFT + TABLE_RIGHT) / 2
        cells = {
            "": (GRADE_LEFT, TABLE_RIGHT),
            "2015": (GRADE_LEFT, mid),
            "2021": (mid, TABLE_RIGHT),
        }
        index = {grade: i for i, (grade, _) in enumerate(rows)}
        mine = [m for m in layout.marks if m.area == area]
        for m in mine:
            if m.style == "shade":
                i = index[m.grade]
                x0, x1 = (TABLE_LEFT, TABLE_RIGHT) if not m.column else cells[m.column]
                self.fill(x0, edges[i + 1], x1, edges[i + 2], 0.85)
        for i, (_, lines) in enumerate(rows):
            y = edges[i + 1] + PAD + SIZE
            for text in lines:
                self.show(MARGIN, y, text)
                y += LEADING
        if layout.ruled:
            for e in edges:
                self.line(TABLE_LEFT, e, TABLE_RIGHT, e)
            verticals = [TABLE_LEFT, GRADE_LEFT, TABLE_RIGHT]
            if layout.regulation_columns:
                verticals.append(mid)
            for x in verticals:
                self.line(x, edges[0], x, edges[-1])
        for m in mine:
            i = index[m.grade]
            x0, x1 = cells[m.column]
            cx, cy = (x0 + x1) / 2, (edges[i + 1] + edges[i + 2]) / 2
            if m.style == "X":
                self.show(cx - 3, cy + 3.2, "X", 9)
            elif m.style == "box":
                self.fill(cx - 4, cy - 4, cx + 4, cy + 4, 0)
        self.y = edges[-1] + LEADING + SIZE

    def write(self, path: Path) -> None:
        objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "",  # the page tree, once the pages are numbered
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        kids = []
        for ops in self.pages:
            content = "\n".join(ops).encode("latin-1")
            head = f"<< /Length {len(content)} >>\nstream\n".encode("latin-1")
            objects.append(head + content + b"\nendstream")
            objects.append(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH:g} {HEIGHT:g}] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>"
            )
            kids.append(f"{len(objects)} 0 R")
        objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, obj in enumerate(objects, start=1):
            offsets.append(len(out))
            body = obj if isinstance(obj, bytes) else obj.encode("latin-1")
            out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
        out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        path.write_bytes(bytes(out))


def _row_start(line: str) -> str | None:
    if len(line) > 3 and line[0] in "ABCD" and line[1:3] == ". ":
        if line[3:].startswith(("Socialstyrelsens", "Brister")):
            return line[0]
    return None


def write_report_pdf(path: Path, text: str, layout: Layout | None = None) -> Path:
    """Writes `text` as a PDF with its grading tables marked as `layout` says; returns `path`."""
    layout = layout or Layout()
    writer = _Writer()
    lines = text.splitlines()
    area, i = "A", 0
    while i < len(lines):
        stripped = lines[i].strip()
        if len(stripped) == 1 and stripped in "ABCDEFGH":
            area = stripped
        if not _row_start(stripped):
            writer.text_line(lines[i])
            i += 1
            continue
        rows: list[tuple[str, list[str]]] = []
        while i < len(lines):
            current = lines[i].strip()
            grade = _row_start(current)
            if not current:
                i += 1
                continue
            if grade and (not rows or grade > rows[-1][0]):
                rows.append((grade, [current]))
            elif not grade and rows and not rows[-1][1][-1].endswith(ROW_ENDS[rows[-1][0]]):
                rows[-1][1].append(current)
            else:
                break
            i += 1
        writer.table(area, rows, layout)
    writer.write(path)
    return path

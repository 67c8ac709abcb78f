"""Reports from Python: spur.report, Evaluation.to_html, _repr_html_ and to_excel; the HTML
opened in headless Chromium, the PDF read back with pdftotext and drawn with pdftoppm, the
workbook read back with openpyxl."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import spur

from conftest import DATA, EXAMPLE, SOURCE

TWO = DATA / "reports" / "two-regulations.yaml"
ARTEFACTS = SOURCE / "build" / "test-artefacts"


@pytest.fixture(scope="module")
def two(book: spur.RuleBook) -> spur.Evaluation:
    return book.evaluate(spur.Inspection.load(TWO))


def test_report_returns_text_for_html_and_markdown(evaluation: spur.Evaluation) -> None:
    html = spur.report(evaluation, "html", as_of="2025-03-15")
    assert isinstance(html, str) and html.startswith("<!DOCTYPE html>")
    assert html == evaluation.to_html(as_of=datetime.date(2025, 3, 15))
    md = spur.report([evaluation], "md", as_of="2025-03-15")
    assert isinstance(md, str)
    assert "| D Tjänstgöringens upplägg | **D→C?** |" in md
    pdf = spur.report(evaluation, "pdf", as_of="2025-03-15")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")


def test_report_rejects_bad_arguments_clearly(evaluation: spur.Evaluation) -> None:
    with pytest.raises(spur.LookupError, match="format 'docx' is not known"):
        spur.report(evaluation, "docx")
    with pytest.raises(spur.LookupError, match="as_of '2025-02-30' is not a date"):
        spur.report(evaluation, as_of="2025-02-30")
    with pytest.raises(spur.LookupError, match="lang 'de' is not known"):
        spur.report(evaluation, lang="de")
    with pytest.raises(spur.LookupError, match="at least one evaluation"):
        spur.report([])


def test_repr_html_is_the_report_summary(evaluation: spur.Evaluation, two: spur.Evaluation) -> None:
    html = evaluation._repr_html_()
    assert html.startswith('<div class="spur-summary"')
    assert html.count('<tr data-area="') == 8
    assert 'data-grade="D→C?"' in html and 'data-grade="A/B/C?"' in html
    assert "<script" not in html and "Verksamheten" in html
    assert "Handlingsplan krävs: <strong>ja</strong>" in html
    both = two._repr_html_()
    assert '<th scope="col" class="grade">Samlad</th>' in both


def test_writing_refuses_to_replace_and_never_follows_a_link(
    evaluation: spur.Evaluation, tmp_path: Path
) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("keep me")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    with pytest.raises(spur.FileError, match="already exists"):
        spur.report(evaluation, "html", link)
    spur.report(evaluation, "html", link, force=True)
    assert target.read_text() == "keep me"
    assert not link.is_symlink() and link.read_text().startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "report.html"]


def test_to_excel_never_destroys_an_old_workbook(evaluation: spur.Evaluation, tmp_path: Path) -> None:
    path = tmp_path / "grades.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(spur.FileError, match="already exists; use --force .*force=True"):
        evaluation.to_excel(path, as_of="2025-03-15")
    with pytest.raises(spur.LookupError, match="is not a date"):
        evaluation.to_excel(path, as_of="2025-13-45", force=True)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["grades.xlsx"]
    # The last day Python dates hold: follow-ups roll into the year 10000 and are written as
    # text, never an internal error.
    evaluation.to_excel(path, as_of="9999-12-31", force=True)
    sheet = openpyxl.load_workbook(path)["Handlingsplan"]
    assert [c.value for c in sheet["Q"][1:]] == ["försenad"] * 5


def test_plan_frame_holds_dates_past_9999(evaluation: spur.Evaluation) -> None:
    # datetime64[s] columns hold any year: a yearly follow-up rolled past 9999 is no error.
    plan = evaluation.plan_frame("9999-12-31")
    assert str(plan["next_follow_up"].dtype) == "datetime64[s]"
    assert plan["next_follow_up"].dropna().map(lambda t: t.year).max() >= 10000


def test_workbook_reads_back_with_headers_widths_frozen_pane_and_dates(
    evaluation: spur.Evaluation, two: spur.Evaluation, tmp_path: Path
) -> None:
    path = tmp_path / "inspektioner.xlsx"
    spur.report([evaluation, two], "xlsx", path, as_of="2025-05-15")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Graderingar", "Åtgärder", "Handlingsplan"]
    grades = wb["Graderingar"]
    assert [c.value for c in grades[1]][:6] == [
        "Inspektion",
        "Enhet",
        "Föreskrift (förf.)",
        "Område",
        "Områdesnamn",
        "Gradering",
    ]
    assert grades.freeze_panes == "A2"
    assert grades.auto_filter.ref == "A1:J25"  # 8 + 2 × 8 areas
    assert grades.column_dimensions["E"].width > 40
    rows = {(r[0], r[2], r[3]): r for r in grades.iter_rows(min_row=2, values_only=True)}
    assert rows[("palliativ-sydostra-skane-2024", "SOSFS 2015:8", "D")][5] == "D→C?"
    assert rows[("kirurgi-exempelstad-2025", "HSLF-FS 2021:8", "E")][5] == "D"
    assert rows[("kirurgi-exempelstad-2025", "SOSFS 2015:8", "F")][5] == "A/C?"
    cell_d = next(c for c in grades["F"] if c.value == "D")
    assert cell_d.fill.fgColor.rgb.endswith("A8231A")
    actions = wb["Åtgärder"]
    assert actions.freeze_panes == "A2"
    assert [c.value for c in actions["D"][1:6]] == ["D1", "D7", "H2", "H7", "H9"]
    plan = wb["Handlingsplan"]
    header = [c.value for c in plan[1]]
    due_from = header.index("Förfaller från") + 1
    first_due = plan.cell(row=2, column=due_from).value
    assert isinstance(first_due, datetime.datetime) and first_due.date() == datetime.date(2025, 5, 1)
    assert plan.cell(row=2, column=due_from).number_format == "yyyy-mm-dd"
    assert [c.value for c in plan["Q"][1:]] == [
        "pågår",  # the example on 2025-05-15: D1 due in May 2025
        "försenad",
        "försenad",
        "försenad",
        "försenad",
        "pågår",  # the two-regulation inspection: D1, B4, H7
        "försenad",
        "planerad",
    ]
    english = tmp_path / "english.xlsx"
    evaluation.to_excel(english, as_of="2025-03-15", lang="en")
    wb = openpyxl.load_workbook(english)
    assert wb.sheetnames == ["grades", "actions", "plan"]
    assert [c.value for c in wb["plan"]["Q"]] == ["State", "planned", "overdue", "due", "due", "due"]


def test_pdf_has_the_texts_with_swedish_characters_and_every_page_draws(
    evaluation: spur.Evaluation, two: spur.Evaluation, tmp_path: Path
) -> None:
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.fail("pdftotext and pdftoppm are needed (Debian poppler-utils; scripts/install-deps)")
    path = tmp_path / "rapport.pdf"
    spur.report([evaluation, two], "pdf", path, as_of="2025-05-15")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in [
        "SPUR-sammanställning",
        "Specialiserad palliativ vård, Sydöstra Skåne",
        "Tjänstgöringens upplägg",
        "Åtgärd krävs",
        "D→C",
        "A/B/C?",
        "räknas som ej uppfyllt eftersom B4 inte är uppfyllt",
        "<script>alert('x')</script>",
        "försenad",
        "Handlingsplan",
    ]:
        assert expected in text, expected
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(path)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    assert f"Sida 1 av {pages}" in text and f"Sida {pages} av {pages}" in text
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTEFACTS.glob("report-page-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(path), str(ARTEFACTS / "report-page")], check=True
    )
    drawn = sorted(ARTEFACTS.glob("report-page-*.png"))
    assert len(drawn) == pages and all(p.stat().st_size > 5000 for p in drawn)
    print(f"PDF pages drawn under {ARTEFACTS}")


def test_pdf_splits_a_row_taller_than_a_page_and_keeps_every_sentence(
    book: spur.RuleBook, tmp_path: Path
) -> None:
    """An imported report puts whole paragraphs into notes: a row longer than a page runs
    onto the next pages, the header row repeated, and no sentence is lost."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed (Debian poppler-utils; scripts/install-deps)")
    sentences = [f"Mening {i} om handledningen, som beskrivs utförligt i rapporten." for i in range(1, 401)]
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  E7: {status: partially_met")
    end = text.index("\n", start)
    text = text[:start] + '  E7: {status: partially_met, note: "' + " ".join(sentences) + ' SLUTET."}' + text[end:]
    inspection = tmp_path / "lang-anteckning.yaml"
    inspection.write_text(text, encoding="utf-8")
    path = tmp_path / "lang.pdf"
    spur.report(book.evaluate(spur.Inspection.load(inspection)), "pdf", path, as_of="2025-05-15")
    pages = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    flat = " ".join(" ".join(p.split()) for p in pages)
    for i in range(1, 401):
        assert f"Mening {i} om" in flat, f"sentence {i} is missing"
    assert "SLUTET." in flat
    # The note's row runs over at least three pages, each opening with the table's header.
    first = next(i for i, p in enumerate(pages) if "Mening 1 om" in p)
    last = next(i for i, p in enumerate(pages) if "SLUTET." in p)
    assert last - first >= 2
    for p in pages[first + 1 : last + 1]:
        assert "Bedömning" in p, "a page the row runs onto repeats the header row"


def _chrome():
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.fail("chromium and chromedriver are needed (Debian chromium, chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400"]:
        options.add_argument(arg)
    service = webdriver.ChromeService(executable_path=driver_path)
    return webdriver.Chrome(options=options, service=service)


def test_html_report_in_headless_chromium_shows_the_grades(
    evaluation: spur.Evaluation, two: spur.Evaluation, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    single = tmp_path / "rapport.html"
    spur.report(two, "html", single, as_of="2025-05-15")
    several = tmp_path / "sammanstallning.html"
    spur.report([evaluation, two], "html", several, as_of="2025-05-15")
    driver = _chrome()
    try:
        driver.get(single.as_uri())
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
        rows = driver.find_elements(By.CSS_SELECTOR, "table.summary tbody tr[data-area]")
        shown = {
            r.get_attribute("data-area"): [c.text.split("\n")[0] for c in r.find_elements(By.CSS_SELECTOR, "td.grade")]
            for r in rows
        }
        assert shown["B"] == ["D→C", "D→C", "D→C"]
        assert shown["E"] == ["C", "D", "D"]
        assert shown["F"] == ["A/C?", "A/C?", "A/C?"]
        # The note holding markup is shown as text: no script ran, no element was made.
        assert driver.find_elements(By.TAG_NAME, "script") == []
        assert "<script>alert('x')</script>" in driver.find_element(By.TAG_NAME, "body").text
        driver.save_screenshot(str(ARTEFACTS / "report.png"))
        # The explanation opens and closes.
        details = driver.find_element(By.CSS_SELECTOR, "section[data-area='E'] details")
        assert details.get_attribute("open") is None
        details.find_element(By.TAG_NAME, "summary").click()
        assert details.get_attribute("open") is not None
        assert "Gradering / grade: D" in details.text
        # A D cell is dark with white text; an A cell light: readable in greyscale too.
        d_cell = driver.find_element(By.CSS_SELECTOR, "tr[data-area='H'] td.grade")
        assert d_cell.value_of_css_property("color") in ("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)")
        driver.get(several.as_uri())
        heat = driver.find_elements(By.CSS_SELECTOR, "table.heat-map tbody tr")
        assert len(heat) == 2
        assert [c.text.split("\n")[0] for c in heat[0].find_elements(By.CSS_SELECTOR, "td.grade")] == [
            "A", "A/B?", "A", "D→C?", "C", "A", "A/B/C?", "D→C?"
        ]  # fmt: skip
        driver.save_screenshot(str(ARTEFACTS / "summary.png"))
    finally:
        driver.quit()
    assert (ARTEFACTS / "report.png").stat().st_size > 10000
    print(f"screenshots: {ARTEFACTS / 'report.png'}, {ARTEFACTS / 'summary.png'}")

"""`spur serve` end to end: the built program serves a folder, a real headless Chromium drives it.

The program is found as $SPUR_EXE, else build/cli/spur. Screenshots go to $SPUR_ARTEFACTS
(default build/test-artefacts/serve) and are kept for a person to look at.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2]
EXAMPLE = SOURCE / "examples" / "palliativ-sydostra-skane.yaml"
NAME = EXAMPLE.name
ARTEFACTS = Path(os.environ.get("SPUR_ARTEFACTS", SOURCE / "build" / "test-artefacts" / "serve"))


def spur_exe() -> Path:
    exe = Path(os.environ.get("SPUR_EXE", SOURCE / "build" / "cli" / "spur"))
    if not exe.is_file():
        pytest.fail(f"no spur program at {exe}: build it (scripts/build) or set SPUR_EXE")
    return exe


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and its content hash: what 'nothing on disk changed' means."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class Server:
    def __init__(self, folder: Path):
        self.folder = folder
        self.process = subprocess.Popen(
            [str(spur_exe()), "serve", str(folder), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            err = self.stop()
            pytest.fail(f"spur serve did not start: {line!r} {err!r}")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}"
        self._token: str | None = None

    @property
    def token(self) -> str:
        if self._token is None:
            status, body = self.request("GET", "/")
            self._token = re.search(r'name="spur-token" content="([0-9a-f]+)"', body).group(1)
        return self._token

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, data

    def post(self, path, payload, *, token=True, origin=None, headers=None):
        h = {"Content-Type": "application/json"}
        if token:
            h["X-Spur-Token"] = self.token
        if origin:
            h["Origin"] = origin
        h.update(headers or {})
        body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
        return self.request("POST", path, body, h)

    def stop(self) -> str:
        """Stops the server (as Ctrl-C does); returns what it wrote to stderr."""
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "inspektioner"
    d.mkdir()
    shutil.copy(EXAMPLE, d / NAME)
    return d


@pytest.fixture
def server(folder: Path):
    s = Server(folder)
    yield s
    err = s.stop()
    assert s.process.returncode == 0, err


@pytest.fixture(scope="module")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        pytest.fail("needs Debian's chromium and chromium-driver (scripts/install-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=sv-SE"):
        options.add_argument(arg)
    d = webdriver.Chrome(service=webdriver.ChromeService(executable_path=chromedriver),
                         options=options)
    d.set_page_load_timeout(30)
    yield d
    d.quit()


def shot(driver, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def wait(driver, condition, timeout=15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def by_id(driver, id_):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, id_)


def grade_of(driver, area: str) -> str:
    return by_id(driver, f"grade-{area}").get_attribute("data-grade") or ""


def open_inspection(driver, server: Server, name: str = NAME):
    driver.get(f"{server.url}/inspection?file={name}")
    wait(driver, lambda d: grade_of(d, "D") != "")


def choose(driver, requirement: str, status: str):
    from selenium.webdriver.support.ui import Select

    Select(by_id(driver, f"status-{requirement}")).select_by_value(status)


def spur_evaluate(path: Path) -> dict:
    run = subprocess.run([str(spur_exe()), "evaluate", "--format", "json", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def area_grade(evaluation: dict, area: str):
    return next(a["grade"] for a in evaluation["areas"] if a["area"] == area)


# ---------- in the browser ----------


def test_a_status_changes_the_grade_and_saving_writes_a_valid_file(driver, server, folder):
    before = (folder / NAME).read_text()
    open_inspection(driver, server)
    assert grade_of(driver, "A") == "A"
    shot(driver, "inspection-opened")
    choose(driver, "A1", "not_met")
    wait(driver, lambda d: grade_of(d, "A") == "D")
    assert by_id(driver, "tile-A").text.endswith("D")
    driver.execute_script("document.getElementById('area-A').scrollIntoView()")
    shot(driver, "inspection-A1-not-met")
    assert "Osparade" in by_id(driver, "save-state").text
    assert (folder / NAME).read_text() == before  # evaluating writes nothing

    by_id(driver, "save").click()
    wait(driver, lambda d: "Sparat" in by_id(d, "save-state").text)
    after = (folder / NAME).read_text()
    assert after != before
    assert re.search(r"^  A1: \{status: not_met, note: \"Välstrukturerat", after, re.M)
    # Everything else is kept: the comments, the other findings, the handlingsplan.
    assert after.replace("A1: {status: not_met", "A1: {status: met") == before
    assert area_grade(spur_evaluate(folder / NAME), "A") == "D"


def test_the_explanation_and_implied_requirements_are_shown(driver, server):
    open_inspection(driver, server)
    why = by_id(driver, "why-D").get_attribute("textContent")
    assert "provision.unmet" in why and "D1" in why
    assert not by_id(driver, "implied-D11").is_displayed()
    choose(driver, "B4", "not_met")  # D11 (not assessed) presupposes B4 (the studierektor)
    wait(driver, lambda d: by_id(d, "implied-D11").is_displayed())
    text = by_id(driver, "implied-D11").text
    assert text == "Räknas som ej uppfyllt (sosfs-2015-8) eftersom B4 inte är uppfyllt"
    # D8 is recorded as met: the page says that contradicts B4.
    assert "B4" in by_id(driver, "implied-D8").text
    driver.execute_script("document.getElementById('req-D8').scrollIntoView()")
    shot(driver, "inspection-implied")


def test_a_note_holding_a_script_is_shown_never_run(driver, server, folder):
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    open_inspection(driver, server)
    note = by_id(driver, "note-A3")
    note.clear()
    note.send_keys(hostile)
    by_id(driver, "save").click()
    wait(driver, lambda d: "Sparat" in by_id(d, "save-state").text)
    open_inspection(driver, server)
    assert by_id(driver, "note-A3").get_attribute("value") == hostile
    assert driver.execute_script("return window.pwned === undefined")
    assert not driver.find_elements("css selector", "img[src=x]")
    assert spur_evaluate(folder / NAME)  # still a valid file


def test_saving_a_file_changed_on_disk_is_refused(driver, server, folder):
    open_inspection(driver, server)
    path = folder / NAME
    changed = path.read_text().replace("A2: {status: met", "A2: {status: not_met")
    path.write_text(changed)
    choose(driver, "B9", "met")
    # Graded as the page shows it (A2 met), and warned at once that the file changed.
    wait(driver, lambda d: grade_of(d, "B") == "A")
    assert grade_of(driver, "A") == "A"
    assert "Filen har ändrats på disken" in by_id(driver, "messages").text
    by_id(driver, "save").click()
    wait(driver, lambda d: "Inte sparat" in by_id(d, "messages").text)
    assert "Ladda om sidan" in by_id(driver, "messages").text
    shot(driver, "inspection-conflict")
    assert path.read_text() == changed


def test_plan_dates_are_read_as_typed_and_saved(driver, server, folder):
    open_inspection(driver, server)
    due = by_id(driver, "plan-0-due")
    assert "2025-05-01" in by_id(driver, "plan-0-due-phrase").text  # "maj2025"
    due.clear()
    due.send_keys("juni 2026")
    wait(driver, lambda d: "2026-06-01 – 2026-06-30" in by_id(d, "plan-0-due-phrase").text)
    follow_up = by_id(driver, "plan-1-follow_up")
    follow_up.clear()
    follow_up.send_keys("31/2-25")  # no such day: a warning as it is typed
    wait(driver, lambda d: "Varning" in by_id(d, "plan-1-follow_up-phrase").text)
    assert "31 February 2025" in by_id(driver, "plan-1-follow_up-phrase").text
    follow_up.clear()
    follow_up.send_keys("hösten 2025")  # a season: September to November
    wait(driver, lambda d: "2025-09-01 – 2025-11-30" in by_id(d, "plan-1-follow_up-phrase").text)
    driver.execute_script("document.getElementById('plan').scrollIntoView()")
    shot(driver, "inspection-plan")
    before = (folder / NAME).read_text()
    by_id(driver, "save").click()
    wait(driver, lambda d: "Sparat" in by_id(d, "save-state").text)
    after = (folder / NAME).read_text()
    # Only the two edited lines changed; the comments and the other entries are as they were.
    assert after == before.replace('    due: "maj2025"', '    due: "juni 2026"', 1).replace(
        '    follow_up: "september 2025, därefter årligen"', '    follow_up: "hösten 2025"', 1)
    run = subprocess.run([str(spur_exe()), "plan", "--as-of", "2025-01-01", str(folder / NAME)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "juni 2026" in run.stdout and "(2026-06-01..2026-06-30)" in run.stdout


def test_the_list_shows_grades_and_a_new_inspection_can_be_made(driver, server, folder):
    driver.get(server.url + "/")
    wait(driver, lambda d: "Sydöstra Skåne" in d.find_element("tag name", "table").text)
    table = driver.find_element("tag name", "table").text
    assert "sosfs-2015-8" in table
    shot(driver, "inspections")
    form = by_id(driver, "new-inspection")
    form.find_element("name", "file").send_keys("kirurgi-lund-2025.yaml")
    form.find_element("name", "unit").send_keys("Kirurgkliniken, Lund")
    form.find_element("name", "date").send_keys("2025-03-14")
    form.find_element("css selector", "button").click()
    wait(driver, lambda d: "/inspection?file=kirurgi-lund-2025.yaml" in d.current_url)
    wait(driver, lambda d: "Kirurgkliniken" in d.find_element("tag name", "h1").text)
    assert spur_evaluate(folder / "kirurgi-lund-2025.yaml")["inspection"]["date"] == "2025-03-14"


REPORT = SOURCE / "tests" / "data" / "reports" / "spur-report-palliativ-sydostra-skane.txt"


def test_a_report_text_is_imported_into_a_draft_that_opens_for_review(driver, server, folder):
    driver.get(server.url + "/")
    wait(driver, lambda d: d.find_elements("id", "import-report"))
    form = by_id(driver, "import-report")
    form.find_element("name", "file").send_keys("palliativ-rapport.yaml")
    text = form.find_element("name", "text")
    driver.execute_script("arguments[0].value = arguments[1]", text,
                          REPORT.read_text(encoding="utf-8"))
    form.find_element("css selector", "button").click()
    wait(driver, lambda d: "/inspection?file=palliativ-rapport.yaml" in d.current_url)
    wait(driver, lambda d: "→ C" in by_id(d, "tile-D").text)
    shot(driver, "imported-report")
    graded = spur_evaluate(folder / "palliativ-rapport.yaml")
    assert [a["requirement"] for a in graded["required_actions"]] == ["D1", "D7", "H2", "H7", "H9"]


def test_imports_that_are_no_report_or_leave_the_folder_change_nothing(server, folder, tmp_path):
    before = snapshot(tmp_path)
    status, body = server.post("/api/import", {"file": "x.yaml", "text": "# A README\nhello"})
    assert status == 400 and "SPUR report" in body, body
    status, body = server.post("/api/import", {"file": "../x.yaml",
                                               "text": REPORT.read_text(encoding="utf-8")})
    assert status == 400, body
    status, body = server.post("/api/import", {"file": NAME, "text": REPORT.read_text(encoding="utf-8")})
    assert status == 409 and "already exists" in body, body
    status, body = server.post("/api/import", {"file": "y.yaml", "text": "x"}, token=False)
    assert status == 403, body
    assert snapshot(tmp_path) == before


def test_the_rule_book_shows_requirements_and_differences(driver, server):
    driver.get(server.url + "/rules")
    wait(driver, lambda d: d.find_elements("id", "diff"))
    text = driver.find_element("tag name", "main").text
    assert "sosfs-2015-8" in text and "hslf-fs-2021-8" in text
    assert "Tillagt G11" in text and "Borttaget G5" in text
    shot(driver, "rules")


# ---------- hostile requests: refused, nothing on disk changes ----------


def payload(**extra):
    return {"file": NAME, "findings": {"A1": {"status": "not_met", "note": ""}}} | extra


def test_path_traversal_is_refused(server, folder, tmp_path):
    outside = tmp_path / "secret.yaml"
    shutil.copy(EXAMPLE, outside)
    (folder / "link.yaml").symlink_to(outside)
    before = snapshot(tmp_path)
    for name in ("../secret.yaml", "/etc/passwd", str(outside), "link.yaml", "..%2Fsecret.yaml"):
        status, body = server.request("GET", f"/api/inspection?file={name}")
        assert status in (400, 404), (name, body)
        status, body = server.post("/api/save", payload(file=name, version="x"))
        assert status in (400, 404), (name, body)
    status, body = server.post("/api/new", {"file": "../evil.yaml", "unit": "x",
                                            "regulations": ["sosfs-2015-8"]})
    assert status == 400 and "file name" in body
    status, body = server.request("GET", "/../../etc/passwd")
    assert status in (400, 404)
    assert snapshot(tmp_path) == before


def test_the_report_of_an_inspection_is_served_as_html_and_pdf(server, folder, tmp_path):
    status, html = server.request("GET", f"/report?file={NAME}")
    assert status == 200
    assert '<html lang="sv"' in html and "<script" not in html
    assert "D→C?" in html  # D and H: adjusted, provisionally (D3, H3 not assessed)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("GET", f"/report?file={NAME}&format=pdf")
    response = conn.getresponse()
    pdf = response.read()
    conn.close()
    assert response.status == 200 and pdf.startswith(b"%PDF-")
    status, body = server.request("GET", "/report?file=../secret.yaml")
    assert status == 400 and "leaves the folder" in body


def test_a_stale_version_is_a_409(server, folder):
    before = snapshot(folder)
    status, body = server.post("/api/save", payload(version="0" * 16))
    assert status == 409
    assert "has changed on disk since you opened it" in json.loads(body)["error"]
    assert snapshot(folder) == before


def test_cross_site_and_tokenless_posts_are_refused(server, folder):
    before = snapshot(folder)
    version = json.loads(server.request("GET", f"/api/inspection?file={NAME}")[1])["version"]
    status, body = server.post("/api/save", payload(version=version), origin="http://evil.example")
    assert status == 403 and "cross-site" in body
    status, body = server.post("/api/save", payload(version=version), token=False)
    assert status == 403 and "X-Spur-Token" in body
    status, body = server.post("/api/save", payload(version=version),
                               headers={"X-Spur-Token": "0" * 32})
    assert status == 403
    status, body = server.request("GET", "/api/inspections", headers={"Host": "evil.example"})
    assert status == 403  # a page on another name (DNS rebinding) reads nothing
    assert snapshot(folder) == before


def test_oversized_and_malformed_bodies_are_refused(server, folder):
    before = snapshot(folder)
    big = json.dumps(payload(version="x", padding="a" * (2 << 20)))
    status, _ = server.post("/api/save", big)
    assert status == 413
    status, body = server.post("/api/save", "{not json")
    assert status == 400 and "JSON" in body
    status, body = server.post("/api/save", json.dumps(payload()), headers={"Content-Type": "text/plain"})
    assert status == 415
    assert server.request("GET", "/")[0] == 200  # still serving
    assert snapshot(folder) == before


def test_invalid_statuses_and_dates_are_a_400_with_a_message(server, folder):
    before = snapshot(folder)
    version = json.loads(server.request("GET", f"/api/inspection?file={NAME}")[1])["version"]
    bad = {"file": NAME, "version": version, "findings": {"A1": {"status": "bra"}}}
    for path in ("/api/evaluate", "/api/save"):
        status, body = server.post(path, bad)
        assert status == 400
        assert json.loads(body)["error"].startswith("invalid status 'bra' for A1")
    status, body = server.post("/api/save", payload(version=version, findings={"Z9": {"status": "met"}}))
    assert status == 400 and "unknown requirement 'Z9'" in body
    status, body = server.post("/api/save", payload(version=version, findings={"A1": {"status": 3}}))
    assert status == 400
    status, body = server.post("/api/new", {"file": "ny.yaml", "unit": "x", "date": "2025-02-30",
                                            "regulations": ["sosfs-2015-8"]})
    assert status == 400 and "'2025-02-30' is not a date" in body
    assert snapshot(folder) == before
    assert server.request("GET", "/")[0] == 200


# ---------- speed: from a changed status to the grades (docs/serve.md) ----------


@pytest.mark.benchmark
def test_benchmark_change_to_grade(benchmark, server):
    met = {"status": "met", "note": ""}
    change = {"file": NAME, "findings": {"D1": met, "D7": met}}

    def round_trip():
        status, body = server.post("/api/evaluate", change)
        assert status == 200
        return json.loads(body)

    result = benchmark(round_trip)
    grades = {a["area"]: a["grade"] or a["possible"] for a in result["areas"]}
    assert grades["D"] == "A/C/D"  # no provision unmet any more; not assessed ones decide


def test_a_missing_folder_is_a_clear_error(tmp_path):
    run = subprocess.run([str(spur_exe()), "serve", str(tmp_path / "saknas"), "--port", "0"],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"spur serve: {tmp_path / 'saknas'}: no such folder; give an existing folder of inspections")


def test_a_file_laid_out_otherwise_is_saved_with_every_key(server, folder):
    text = (
        "# Överst: kommentaren som öppnar filen behålls\n"
        "inspection:\n"
        "  id: annan\n"
        "  unit: Annan enhet\n"
        "  regulations: [sosfs-2015-8]\n"
        "findings:\n"
        '  "A1":\n'
        "    status: met\n"
        "    note: flera rader\n"
        "  A2: met\n"
        "notes: kvar\n"
    )
    (folder / "annan.yaml").write_text(text)
    version = json.loads(server.request("GET", "/api/inspection?file=annan.yaml")[1])["version"]
    status, body = server.post("/api/save", {"file": "annan.yaml", "version": version,
                                             "findings": {"A1": {"status": "not_met", "note": "ny"}}})
    assert status == 200, body
    after = (folder / "annan.yaml").read_text()
    assert after.startswith("# Överst: kommentaren som öppnar filen behålls\n")
    assert "notes: kvar" in after and "A2: met" in after
    evaluation = spur_evaluate(folder / "annan.yaml")
    assert area_grade(evaluation, "A") == "D"

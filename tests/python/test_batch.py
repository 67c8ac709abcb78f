"""grade_frame and actions_frame give what evaluate_many and Evaluation give, from a long
findings frame; bad rows are named; the same on a Dask cluster."""

from __future__ import annotations

import random
import warnings

import numpy as np
import pandas as pd
import pytest

import spur

STATUSES = ["met", "partially_met", "not_met", "not_applicable", "not_assessed"]
BOTH = ["sosfs-2015-8", "hslf-fs-2021-8"]


def random_findings(
    book: spur.RuleBook, regulations: list[str], count: int, seed: int, share: float = 0.4
) -> pd.DataFrame:
    """Findings for `share` of the requirements, every status, some by regulation."""
    rng = random.Random(seed)
    in_reg = {r: {q.id for q in book.regulation(r).requirements} for r in regulations}
    ids = [i for i in book.requirement_ids if any(i in s for s in in_reg.values())]
    rows = []
    for n in range(count):
        key = f"enhet-{n:04d}"
        for id in ids:
            if rng.random() > share:
                continue
            status = rng.choices(STATUSES, [60, 10, 10, 8, 12])[0]
            holding = [r for r in regulations if id in in_reg[r]]
            if len(regulations) == 2 and rng.random() < 0.1:
                for r in holding:
                    rows.append((key, id, rng.choices(STATUSES, [60, 10, 10, 8, 12])[0], r))
            else:
                rows.append((key, id, status, None))
    return pd.DataFrame(rows, columns=["inspection", "requirement", "status", "regulation"])


def through_evaluate_many(
    book: spur.RuleBook, findings: pd.DataFrame, regulations: list[str], default: str
) -> pd.DataFrame:
    inspections = spur.inspections_from_frame(
        findings, regulations=regulations, default_status=default
    )
    out = spur.evaluate_many(book, inspections)
    out["possible"] = out["possible_grades"].astype(str).str.replace("/", "")
    return out[["inspection", "regulation", "area", "possible"]]


@pytest.mark.parametrize("default", ["met", "not_assessed"])
@pytest.mark.parametrize("regulations", [["sosfs-2015-8"], ["hslf-fs-2021-8"], BOTH])
def test_grade_frame_equals_evaluate_many(
    book: spur.RuleBook, regulations: list[str], default: str
) -> None:
    findings = random_findings(book, regulations, 150, seed=len(regulations) + len(default))
    if len(regulations) == 1:
        findings = findings.drop(columns="regulation")
    got = spur.grade_frame(findings, regulations=regulations, default_status=default, book=book)
    want = through_evaluate_many(book, findings, regulations, default)
    assert list(got.columns) == ["inspection", "regulation", "area", "grade", "possible"]
    assert len(got) == len(want) == 150 * len(regulations) * 8
    assert got["inspection"].astype(str).tolist() == want["inspection"].tolist()
    assert got["regulation"].astype(str).tolist() == want["regulation"].astype(str).tolist()
    assert got["area"].astype(str).tolist() == want["area"].astype(str).tolist()
    assert got["possible"].astype(str).tolist() == want["possible"].tolist()
    single = got["possible"].astype(str).str.len() == 1
    assert (got["grade"].astype(str)[single] == got["possible"].astype(str)[single]).all()
    assert got["grade"][~single].isna().all()
    # The random frames reach every grade, and provisional ones without findings.
    if default == "met":
        assert set(got["grade"].dropna().astype(str)) == {"A", "B", "C", "D"}
    else:
        assert (~single).any() and "D" in set(got["grade"].dropna().astype(str))


def test_categorical_columns_read_as_strings(book: spur.RuleBook) -> None:
    findings = random_findings(book, BOTH, 60, seed=3)
    categorical = findings.astype(
        {"inspection": "category", "requirement": "category", "status": "category"}
    )
    categorical["status"] = categorical["status"].cat.add_categories(["unused"])
    a = spur.grade_frame(findings, regulations=BOTH, book=book)
    b = spur.grade_frame(categorical, regulations=BOTH, book=book, threads=2)
    pd.testing.assert_frame_equal(
        a.astype(str), b.astype(str), check_categorical=False, check_dtype=False
    )


def test_inspections_come_in_order_of_first_appearance(book: spur.RuleBook) -> None:
    findings = pd.DataFrame(
        {
            "inspection": ["b", "a", "b", "c"],
            "requirement": ["D1", "A1", "E4", "B2"],
            "status": ["not_met", "met", "met", "met"],
        }
    )
    got = spur.grade_frame(findings, regulations="sosfs-2015-8", book=book)
    assert got["inspection"].astype(str).unique().tolist() == ["b", "a", "c"]
    d = got[(got["inspection"] == "b") & (got["area"] == "D")]
    assert d["grade"].tolist() == ["D"] and d["possible"].tolist() == ["D"]


def bad_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "inspection": ["u1", "u1", "u2", "u2", "u3", "u3", "u4"],
            "requirement": ["D1", "X99", "E4", "E4", "A1", "B2", "C1"],
            "status": ["not_met", "met", "met", "not_met", "done", "met", "met"],
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )


def test_bad_rows_raise_naming_every_one(book: spur.RuleBook) -> None:
    with pytest.raises(spur.InspectionError) as caught:
        spur.grade_frame(bad_frame(), regulations="sosfs-2015-8", book=book)
    e = caught.value
    assert "3 bad finding rows" in str(e)
    assert "row 11 (inspection 'u1', requirement 'X99'): unknown requirement 'X99'" in str(e)
    errors = e.errors
    assert list(errors.columns) == ["row", "inspection", "requirement", "message"]
    assert errors["row"].tolist() == [11, 13, 14]
    assert errors["inspection"].tolist() == ["u1", "u2", "u3"]
    assert errors["message"].tolist()[1] == "a finding for E4 is given twice (also row 2)"
    assert errors["message"].tolist()[2].startswith("unknown status 'done' (statuses: met,")


def test_a_requirement_outside_the_regulation_is_a_bad_row(book: spur.RuleBook) -> None:
    sosfs = {q.id for q in book.regulation("sosfs-2015-8").requirements}
    only = next(q.id for q in book.regulation("hslf-fs-2021-8").requirements if q.id not in sosfs)
    findings = pd.DataFrame({"inspection": ["u"], "requirement": [only], "status": ["met"]})
    with pytest.raises(spur.InspectionError) as caught:
        spur.grade_frame(findings, regulations="sosfs-2015-8", book=book)
    assert caught.value.errors["message"].tolist() == [
        f"{only} is not a requirement of sosfs-2015-8"
    ]
    by_reg = pd.DataFrame(
        {"inspection": ["u"], "requirement": ["D1"], "status": ["met"], "regulation": ["hslf"]}
    )
    with pytest.raises(spur.InspectionError, match="unknown regulation 'hslf'"):
        spur.grade_frame(by_reg, regulations=BOTH, book=book)


def test_skip_leaves_out_bad_inspections_and_warns(book: spur.RuleBook) -> None:
    with pytest.warns(UserWarning, match="3 inspections left out: 3 bad finding rows"):
        got = spur.grade_frame(bad_frame(), regulations="sosfs-2015-8", book=book, errors="skip")
    assert got["inspection"].astype(str).unique().tolist() == ["u4"]
    good = bad_frame().iloc[[6]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        alone = spur.grade_frame(good, regulations="sosfs-2015-8", book=book)
    assert got["possible"].astype(str).tolist() == alone["possible"].astype(str).tolist()


def test_wrong_arguments_are_refused(book: spur.RuleBook) -> None:
    findings = bad_frame().iloc[[0]]
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        spur.grade_frame(findings, regulations="sosfs-2015-8", errors="ignore")
    with pytest.raises(ValueError, match="lacks the column status"):
        spur.grade_frame(findings.drop(columns="status"), regulations="sosfs-2015-8")
    with pytest.raises(spur.LookupError, match="unknown regulation 'sosfs'"):
        spur.grade_frame(findings, regulations="sosfs")
    with pytest.raises(ValueError, match="unknown default_status 'ok'"):
        spur.grade_frame(findings, regulations="sosfs-2015-8", default_status="ok")
    with pytest.raises(ValueError, match="threads must be a positive whole number"):
        spur.grade_frame(findings, regulations="sosfs-2015-8", threads=0)


def test_actions_frame_equals_each_evaluation(book: spur.RuleBook) -> None:
    findings = random_findings(book, BOTH, 40, seed=9)
    got = spur.actions_frame(findings, regulations=BOTH, default_status="met", book=book)
    inspections = spur.inspections_from_frame(findings, regulations=BOTH, default_status="met")
    columns = [
        "inspection",
        "category",
        "requirement",
        "area",
        "kind",
        "status",
        "implied",
        "regulations",
    ]
    want = pd.concat([book.evaluate(i).actions_frame()[columns] for i in inspections])
    order = ["inspection", "requirement"]
    got_rows = got[columns].astype(str).sort_values(order).reset_index(drop=True)
    want_rows = want.astype(str).sort_values(order).reset_index(drop=True)
    assert len(got_rows) > 100
    pd.testing.assert_frame_equal(got_rows, want_rows)


def test_threads_and_progress(book: spur.RuleBook, capsys: pytest.CaptureFixture[str]) -> None:
    findings = random_findings(book, BOTH, 300, seed=4)
    one = spur.grade_frame(findings, regulations=BOTH, book=book, threads=1)
    many = spur.grade_frame(findings, regulations=BOTH, book=book, threads=3, progress=True)
    pd.testing.assert_frame_equal(one, many)
    assert "grade_frame" in capsys.readouterr().err
    inspections = spur.inspections_from_frame(findings, regulations=BOTH, default_status="met")
    a = spur.evaluate_many(book, inspections, threads=1)
    b = spur.evaluate_many(book, inspections, threads=2, progress=True)
    pd.testing.assert_frame_equal(a, b)
    assert "evaluate_many" in capsys.readouterr().err


def test_grade_frame_on_a_dask_cluster(book: spur.RuleBook) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    findings = random_findings(book, BOTH, 400, seed=12)
    local = spur.grade_frame(findings, regulations=BOTH)
    # Partitions by inspection: every row of an inspection in the same partition.
    codes = pd.factorize(findings["inspection"])[0]
    findings = findings.set_index(pd.Index(codes, name="unit"))
    frame = dd.from_pandas(findings, npartitions=4, sort=True)
    meta = local.iloc[:0]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        graded = frame.map_partitions(
            spur.grade_frame, regulations=BOTH, threads=1, meta=meta
        ).compute()
    graded = graded.reset_index(drop=True)
    assert len(graded) == len(local)
    for column in local.columns:
        assert graded[column].astype(str).tolist() == local[column].astype(str).tolist(), column
    assert np.all(graded["possible"].astype(str).str.len() >= 1)

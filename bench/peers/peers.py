"""spur beside its peers, on the same seeded inspections, in one run.

    python bench/peers/peers.py [--inspections 100000] [--zen 2000] [--seed 7]

Grades the same random inspections (SOSFS 2015:8, default met, findings for 35 % of the
requirements, statuses met / partially met / not met / not applicable, implications through
the rule graph) with:

- spur.grade_frame        the long findings frame to a grades frame (columnar, C++)
- spur.evaluate_many      inspections already built, full explainable results (C++)
- book.evaluate           one Evaluation at a time from Python
- pandas                  a plain pandas script: pivot, implications column by column,
                          groupby counts, np.select over the scale
- zen-engine              GoRules ZEN (PyPI) with the scale as a JDM decision graph: an
                          expression node counts unmet statuses per kind, a first-hit
                          decision table grades; one evaluation per inspection and area

It checks that every implementation gives the same grade for every inspection and area,
then prints the time of each and its ratio to grade_frame. book.evaluate and zen-engine
grade the first --zen inspections only; their times are scaled to the whole set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

import spur

REGULATION = "sosfs-2015-8"
STATUSES = ["met", "partially_met", "not_met", "not_applicable"]
UNMET = np.array([False, True, True, False])  # by status code


def generate(book: spur.RuleBook, inspections: int, seed: int, share: float = 0.35) -> pd.DataFrame:
    """The long findings frame: a row per finding, statuses as a categorical."""
    rng = np.random.default_rng(seed)
    ids = [q.id for q in book.regulation(REGULATION).requirements]
    present = rng.random((inspections, len(ids))) < share
    unit, req = np.nonzero(present)
    status = rng.choice(4, size=len(unit), p=[0.8, 0.07, 0.08, 0.05])
    labels = np.array([f"enhet-{i:06d}" for i in range(inspections)], dtype=object)
    return pd.DataFrame(
        {
            "inspection": pd.Categorical.from_codes(unit, categories=labels),
            "requirement": pd.Categorical.from_codes(req, categories=ids),
            "status": pd.Categorical.from_codes(status, categories=STATUSES),
        }
    )


def effective_statuses(book: spur.RuleBook, findings: pd.DataFrame) -> pd.DataFrame:
    """Pivot to a wide frame of status codes (default met) and apply the implications in
    the order of the rule graph: no finding and a prerequisite not met make not met."""
    reg = book.regulation(REGULATION)
    ids = [q.id for q in reg.requirements]
    coded = findings.assign(code=findings["status"].cat.codes.astype("int16"))
    wide = coded.pivot(index="inspection", columns="requirement", values="code")
    wide = wide.reindex(columns=pd.CategoricalIndex(ids, categories=ids)).fillna(-1)
    codes = wide.to_numpy(dtype=np.int16)
    explicit = codes >= 0
    status = np.where(explicit, codes, 0)
    column = {id: k for k, id in enumerate(ids)}
    for id in book.evaluation_order(REGULATION):
        q = reg.find(id)
        if not q.prerequisites:
            continue
        k = column[id]
        unmet = (status[:, [column[p] for p in q.prerequisites]] == 2).any(axis=1)
        status[:, k] = np.where(unmet & ~explicit[:, k], 2, status[:, k])
    return pd.DataFrame(status, index=wide.index.astype(str), columns=ids)


def pandas_grades(book: spur.RuleBook, findings: pd.DataFrame) -> pd.DataFrame:
    """The plain pandas implementation: grades by inspection (rows) and area (columns)."""
    reg = book.regulation(REGULATION)
    status = effective_statuses(book, findings)
    unmet = pd.DataFrame(UNMET[status.to_numpy()], index=status.index, columns=status.columns)
    keys = pd.MultiIndex.from_tuples([(q.area, q.kind.name) for q in reg.requirements])
    counts = unmet.T.groupby(keys).sum().T
    out = {}
    for area in book.model.areas:

        def count(kind: str, area: str = area.id) -> Any:
            return counts[(area, kind)] if (area, kind) in counts else 0

        conditions = [count("provision") > 0]
        grades = ["D"]
        if area.scale == "four-step":
            conditions.append(count("advice") > 0)
            grades.append("C")
        conditions.append(count("indicator") > 1)  # policy.isolated_exceptions = 1
        grades.append("B")
        out[area.id] = np.select(conditions, grades, "A")
    return pd.DataFrame(out, index=status.index)


def zen_decision() -> Any:
    """The scale as a JDM decision graph."""
    import zen

    unmet = "len(filter({0}, # == 'not_met' or # == 'partially_met'))"
    graph = {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "request", "position": {"x": 0, "y": 0}},
            {
                "id": "counts",
                "type": "expressionNode",
                "name": "counts",
                "position": {"x": 200, "y": 0},
                "content": {
                    "expressions": [
                        {"id": "e0", "key": "scale", "value": "scale"},
                        {"id": "e1", "key": "p", "value": unmet.format("provision")},
                        {"id": "e2", "key": "a", "value": unmet.format("advice")},
                        {"id": "e3", "key": "i", "value": unmet.format("indicator")},
                    ]
                },
            },
            {
                "id": "scale",
                "type": "decisionTableNode",
                "name": "scale",
                "position": {"x": 400, "y": 0},
                "content": {
                    "hitPolicy": "first",
                    "inputs": [
                        {"id": "s", "name": "scale", "field": "scale"},
                        {"id": "p", "name": "provision unmet", "field": "p"},
                        {"id": "a", "name": "advice unmet", "field": "a"},
                        {"id": "i", "name": "indicator unmet", "field": "i"},
                    ],
                    "outputs": [{"id": "g", "name": "grade", "field": "grade"}],
                    "rules": [
                        {"_id": "r1", "s": "", "p": "> 0", "a": "", "i": "", "g": "'D'"},
                        {"_id": "r2", "s": "'four-step'", "p": "", "a": "> 0", "i": "", "g": "'C'"},
                        {"_id": "r3", "s": "", "p": "", "a": "", "i": "> 1", "g": "'B'"},
                        {"_id": "r4", "s": "", "p": "", "a": "", "i": "", "g": "'A'"},
                    ],
                },
            },
            {"id": "out", "type": "outputNode", "name": "response", "position": {"x": 600, "y": 0}},
        ],
        "edges": [
            {"id": "x1", "sourceId": "in", "targetId": "counts", "type": "edge"},
            {"id": "x2", "sourceId": "counts", "targetId": "scale", "type": "edge"},
            {"id": "x3", "sourceId": "scale", "targetId": "out", "type": "edge"},
        ],
    }
    return zen.ZenEngine().create_decision(json.dumps(graph))


def zen_grades(book: spur.RuleBook, findings: pd.DataFrame, inspections: int) -> pd.DataFrame:
    """Grades of the first `inspections` through zen-engine. The statuses it gets are those
    after implications (the JDM graph has no rule graph), read from the pandas step."""
    reg = book.regulation(REGULATION)
    first = findings[findings["inspection"].cat.codes < inspections]
    first = first.assign(inspection=first["inspection"].cat.remove_unused_categories())
    status = effective_statuses(book, first)
    column = {q.id: k for k, q in enumerate(reg.requirements)}
    names = np.array(STATUSES)[status.to_numpy()]
    decision = zen_decision()
    members = {
        a.id: {
            kind: [column[q.id] for q in reg.requirements if q.area == a.id and q.kind.name == kind]
            for kind in ("provision", "advice", "indicator")
        }
        for a in book.model.areas
    }
    scales = {a.id: a.scale for a in book.model.areas}
    out: dict[str, list[str]] = {a: [] for a in members}
    for row in names:
        for area, kinds in members.items():
            request = {"scale": scales[area]}
            request.update({kind: row[cols].tolist() for kind, cols in kinds.items()})
            out[area].append(decision.evaluate(request)["result"]["grade"])
    return pd.DataFrame(out, index=status.index)


def timed(what: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = what()
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument(
        "--zen", type=int, default=2_000, help="inspections for zen and book.evaluate"
    )
    parser.add_argument("--built", type=int, default=10_000, help="inspections for evaluate_many")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    book = spur.RuleBook.bundled()
    findings = generate(book, args.inspections, args.seed)
    n = args.inspections
    print(f"{n} inspections, {len(findings)} finding rows, {REGULATION}, default met")

    spur_frame, t_grade_frame = timed(
        lambda: spur.grade_frame(findings, regulations=REGULATION, book=book)
    )
    spur_wide = spur_frame.pivot(index="inspection", columns="area", values="grade").astype(str)
    spur_wide.columns = spur_wide.columns.astype(str)

    pandas_wide, t_pandas = timed(lambda: pandas_grades(book, findings))

    # Building Inspection objects from the frame is slow (see docs/python.md): the first
    # --built inspections only, times scaled.
    b = min(args.built, n)
    head = findings[findings["inspection"].cat.codes < b].astype(str)
    inspections, t_build = timed(
        lambda: spur.inspections_from_frame(head, regulations=REGULATION, default_status="met")
    )
    many, t_many = timed(lambda: spur.evaluate_many(book, inspections))
    many_wide = many.pivot(index="inspection", columns="area", values="grade").astype(str)
    many_wide.columns = many_wide.columns.astype(str)

    k = min(args.zen, b)
    singles, t_single = timed(lambda: [book.evaluate(i) for i in inspections[:k]])
    zen_wide, t_zen = timed(lambda: zen_grades(book, findings, k))

    # Every implementation gives every grade the same.
    labels = spur_wide.index.astype(str)
    areas = [a.id for a in book.model.areas]
    reference = spur_wide.loc[:, areas].to_numpy()
    checks = {
        "pandas": (pandas_wide.reindex(index=labels).loc[:, areas].to_numpy(), reference),
        "evaluate_many": (
            many_wide.reindex(index=labels[:b]).loc[:, areas].to_numpy(),
            reference[:b],
        ),
    }
    for name, (grades, want) in checks.items():
        if not (grades == want).all():
            print(f"{name} disagrees with grade_frame", file=sys.stderr)
            return 1
    single = np.array([[ev.grade(a) for a in areas] for ev in singles])
    zen = zen_wide.reindex(index=labels[:k]).loc[:, areas].to_numpy()
    if not (single == reference[:k]).all() or not (zen == reference[:k]).all():
        print("book.evaluate or zen-engine disagrees with grade_frame", file=sys.stderr)
        return 1
    print(
        f"all agree on {n * len(areas)} grades (evaluate_many on {b * len(areas)}, "
        f"book.evaluate and zen on {k * len(areas)})"
    )

    scale = n / k
    rows = [
        ("spur.grade_frame (long frame -> grades)", t_grade_frame),
        ("pandas (pivot, implications, groupby, np.select)", t_pandas),
        (f"spur.evaluate_many, inspections built (x{n / b:g} from {b})", t_many * n / b),
        (f"inspections_from_frame + evaluate_many (x{n / b:g})", (t_build + t_many) * n / b),
        (f"book.evaluate one by one (x{scale:g} from {k})", t_single * scale),
        (f"zen-engine JDM graph (x{scale:g} from {k})", t_zen * scale),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'seconds':>9}  {'x grade_frame':>13}")
    for name, t in rows:
        print(f"{name:{width}}  {t:9.3f}  {t / t_grade_frame:13.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

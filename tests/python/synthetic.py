"""Random but valid inspections for the Python tests and benchmarks."""

from __future__ import annotations

import random
from typing import Any

import pandas as pd

import spur

STATUSES = ["met", "partially_met", "not_met", "not_applicable", "not_assessed"]
WEIGHTS = [70, 6, 6, 4, 14]
REGULATION_SETS = [["sosfs-2015-8"], ["hslf-fs-2021-8"], ["sosfs-2015-8", "hslf-fs-2021-8"]]


def inspection_dict(book: spur.RuleBook, rng: random.Random, index: int) -> dict[str, Any]:
    """One inspection as a dict: random regulations, findings, notes and overrides."""
    regulations = rng.choice(REGULATION_SETS)
    ids = sorted({q.id for r in regulations for q in book.regulation(r).requirements})
    header: dict[str, Any] = {"id": f"unit-{index:05d}", "unit": f"Enhet {index}"}
    header["regulations"] = regulations
    if rng.random() < 0.7:
        header["default_status"] = rng.choice(["met", "not_assessed"])
    findings: dict[str, Any] = {}
    for id in rng.sample(ids, rng.randint(0, len(ids))):
        status = rng.choices(STATUSES, WEIGHTS)[0]
        roll = rng.random()
        if len(regulations) == 2 and roll < 0.05:
            other = rng.choices(STATUSES, WEIGHTS)[0]
            findings[id] = {"by_regulation": dict(zip(regulations, [status, other], strict=True))}
        elif roll < 0.15:
            findings[id] = {"status": status, "note": f"anteckning om {id}"}
        else:
            findings[id] = status
    out: dict[str, Any] = {"inspection": header, "findings": findings}
    if rng.random() < 0.05:
        area = rng.choice(book.model.areas)
        grades = [row.grade.name for row in book.model.scales[area.scale].rows]
        out["overrides"] = [{"area": area.id, "grade": rng.choice(grades), "reason": "granskarna"}]
    return out


def inspections(book: spur.RuleBook, count: int, seed: int = 1) -> list[spur.Inspection]:
    rng = random.Random(seed)
    return [spur.Inspection.from_dict(inspection_dict(book, rng, i)) for i in range(count)]


def findings_frames(
    book: spur.RuleBook, count: int, seed: int = 1
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A long findings frame and a metadata frame for `count` units (plain statuses)."""
    rng = random.Random(seed)
    ids = {r.id: [q.id for q in r.requirements] for r in book.regulations}
    rows, meta = [], []
    for i in range(count):
        key = f"unit-{i:05d}"
        regulations = rng.choice(REGULATION_SETS)
        meta.append({"inspection": key, "unit": f"Enhet {i}", "regulations": regulations})
        for id in ids[regulations[0]]:
            rows.append((key, id, rng.choices(STATUSES, WEIGHTS)[0]))
    findings = pd.DataFrame(rows, columns=["inspection", "requirement", "status"])
    return findings, pd.DataFrame(meta)

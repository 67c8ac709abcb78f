"""The example inspections that ship with spur, readable without the source tree.

Each is a published SPUR report written as an inspection file by hand::

    import spur
    spur.examples.names()                              # ['palliativ-sydostra-skane']
    path = spur.examples.path("palliativ-sydostra-skane")  # the YAML file inside the package
    ev = spur.RuleBook.bundled().evaluate(spur.examples.load("palliativ-sydostra-skane"))

The same files are in the source tree's ``examples/`` folder.
"""

from __future__ import annotations

from pathlib import Path

from spur.errors import LookupError
from spur.inspection import Inspection

__all__ = ["load", "names", "path"]

# Installed: the files sit beside this module (the wheel puts them there). Built in place
# (an editable install): they are in the source tree's examples/.
_FOLDERS = [Path(__file__).parent, Path(__file__).parents[3] / "examples"]


def _folder() -> Path:
    return next((f for f in _FOLDERS if any(f.glob("*.yaml"))), _FOLDERS[0])


def names() -> list[str]:
    """The names of the bundled examples, sorted (file names without ``.yaml``)."""
    return sorted(p.stem for p in _folder().glob("*.yaml"))


def path(name: str) -> Path:
    """The inspection file of the example called ``name`` (see :func:`names`).

    Raises :class:`spur.LookupError` naming the examples there are.
    """
    file = _folder() / f"{name}.yaml"
    if name not in names():
        known = ", ".join(names()) or "none (reinstall spur: pip install .)"
        raise LookupError(f"no example called {name!r}; the examples are: {known}", file=str(file))
    return file


def load(name: str) -> Inspection:
    """The example called ``name``, read as an :class:`spur.Inspection`."""
    return Inspection.load(path(name))

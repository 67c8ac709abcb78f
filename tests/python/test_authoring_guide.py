"""docs/authoring.md runs as written: every `$ spur ...` command of its console blocks exits
as the guide says and prints what the guide shows, and every file excerpt it quotes is in
that file.

Conventions of the guide:
- A console block holds `$ spur ...` lines, each followed by its output. A command ending in
  `# exits N` must exit with N, any other with 0.
- Output lines must appear in the real output (stdout or stderr) in order, each run of lines
  between two `...` lines contiguously; `...` stands for any number of lines.
- A yaml block whose first line is `# PATH` (a file of the source tree) quotes that file: its
  other lines must be in the file, by the same rule.

The commands run from the root of the source tree with the built `spur`: $SPUR_EXE, else
build/cli/spur.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "authoring.md"
ELLIPSIS = "..."
EXIT_COMMENT = re.compile(r"\s+#\s*exits\s+(\d+)\s*$")


@dataclass
class Block:
    language: str
    line: int  # 1-based line of the block's first content line in the guide
    lines: list[str] = field(default_factory=list)


@dataclass
class Command:
    text: str  # as written after `$ `, without the exit comment
    exit_code: int
    expected: list[str]
    line: int


def blocks(markdown: str) -> list[Block]:
    out: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.startswith("```"):
            if current is None:
                current = Block(line[3:].strip(), number + 1)
            else:
                out.append(current)
                current = None
        elif current is not None:
            current.lines.append(line.rstrip())
    assert current is None, (
        f"{GUIDE.name}: a code block opened at line {current.line - 1} never closes"
    )
    return out


def commands(markdown: str) -> list[Command]:
    out: list[Command] = []
    for block in blocks(markdown):
        if block.language != "console":
            continue
        for offset, line in enumerate(block.lines):
            if line.startswith("$ "):
                text = line[2:]
                exit_code = 0
                if match := EXIT_COMMENT.search(text):
                    exit_code = int(match.group(1))
                    text = text[: match.start()]
                out.append(Command(text.strip(), exit_code, [], block.line + offset))
            else:
                assert out and out[-1].line >= block.line, (
                    f"{GUIDE.name}:{block.line + offset}: output before any `$ ` command"
                )
                out[-1].expected.append(line)
    return out


def excerpts(markdown: str) -> list[tuple[Path, list[str], int]]:
    out = []
    for block in blocks(markdown):
        if block.language == "yaml" and block.lines and block.lines[0].startswith("# "):
            path = ROOT / block.lines[0][2:].strip()
            if path.is_file():
                out.append((path, block.lines[1:], block.line))
    return out


def runs(expected: list[str]) -> list[list[str]]:
    """The expected lines as runs that must each be contiguous, split at `...` lines."""
    out: list[list[str]] = [[]]
    for line in expected:
        if line.strip() == ELLIPSIS:
            out.append([])
        else:
            out[-1].append(line.rstrip())
    return [run for run in out if run]


def find_run(lines: list[str], run: list[str], start: int) -> int:
    """The index just after the first occurrence of `run` in `lines` at or after `start`, or -1."""
    for i in range(start, len(lines) - len(run) + 1):
        if lines[i : i + len(run)] == run:
            return i + len(run)
    return -1


def missing(expected: list[str], *streams: str) -> list[str] | None:
    """None when every run of `expected` is found in one of the streams, in order within
    each stream; else the first run that is not."""
    texts = [[line.rstrip() for line in s.splitlines()] for s in streams]
    positions = [0] * len(texts)
    for run in runs(expected):
        for k, lines in enumerate(texts):
            end = find_run(lines, run, positions[k])
            if end >= 0:
                positions[k] = end
                break
        else:
            return run
    return None


GUIDE_TEXT = GUIDE.read_text(encoding="utf-8") if GUIDE.is_file() else ""
COMMANDS = commands(GUIDE_TEXT)
EXCERPTS = excerpts(GUIDE_TEXT)


def spur_executable() -> Path | None:
    if exe := os.environ.get("SPUR_EXE"):
        return Path(exe)
    built = ROOT / "build" / "cli" / "spur"
    return built if built.is_file() else None


def test_the_guide_shows_the_whole_workflow() -> None:
    assert GUIDE.is_file(), "docs/authoring.md is missing"
    shown = [c.text for c in COMMANDS]
    for step in ("spur validate ", "spur test ", "spur diff ", "--coverage", "--replay "):
        assert any(step in c for c in shown), f"the guide runs no `{step.strip()}`"
    assert EXCERPTS, "the guide quotes none of the example's files"


def test_the_matcher() -> None:
    out = "a\nb\nc\nd\n"
    assert missing(["a", "b"], out) is None
    assert missing(["a", "...", "c", "d"], out) is None
    assert missing(["a", "c"], out) == ["a", "c"]  # not contiguous
    assert missing(["c", "...", "a"], out) == ["a"]  # out of order
    assert missing(["err", "...", "a"], out, "err\n") is None  # either stream


@pytest.mark.parametrize(
    "command", COMMANDS, ids=[f"line {c.line}: {c.text[:70]}" for c in COMMANDS]
)
def test_command_runs_as_written(command: Command) -> None:
    exe = spur_executable()
    if exe is None:
        pytest.skip("no spur program: build it (build/cli/spur) or set SPUR_EXE")
    assert exe.is_file(), f"SPUR_EXE={exe} is not a file"
    argv = shlex.split(command.text)
    assert argv[0] == "spur", f"{GUIDE.name}:{command.line}: only spur commands belong here"
    env = dict(os.environ, PATH=f"{exe.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run(
        [str(exe), *argv[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    where = f"{GUIDE.name}:{command.line}: $ {command.text}"
    shown = f"\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}"
    assert done.returncode == command.exit_code, (
        f"{where}\nexited {done.returncode}, the guide says {command.exit_code}{shown}"
    )
    run = missing(command.expected, done.stdout, done.stderr)
    assert run is None, (
        f"{where}\nthe guide shows lines the output lacks:\n" + "\n".join(run or []) + shown
    )


@pytest.mark.parametrize(
    ("path", "lines", "line"),
    EXCERPTS,
    ids=[f"line {line}: {path.relative_to(ROOT)}" for path, _, line in EXCERPTS],
)
def test_excerpt_is_in_its_file(path: Path, lines: list[str], line: int) -> None:
    run = missing(lines, path.read_text(encoding="utf-8"))
    assert run is None, (
        f"{GUIDE.name}:{line} quotes {path.relative_to(ROOT)}, which lacks:\n"
        + "\n".join(run or [])
    )

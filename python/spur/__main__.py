"""``python -m spur``: run the spur command (the ``spur`` script pip installs does the same).

The command is the compiled C++ program shipped inside the package (``spur/bin/spur``), so it
behaves exactly as the one built from source: the same options, output and exit codes, with the
bundled rules found inside the package (``spur/rules``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROGRAM = Path(__file__).parent / "bin" / "spur"


def main() -> None:
    """Replace this process by the spur command, with the same arguments."""
    if not os.access(PROGRAM, os.X_OK):
        sys.exit(f"spur: {PROGRAM}: the spur command is missing from the package; "
                 "reinstall spur (pip install .)")
    args = [str(PROGRAM), *sys.argv[1:]]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(PROGRAM, args)


if __name__ == "__main__":
    main()

"""The fault suite as a benchmark: runs tests/faults on the real stack and prints the issue's table.

    .venv/bin/python benchmarks/faults.py                 # the database away for 20 s, as in the issue
    .venv/bin/python benchmarks/faults.py --db-seconds 6  # as `make test` runs it

Each fault prints one row: tips posted (thank-you pages), stored, e-mails delivered, duplicates, worst wait.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-seconds", type=float, default=20.0, help="how long PostgreSQL stays stopped")
    args, pytest_args = parser.parse_known_args()  # the rest goes to pytest, e.g. -k database
    env = {**os.environ, "NAHBAR_FAULT_DB_SECONDS": str(args.db_seconds)}
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/faults", "-s", "-q", "-p", "no:cacheprovider",
                             *pytest_args], cwd=ROOT, env=env, capture_output=True, text=True)
    rows = [line.removeprefix("FAULT | ") for line in result.stdout.splitlines() if line.startswith("FAULT |")]
    print("fault | posted | stored | e-mailed | duplicates | worst wait | note")
    for row in rows:
        print(row)
    print(result.stdout.splitlines()[-1] if result.stdout else result.stderr[-2000:])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())

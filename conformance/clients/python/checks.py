"""Shared by the Python clients: every check runs the same statement through packwire
(DATABASE_URL) and on Postgres itself (ORACLE_URL) and compares what the driver returns.
A failure prints the client, the statement and both answers; the exit status is the verdict."""

import os
import sys
import traceback

CLIENT = os.path.basename(sys.argv[0])
FAILURES = []


def urls():
    return os.environ["DATABASE_URL"], os.environ["ORACLE_URL"]


def same(label, run):
    """`run(url)` returns a value; packwire's must equal Postgres'."""
    database_url, oracle_url = urls()
    try:
        got = run(database_url)
    except Exception:  # the driver's own error, printed whole
        FAILURES.append(f"{label}: packwire raised\n{traceback.format_exc()}")
        return
    want = run(oracle_url)
    if got != want:
        FAILURES.append(f"{label}:\n  packwire: {got!r}\n  postgres: {want!r}")
    else:
        print(f"ok {label}")


def finish():
    for failure in FAILURES:
        print(f"FAILED [{CLIENT}] {failure}", file=sys.stderr)
    sys.exit(1 if FAILURES else 0)

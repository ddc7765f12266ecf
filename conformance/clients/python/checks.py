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


def refused(label):
    """Checks the backend under test refuses (REFUSED_CHECKS: label prefixes, comma-separated)."""
    return any(label.startswith(p) for p in os.environ.get("REFUSED_CHECKS", "").split(",") if p)


def same(label, run):
    """`run(url)` returns a value; packwire's must equal Postgres' — or, for a check the backend
    refuses, packwire must raise SQLSTATE 0A000."""
    database_url, oracle_url = urls()
    try:
        got = run(database_url)
    except Exception as error:  # the driver's own error, printed whole
        if refused(label) and getattr(error, "sqlstate", None) == "0A000":
            print(f"ok {label} (refused: {error})")
            return
        FAILURES.append(f"{label}: packwire raised\n{traceback.format_exc()}")
        return
    if refused(label):
        FAILURES.append(f"{label}: packwire answered where 0A000 was expected")
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

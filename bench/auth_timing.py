# Authentication timing: a known user with a wrong password vs. users that do not exist, against
# a running `packwire serve` with SCRAM (issue 7: same answer, same timing). Uses psycopg (libpq):
#   echo pw | packwire user add analytics --users /tmp/users.toml --grant '*'
#   packwire serve --listen 127.0.0.1:16432 --auth scram-sha-256 --users /tmp/users.toml &
#   python3 bench/auth_timing.py 16432
# Prints the median, p10 and p90 of 400 attempts each, interleaved.
import sys, time, statistics, psycopg
port = int(sys.argv[1])
def attempt(user):
    t = time.perf_counter()
    try:
        psycopg.connect(host="127.0.0.1", port=port, user=user, password="wrong", dbname="tpch@1.0.0", sslmode="disable").close()
        raise SystemExit("connected?")
    except psycopg.OperationalError as e:
        assert "password authentication failed" in str(e), str(e)
    return time.perf_counter() - t
for _ in range(20): attempt("analytics"); attempt("ghost")
known, unknown = [], []
for i in range(400):
    known.append(attempt("analytics"))
    unknown.append(attempt(f"ghost{i%7}"))
for name, xs in (("known user, wrong password", known), ("unknown user", unknown)):
    xs = sorted(xs)
    print(f"{name:28} n={len(xs)} median={statistics.median(xs)*1e3:.3f} ms  p10={xs[len(xs)//10]*1e3:.3f}  p90={xs[9*len(xs)//10]*1e3:.3f}")

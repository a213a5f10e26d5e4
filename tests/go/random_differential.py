#!/usr/bin/env python3
"""Differential testing of the simulator against real Go on seeded random scenarios (issue #13).

Usage: random_differential.py --cli CTXSCOPE_CLI [--first SEED] [--count N] [--runs R] [--keep DIR]

Generates N scenarios (random_scenarios.generate, seeds FIRST .. FIRST+N-1; FIRST defaults to
the day number so that CI walks through new seeds every day, and is always printed), checks each
with `ctxscope-cli check`, exports each with `ctxscope-cli export-go` (its test compares every
fact, a raced one against the set of values the exploration found), and runs all the modules'
synctest tests in one `go test -count=R` (a Go workspace). A fact Go produces outside its set,
or a fact not listed that varies, fails the run with its seed: replay it with
  random_differential.py --cli ... --first SEED --count 1
or look at it with `python3 random_scenarios.py SEED > s.json; ctxscope-cli run s.json --races`.

Exit 0: Go agrees on every scenario; 1: a difference or an error; 77: no Go >= 1.25 (skipped),
unless CI=true, then 1.
"""
import argparse, datetime, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import random_scenarios  # noqa: E402


def go_version(go):
    try:
        out = subprocess.run([go, "version"], capture_output=True, text=True, timeout=60).stdout
    except OSError:
        return None
    m = re.search(r"go1\.(\d+)", out)
    return (1, int(m.group(1))) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--go", default=os.environ.get("CTXSCOPE_GO", "go"))
    ap.add_argument("--first", type=int, default=None)
    ap.add_argument("--count", type=int, default=int(os.environ.get("CTXSCOPE_RANDOM_COUNT", "200")))
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--keep", default=None)
    a = ap.parse_args()
    first = a.first
    if first is None:
        env = os.environ.get("CTXSCOPE_RANDOM_SEED")
        first = int(env) if env else datetime.date.today().toordinal() * 1000
    last = first + a.count - 1
    print("random scenarios: seeds %d..%d (replay one: --first SEED --count 1)" % (first, last), flush=True)

    v = go_version(a.go)
    if not v or v < (1, 25):
        if os.environ.get("CI") == "true":
            print("FAIL (CI=true): go >= 1.25 not found (%s)" % a.go)
            return 1
        print("not run: go >= 1.25 not found (%s)" % a.go)
        return 77

    root = a.keep or tempfile.mkdtemp(prefix="ctxscope-random-")
    os.makedirs(root, exist_ok=True)
    failures, modules, raced = [], {}, 0
    try:
        for seed in range(first, last + 1):
            scenario = random_scenarios.generate(seed)
            path = os.path.join(root, "s%d.json" % seed)
            with open(path, "w") as f:
                json.dump(scenario, f, indent=2)
            check = subprocess.run([a.cli, "check", path], capture_output=True, text=True, timeout=120)
            if check.returncode != 0:
                failures.append("seed %d: the generator made an invalid scenario: %s" % (seed, check.stderr.strip()))
                continue
            out = os.path.join(root, "m%d" % seed)
            exp = subprocess.run([a.cli, "export-go", path, "-o", out], capture_output=True, text=True, timeout=300)
            if exp.returncode != 0:
                failures.append("seed %d: export-go failed: %s" % (seed, exp.stderr.strip()))
                continue
            with open(os.path.join(out, "go.mod")) as f:
                module = re.search(r"^module (\S+)", f.read(), re.M).group(1)
            with open(os.path.join(out, "scenario_test.go")) as f:
                raced += f.read().count("races: map[string][]any{")
            modules[module] = seed
        if modules:
            env = dict(os.environ, GOTOOLCHAIN="local")
            env.pop("GOFLAGS", None)
            subprocess.run([a.go, "work", "init"] + ["./m%d" % s for s in modules.values()], cwd=root, env=env,
                           check=True, capture_output=True, timeout=300)
            test = subprocess.run([a.go, "test", "-count=%d" % a.runs] + list(modules), cwd=root, env=env,
                                  capture_output=True, text=True, timeout=1800)
            # A package's output comes whole, ending in "ok\tMODULE" or "FAIL\tMODULE": its
            # difference lines (one per run that saw it; kept once) precede that line.
            pending = []
            for line in test.stdout.splitlines():
                if line.startswith("ctxscope-diff: "):
                    if line not in pending:
                        pending.append(line)
                    continue
                m = re.match(r"^(ok|FAIL)\s+(\S+)", line)
                if m and m.group(2) in modules:
                    if m.group(1) == "FAIL":
                        seed = modules[m.group(2)]
                        failures.append("seed %d: go test failed%s" % (seed, ":" if pending else " (see its output)"))
                        failures.extend("  " + d[len("ctxscope-diff: "):] for d in pending)
                    pending = []
            if test.returncode != 0 and not failures:
                failures.append("go test failed:\n" + test.stdout[-4000:] + test.stderr[-4000:])
        print("%d scenarios through real Go (%d runs each), %d facts compared against race sets"
              % (len(modules), a.runs, raced))
        for f in failures:
            print(f)
        if failures:
            print("FAIL: seeds %d..%d; kept in %s" % (first, last, root))
            return 1
        print("ok")
        return 0
    finally:
        if not a.keep and not failures:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

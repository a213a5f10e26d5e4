#!/usr/bin/env python3
"""The exported Go test must still catch a wrong context name (issue #14).

Usage: wrong_name_test.py --cli CTXSCOPE_CLI --gen GEN_CHAIN_PY

Exports a chain of 600 contexts (names compared whole, then by part, then left out), checks
that go test passes, then changes one whole name and one part in scenario_test.go and checks
that go test fails with a ctxscope-diff line for each. Exit 77 (skipped) without Go >= 1.25,
unless CI=true.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--gen", required=True)
a = ap.parse_args()

go = os.environ.get("CTXSCOPE_GO") or shutil.which("go")
version = subprocess.run([go, "version"], capture_output=True, text=True) if go else None
m = re.search(r"go1\.(\d+)", version.stdout) if version else None
if not m or int(m.group(1)) < 25:
    if os.environ.get("CI") == "true":
        print("FAIL (CI=true): no go >= 1.25")
        sys.exit(1)
    print("not run: go >= 1.25 not found")
    sys.exit(77)

env = dict(os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local")
failures = []


def go_test(mod):
    return subprocess.run([go, "test", "-count=1", "./..."], cwd=mod, env=env, capture_output=True, text=True,
                          timeout=600)


with tempfile.TemporaryDirectory() as d:
    scenario, mod = os.path.join(d, "chain.json"), os.path.join(d, "mod")
    subprocess.run([sys.executable, a.gen, "600", "-o", scenario], check=True)
    p = subprocess.run([a.cli, "export-go", scenario, "-o", mod], capture_output=True, text=True)
    if p.returncode != 0:
        print("FAIL: export-go: " + p.stderr)
        sys.exit(1)
    test_path = os.path.join(mod, "scenario_test.go")
    text = open(test_path).read()
    whole = 'name: "context.Background.WithCancel.WithCancel.WithCancel"}'
    part = re.search(r'\{id: "c300", [^\n]*name: "\.WithCancel", part: true\}', text)
    if whole not in text or not part or "deep: true" not in text:
        print("FAIL: the export of a 600-chain has whole names, parts (c300) and names left out")
        sys.exit(1)
    p = go_test(mod)
    if p.returncode != 0:
        failures.append("go test of the untouched export fails:\n" + p.stdout[-3000:] + p.stderr[-3000:])
    text = text.replace(whole, whole.replace('WithCancel"}', 'WithValue"}'), 1)
    text = text.replace(part.group(0), part.group(0).replace('".WithCancel"', '".WithCancelCause"'), 1)
    open(test_path, "w").write(text)
    p = go_test(mod)
    out = p.stdout + p.stderr
    if p.returncode == 0:
        failures.append("go test passes with two wrong names")
    if 'ctxscope-diff: context c3: name: simulator "context.Background.WithCancel.WithCancel.WithValue", ' \
       'go "context.Background.WithCancel.WithCancel.WithCancel"' not in out:
        failures.append("no difference reported for the wrong whole name of c3:\n" + out[-3000:])
    if 'ctxscope-diff: context c300: name: simulator ".WithCancelCause", go ".WithCancel"' not in out:
        failures.append("no difference reported for the wrong part of c300:\n" + out[-3000:])

for f in failures:
    print("FAIL: " + f)
print("ok" if not failures else "%d check(s) failed" % len(failures))
sys.exit(1 if failures else 0)

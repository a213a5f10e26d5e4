#!/usr/bin/env python3
"""Runs ../shared/conformance/pending through the shared runner.

The pending folder holds cases for behaviour that open issues add (negative deadlines; the
"exercise" and "predict" blocks). All of that behaviour exists now, so the whole folder runs,
every case a failure (never a skip). Naming cases runs only those (for bisecting).

usage: conformance_pending.py RUNNER CLI [CASE.json...]
"""
import os, shutil, subprocess, sys, tempfile

def main():
    runner, cli, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    pending = os.path.join(os.path.dirname(runner), "pending")
    if not os.path.isdir(pending):
        print("no pending folder: %s" % pending, file=sys.stderr)
        return 1
    if not names:
        names = sorted(n for n in os.listdir(pending) if n.endswith(".json"))
        if not names:
            print("no cases in %s" % pending, file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            src = os.path.join(pending, n)
            if not os.path.isfile(src):
                print("no such pending case: %s" % src, file=sys.stderr)
                return 1
            shutil.copy(src, tmp)
        p = subprocess.run([sys.executable, runner, "--cli", cli, "--cases", tmp, "-v"],
                           capture_output=True, text=True, timeout=600)
        print(p.stdout)
        print(p.stderr, file=sys.stderr)
        # The runner's closing line must account for every case copied.
        want = "%d passed, 0 failed" % len(names)
        if p.returncode == 0 and want not in p.stdout:
            print("expected %r from the runner" % want, file=sys.stderr)
            return 1
        return p.returncode

if __name__ == "__main__":
    sys.exit(main())

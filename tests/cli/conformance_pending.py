#!/usr/bin/env python3
"""Runs the named cases of ../shared/conformance/pending through the shared runner.

The pending folder holds cases for behaviour that open issues add. The ones whose behaviour
exists are named in tests/cli/CMakeLists.txt, so each one is a failure (never a skip) from the
day it is listed; the rest join the list as their issue lands.

usage: conformance_pending.py RUNNER CLI CASE.json...
"""
import os, shutil, subprocess, sys, tempfile

def main():
    runner, cli, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    pending = os.path.join(os.path.dirname(runner), "pending")
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
        return p.returncode

if __name__ == "__main__":
    sys.exit(main())

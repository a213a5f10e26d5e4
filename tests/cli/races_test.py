#!/usr/bin/env python3
"""End-to-end checks of `ctxscope-cli run --races` and `--outcome K` (spec/cli.md, trace.md
"Races"), one CTest entry per case. Kept apart from cli_test.py (same helpers, imported).

Usage: races_test.py --cli PATH CASE
Cases: races-report, races-summary, outcome-files, outcome-out-of-range, races-usage,
       races-determinism, races-no-race
"""
import argparse, json, os, sys, tempfile

import cli_test
from cli_test import expect, no_crash, run, usage_error

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "..", "scenarios")
TIE = os.path.join(SCENARIOS, "race-deadline-vs-cancel-same-instant.json")
NO_RACE = os.path.join(SCENARIOS, "race-none-independent-ties.json")


def report(path, *extra):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        p = run("run", path, "--report", out, *extra)
        no_crash(p, "run --report " + " ".join(extra))
        expect(p.returncode == 0, "run %s %s: exit 0" % (os.path.basename(path), " ".join(extra)), p)
        with open(out) as f:
            return json.load(f), p


def case_races_report():
    r, _ = report(TIE, "--races")
    races = r.get("races")
    expect(isinstance(races, dict), "the report has a races section")
    if not isinstance(races, dict):
        return
    expect(set(races) == {"complete", "orders_explored", "outcomes", "facts"}, "races has the spec's keys: %s" % sorted(races))
    expect(races["complete"] is True, "complete")
    expect(races["outcomes"] == 2, "two outcomes")
    expect(races["orders_explored"] >= 2, "at least two orders explored")
    facts = {f["fact"]: f for f in races["facts"]}
    err = facts.get("contexts.budget.err")
    expect(err is not None, "contexts.budget.err is a raced fact: %s" % sorted(facts))
    if err:
        expect(err["values"] == ["context deadline exceeded", "context canceled"], "values, documented first: %s" % err["values"])
        expect(err["at_ns"] == 200000000, "at_ns is the instant of the race")
        expect(len(err["between"]) == 2 and "deadline of budget" in err["between"], "between names what raced: %s" % err["between"])
    expect("tasks.fetch.result" in facts, "the task's result is raced too")
    expect("contexts.budget.done_ns" not in facts, "done_ns is the same in both outcomes")
    # Everything else is the documented run's report.
    plain, _ = report(TIE)
    del r["races"]
    expect(r == plain, "the rest of the report is the plain run's")


def case_races_summary():
    p = run("run", TIE, "--races")
    expect(p.returncode == 0, "run --races: exit 0", p)
    expect("Races: 2 outcomes" in p.stdout and "(complete)" in p.stdout, "the summary has a Races block", p)
    expect("contexts.budget.err" in p.stdout, "the block lists the raced facts", p)
    q = run("run", TIE)
    expect("Races" not in q.stdout, "without --races there is no Races block", q)


def case_outcome_files():
    with tempfile.TemporaryDirectory() as d:
        files = {k: os.path.join(d, k) for k in ("t.jsonl", "r.json", "c.json")}
        p = run("run", TIE, "--outcome", "1", "--trace", files["t.jsonl"], "--report", files["r.json"],
                "--chrome", files["c.json"])
        expect(p.returncode == 0, "--outcome 1: exit 0", p)
        with open(files["r.json"]) as f:
            r = json.load(f)
        expect(r["contexts"]["budget"]["err"] == "context canceled", "outcome 1's report: the cancel won")
        expect(r["tasks"]["fetch"]["result"] == "context canceled", "outcome 1's report: fetch saw Canceled")
        expect(r["races"]["outcomes"] == 2, "its report has the races section too")
        with open(files["t.jsonl"]) as f:
            trace = [json.loads(line) for line in f if line.strip()]
        canceled = [e for e in trace if e.get("ev") == "context.canceled" and e.get("context") == "budget"]
        expect(len(canceled) == 1 and canceled[0].get("err") == "context canceled",
               "outcome 1's trace: budget canceled with Canceled: %s" % canceled)
        with open(files["c.json"]) as f:
            expect("traceEvents" in json.load(f), "outcome 1's Chrome trace")
        p0 = run("run", TIE, "--outcome", "0", "--report", files["r.json"])
        with open(files["r.json"]) as f:
            r0 = json.load(f)
        expect(p0.returncode == 0 and r0["contexts"]["budget"]["err"] == "context deadline exceeded",
               "--outcome 0 is the documented order", p0)


def case_outcome_out_of_range():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        with open(out, "w") as f:
            f.write("old")
        p = run("run", TIE, "--outcome", "2", "--report", out)
        no_crash(p, "--outcome 2")
        expect(p.returncode == 2, "--outcome beyond the outcomes: exit 2", p)
        expect("2 outcome(s)" in p.stderr, "says how many outcomes there are", p)
        with open(out) as f:
            expect(f.read() == "old", "nothing written")


def case_races_usage():
    usage_error(["run", TIE, "--outcome", "x"], "--outcome x")
    usage_error(["run", TIE, "--outcome", "-1"], "--outcome -1")
    usage_error(["run", TIE, "--outcome"], "--outcome without a value")
    usage_error(["run", TIE, "--races=yes"], "--races with a value")


def case_races_determinism():
    a, _ = report(TIE, "--races")
    b, _ = report(TIE, "--races")
    expect(a == b, "the same file gives the same races section")
    for k in ("0", "1"):
        x, _ = report(TIE, "--outcome", k)
        y, _ = report(TIE, "--outcome", k)
        expect(x == y, "--outcome %s is deterministic" % k)


def case_races_no_race():
    r, _ = report(NO_RACE, "--races")
    expect(r["races"] == {"complete": True, "orders_explored": 1, "outcomes": 1, "facts": []},
           "independent ties: one order, one outcome, no facts: %s" % r["races"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("case")
    a = ap.parse_args()
    cli_test.CLI = os.path.abspath(a.cli)
    fn = globals().get("case_" + a.case.replace("-", "_"))
    if fn is None:
        print("FAIL: unknown case %r" % a.case)
        return 1
    fn()
    if cli_test.FAILURES:
        print("%d check(s) failed" % len(cli_test.FAILURES))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""End-to-end checks of the built ctxscope-cli (spec/cli.md), one CTest entry per case.

Usage: cli_test.py --cli PATH CASE [ARG]
Cases: usage, help, invalid, missing-file, expect-fail, ok, check, stdout-report, stdout-trace,
       io-error, untouched-on-failure, big-summary, determinism, seed, until, chrome, render, export-go,
       verify-without-go, long-names, export-go-module, exercise-run, exercise-solution, exercise-check,
       scenario FILE, lesson FILE, conformance RUNNER
Exits 0 when the case holds; otherwise prints what went wrong and exits 1.
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
CLI = None
FAILURES = []


def data(name):
    return os.path.join(DATA, name)


def run(*args, timeout=120):
    p = subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=timeout)
    return p


def expect(cond, what, proc=None):
    if not cond:
        msg = "FAIL: " + what
        if proc is not None:
            msg += "\n  exit %d\n  stdout: %s\n  stderr: %s" % (proc.returncode, proc.stdout[:2000], proc.stderr[:2000])
        FAILURES.append(msg)
        print(msg)


def no_crash(proc, what):
    for marker in ("Traceback", "terminate called", "Segmentation", "Aborted", "AddressSanitizer", "runtime error"):
        expect(marker not in proc.stderr, "%s: no crash (%r on stderr)" % (what, marker), proc)


def usage_error(args, what):
    p = run(*args)
    expect(p.returncode == 2, "%s: exit 2" % what, p)
    lines = p.stderr.strip().splitlines()
    expect(len(lines) == 2 and lines[1] == "see ctxscope-cli --help",
           "%s: a one-line reason, then 'see ctxscope-cli --help'" % what, p)
    expect(p.stdout == "", "%s: nothing on stdout" % what, p)
    no_crash(p, what)


def case_usage():
    usage_error([], "no arguments")
    usage_error(["frobnicate"], "unknown command")
    usage_error(["run", data("ok.json"), "--frobnicate"], "unknown flag")
    usage_error(["run"], "run without a file")
    usage_error(["run", data("ok.json"), data("ok.json")], "run with two files")
    usage_error(["run", data("ok.json"), "--until"], "--until without a value")
    usage_error(["run", data("ok.json"), "--until", "soon"], "--until not a duration")
    usage_error(["run", data("ok.json"), "--until", "-1s"], "--until negative")
    usage_error(["run", data("ok.json"), "--seed", "x1"], "--seed not an integer")
    usage_error(["run", data("ok.json"), "--trace", "-", "--report", "-"], "trace and report both on stdout")
    usage_error(["check"], "check without files")
    usage_error(["export-go", data("ok.json")], "export-go without -o")
    usage_error(["render", data("ok.json")], "render without -o")
    usage_error(["render", data("ok.json"), "-o", "x.svg", "--at", "soon"], "render --at not a duration")
    usage_error(["verify"], "verify without a file")
    usage_error(["run", data("ok.json"), "--chrome", "-", "--trace", "-"], "chrome and trace both on stdout")


def case_help():
    p = run("--help")
    expect(p.returncode == 0 and "usage:" in p.stdout and "ctxscope-cli run SCENARIO" in p.stdout, "--help", p)
    p = run("run", "--help")
    expect(p.returncode == 0 and "usage:" in p.stdout, "run --help", p)
    p = run("--version")
    expect(p.returncode == 0 and p.stdout == "ctxscope-cli 0.1.0\n", "--version", p)


def case_invalid():
    path = data("invalid.json")
    for args in (["run", path], ["check", path], ["check", data("ok.json"), path]):
        p = run(*args)
        expect(p.returncode == 3, "%s: exit 3" % " ".join(args[:1]), p)
        no_crash(p, "invalid")
        lines = [l for l in p.stderr.splitlines() if l.startswith(path + ": ")]
        expect(len(lines) >= 2, "every problem on stderr as FILE: PATH: message (want 2+ lines)", p)
        expect(any("contexts[1]" in l and "nil parent" in l for l in lines), "the nil parent is reported with its path", p)
        expect(any("contexts[2]" in l and "timeuot" in l for l in lines), "the unknown key is reported with its path", p)
        expect(any("line " in l and "column " in l for l in lines), "problems give line and column", p)
        expect(p.stdout.find("Scenario:") < 0, "no summary for an invalid scenario", p)


def case_missing_file():
    with tempfile.TemporaryDirectory() as d:
        missing = os.path.join(d, "nope.json")
        for args in (["run", missing], ["check", missing]):
            p = run(*args)
            expect(p.returncode == 1, "%s of a missing file: exit 1" % args[0], p)
            expect(missing in p.stderr, "the missing file is named on stderr", p)
            no_crash(p, "missing file")
        p = run("run", d)
        expect(p.returncode == 1, "run of a directory: exit 1", p)


def case_expect_fail():
    path = data("failing-expect.json")
    p = run("run", path)
    expect(p.returncode == 4, "failing expectation: exit 4", p)
    expect(path + ': expect[0]: context req: err: want "context canceled", got "context deadline exceeded"' in p.stderr,
           "the failure is printed on stderr with what was wanted and what happened", p)
    expect("expect[1]" not in p.stderr, "the passing expectation is not reported as failed", p)
    expect("FAIL  expect[0]" in p.stdout and "ok    expect[1]" in p.stdout, "the summary lists both outcomes", p)
    p = run("run", path, "--report", "-")
    expect(p.returncode == 4, "failing expectation with --report -: exit 4", p)
    report = json.loads(p.stdout)
    expect(report["expect"]["passed"] == 1 and len(report["expect"]["failed"]) == 1, "report counts the failure", p)


def case_ok():
    path = data("ok.json")
    p = run("run", path)
    expect(p.returncode == 0, "ok: exit 0", p)
    expect(p.stderr == "", "ok: nothing on stderr", p)
    out = p.stdout
    expect("A request whose budget runs out" in out, "summary names the scenario", p)
    expect("idle at 200ms" in out, "summary gives stop reason and end time", p)
    for word in ("Contexts (2)", "Tasks (1)", "req", "WithTimeout", "context deadline exceeded", "handler",
                 "Expectations: 4 passed, 0 failed"):
        expect(word in out, "summary contains %r" % word, p)


def case_check():
    p = run("check", data("ok.json"), data("failing-expect.json"))
    expect(p.returncode == 0, "check of valid files: exit 0 (expectations are not checked)", p)
    expect(p.stdout.splitlines() == [data("ok.json") + ": ok", data("failing-expect.json") + ": ok"],
           "check prints FILE: ok per file", p)
    with tempfile.TemporaryDirectory() as d:
        lint = os.path.join(d, "lint.json")
        with open(lint, "w") as f:
            json.dump({"ctxscope": 1, "name": "lint", "contexts": [{"id": "root", "kind": "Background"}],
                       "tasks": [{"id": "h", "context": "root", "steps": [
                           {"derive": {"id": "db", "kind": "WithCancel"}, "defer_cancel": False}]}]}, f)
        before = os.listdir(d)
        p = run("check", lint)
        expect(p.returncode == 0 and "lostcancel db" in p.stdout and p.stdout.endswith(lint + ": ok\n"),
               "check lists lints, then FILE: ok", p)
        expect(os.listdir(d) == before, "check writes nothing", p)


def case_big_summary():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "big.json")
        contexts = [{"id": "root", "kind": "Background"}] + \
                   [{"id": "c%d" % i, "kind": "WithCancel", "parent": "root"} for i in range(100)]
        tasks = [{"id": "t%d" % i, "context": "c%d" % i, "steps": [{"await": "done"}]} for i in range(45)]
        with open(path, "w") as f:
            json.dump({"ctxscope": 1, "name": "big", "contexts": contexts, "tasks": tasks,
                       "actions": [{"at": "1ms", "cancel": "c%d" % i} for i in range(100)]}, f)
        p = run("run", path)
        expect(p.returncode == 0, "big scenario: exit 0", p)
        out = p.stdout.splitlines()
        ctx_rows = [l for l in out if l.startswith("  c") and "WithCancel" in l]
        expect(len(ctx_rows) == 39, "contexts table capped at 40 rows (root + 39), got %d" % len(ctx_rows), p)
        expect("  ... and 61 more contexts (--report FILE lists them all)" in out, "says how many contexts are left out", p)
        expect("  ... and 5 more tasks (--report FILE lists them all)" in out, "says how many tasks are left out", p)
        expect("Contexts (101)" in out and "Tasks (45)" in out, "headings give the full counts", p)
    case_long_names()  # its own CTest entry once tests/cli/CMakeLists.txt lists "long-names"


def case_stdout_report():
    p = run("run", data("ok.json"), "--report", "-")
    expect(p.returncode == 0, "--report -: exit 0", p)
    try:
        report = json.loads(p.stdout)
    except ValueError as e:
        expect(False, "--report - prints only JSON (%s)" % e, p)
        return
    expect(report.get("ctxscope_report") == 1 and report["contexts"]["req"]["done_ns"] == 200000000,
           "--report - gives the report", p)


def case_stdout_trace():
    p = run("run", data("ok.json"), "--trace", "-")
    expect(p.returncode == 0, "--trace -: exit 0", p)
    lines = p.stdout.splitlines()
    try:
        objs = [json.loads(l) for l in lines]
    except ValueError as e:
        expect(False, "--trace - prints only JSON lines (%s)" % e, p)
        return
    expect(objs[0] == {"ctxscope_trace": 1, "scenario": "A request whose budget runs out", "seed": 1}, "trace header", p)
    expect([o["seq"] for o in objs[1:]] == list(range(len(objs) - 1)), "seq counts from 0", p)
    expect(objs[-1]["ev"] == "end" and objs[-1]["stopped"] == "idle", "trace ends with end", p)
    times = [o["t_ns"] for o in objs[1:]]
    expect(times == sorted(times), "events in time order", p)


def case_io_error():
    with tempfile.TemporaryDirectory() as d:
        bad = os.path.join(d, "no-such-dir", "trace.jsonl")
        p = run("run", data("ok.json"), "--trace", bad)
        expect(p.returncode == 1, "unwritable --trace: exit 1", p)
        expect(bad in p.stderr, "the output path is named on stderr", p)
        no_crash(p, "io error")
        # An existing directory where the file should go: the write fails and the directory stays.
        target = os.path.join(d, "report.json")
        os.mkdir(target)
        with open(os.path.join(target, "keep"), "w") as f:
            f.write("keep")
        p = run("run", data("ok.json"), "--report", target)
        expect(p.returncode == 1, "report onto a directory: exit 1", p)
        expect(os.path.isdir(target) and open(os.path.join(target, "keep")).read() == "keep",
               "the existing directory is untouched", p)
        expect(sorted(os.listdir(d)) == ["report.json"], "no temporary file is left behind", p)


def case_untouched_on_failure():
    with tempfile.TemporaryDirectory() as d:
        trace = os.path.join(d, "trace.jsonl")
        report = os.path.join(d, "report.json")
        for path in (trace, report):
            with open(path, "w") as f:
                f.write("previous contents\n")
        p = run("run", data("invalid.json"), "--trace", trace, "--report", report)
        expect(p.returncode == 3, "invalid scenario: exit 3", p)
        for path in (trace, report):
            expect(open(path).read() == "previous contents\n", "%s untouched by a failed run" % os.path.basename(path), p)
        # A good run replaces them completely.
        p = run("run", data("ok.json"), "--trace", trace, "--report", report)
        expect(p.returncode == 0, "good run: exit 0", p)
        expect(json.load(open(report))["ctxscope_report"] == 1, "report replaced", p)
        expect(open(trace).readline().startswith('{"ctxscope_trace":1'), "trace replaced", p)
        expect(sorted(os.listdir(d)) == ["report.json", "trace.jsonl"], "no temporary file is left behind", p)


def trace_of(path, *extra):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t.jsonl")
        p = run("run", path, "--trace", out, *extra)
        expect(p.returncode == 0, "run %s %s: exit 0" % (os.path.basename(path), " ".join(extra)), p)
        with open(out, "rb") as f:
            return f.read()


def case_determinism():
    for name in ("ok.json", "random-order.json"):
        a = trace_of(data(name))
        b = trace_of(data(name))
        expect(a == b and len(a) > 0, "%s: --trace byte-identical across two runs" % name)


def canceled_order(trace):
    return [json.loads(l)["context"] for l in trace.decode().splitlines()[1:]
            if json.loads(l)["ev"] == "context.canceled"]


def case_seed():
    path = data("random-order.json")
    base = trace_of(path)
    expect(trace_of(path, "--seed", "1") == base, "--seed 1 equals the file's seed 1")
    orders = {tuple(canceled_order(trace_of(path, "--seed", str(s)))) for s in range(1, 6)}
    expect(len(orders) > 1, "--seed changes the order of a random cancel_order cascade: %r" % orders)
    for order in orders:
        expect(order[0] == "p" and sorted(order[1:]) == ["c%d" % i for i in range(8)],
               "parent first, then every child once: %r" % (order,))
    header = json.loads(trace_of(path, "--seed", "42").decode().splitlines()[0])
    expect(header["seed"] == 42, "the header gives the seed used")


def case_until():
    p = run("run", data("ok.json"), "--until", "50ms", "--report", "-")
    expect(p.returncode == 4, "--until 50ms: the idle/200ms expectations fail (exit 4)", p)
    report = json.loads(p.stdout)
    expect(report["stopped"] == "horizon" and report["end_ns"] == 50000000, "--until stops at the horizon", p)
    expect(report["tasks"]["handler"]["result"] == "running", "a task cut off is running", p)


def case_chrome():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t.json")
        p = run("run", data("ok.json"), "--chrome", out)
        expect(p.returncode == 0, "--chrome: exit 0", p)
        doc = json.load(open(out))
        events = doc.get("traceEvents", [])
        expect(len(events) > 0, "--chrome writes traceEvents", p)
        names = [e for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"]
        expect(len(names) > 0, "lanes are named with thread_name metadata", p)
        again = os.path.join(d, "t2.json")
        run("run", data("ok.json"), "--chrome", again)
        expect(open(out, "rb").read() == open(again, "rb").read(), "the Chrome trace is deterministic")


def case_render():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "tree.svg")
        p = run("render", data("ok.json"), "--at", "120ms", "-o", out)
        expect(p.returncode == 0, "render: exit 0", p)
        svg = open(out).read()
        expect(svg.startswith("<?xml") and "<svg" in svg and svg.rstrip().endswith("</svg>"), "render writes an SVG", p)
        expect("at 120ms of virtual time" in svg, "the picture says which time it shows", p)
        with open(out, "w") as f:
            f.write("previous")
        p = run("render", data("invalid.json"), "-o", out)
        expect(p.returncode == 3 and open(out).read() == "previous", "a failed render leaves the file untouched", p)


def case_export_go():
    with tempfile.TemporaryDirectory() as d:
        p = run("export-go", data("ok.json"), "-o", os.path.join(d, "mod"))
        expect(p.returncode == 0, "export-go: exit 0", p)
        files = sorted(os.listdir(os.path.join(d, "mod")))
        expect(files == ["go.mod", "main.go", "scenario_test.go"], "export-go writes go.mod, main.go, scenario_test.go: %r" % files, p)
        main = open(os.path.join(d, "mod", "main.go")).read()
        expect("context.WithTimeout(" in main and "defer cancel" in main, "main.go reads as Go a programmer writes", p)
    case_export_go_module()  # its own CTest entry once tests/cli/CMakeLists.txt lists "export-go-module"


def case_long_names():
    """Issue #14: the summary shortens long names and ids with a middle ellipsis."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "long.json")
        name = "Scenario-head " + "x" * (4 << 20) + " the-tail"        # 4 MB
        long_ctx = "ctx-" + "c" * 56 + "-end"      # 64 characters, the longest id a file may use
        cause = "because " + "b" * 5000 + " done"
        failure = "gave up " + "f" * 5000 + " finally"
        with open(path, "w") as f:
            json.dump({"ctxscope": 1, "name": name,
                       "contexts": [{"id": "root", "kind": "Background"},
                                    {"id": long_ctx, "kind": "WithCancelCause", "parent": "root"},
                                    {"id": "short", "kind": "WithCancel", "parent": long_ctx}],
                       "tasks": [{"id": "waiter", "context": "short", "steps": [{"await": "done"}]},
                                 {"id": "failer", "context": "root", "steps": [{"fail": failure}]}],
                       "actions": [{"at": "1ms", "cancel": long_ctx, "cause": cause}]}, f)
        p = run("run", path)
        expect(p.returncode == 0, "long names: exit 0", p)
        expect(len(p.stdout) < 4000, "long names: the summary stays small (%d bytes)" % len(p.stdout), p)
        lines = p.stdout.splitlines()
        # The widest row: six cells of at most 64 characters, a cause "(from ID)", a deadline "(ID)".
        expect(all(len(l) <= 400 for l in lines),
               "long names: no summary line is longer than 400 characters (longest %d)"
               % max([len(l) for l in lines] + [0]), p)
        title = lines[0] if lines else ""
        expect(title.startswith("Scenario: Scenario-head xxx") and title.endswith("xxx the-tail") and "\u2026" in title
               and len(title) <= 120,
               "long names: the scenario's name keeps its head and tail around an ellipsis: %r" % title[:200], p)
        expect(any(l.startswith("  " + long_ctx + " ") for l in lines),
               "long names: an id of 64 characters (the most a file allows) is printed whole", p)
        expect(any("because bbb" in l and "\u2026" in l and "b done" in l for l in lines),
               "long names: a long cause is shortened in the middle", p)
        expect(any(l.startswith("  failer ") and "error: gave up fff" in l and "\u2026" in l and "f finally" in l
                   for l in lines), "long names: a long task result is shortened in the middle", p)
        expect(any(l.startswith("  short ") for l in lines), "long names: a short id is printed as it is", p)
        expect(sum("\u2026" in l for l in lines) == 4, "long names: the title and the long cells are shortened "
               "(the cause in the contexts table twice: the context and its child)", p)


def case_export_go_module():
    """Issue #14: export-go replaces the module as a whole and keeps the user's files."""
    with tempfile.TemporaryDirectory() as d:
        mod = os.path.join(d, "mod")
        os.makedirs(mod)
        with open(os.path.join(mod, "main.go"), "w") as f:
            f.write("package main // old\n")
        with open(os.path.join(mod, "NOTES.md"), "w") as f:
            f.write("mine\n")
        p = run("export-go", data("ok.json"), "-o", mod)
        expect(p.returncode == 0, "export-go over an old module: exit 0", p)
        expect(sorted(os.listdir(mod)) == ["NOTES.md", "go.mod", "main.go", "scenario_test.go"],
               "export-go keeps the user's file beside the new module: %r" % sorted(os.listdir(mod)), p)
        expect(open(os.path.join(mod, "NOTES.md")).read() == "mine\n", "the user's file is unchanged", p)
        expect("// old" not in open(os.path.join(mod, "main.go")).read(), "main.go is the new one", p)
        expect(os.listdir(d) == ["mod"], "no temporary directory left beside the module: %r" % os.listdir(d), p)
        target = os.path.join(d, "a-file")
        with open(target, "w") as f:
            f.write("not a directory\n")
        p = run("export-go", data("ok.json"), "-o", target)
        expect(p.returncode == 1, "export-go onto a file: exit 1 (I/O)", p)
        expect("not a directory" in p.stderr, "export-go onto a file says why", p)
        expect(open(target).read() == "not a directory\n", "export-go leaves the file alone", p)
        expect(sorted(os.listdir(d)) == ["a-file", "mod"], "no temporary directory left after the error", p)
        no_crash(p, "export-go onto a file")


def case_verify_without_go():
    with tempfile.TemporaryDirectory() as d:
        p = run("verify", data("ok.json"), "--go", os.path.join(d, "no-go-here"))
        expect(p.returncode == 5, "verify with no Go toolchain: exit 5", p)
        expect("1.25" in p.stderr, "verify says which Go version it needs", p)
        no_crash(p, "verify without go")


def case_exercise_run():
    path = data("exercise.json")
    p = run("run", path)
    expect(p.returncode == 0, "exercise as shipped: exit 0 (its expect holds; done_when not holding is the point)", p)
    expect("Expectations: 1 passed, 0 failed" in p.stdout, "the shipped expectations are checked", p)
    expect("Exercise: not solved (done_when: 1 of 3 hold)" in p.stdout, "the summary says done_when does not hold", p)
    expect("  ok    done_when[0] task handler" in p.stdout and "  FAIL  done_when[1] task fetch" in p.stdout,
           "the summary lists every done_when entry", p)
    expect('exercise.done_when[1]: task fetch: result: want "context deadline exceeded", got "ok"' in p.stdout,
           "a failing done_when entry says what was wanted and what happened", p)
    expect(p.stderr == "", "an unsolved exercise is not an error: nothing on stderr", p)
    p = run("run", path, "--report", "-")
    r = json.loads(p.stdout)
    ex = r.get("exercise", {})
    expect(ex.get("solved") is False and ex.get("solution_applied") is False and ex.get("passed") == 1,
           "the report's exercise object: not solved, 1 passed", p)
    expect(len(ex.get("failed", [])) == 3, "the report lists each failure of done_when", p)
    expect([d["passed"] for d in ex.get("done_when", [])] == [True, False, False], "done_when entry by entry", p)
    seqs = [d["seq"] for d in ex.get("done_when", [])]
    expect(all(isinstance(q, int) for q in seqs), "each entry names the event (seq) that decided it", p)
    # The task fetch's entry is decided by its end at 350ms.
    expect(ex["done_when"][1]["decided_ns"] == 350000000, "fetch is decided when it ends", p)
    expect(r["expect"]["passed"] == 1, "the report's expect still describes the shipped version", p)
    p = run("run", data("ok.json"), "--report", "-")
    expect("exercise" not in json.loads(p.stdout), "a scenario without an exercise has no exercise object", p)
    # Shipped already solved: an error of the file, located, exit 3, nothing written.
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        p = run("run", data("exercise-solved.json"), "--report", out)
        expect(p.returncode == 3, "an exercise solved as shipped: exit 3", p)
        expect(data("exercise-solved.json") + ": exercise.done_when: the exercise is already solved as shipped" in p.stderr
               and "(line " in p.stderr, "the message names the file, the path and the line", p)
        expect(not os.path.exists(out), "nothing is written for an invalid exercise", p)
        no_crash(p, "already solved")


def case_exercise_solution():
    p = run("run", data("exercise.json"), "--solution")
    expect(p.returncode == 0, "run --solution of a sound exercise: exit 0", p)
    expect("Exercise, solution applied: solved (done_when: 3 of 3 hold)" in p.stdout, "the summary says solved", p)
    expect("Expectations:" not in p.stdout, "expect (the shipped version) is not checked with the solution", p)
    expect("fetch" in p.stdout and "200ms" in p.stdout, "the summary is of the solved run", p)
    p = run("run", data("exercise.json"), "--solution", "--report", "-")
    r = json.loads(p.stdout)
    expect(r["tasks"]["fetch"]["result"] == "context deadline exceeded", "the report is of the solved run", p)
    expect(r["exercise"]["solved"] is True and r["exercise"]["solution_applied"] is True, "report: solved", p)
    p = run("run", data("exercise-bad-solution.json"), "--solution")
    expect(p.returncode == 4, "run --solution whose done_when fails: exit 4", p)
    expect(data("exercise-bad-solution.json") + ": exercise.done_when[1]: task fetch: ended_at: want 200ms, got 300ms"
           in p.stderr, "the failure is printed on stderr", p)
    p = run("run", data("ok.json"), "--solution")
    expect(p.returncode == 2 and "not an exercise" in p.stderr, "--solution on a scenario without exercise: exit 2", p)
    usage_error(["run", data("exercise.json"), "--solution=yes"], "--solution takes no value")
    p = run("--help")
    expect("--solution" in p.stdout, "--help lists --solution", p)


def case_exercise_check():
    p = run("check", data("exercise.json"))
    expect(p.returncode == 0, "check of a sound exercise: exit 0", p)
    expect(data("exercise.json") + ": exercise: not solved as shipped (done_when: 1 of 3 hold), solved by its solution"
           in p.stdout and p.stdout.endswith(data("exercise.json") + ": ok\n"), "check says why the exercise is sound", p)
    p = run("check", data("exercise-solved.json"))
    expect(p.returncode == 3, "check of an exercise solved as shipped: exit 3", p)
    expect("exercise.done_when: the exercise is already solved as shipped" in p.stderr, "check says it is solved", p)
    expect(": ok" not in p.stdout, "no ok for it", p)
    p = run("check", data("exercise-bad-solution.json"))
    expect(p.returncode == 3, "check of an exercise whose solution does not solve it: exit 3", p)
    expect("exercise.solution: the solution does not solve the exercise" in p.stderr, "check says the solution fails", p)
    expect("ended_at: want 200ms, got 300ms" in p.stderr, "and how it fails", p)
    p = run("check", data("exercise.json"), data("exercise-solved.json"), data("ok.json"))
    expect(p.returncode == 3 and p.stdout.count(": ok\n") == 2, "check goes on after a bad exercise", p)


def case_scenario(path):
    p = run("run", path)
    expect(p.returncode == 0, "%s: every expectation holds (exit 0)" % os.path.basename(path), p)
    no_crash(p, path)


def case_lesson(path):
    """A lesson runs with its expectations holding; an exercise lesson is also unsolved as shipped
    (run would exit 3 otherwise), solved by run --solution, and passes check."""
    name = os.path.basename(path)
    p = run("run", path)
    expect(p.returncode == 0, "%s: run: every expectation holds (exit 0)" % name, p)
    no_crash(p, path)
    with open(path, encoding="utf-8") as f:
        is_exercise = "exercise" in json.load(f)
    if is_exercise:
        expect("Exercise: not solved" in p.stdout, "%s: run says the exercise is not solved as shipped" % name, p)
        p = run("run", path, "--solution")
        expect(p.returncode == 0 and "Exercise, solution applied: solved" in p.stdout,
               "%s: run --solution: done_when holds" % name, p)
        p = run("check", path)
        expect(p.returncode == 0 and "solved by its solution" in p.stdout, "%s: check accepts the exercise" % name, p)


def case_conformance(runner):
    if not os.path.isfile(runner):
        expect(False, "the conformance runner %s does not exist: the shared/ directory must sit beside the "
                      "project (../shared/conformance/run)" % runner)
        return
    p = subprocess.run([sys.executable, runner, "--cli", CLI, "-v"], capture_output=True, text=True, timeout=600)
    print(p.stdout)
    print(p.stderr, file=sys.stderr)
    expect(p.returncode == 0, "conformance cases all pass", p)


def main():
    global CLI
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("case")
    ap.add_argument("arg", nargs="?")
    a = ap.parse_args()
    CLI = os.path.abspath(a.cli)
    if not os.access(CLI, os.X_OK):
        print("FAIL: %s is not an executable" % CLI)
        return 1
    fn = globals().get("case_" + a.case.replace("-", "_"))
    if fn is None:
        print("FAIL: unknown case %r" % a.case)
        return 1
    if a.arg is not None:
        fn(a.arg)
    else:
        fn()
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

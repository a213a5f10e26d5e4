#!/usr/bin/env python3
"""Write a large, valid ctxscope scenario (spec/scenario.md) for the end-to-end benchmark.

Usage: gen_scenario.py [-n CONTEXTS] [--tasks T] [--seed S] -o FILE

The file holds exactly CONTEXTS contexts in all (those in "contexts" plus those that tasks
derive), of every kind: Background/TODO roots, cancel, cause, timeout and deadline kinds (some
deadlines already past at creation), values of every JSON scalar type (a few with a built-in
key type, which draws lint SA1029), WithoutCancel islands. Then T top-level tasks whose steps
use every operation (work with each watch mode, await, derive, cancel, spawn, value, after_func,
stop_after_func, fail, log), some top-level after-funcs and timed actions. It is deterministic
for a given seed and always ends by itself (every task's work is finite; no "until").
"""
import argparse, json, random

KINDS = [  # (kind, weight)
    ("WithCancel", 28), ("WithCancelCause", 8), ("WithTimeout", 14), ("WithTimeoutCause", 4),
    ("WithDeadline", 8), ("WithDeadlineCause", 4), ("WithValue", 30), ("WithoutCancel", 4),
]
CANCELLABLE = {"WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause",
               "WithDeadline", "WithDeadlineCause"}
KEYS = ["userID", "traceID", "requestID", "tenant", "locale", "authToken", "span", "region"]


def ms(x):
    return "%dms" % x


class Gen:
    def __init__(self, n, tasks, seed):
        self.r = random.Random(seed)
        self.n = n
        self.ntasks = tasks
        self.contexts = []    # specs in file order
        self.at = {}          # id -> creation time (ms)
        self.kind = {}        # id -> kind
        self.derived = 0

    def pick_kind(self):
        return self.r.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]

    def value(self):
        t = self.r.randrange(5)
        if t == 0:
            return "v%d" % self.r.randrange(10**6)
        if t == 1:
            return self.r.randrange(-1000, 10**6)
        if t == 2:
            return round(self.r.uniform(0, 100), 2)
        if t == 3:
            return self.r.random() < 0.5
        return None

    def fill_kind(self, spec, kind, at):
        """Adds the keys that belong to kind (and only those)."""
        if kind in ("WithTimeout", "WithTimeoutCause"):
            spec["timeout"] = ms(self.r.choice([self.r.randrange(1, 2000), self.r.randrange(-5, 1)]
                                               if self.r.random() < 0.03 else [self.r.randrange(1, 2000)]))
        if kind in ("WithDeadline", "WithDeadlineCause"):
            spec["deadline"] = ms(max(0, at + self.r.randrange(-10, 3000)))
        if kind in ("WithTimeoutCause", "WithDeadlineCause"):
            spec["cause"] = self.r.choice(["budget exhausted", "upstream too slow", "SLA missed"])
        if kind == "WithValue":
            spec["key"] = self.r.choice(KEYS)
            spec["value"] = self.value()
            if self.r.random() < 0.01:
                spec["key_type"] = "string"

    def make_contexts(self, count):
        roots = 0
        for i in range(count):
            cid = "c%d" % i
            if i == 0 or (i < 50 and self.r.random() < 0.1) or self.r.random() < 0.0005:
                kind = "TODO" if roots % 5 == 4 else "Background"
                roots += 1
                at = 0 if i == 0 else self.r.randrange(0, 100)
                spec = {"id": cid, "kind": kind}
                if at:
                    spec["at"] = ms(at)
            else:
                # Mostly recent parents (deep, bushy trees), sometimes any earlier context.
                if self.r.random() < 0.8:
                    p = self.contexts[max(0, i - 1 - int(self.r.expovariate(1 / 20)))]["id"]
                else:
                    p = self.contexts[self.r.randrange(i)]["id"]
                kind = self.pick_kind()
                at = self.at[p] + (self.r.randrange(0, 5) if self.r.random() < 0.3 else 0)
                spec = {"id": cid, "kind": kind, "parent": p}
                if at:
                    spec["at"] = ms(at)
                self.fill_kind(spec, kind, at)
            if self.r.random() < 0.02:
                spec["label"] = "context %d" % i
            self.contexts.append(spec)
            self.at[cid] = at
            self.kind[cid] = kind

    def derive_spec(self, tid, k):
        kind = self.r.choice(["WithCancel", "WithTimeout", "WithCancelCause", "WithValue", "WithDeadline"])
        spec = {"id": "d.%s.%d" % (tid, k), "kind": kind}
        self.fill_kind(spec, kind, 0 if kind != "WithDeadline" else 200)
        self.derived += 1
        return spec, kind

    def work(self):
        step = {"work": ms(self.r.randrange(1, 400))}
        w = self.r.random()
        if w < 0.1:
            step["watch"] = "none"
        elif w < 0.3:
            step["watch"] = ms(self.r.randrange(5, 50))
        return step

    def steps(self, tid, depth, budget):
        """A step list for task tid; budget[0] counts contexts still allowed to be derived."""
        out = []
        current_cancellable = []   # derived contexts with a cancel function, for cancel steps
        spawned = 0
        for k in range(self.r.randrange(2, 7)):
            op = self.r.random()
            if op < 0.35:
                out.append(self.work())
            elif op < 0.5:
                step = {"value": self.r.choice(KEYS)}
                if self.r.random() < 0.05:
                    step["key_type"] = "string"
                out.append(step)
            elif op < 0.62 and budget[0] > 0:
                spec, kind = self.derive_spec(tid, k)
                budget[0] -= 1
                step = {"derive": spec}
                if self.r.random() < 0.05:
                    step["defer_cancel"] = False   # lostcancel, unless cancelled below
                out.append(step)
                if kind in CANCELLABLE:
                    current_cancellable.append((spec["id"], kind))
            elif op < 0.7 and current_cancellable:
                cid, kind = current_cancellable.pop()
                step = {"cancel": cid}
                if kind == "WithCancelCause":
                    step["cause"] = "done early"
                out.append(step)
            elif op < 0.82 and depth < 3:
                sid = "%s.s%d" % (tid, spawned)
                spawned += 1
                out.append({"spawn": {"id": sid, "steps": self.steps(sid, depth + 1, budget)}})
            elif op < 0.87:
                aid = "%s.af%d" % (tid, k)
                out.append({"after_func": {"id": aid, "steps": [{"log": "cleanup"}, self.work()]}})
                if self.r.random() < 0.5:
                    out.append(self.work())
                    out.append({"stop_after_func": aid})
            elif op < 0.9:
                out.append({"log": "checkpoint %d" % k})
            else:
                out.append({"await": "done"} if self.r.random() < 0.3 else self.work())
        if spawned and self.r.random() < 0.8:
            out.append({"await": "children"})
        if self.r.random() < 0.02:
            out.append({"fail": "boom"})
        return out

    def build(self):
        # Decide the split: contexts derived by tasks are counted in n as well.
        derive_budget = [min(self.ntasks * 2, self.n // 10)]
        reserve = derive_budget[0]
        self.make_contexts(self.n - reserve)
        tasks, afs, actions = [], [], []
        ids = [c["id"] for c in self.contexts]
        for t in range(self.ntasks):
            tid = "task%d" % t
            ctx = self.r.choice(ids)
            spec = {"id": tid, "context": ctx}
            at = self.at[ctx] + self.r.randrange(0, 300)
            if at:
                spec["at"] = ms(at)
            spec["steps"] = self.steps(tid, 0, derive_budget)
            tasks.append(spec)
        # Derives not used up by the tasks become plain contexts, so the total is exactly n.
        leftover = derive_budget[0]
        if leftover:
            start = len(self.contexts)
            for i in range(leftover):
                cid = "x%d" % i
                p = self.contexts[self.r.randrange(start)]["id"]
                self.contexts.append({"id": cid, "kind": "WithCancel", "parent": p,
                                      **({"at": ms(self.at[p])} if self.at[p] else {})})
                self.at[cid] = self.at[p]
                self.kind[cid] = "WithCancel"
        for a in range(self.ntasks // 6):
            ctx = self.r.choice(ids)
            afs.append({"id": "af%d" % a, "context": ctx, "at": ms(self.at[ctx] + self.r.randrange(0, 100)),
                        "steps": [{"log": "after-func ran"}, self.work()]})
        cancellable = [c for c in ids if self.kind[c] in CANCELLABLE]
        for a in range(self.ntasks // 3):
            target = self.r.choice(cancellable)
            act = {"at": ms(self.at[target] + self.r.randrange(0, 1500)), "cancel": target}
            if self.kind[target] == "WithCancelCause" and self.r.random() < 0.7:
                act["cause"] = "user pressed stop"
            actions.append(act)
        for af in afs[: len(afs) // 4]:
            actions.append({"at": ms(int(af["at"][:-2]) + self.r.randrange(0, 50)), "stop_after_func": af["id"]})
        actions.sort(key=lambda x: int(x["at"][:-2]))
        return {
            "ctxscope": 1,
            "name": "bench: %d contexts, %d tasks" % (self.n, self.ntasks),
            "description": "Generated by tests/bench/gen_scenario.py for the end-to-end benchmark.",
            "seed": 1,
            "contexts": self.contexts,
            "tasks": tasks,
            "after_funcs": afs,
            "actions": actions,
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--contexts", type=int, default=200000)
    ap.add_argument("--tasks", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    g = Gen(a.contexts, a.tasks, a.seed)
    doc = g.build()
    with open(a.output, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    total = len(doc["contexts"]) + g.derived
    print("%s: %d contexts (%d in the file, %d derived by tasks), %d tasks, %d after-funcs, %d actions"
          % (a.output, total, len(doc["contexts"]), g.derived, len(doc["tasks"]), len(doc["after_funcs"]),
             len(doc["actions"])))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Seeded random scenarios for differential testing against real Go (issue #13).

generate(seed) returns one scenario (a dict in the scenario format) drawn from random.Random(seed):
trees of every kind, times on a coarse 10ms grid so that deadlines, work timers, creations and
cancels often fall on the same instant (races), actions on done and not-yet-created contexts,
tasks with nested spawns and derives, after-funcs with stop. The same seed always gives the
same scenario, so a failure is replayed with its seed alone.
"""
import random

GRID = 10  # ms: everything happens on multiples of it, so ties are common

CANCELLABLE = ("WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline",
               "WithDeadlineCause")
KINDS = CANCELLABLE + ("WithValue", "WithoutCancel")


def ms(n):
    return "%dms" % n


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.contexts = []      # (id, kind, at) of top-level contexts
        self.cancellable = []   # ids with a cancel function (top-level and derived)
        self.cause_kind = set() # ids of WithCancelCause contexts
        self.after_ids = []
        self.task_no = 0
        self.ctx_no = 0
        self.af_no = 0

    def t(self, lo=0, hi=6):
        return self.r.randint(lo, hi) * GRID

    def context_spec(self, cid, kind, at):
        c = {"id": cid, "kind": kind}
        if kind in ("WithTimeout", "WithTimeoutCause"):
            c["timeout"] = ms(self.r.choice([-GRID, 0, GRID, 2 * GRID, 3 * GRID, 5 * GRID, 10 * GRID]))
        if kind in ("WithDeadline", "WithDeadlineCause"):
            c["deadline"] = ms(self.r.choice([-GRID, 0, at, at + GRID, 3 * GRID, 5 * GRID, 10 * GRID]))
        if kind in ("WithTimeoutCause", "WithDeadlineCause"):
            c["cause"] = "budget of " + cid
        if kind == "WithValue":
            c["key"] = self.r.choice(["user", "trace"])
            c["value"] = self.r.choice(["u%d" % self.r.randint(1, 3), self.r.randint(1, 9), None, True])
        if kind in CANCELLABLE:
            self.cancellable.append(cid)
        if kind == "WithCancelCause":
            self.cause_kind.add(cid)
        return c

    def new_ctx_id(self):
        self.ctx_no += 1
        return "c%d" % self.ctx_no

    def new_task_id(self):
        self.task_no += 1
        return "t%d" % self.task_no

    def cancel_step(self):
        target = self.r.choice(self.cancellable)
        s = {"cancel": target}
        if target in self.cause_kind and self.r.random() < 0.7:
            s["cause"] = "cause %d" % self.r.randint(1, 3)
        return s

    def steps(self, depth):
        out = []
        for _ in range(self.r.randint(1, 4)):
            k = self.r.random()
            if k < 0.30:
                w = {"work": ms(self.t(0, 5))}
                x = self.r.random()
                if x < 0.2:
                    w["watch"] = "none"
                elif x < 0.35:
                    w["watch"] = ms(GRID)
                out.append(w)
            elif k < 0.45 and self.cancellable:
                out.append(self.cancel_step())
            elif k < 0.55:
                cid = self.new_ctx_id()
                kind = self.r.choice(("WithCancel", "WithCancelCause", "WithTimeout", "WithValue"))
                spec = self.context_spec(cid, kind, 0)
                if kind == "WithTimeout":  # derived at an unknown time: keep it relative
                    spec["timeout"] = ms(self.t(0, 5))
                d = {"derive": spec}
                if kind in CANCELLABLE and self.r.random() < 0.2:
                    d["defer_cancel"] = False
                out.append(d)
            elif k < 0.63 and depth < 2:
                out.append({"spawn": {"id": self.new_task_id(), "steps": self.steps(depth + 1)}})
            elif k < 0.70:
                out.append({"value": self.r.choice(["user", "trace"])})
            elif k < 0.77 and depth < 2:
                self.af_no += 1
                aid = "f%d" % self.af_no
                self.after_ids.append(aid)
                sub = [self.cancel_step()] if self.cancellable and self.r.random() < 0.5 else [{"log": "cleanup"}]
                out.append({"after_func": {"id": aid, "steps": sub}})
            elif k < 0.82 and self.after_ids:
                out.append({"stop_after_func": self.r.choice(self.after_ids)})
            elif k < 0.90:
                out.append({"await": "done"})
            elif k < 0.95 and depth > 0:
                out.append({"fail": "boom"})
            else:
                out.append({"log": "step"})
        return out

    def scenario(self):
        r = self.r
        contexts = [{"id": "root", "kind": "Background"}]
        ids = [("root", 0)]
        for _ in range(r.randint(1, 5)):
            parent, pat = r.choice(ids)
            cid = self.new_ctx_id()
            at = max(pat, self.t(0, 3))
            kind = r.choice(KINDS)
            c = self.context_spec(cid, kind, at)
            c["parent"] = parent
            if at:
                c["at"] = ms(at)
            contexts.append(c)
            ids.append((cid, at))
        after_funcs = []
        for _ in range(r.randint(0, 2)):
            self.af_no += 1
            aid = "f%d" % self.af_no
            self.after_ids.append(aid)
            ctx, at = r.choice(ids)
            sub = [self.cancel_step()] if self.cancellable and r.random() < 0.6 else [{"work": ms(self.t(0, 2))}]
            a = {"id": aid, "context": ctx, "steps": sub}
            if at:
                a["at"] = ms(at)
            after_funcs.append(a)
        tasks = []
        for _ in range(r.randint(1, 4)):
            ctx, at = r.choice(ids)
            t = {"id": self.new_task_id(), "context": ctx, "steps": self.steps(0)}
            start = max(at, self.t(0, 3))
            if start:
                t["at"] = ms(start)
            tasks.append(t)
        actions = []
        for _ in range(r.randint(0, 2)):
            if self.cancellable and (not self.after_ids or r.random() < 0.75):
                target = r.choice([c["id"] for c in contexts if c["id"] in self.cancellable] or self.cancellable[:1])
                a = {"at": ms(self.t(0, 8)), "cancel": target}
                if target in self.cause_kind and r.random() < 0.5:
                    a["cause"] = "user"
                actions.append(a)
            elif self.after_ids:
                actions.append({"at": ms(self.t(0, 8)), "stop_after_func": r.choice(self.after_ids)})
        s = {"ctxscope": 1, "name": "random %d" % self.seed, "contexts": contexts, "tasks": tasks}
        if after_funcs:
            s["after_funcs"] = after_funcs
        if actions:
            s["actions"] = actions
        return s


def generate(seed):
    return Gen(seed).scenario()


if __name__ == "__main__":
    import json, sys
    print(json.dumps(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1), indent=2))

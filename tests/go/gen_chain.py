#!/usr/bin/env python3
"""Write a deep chain scenario for the Go export's size and time checks (issue #14).

Usage: gen_chain.py N [--mixed] -o FILE

N contexts: a Background root, then each context the child of the one before. Plain: every
link a WithCancel, a task on the deepest context that waits for Done, canceled at the root at
1s. --mixed cycles WithCancel, WithValue, WithTimeout (each deadline earlier than its
parent's, so every name holds a deadline) and WithoutCancel every 1000th link.
"""
import argparse, json

ap = argparse.ArgumentParser()
ap.add_argument("n", type=int)
ap.add_argument("--mixed", action="store_true")
ap.add_argument("-o", required=True)
a = ap.parse_args()

contexts = [{"id": "c0", "kind": "Background"}]
for i in range(1, a.n):
    c = {"id": "c%d" % i, "kind": "WithCancel", "parent": "c%d" % (i - 1)}
    if a.mixed:
        k = i % 3
        if i % 1000 == 0:
            c["kind"] = "WithoutCancel"
        elif k == 1:
            c.update(kind="WithValue", key="k%d" % i, value="v%d" % i)
        elif k == 2:
            c.update(kind="WithTimeout", timeout="%dms" % (10 ** 7 - i))
    contexts.append(c)
last = contexts[-1]["id"]
scenario = {"ctxscope": 1, "name": "chain of %d" % a.n, "contexts": contexts,
            "tasks": [{"id": "leaf", "context": last, "steps": [{"await": "done"}]}],
            "actions": [{"at": "1s", "cancel": "c1"}] if a.n > 1 and not a.mixed else []}
with open(a.o, "w") as f:
    json.dump(scenario, f)

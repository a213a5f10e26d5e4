// Part of every exported Go module: the comparison code of scenario_test.go.
// The package clause above the marker is here so that gofmt and editors read a Go file; the
// export copies exactly what follows the marker line (core/CMakeLists.txt embeds it at build time).
package main

// ctxscope:embed
// TestScenario runs the program inside a testing/synctest bubble, whose fake clock follows the
// scenario's virtual time exactly, and compares what Go did with what ctxscope's simulator
// computed (the want tables below). Each difference is also printed as one line starting with
// "ctxscope-diff: ", for ctxscope-cli verify.
func TestScenario(t *testing.T) {
	var tr *tracer
	func() {
		defer func() {
			// A goroutine the scenario leaves blocked (or still working at its horizon) stays
			// so: synctest reports that as a deadlock when the bubble's main goroutine returns.
			// That is expected; whether each goroutine should have ended is compared below.
			if r := recover(); r != nil && !strings.Contains(fmt.Sprint(r), "blocked goroutines remain") {
				panic(r)
			}
		}()
		synctest.Test(t, func(*testing.T) {
			trace = newTracer(nil, synctest.Wait)
			trace.naming = nameContext
			run()
			tr = trace
		})
	}()
	if tr == nil {
		fmt.Println("ctxscope-diff: the program did not reach the end of the scenario")
		t.Fatal("the program did not reach the end of the scenario")
	}
	c := &comparison{t: t}
	for _, w := range wantContexts {
		c.context(tr, w)
	}
	for _, w := range wantTasks {
		c.task(tr, w)
	}
	for _, w := range wantAfterFuncs {
		c.afterFunc(tr, w)
	}
	c.lookups(tr)
	fmt.Printf("ctxscope-compared: %d facts, %d left to Go's scheduler, %d checked against their race sets", c.compared, c.skipped, c.raced)
	if c.deep > 0 {
		fmt.Printf(", %d deep context names not compared", c.deep)
	}
	fmt.Println()
}

// wantContext.name is fmt.Sprint(ctx) when it was made, whole; with part, only what the
// context adds to its parent's name (fmt.Sprint prints the parent first, so a whole name grows
// with depth); with deep, nothing: printing it would cost Go O(depth) once too many names were
// checked (see nameContext).
type wantContext struct {
	id         string
	name       string // "": never made
	part, deep bool   // see above
	created    int64  // nanoseconds; -1: never
	deadline   any    // nil: Deadline() reports none; else int64 nanoseconds (may be negative)
	done       int64
	err, cause any // nil or the error's text
	reason     string
	skip       string           // facts that depend on a same-instant race in Go: not compared
	races      map[string][]any // per fact, the other values Go may produce (its order is open)
}

type wantTask struct {
	id      string
	started int64
	ended   int64
	result  string // "ok", an Err() text, "error: ...", "not ended" or "not started"
	skip    string
	races   map[string][]any
}

type wantAfterFunc struct {
	id      string
	started int64 // when f started; -1: never
	stopped any   // what the last stop() returned; nil: never called
	skip    string
	races   map[string][]any
}

type wantLookup struct {
	task, key string
	value     any // nil: not found
	skip      string
	races     map[string][]any
}

type comparison struct {
	t                 *testing.T
	compared, skipped int
	raced             int // compared against a set of values (Go's order is open), not one
	deep              int // names not compared: see wantContext
}

// wantByID finds a context's entry for nameContext.
var wantByID = func() map[string]*wantContext {
	m := make(map[string]*wantContext, len(wantContexts))
	for i := range wantContexts {
		m[wantContexts[i].id] = &wantContexts[i]
	}
	return m
}()

// nameContext is the tracer's naming hook: it records fmt.Sprint(ctx) as far as the test
// compares it. For a part it prints the parent as well, at the same instant (the bubble's
// clock stands still while goroutines run), and keeps only what follows the parent's name.
func nameContext(r, parent *ctxRecord) {
	w := wantByID[r.id]
	switch {
	case w == nil || w.deep:
	case !w.part:
		r.name = fmt.Sprint(r.ctx)
	default:
		s, p := fmt.Sprint(r.ctx), ""
		if parent != nil {
			p = fmt.Sprint(parent.ctx)
		}
		if strings.HasPrefix(s, p) {
			r.name = strings.Clone(s[len(p):])
		} else {
			r.name = "a name that does not start with its parent's"
		}
	}
}

// check compares one fact. alts are the other values the simulator found Go may produce for it
// (a race, see the report's "races"): any of them passes, anything else fails.
func (c *comparison) check(subject, field, skip string, alts []any, sim, got any) {
	if strings.Contains(" "+skip+" ", " "+field+" ") {
		c.skipped++
		return
	}
	c.compared++
	if len(alts) > 0 {
		c.raced++
	}
	for _, a := range alts {
		if a == got {
			return
		}
	}
	if sim != got {
		if len(alts) > 0 {
			msg := fmt.Sprintf("%s: %s: simulator %s or one of %d other outcomes, go %s", subject, field, show(sim), len(alts), show(got))
			fmt.Println("ctxscope-diff: " + msg)
			c.t.Error(msg)
			return
		}
		msg := fmt.Sprintf("%s: %s: simulator %s, go %s", subject, field, show(sim), show(got))
		fmt.Println("ctxscope-diff: " + msg)
		c.t.Error(msg)
	}
}

func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case string:
		return strconv.Quote(v)
	case int64:
		if v < 0 {
			return "never"
		}
		return time.Duration(v).String()
	}
	return fmt.Sprintf("%#v", v)
}

func errValue(err error) any {
	if err == nil {
		return nil
	}
	return err.Error()
}

func (c *comparison) context(tr *tracer, w wantContext) {
	subject := "context " + w.id
	r := tr.contexts[w.id]
	if r == nil {
		r = &ctxRecord{id: w.id, created: -1, done: -1}
	}
	c.check(subject, "created", w.skip, w.races["created"], w.created, int64(r.created))
	if w.deep {
		c.deep++
	} else {
		c.check(subject, "name", w.skip, w.races["name"], w.name, r.name)
	}
	var deadline any
	if r.hasDeadline {
		deadline = int64(r.deadline)
	}
	c.check(subject, "deadline", w.skip, w.races["deadline"], w.deadline, deadline)
	c.check(subject, "err", w.skip, w.races["err"], w.err, errValue(r.err))
	c.check(subject, "cause", w.skip, w.races["cause"], w.cause, errValue(r.cause))
	c.check(subject, "done", w.skip, w.races["done"], w.done, int64(r.done))
	fits := w.reason == "" || r.done < 0 || reasonFits(tr, r, w.reason)
	for _, alt := range w.races["reason"] {
		if s, _ := alt.(string); s == "" || r.done < 0 || reasonFits(tr, r, s) {
			fits = true
		}
	}
	if !fits {
		c.check(subject, "reason", w.skip, nil, w.reason, r.reason)
	} else {
		c.check(subject, "reason", w.skip, nil, "", "")
	}
}

// reasonFits tells whether what Go shows of r agrees with the simulator's reason: the parent
// is done with the same err and cause, or its own deadline passed, or it was canceled while its
// parent was not done yet.
func reasonFits(tr *tracer, r *ctxRecord, reason string) bool {
	switch reason {
	case "parent":
		p := tr.contexts[r.parent]
		return p != nil && p.done >= 0 && p.done <= r.done && p.err == r.err && errText(p.cause) == errText(r.cause)
	case "deadline":
		due := r.deadline
		if r.created > due {
			due = r.created
		}
		return r.err == context.DeadlineExceeded && r.hasDeadline && r.done == due
	case "cancel":
		// A cancel function of r (deferred ones are not traced) ran before any parent was done.
		p := tr.contexts[r.parent]
		return r.err == context.Canceled && (p == nil || p.done < 0 || p.done >= r.done)
	}
	return false
}

func (c *comparison) task(tr *tracer, w wantTask) {
	subject := "task " + w.id
	r := tr.tasks[w.id]
	started, ended, result := int64(-1), int64(-1), "not started"
	if r != nil {
		started, ended, result = int64(r.started), int64(r.ended), "not ended"
		if r.ended >= 0 {
			result = r.result
		}
	}
	c.check(subject, "started", w.skip, w.races["started"], w.started, started)
	c.check(subject, "result", w.skip, w.races["result"], w.result, result)
	c.check(subject, "ended", w.skip, w.races["ended"], w.ended, ended)
}

func (c *comparison) afterFunc(tr *tracer, w wantAfterFunc) {
	subject := "after_func " + w.id
	started, stopped := int64(-1), any(nil)
	if r := tr.after[w.id]; r != nil {
		started = int64(r.started)
		if r.stopped != nil {
			stopped = *r.stopped
		}
	}
	c.check(subject, "started", w.skip, w.races["started"], w.started, started)
	c.check(subject, "stopped", w.skip, w.races["stopped"], w.stopped, stopped)
}

// lookups pairs the simulator's lookups with Go's, task by task, in the order each task made them.
func (c *comparison) lookups(tr *tracer) {
	byTask := map[string][]lookupRecord{}
	for _, l := range tr.lookups {
		byTask[l.task] = append(byTask[l.task], l)
	}
	seen := map[string]int{}
	for _, w := range wantLookups {
		n := seen[w.task]
		seen[w.task]++
		subject := fmt.Sprintf("lookup %s by %s #%d", w.key, w.task, n+1)
		got := byTask[w.task]
		if n >= len(got) {
			c.check(subject, "value", w.skip, nil, w.value, "no lookup")
			continue
		}
		c.check(subject, "key", w.skip, nil, w.key, got[n].key)
		c.check(subject, "value", w.skip, w.races["value"], w.value, got[n].value)
	}
}

// The fixed parts of the exported Go module: the tracer at the end of main.go and the
// comparison code of scenario_test.go. Written as Go, checked with gofmt and go vet by the
// tests/go suite, and kept here verbatim.
#include "go_export_internal.h"

namespace ctxscope::gox {

namespace {

const char* const kTracer = R"GO(// The rest of this file is instrumentation, not part of the scenario: it prints the trace in
// ctxscope's JSON Lines format and keeps the outcome for scenario_test.go.

// trace records what the program does.
var trace *tracer

type tracer struct {
	start  time.Time     // the scenario's time 0
	out    io.Writer     // where the trace goes; nil: record only
	settle func()        // the test: synctest.Wait; main: nothing
	grace  time.Duration // main: how long end waits for the last instant's goroutines
	quit   chan struct{} // closed at the end: the watchers return

	// naming, set by the test, records r.name; main leaves it nil: the trace has no names.
	naming func(r, parent *ctxRecord)

	mu       sync.Mutex
	seq      int
	ended    bool
	contexts map[string]*ctxRecord
	tasks    map[string]*taskRecord
	after    map[string]*afterRecord
	lookups  []lookupRecord
	cancels  map[string]func(error)
	stops    map[string]func() bool
	dones    map[string]chan struct{}
}

type ctxRecord struct {
	id, parent  string
	ctx         context.Context
	name        string // fmt.Sprint(ctx) when it was made, as far as naming records it
	created     time.Duration
	deadline    time.Duration // what Deadline() reports, if hasDeadline (any value, -1ns included)
	hasDeadline bool
	done        time.Duration // -1: not done
	err, cause  error
	reason      string          // as Go shows it (see tracer.reason)
	source      string          // where the cancellation began; "": not worked out yet
	calls       []time.Duration // when one of its cancel functions was called
}

type taskRecord struct {
	started, ended time.Duration // ended -1: still running
	result         string
}

type afterRecord struct {
	started time.Duration // -1: f never started
	stopped *bool         // what the last stop() returned; nil: never called
}

type lookupRecord struct {
	task, key string
	value     any
}

func newTracer(out io.Writer, settle func()) *tracer {
	if settle == nil {
		settle = func() {}
	}
	return &tracer{
		start:    time.Now(),
		out:      out,
		settle:   settle,
		quit:     make(chan struct{}),
		contexts: map[string]*ctxRecord{},
		tasks:    map[string]*taskRecord{},
		after:    map[string]*afterRecord{},
		cancels:  map[string]func(error){},
		stops:    map[string]func() bool{},
		dones:    map[string]chan struct{}{},
	}
}

func (tr *tracer) now() time.Duration { return time.Since(tr.start) }

// sleepUntil sleeps until time d of the scenario, then lets every goroutine due at d run.
func (tr *tracer) sleepUntil(d time.Duration) {
	time.Sleep(d - tr.now())
	tr.settle()
}

// emit prints one trace line: t_ns, seq, ev, then the given key/value pairs. Callers hold mu.
func (tr *tracer) emit(ev string, kv ...any) {
	if tr.ended || tr.out == nil {
		return
	}
	line := fmt.Sprintf(`{"t_ns":%d,"seq":%d,"ev":%q`, tr.now().Nanoseconds(), tr.seq, ev)
	for i := 0; i+1 < len(kv); i += 2 {
		b, _ := json.Marshal(kv[i+1])
		line += fmt.Sprintf(`,%q:%s`, kv[i], b)
	}
	tr.seq++
	fmt.Fprintln(tr.out, line+"}")
}

func (tr *tracer) header(name string, seed int64) {
	if tr.out != nil {
		b, _ := json.Marshal(name)
		fmt.Fprintf(tr.out, "{\"ctxscope_trace\":1,\"scenario\":%s,\"seed\":%d}\n", b, seed)
	}
}

// created records a new context and watches its Done channel.
func (tr *tracer) created(id, kind, parent, by string, ctx context.Context) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	r := &ctxRecord{id: id, parent: parent, ctx: ctx, created: tr.now(), deadline: -1, done: -1}
	kv := []any{"context", id, "kind", kind}
	if parent != "" {
		kv = append(kv, "parent", parent)
	}
	if d, ok := ctx.Deadline(); ok {
		r.deadline, r.hasDeadline = d.Sub(tr.start), true
		kv = append(kv, "deadline_ns", r.deadline.Nanoseconds())
	}
	if by != "" {
		kv = append(kv, "task", by)
	}
	if tr.ended {
		return
	}
	tr.contexts[id] = r
	if tr.naming != nil {
		tr.naming(r, tr.contexts[parent])
	}
	tr.emit("context.created", kv...)
	if done := ctx.Done(); done != nil {
		go func() {
			select {
			case <-done:
				tr.canceled(r)
			case <-tr.quit:
			}
		}()
	}
}

func (tr *tracer) canceled(r *ctxRecord) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.ended {
		return
	}
	r.done, r.err, r.cause = tr.now(), r.ctx.Err(), causeOf(r.ctx)
	reason, source := tr.reason(r)
	r.reason = reason
	tr.emit("context.canceled", "context", r.id, "err", r.err.Error(), "cause", errText(r.cause), "reason", reason, "source", source)
}

// reason tells why r is done as far as Go shows it: its parent is done with the same error
// and cause, or else its own deadline or cancel function. The answer is kept: a chain canceled
// at its root would otherwise walk up to the root for every context, O(depth^2).
func (tr *tracer) reason(r *ctxRecord) (reason, source string) {
	if r.source != "" {
		return r.reason, r.source
	}
	reason, source = "cancel", r.id
	if p := tr.contexts[r.parent]; p != nil && p.ctx.Err() != nil && p.ctx.Err() == r.ctx.Err() && causeOf(p.ctx) == causeOf(r.ctx) {
		_, source = tr.reason(p)
		reason = "parent"
	} else if r.ctx.Err() == context.DeadlineExceeded {
		reason = "deadline"
	}
	r.reason, r.source = reason, source
	return reason, source
}

// contextOr returns the context created under id, or ctx if id does not exist yet.
func (tr *tracer) contextOr(id string, ctx context.Context) context.Context {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if r := tr.contexts[id]; r != nil {
		return r.ctx
	}
	return ctx
}

// cancelCalled records a call of id's cancel function; call it just before the call.
func (tr *tracer) cancelCalled(id, by string, cause error) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	r := tr.contexts[id]
	effective := r != nil && r.ctx.Err() == nil
	if r != nil && !tr.ended {
		r.calls = append(r.calls, tr.now())
	}
	kv := []any{"context", id, "by", by}
	if cause != nil {
		kv = append(kv, "cause", cause.Error())
	}
	tr.emit("cancel.called", append(kv, "effective", effective)...)
}

// keepCancel makes id's cancel function callable from other goroutines (cancel).
func (tr *tracer) keepCancel(id string, cancel func(error)) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.cancels[id] = cancel
}

// cancel calls id's cancel function from another goroutine; nothing happens if id does not
// exist yet.
func (tr *tracer) cancel(id, by string, cause error) {
	tr.cancelCalled(id, by, cause)
	tr.mu.Lock()
	f := tr.cancels[id]
	tr.mu.Unlock()
	if f != nil {
		f(cause)
	}
}

// task runs f as goroutine id on ctx (the context named ctxID) and records how it ends.
func (tr *tracer) task(id, by, ctxID string, ctx context.Context, f func(context.Context) error) {
	tr.mu.Lock()
	if !tr.ended {
		tr.tasks[id] = &taskRecord{started: tr.now(), ended: -1}
	}
	kv := []any{"task", id, "context", ctxID}
	if by != "" {
		kv = append(kv, "by", by)
	}
	tr.emit("task.started", kv...)
	tr.mu.Unlock()

	err := f(ctx)

	result := "ok"
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		result = err.Error()
	case err != nil:
		result = "error: " + err.Error()
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if r := tr.tasks[id]; r != nil && !tr.ended {
		r.ended, r.result = tr.now(), result
	}
	tr.emit("task.ended", "task", id, "result", result)
	close(tr.doneLocked(id))
}

// done returns a channel that is closed when goroutine id returns.
func (tr *tracer) done(id string) <-chan struct{} {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.doneLocked(id)
}

func (tr *tracer) doneLocked(id string) chan struct{} {
	if tr.dones[id] == nil {
		tr.dones[id] = make(chan struct{})
	}
	return tr.dones[id]
}

// registered records a context.AfterFunc registration; call it just before AfterFunc.
func (tr *tracer) registered(id, ctxID string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if r := tr.after[id]; !tr.ended && r == nil {
		tr.after[id] = &afterRecord{started: -1}
	} else if r != nil && !tr.ended {
		r.started = -1 // a stop() before the registration keeps what it returned
	}
	tr.emit("afterfunc.registered", "after_func", id, "context", ctxID)
}

// afterFunc is the body of after-func id: its steps run as goroutine id on a context that is
// never done.
func (tr *tracer) afterFunc(id, ctxID string, f func(context.Context) error) {
	tr.mu.Lock()
	if r := tr.after[id]; r != nil && !tr.ended {
		r.started = tr.now()
	}
	tr.emit("afterfunc.started", "after_func", id)
	tr.mu.Unlock()
	tr.task(id, "", ctxID, context.Background(), f)
}

// stopped records what stop() of after-func id returned.
func (tr *tracer) stopped(id, by string, ok bool) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	r := tr.after[id]
	if r == nil && !tr.ended { // stop of an after-func never registered: it prevented nothing
		r = &afterRecord{started: -1}
		tr.after[id] = r
	}
	if r != nil && !tr.ended {
		r.stopped = &ok
	}
	tr.emit("afterfunc.stop", "after_func", id, "by", by, "stopped", ok)
}

// keepStop makes after-func id's stop function callable from other goroutines (stop).
func (tr *tracer) keepStop(id string, stop func() bool) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.stops[id] = stop
}

// stop calls after-func id's stop function from another goroutine; false if it is not
// registered yet.
func (tr *tracer) stop(id, by string) {
	tr.mu.Lock()
	f := tr.stops[id]
	tr.mu.Unlock()
	tr.stopped(id, by, f != nil && f())
}

// lookup records ctx.Value(key) as task saw it on the context named ctxID.
func (tr *tracer) lookup(task, ctxID, key string, v any) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if !tr.ended {
		tr.lookups = append(tr.lookups, lookupRecord{task: task, key: key, value: v})
	}
	kv := []any{"task", task, "context", ctxID, "key", key, "found", v != nil}
	if v != nil {
		kv = append(kv, "value", v)
	}
	tr.emit("value.lookup", kv...)
}

func (tr *tracer) log(task, text string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.emit("log", "task", task, "text", text)
}

// end closes the trace: what happens after this is not recorded.
func (tr *tracer) end(stopped string) {
	tr.settle()
	time.Sleep(tr.grace)
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.emit("end", "stopped", stopped)
	tr.ended = true
	close(tr.quit)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
)GO";

const char* const kCauseFromGo = R"GO(
// causeOf is context.Cause (Go 1.20).
func causeOf(ctx context.Context) error { return context.Cause(ctx) }
)GO";

const char* const kCauseFromErr = R"GO(
// causeOf stands in for context.Cause, which Go 1.19 lacks: without WithCancelCause and the
// Cause variants a context's cause is always its Err().
func causeOf(ctx context.Context) error { return ctx.Err() }
)GO";

const char* const kHarness = R"GO(// TestScenario runs the program inside a testing/synctest bubble, whose fake clock follows the
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
)GO";

} // namespace

std::string tracerSource(bool causeFromGo)
{
    return std::string(kTracer) + (causeFromGo ? kCauseFromGo : kCauseFromErr);
}

std::string harnessSource()
{
    return kHarness;
}

} // namespace ctxscope::gox

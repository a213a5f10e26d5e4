// Part of every exported Go module: the tracer at the end of main.go.
// The package clause above the marker is here so that gofmt and editors read a Go file; the
// export copies exactly what follows the marker line (core/CMakeLists.txt embeds it at build time).
package main

// ctxscope:embed
// The rest of this file is instrumentation, not part of the scenario: it prints the trace in
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

// Part of every exported Go module: causeOf for a Go without context.Cause.
// The package clause above the marker is here so that gofmt and editors read a Go file; the
// export copies exactly what follows the marker line (core/CMakeLists.txt embeds it at build time).
package main

// ctxscope:embed

// causeOf stands in for context.Cause, which Go 1.19 lacks: without WithCancelCause and the
// Cause variants a context's cause is always its Err().
func causeOf(ctx context.Context) error { return ctx.Err() }

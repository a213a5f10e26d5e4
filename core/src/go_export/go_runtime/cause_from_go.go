// Part of every exported Go module: causeOf when Go has context.Cause.
// The package clause above the marker is here so that gofmt and editors read a Go file; the
// export copies exactly what follows the marker line (core/CMakeLists.txt embeds it at build time).
package main

// ctxscope:embed

// causeOf is context.Cause (Go 1.20).
func causeOf(ctx context.Context) error { return context.Cause(ctx) }

#!/bin/sh
# The Go sources the export embeds (core/src/go_export/go_runtime) must be gofmt-clean as they stand.
# Without gofmt: exit 77 (skipped), or fail under CI=true, like the other go: tests.
dir="$1"
GOFMT=$(command -v gofmt || { [ -x /usr/local/go/bin/gofmt ] && echo /usr/local/go/bin/gofmt; })
if [ -z "$GOFMT" ]; then
    echo "not run: gofmt not found"
    [ "${CI:-}" = "true" ] && exit 1
    exit 77
fi
out=$("$GOFMT" -l "$dir"/*.go) || exit 1
if [ -n "$out" ]; then
    echo "not gofmt-clean:"; echo "$out"; exit 1
fi
echo "gofmt-clean: $(ls "$dir"/*.go | wc -l) files"

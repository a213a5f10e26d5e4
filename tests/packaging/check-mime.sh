#!/usr/bin/env bash
# check-mime.sh UPDATE_MIME_DATABASE SOURCE_DIR: compiles resources/mime/ctxscope.xml into a
# scratch MIME database and checks that *.ctxscope.json maps to application/x-ctxscope+json,
# over plain JSON, and that the .desktop file offers ctxscope for that type.
set -euo pipefail
update_mime_database=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$tmp/mime/packages"
cp "$src/resources/mime/ctxscope.xml" "$tmp/mime/packages/"
# update-mime-database rejects an invalid file (it names the problem) and exits non-zero.
out=$(XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" "$update_mime_database" "$tmp/mime" 2>&1) || fail "update-mime-database: $out"
[ -z "$out" ] || fail "update-mime-database complained: $out"
grep -qx '60:application/x-ctxscope+json:\*\.ctxscope\.json' "$tmp/mime/globs2" \
    || fail "globs2 has no weight-60 *.ctxscope.json glob: $(cat "$tmp/mime/globs2")"
grep -q '^application/x-ctxscope+json application/json$' "$tmp/mime/subclasses" \
    || fail "application/x-ctxscope+json is not a subclass of application/json"
grep -q '"ctxscope"' "$tmp/mime/magic" || fail "no magic for the \"ctxscope\" key"
grep -qx 'MimeType=application/x-ctxscope+json;' "$src/resources/ctxscope.desktop" \
    || fail "ctxscope.desktop does not list application/x-ctxscope+json in MimeType="
grep -q '<mediatype>application/x-ctxscope+json</mediatype>' "$src/resources/io.github.ctxscope.metainfo.xml" \
    || fail "the metainfo does not provide the media type"
echo "mime type: ok"

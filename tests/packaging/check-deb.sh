#!/usr/bin/env bash
# check-deb.sh CPACK BUILD_DIR CONFIG SOURCE_DIR VERSION
# Builds the .deb of BUILD_DIR with CPack into a scratch directory and checks what is inside
# (dpkg-deb -c), its control fields (dpkg-deb -I), and that the programs it carries run: the
# CLI prints its version, and the app, started offscreen from the unpacked package, imports only
# QML modules whose Debian packages the package depends on.
set -euo pipefail
cpack=$1 build=$2 config=$3 src=$4 version=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# --- build it ------------------------------------------------------------------------------
if ! "$cpack" -G DEB -C "${config:-Release}" --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed" >&2
    exit 1
fi
shopt -s nullglob
debs=("$tmp"/out/*.deb)
if [ "${#debs[@]}" -ne 1 ]; then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: expected one .deb in $tmp/out, found ${#debs[@]}" >&2
    exit 1
fi
deb=${debs[0]}
echo "built $(basename "$deb")"

# --- its files -----------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$tmp/files"
has() { grep -qxF "$1" "$tmp/files" || fail "the package has no $1"; }
has /usr/bin/ctxscope
has /usr/bin/ctxscope-cli
has /usr/share/applications/ctxscope.desktop
for size in 16 32 48 64 128 256; do
    has "/usr/share/icons/hicolor/${size}x${size}/apps/ctxscope.png"
done
has /usr/share/metainfo/io.github.ctxscope.metainfo.xml
has /usr/share/mime/packages/ctxscope.xml
has /usr/share/ctxscope/lessons/index.json
has /usr/share/ctxscope/examples/default.ctxscope.json
for lesson in "$src"/resources/lessons/*.ctxscope.json; do
    has "/usr/share/ctxscope/lessons/$(basename "$lesson")"
done
lessons_in_package=$(grep -c '^/usr/share/ctxscope/lessons/.*\.ctxscope\.json$' "$tmp/files" || true)
[ "$lessons_in_package" -ge 16 ] || fail "only $lessons_in_package lessons in the package"
# Nothing outside /usr, nothing of the build tree (headers, static libraries, the tests).
if grep -vE '^/usr(/|$)|^/$' "$tmp/files" | grep -q .; then
    fail "files outside /usr: $(grep -vE '^/usr(/|$)|^/$' "$tmp/files" | head -5 | tr '\n' ' ')"
fi
if grep -qE '\.(a|h|cmake)$|/include/|qml_tests|_tests$' "$tmp/files"; then
    fail "build or test files in the package: $(grep -E '\.(a|h|cmake)$|/include/|qml_tests|_tests$' "$tmp/files" | head -5 | tr '\n' ' ')"
fi

# --- its control fields ----------------------------------------------------------------------
dpkg-deb -I "$deb" >"$tmp/info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = ctxscope ] || fail "Package is '$(field Package)', not ctxscope"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not the project version $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
depends_on() { tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qxF "$1"; }
# From dpkg-shlibdeps: the C++ runtime and the Qt libraries the app links.
for lib in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6qml6 libqt6quick6 libqt6quickcontrols2-6; do
    depends_on "$lib" || fail "Depends lacks $lib (shlibdeps): $depends"
done
# By hand (cmake/Packaging.cmake): the QML modules.
for qml in qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-dialogs; do
    depends_on "$qml" || fail "Depends lacks $qml: $depends"
done

# --- the unpacked files --------------------------------------------------------------------
root=$tmp/root
dpkg-deb -x "$deb" "$root"
desktop=$root/usr/share/applications/ctxscope.desktop
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_name" ] || fail "the .desktop file runs '$exec_name', which the package does not have in /usr/bin"
icon_name=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root/usr/share/icons/hicolor/48x48/apps/$icon_name.png" ] || fail "the .desktop icon '$icon_name' is not in the hicolor theme"
mime=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$root/usr/share/mime/packages/ctxscope.xml")
grep -q "^MimeType=.*$mime;" "$desktop" || fail "the .desktop file does not open $mime"
metainfo=$root/usr/share/metainfo/io.github.ctxscope.metainfo.xml
grep -q "<launchable type=\"desktop-id\">ctxscope.desktop</launchable>" "$metainfo" || fail "the metainfo does not launch ctxscope.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no <release> for version $version"
for lesson in "$src"/resources/lessons/*.ctxscope.json; do
    cmp -s "$lesson" "$root/usr/share/ctxscope/lessons/$(basename "$lesson")" || fail "$(basename "$lesson") differs from the source"
done

# The programs run from the package.
cli_version=$("$root/usr/bin/ctxscope-cli" --version 2>&1 || true)
grep -qF "$version" <<<"$cli_version" || fail "ctxscope-cli --version says '$cli_version', not $version"
# The app, offscreen, in a scratch home, opening the Open dialog (Qt's file dialog pulls in
# Qt.labs.folderlistmodel): every QML module it loads from the system must come from a package
# that Depends names (dpkg-shlibdeps cannot see QML imports).
home=$tmp/home
mkdir -p "$home"
HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share XDG_RUNTIME_DIR=$home \
    QT_QPA_PLATFORM=offscreen QML_IMPORT_TRACE=1 \
    timeout 60 "$root/usr/bin/ctxscope" --dialog open --quit-after 2500 "$root/usr/share/ctxscope/examples/default.ctxscope.json" \
    >"$tmp/app.log" 2>&1 || { cat "$tmp/app.log" >&2; fail "the packaged ctxscope did not start and quit cleanly"; }
qml_root=$(qtpaths6 --query QT_INSTALL_QML 2>/dev/null || echo /usr/lib/"$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"/qt6/qml)
grep -o "$qml_root/[^\" ]*qmldir" "$tmp/app.log" | sort -u >"$tmp/qmldirs" || true
[ -s "$tmp/qmldirs" ] || fail "no QML module was traced (QML_IMPORT_TRACE): cannot check the QML dependencies"
before=$failures
while read -r qmldir; do
    pkg=$(dpkg -S "$qmldir" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || { fail "$qmldir belongs to no Debian package"; continue; }
    depends_on "$pkg" || fail "the app loads $(dirname "${qmldir#"$qml_root"/}") from $pkg, which Depends does not name"
done <"$tmp/qmldirs"
[ "$failures" -ne "$before" ] || echo "QML modules loaded: $(wc -l <"$tmp/qmldirs"), each from a package in Depends"

if [ "$failures" -gt 0 ]; then
    echo "$failures problem(s) with $(basename "$deb")" >&2
    exit 1
fi
echo "package: ok"

#!/usr/bin/env bash
# Build the self-contained Debian package for 统信UOS / 银河麒麟 / Debian / Ubuntu (amd64):
#
#     bash resources/packaging/build-deb.sh          ->  dist/report-editor_<version>_<arch>.deb
#
# Needs: the project and its test extras installed in the Python that runs it (`pip install -e '.[test]'`,
# which brings PyInstaller), binutils (objdump), dpkg-dev (dpkg-shlibdeps) and the X/Wayland client libraries
# the package depends on (.ci/run installs all of them). Python to use: $PYTHON, else `python` on PATH.
# Nothing is downloaded. The package holds the frozen application (PyInstaller, one folder: Python, PySide6,
# python-docx and every other runtime dependency, resources/ and templates/) under /opt/report-editor, the
# command /usr/bin/report-editor, the menu entry, the .fzbg MIME type and the icons.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PYTHON=${PYTHON:-python}
HERE=resources/packaging
START=$(date +%s)

VERSION=$("$PYTHON" -c 'import re; print(re.search(r"__version__ = \"([^\"]+)\"", open("editor/__init__.py", encoding="utf-8").read()).group(1))')
ARCH=$(dpkg --print-architecture)
BUILD=build/deb
STAGE=$BUILD/root
OUT=dist/report-editor_${VERSION}_${ARCH}.deb

"$PYTHON" -c 'import PyInstaller' 2>/dev/null || {
    echo "PyInstaller is missing: run  $PYTHON -m pip install -e '.[test]'" >&2; exit 1; }
for tool in objdump dpkg-shlibdeps dpkg-deb ldd; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: install binutils and dpkg-dev (see .ci/run)" >&2; exit 1; }
done

rm -rf "$BUILD"
mkdir -p "$BUILD" dist
echo "== freezing the application (PyInstaller)"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$BUILD/frozen" --workpath "$BUILD/work" \
    "$HERE/report-editor.spec"

echo "== staging the package tree"
mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/DEBIAN"
cp -a "$BUILD/frozen/report-editor" "$STAGE/opt/report-editor"
ln -s /opt/report-editor/report-editor "$STAGE/usr/bin/report-editor"
install -Dm644 resources/desktop/report-editor.desktop "$STAGE/usr/share/applications/report-editor.desktop"
install -Dm644 resources/desktop/report-editor.xml "$STAGE/usr/share/mime/packages/report-editor.xml"
install -Dm644 resources/icons/report-editor.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/report-editor.svg"
QT_QPA_PLATFORM=offscreen "$PYTHON" "$HERE/debtools.py" icons resources/icons/report-editor.svg "$STAGE/usr/share/icons"
install -Dm644 "$HERE/copyright" "$STAGE/usr/share/doc/report-editor/copyright"
# permissions as dpkg expects them whatever the umask of the build
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE/opt" -type f -perm /u+x -exec chmod 755 {} +
find "$STAGE/opt" -type f ! -perm /u+x -exec chmod 644 {} +

echo "== dependencies (ldd + dpkg-shlibdeps)"
DEPENDS=$("$PYTHON" "$HERE/debtools.py" depends "$STAGE/opt/report-editor")
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@DEPENDS@/$DEPENDS/" -e "s/@INSTALLED_SIZE@/$INSTALLED_KB/" \
    "$HERE/control.in" > "$STAGE/DEBIAN/control"
install -m755 "$HERE/postinst" "$HERE/postrm" "$STAGE/DEBIAN/"

echo "== building $OUT"
rm -f "$OUT"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT" >/dev/null
SIZE=$(du -k "$OUT" | cut -f1)
echo "built $OUT: $((SIZE / 1024)) MB (${SIZE} KB), installed size $((INSTALLED_KB / 1024)) MB (${INSTALLED_KB} KB),"\
     "in $(( $(date +%s) - START )) s"

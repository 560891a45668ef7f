#!/usr/bin/env bash
# Builds the Debian package from the release archive (run by ./mvnw verify in releng/org.bulwark.product):
#   bash releng/build-deb.sh bulwark-<version>-linux.gtk.x86_64.tar.gz OUTDIR
# writes OUTDIR/bulwark_<version>_all.deb: the product in /usr/lib/bulwark, /usr/bin/bulwark, the systemd units in
# /lib/systemd/system (their launcher path set to /usr/bin/bulwark), a man page and bash completion generated from
# the command line's own model, and a system user `bulwark` for the server (created, never removed: files it owns
# may remain). The headless product holds no native code, so the package is for every architecture; it depends on
# a Java 17+ runtime. No service is enabled or started by installing.
set -euo pipefail
archive="${1:?usage: $0 ARCHIVE.tar.gz OUTDIR}"
out="${2:?usage: $0 ARCHIVE.tar.gz OUTDIR}"
here="$(cd "$(dirname "$0")" && pwd)"
version="$(basename "$archive" | sed -n 's/^bulwark-\([0-9][0-9.]*[0-9]\)-.*/\1/p')"
[ -n "$version" ] || { echo "build-deb: cannot read the version from $archive" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/usr/lib" "$root/usr/bin" "$root/lib/systemd/system" "$root/usr/share/doc/bulwark" \
  "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" "$root/DEBIAN"

tar --warning=no-unknown-keyword -xzf "$archive" -C "$work"
mv "$work/bulwark-$version" "$root/usr/lib/bulwark"
# the units ship in /lib/systemd/system; the product keeps no second copy
for unit in "$root/usr/lib/bulwark/lib/systemd/"*; do
  sed -e 's%^# Launcher: /opt/bulwark/bin/bulwark .*%# Launcher: /usr/bin/bulwark (the Debian package).%' \
    -e 's#/opt/bulwark/bin/bulwark#/usr/bin/bulwark#g' "$unit" > "$root/lib/systemd/system/$(basename "$unit")"
done
rm -rf "$root/usr/lib/bulwark/lib"
ln -s ../lib/bulwark/bin/bulwark "$root/usr/bin/bulwark"

# the man page and the completion from the built product itself (a fresh HOME: nothing of the builder's is read)
gen="$work/gen-home"
mkdir -p "$gen"
run() { HOME="$gen" BULWARK_DATA="$gen/data" BULWARK_DB= BULWARK_PLUGINS= "$root/usr/lib/bulwark/bin/bulwark" "$@"; }
run man > "$work/bulwark.1"
gzip -9n < "$work/bulwark.1" > "$root/usr/share/man/man1/bulwark.1.gz"
# a completion file is sourced, not run: no #! line
run completion bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/bulwark"
[ -s "$root/usr/share/bash-completion/completions/bulwark" ] || { echo "build-deb: no completion script" >&2; exit 1; }

cp "$here/debian/copyright" "$root/usr/share/doc/bulwark/copyright"
sed "s/@VERSION@/$version/g" "$here/debian/changelog" | gzip -9n > "$root/usr/share/doc/bulwark/changelog.gz"
for script in postinst postrm; do
  install -m 0755 "$here/debian/$script" "$root/DEBIAN/$script"
done
mkdir -p "$root/usr/share/lintian/overrides"
cp "$here/debian/lintian-overrides" "$root/usr/share/lintian/overrides/bulwark"

(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  > "$root/DEBIAN/md5sums"
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/g" -e "s/@SIZE@/$size/g" "$here/debian/control" > "$root/DEBIAN/control"

# files root's, 0644/0755; reproducible times
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f ! -path "$root/DEBIAN/*" -exec chmod 0644 {} +
chmod 0755 "$root/usr/lib/bulwark/bin/bulwark" "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
epoch="$(stat -c %Y "$archive")"
find "$root" -exec touch -h -d "@$epoch" {} +
mkdir -p "$out"
deb="$out/bulwark_${version}_all.deb"
SOURCE_DATE_EPOCH="$epoch" dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null
echo "build-deb: $(basename "$deb"): $(du -h "$deb" | cut -f1)"

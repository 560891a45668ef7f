#!/usr/bin/env bash
# "Update X to Y" end to end on the real Debian archive (run by ./mvnw verify in releng/org.bulwark.product):
#   bash releng/test-real-archive.sh bulwark-<version>-linux.gtk.x86_64.tar.gz
# Picks a library whose bookworm-security version is newer than its bookworm one, downloads both .debs
# (apt-get download), and builds from them what a device and a feed would hold: a Debian 12 root whose dpkg status is
# the older package's control file, and a Debian Security Tracker feed with every CVE the newer package's
# changelog.Debian.gz names above the older version, fixed in the newer one. A fresh install of the archive imports
# the feed and distro-info-data's debian.csv, assesses the root, and must say "Update <source> to version <newer>"
# covering exactly those CVEs, in the report's exposure and in `bulwark weaknesses`. Nothing is hard-coded: the
# package, the versions and the CVE list come from the archive as it is today.
set -euo pipefail
archive="${1:?usage: $0 ARCHIVE.tar.gz}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-archive.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "test-real-archive: FAILED: $*" >&2; exit 1; }
csv=/usr/share/distro-info/debian.csv
[ -f "$csv" ] || fail "no $csv (distro-info-data, README prerequisites)"

# a library with a security update: bookworm-security's version above bookworm's
pkg="" new="" old=""
for p in libexpat1 zlib1g libxml2 libtasn1-6 libgnutls30 libssl3 libcurl4 libsqlite3-0 liblzma5 libpng16-16; do
  n="$(apt-cache madison "$p" 2>/dev/null | awk -F'|' '$3 ~ /bookworm-security/ {gsub(/ /, "", $2); print $2; exit}')"
  o="$(apt-cache madison "$p" 2>/dev/null | awk -F'|' '$3 ~ /debian bookworm\/main/ {gsub(/ /, "", $2); print $2; exit}')"
  if [ -n "$n" ] && [ -n "$o" ] && dpkg --compare-versions "$n" gt "$o"; then
    pkg="$p" new="$n" old="$o"
    break
  fi
done
[ -n "$pkg" ] || fail "no candidate library has a bookworm-security version above its bookworm one (are the apt lists of bookworm and bookworm-security there? apt-get update)"
(cd "$work" && apt-get download -q "$pkg=$new" "$pkg=$old" 2> "$work/download.err") \
  || fail "apt-get download $pkg=$new $pkg=$old: $(cat "$work/download.err")"
newdeb="" olddeb=""
for f in "$work"/*.deb; do
  v="$(dpkg-deb -f "$f" Version)"
  if [ "$v" = "$new" ]; then newdeb="$f"; elif [ "$v" = "$old" ]; then olddeb="$f"; fi
done
[ -n "$newdeb" ] && [ -n "$olddeb" ] || fail "the downloaded .debs are not $pkg $new and $old"

# the source package and source versions, as dpkg's Source: field gives them
source_of() { local s; s="$(dpkg-deb -f "$1" Source)"; echo "${s%% *}"; }
source_version_of() {
  local s; s="$(dpkg-deb -f "$1" Source)"
  case "$s" in *"("*")"*) s="${s#*(}"; echo "${s%)*}" ;; *) dpkg-deb -f "$1" Version ;; esac
}
src="$(source_of "$newdeb")"; [ -n "$src" ] || src="$pkg"
newsrc="$(source_version_of "$newdeb")"
oldsrc="$(source_version_of "$olddeb")"

# the CVEs of the changelog entries above the older source version
dpkg-deb --fsys-tarfile "$newdeb" | tar -xOf - --wildcards './usr/share/doc/*/changelog.Debian.gz' | gunzip \
  > "$work/changelog" || fail "no changelog.Debian.gz in $(basename "$newdeb")"
awk -v stop="($oldsrc)" '/^[a-z0-9][^ ]* \(/ { if (index($0, stop) > 0) exit } { print }' "$work/changelog" \
  | grep -o 'CVE-[0-9]\{4\}-[0-9]\{4,\}' | sort -u > "$work/cves"
[ -s "$work/cves" ] || fail "the changelog of $src $newsrc names no CVE above $oldsrc"

# the feed: each CVE resolved in bookworm by the newer source version
{
  printf '{"%s": {' "$src"
  first=1
  while read -r cve; do
    [ $first = 1 ] || printf ', '
    first=0
    printf '"%s": {"releases": {"bookworm": {"status": "resolved", "repositories": {"bookworm-security": "%s"}, "fixed_version": "%s", "urgency": "medium"}}}' \
      "$cve" "$newsrc" "$newsrc"
  done < "$work/cves"
  printf '}}\n'
} > "$work/tracker.json"

# the device: Debian 12 with the older package installed
root="$work/root"
mkdir -p "$root/etc" "$root/var/lib/dpkg"
printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' \
  > "$root/etc/os-release"
echo archive-device > "$root/etc/hostname"
dpkg-deb -f "$olddeb" | awk '{ print } /^Package:/ { print "Status: install ok installed" }' > "$root/var/lib/dpkg/status"

tar --warning=no-unknown-keyword -xzf "$archive" -C "$work"
bin="$(find "$work" -mindepth 3 -maxdepth 3 -path '*/bin/bulwark' | head -n 1)"
[ -x "$bin" ] || fail "no bin/bulwark in $(basename "$archive")"
mkdir -p "$work/home"
run() { (cd "$work" && HOME="$work/home" BULWARK_DATA= BULWARK_DB= BULWARK_PLUGINS= "$@"); }

run "$bin" feeds import "$work/tracker.json" "$csv" > "$work/import.out" 2>&1 \
  || fail "feeds import: $(cat "$work/import.out")"
set +e
run "$bin" assess --root "$root" --format json -o "$work/report.json" 2> "$work/assess.err"
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 4 ] || fail "assess exited $code: $(cat "$work/assess.err")"

name="Update $src to version $newsrc"
grep -q "\"recommendationName\" : \"$name\"" "$work/report.json" \
  || fail "the report's exposure does not recommend '$name': $(grep -A3 '"exposure"' "$work/report.json")"
run "$bin" weaknesses --device archive-device > "$work/weaknesses.out" 2>&1 || fail "weaknesses: $(cat "$work/weaknesses.out")"
grep -q "$name" "$work/weaknesses.out" || fail "bulwark weaknesses does not say '$name': $(cat "$work/weaknesses.out")"
grep -o 'CVE-[0-9]\{4\}-[0-9]\{4,\}' "$work/weaknesses.out" | sort -u > "$work/found"
diff -u "$work/cves" "$work/found" > "$work/cves.diff" \
  || fail "the findings are not the changelog's CVEs (- expected, + found): $(cat "$work/cves.diff")"
echo "test-real-archive: $pkg $old → $new: '$name' with the $(wc -l < "$work/cves") CVEs of its changelog"

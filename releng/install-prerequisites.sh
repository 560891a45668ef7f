#!/usr/bin/env bash
# Installs what building and testing Bulwark needs on Debian/Ubuntu (README, "Prerequisites").
# Maven itself comes through ./mvnw; the target platform from Maven Central.
set -euo pipefail

# The workbench and its UI tests: GTK 3 for SWT, Xvfb (and xauth) for a display without a screen, ImageMagick
# for screenshots of a whole display (`import -window root`).
packages=(openjdk-17-jdk-headless xvfb xauth libgtk-3-0 imagemagick)
# Windows hive fixtures are built at test time from reviewable .reg text with hivex (hivexregedit needs the Perl
# binding), and Bulwark's dump of each hive is compared with two independent readers (reglookup, libregf's regfexport).
packages+=(libhivex-bin libwin-hivex-perl reglookup libregf-utils)
# The vulnerability half reads the real support and release data as installed (debian-security-support,
# distro-info-data); SCAP content is checked against the reference implementation (openscap-scanner, ssg-debian).
packages+=(debian-security-support distro-info-data openscap-scanner ssg-debian)
# The release archive's systemd units are checked with systemd-analyze (nothing is started: no systemd as PID 1).
packages+=(systemd)
# The Debian package is checked with lintian.
packages+=(lintian)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
java -version 2>&1 | head -n 1

#!/usr/bin/env bash
# The base layer of the OfferPulse images, built here without pulling any base image: a jlink'ed Java runtime from
# the build's own JDK, the shared libraries it links against (copied from this machine, the JDK's distribution), a
# passwd/group naming the non-root user 65532, and a writable /tmp. Jib puts this directory on top of `scratch`
# (the service and launcher poms, profile "image"; docs/OPERATIONS.md, "Container images").
#
#   infra/image/rootfs.sh OUT_DIR
#
# The runtime's modules are listed below (what Spring Boot, Kafka's clients with SASL/SSL/Kerberos, Kafka Streams
# with RocksDB, Netty and Micrometer use); `./offerpulse test` starts the image's java in a chroot to check it runs.
set -euo pipefail

OUT="${1:?usage: rootfs.sh OUT_DIR}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JLINK="$JAVA_HOME/bin/jlink"
[[ -x "$JLINK" ]] || { echo "rootfs.sh: no jlink in $JAVA_HOME (a full JDK is needed)" >&2; exit 1; }

MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,\
jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs

# Rebuild only when the JDK or this script changed: jlink takes a while and every image shares the result.
STAMP="$OUT/.rootfs-stamp"
WANT="$(printf '%s\n%s\n' "$("$JAVA_HOME/bin/java" -version 2>&1)" "$(sha256sum "${BASH_SOURCE[0]}")" | sha256sum)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
  exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/etc" "$OUT/tmp"

"$JLINK" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$OUT/opt/java"
# Headless servers never load the X11 toolkit, the splash screen or sound: drop them and the X libraries they pull in.
rm -f "$OUT"/opt/java/lib/{libawt_xawt.so,libsplashscreen.so,libjsound.so}

# Every shared library the runtime links against, at the path the dynamic linker looks for it (symlinks resolved).
copy_lib() {
  local lib="$1"
  [[ -n "$lib" && -e "$lib" ]] || return 0
  mkdir -p "$OUT$(dirname "$lib")"
  [[ -e "$OUT$lib" ]] || cp -L "$lib" "$OUT$lib"
}
while read -r lib; do copy_lib "$lib"; done < <(
  find "$OUT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 |
    xargs -0 ldd 2>/dev/null | awk '/=> \//{print $3} /^\s*\/[^ ]*ld-linux/{print $1}' | sort -u)
# The dynamic linker itself, under the name the ELF interpreter field gives.
interp="$(readelf -l "$OUT/opt/java/bin/java" 2>/dev/null | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
copy_lib "${interp:-/lib64/ld-linux-x86-64.so.2}"
# glibc finds $ORIGIN (the runtime's RPATH) through /proc/self/exe: Kubernetes mounts /proc, a chroot must too.
# Name resolution without nsswitch modules: glibc >= 2.34 has files and dns built in.
cat >"$OUT/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
cat >"$OUT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
offerpulse:x:65532:65532:offerpulse:/home/offerpulse:/sbin/nologin
PASSWD
cat >"$OUT/etc/group" <<'GROUP'
root:x:0:
offerpulse:x:65532:
GROUP
mkdir -p "$OUT/home/offerpulse" "$OUT/data"
printf '%s' "$WANT" >"$STAMP"

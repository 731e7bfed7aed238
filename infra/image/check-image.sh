#!/usr/bin/env bash
# Checks a Jib image tar (docker format) without a container runtime: reads its config JSON and layers and fails
# unless the entrypoint runs the expected main class with the container memory flags, the user is the non-root
# 65532, the expected port is exposed and the health labels are set; then, where this runs as root, unpacks the
# layers and starts the image's own java in a chroot as user 65532 (with /proc bound, as a container has it), then
# its entrypoint, until the service answers its liveness probe.
#
#   infra/image/check-image.sh IMAGE_TAR PORT MAIN_CLASS [NAME=VALUE...]
#
# NAME=VALUE pairs are added to the image's environment for the boot (e.g. OFFERPULSE_KAFKA_BOOTSTRAP=127.0.0.1:9, a
# port nothing answers on, so a service never talks to some other broker on this machine).
set -euo pipefail

TAR="${1:?usage: check-image.sh IMAGE_TAR PORT MAIN_CLASS}"
PORT="${2:?port}"
MAIN="${3:?main class}"
shift 3
EXTRA_ENV=("$@")
[[ -f "$TAR" ]] || { echo "check-image: no such image tar: $TAR" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "check-image: python3 is needed to read the tar" >&2; exit 1; }

WORK="$(mktemp -d)"
cleanup() {
  mountpoint -q "$WORK/root/proc" 2>/dev/null && umount "$WORK/root/proc" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

python3 - "$TAR" "$PORT" "$MAIN" "$WORK/root" <<'PY'
import json, os, sys, tarfile
tar_path, port, main, root = sys.argv[1:]
problems = []
with tarfile.open(tar_path) as t:
    manifest = json.load(t.extractfile("manifest.json"))[0]
    config = json.load(t.extractfile(manifest["Config"]))["config"]
    entry = config.get("Entrypoint") or []
    user = config.get("User", "")
    ports = sorted((config.get("ExposedPorts") or {}).keys())
    labels = config.get("Labels") or {}
    print("entrypoint:", " ".join(entry))
    print("user:", user or "(root)")
    print("ports:", ", ".join(ports))
    if not entry or entry[0] != "java" or entry[-1] != main:
        problems.append(f"entrypoint does not run java {main}: {entry}")
    if not any(a.startswith("-XX:MaxRAMPercentage=") for a in entry):
        problems.append("no -XX:MaxRAMPercentage in the entrypoint (heap would ignore the container limit)")
    if "-XX:+ExitOnOutOfMemoryError" not in entry:
        problems.append("no -XX:+ExitOnOutOfMemoryError (a broken JVM would linger instead of being restarted)")
    uid = user.split(":")[0]
    if not uid or uid in ("0", "root"):
        problems.append(f"runs as root (User={user!r})")
    if ports != [f"{port}/tcp"]:
        problems.append(f"exposes {ports}, expected [{port}/tcp]")
    for k in ("com.offerpulse.health.liveness", "com.offerpulse.health.readiness"):
        if not labels.get(k, "").startswith("/actuator/health/"):
            problems.append(f"label {k} missing")
    os.makedirs(root, exist_ok=True)
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=t.extractfile(layer), mode="r:gz") as lt:
            lt.extractall(root)
    cp = os.path.join(root, "app/jib-classpath-file")
    if not os.path.isfile(cp):
        problems.append("no /app/jib-classpath-file")
    else:
        for entry_path in open(cp).read().strip().split(":"):
            if not os.path.exists(root + entry_path):
                problems.append(f"class path entry missing from the image: {entry_path}")
                break
    cls = os.path.join(root, "app/classes", main.replace(".", "/") + ".class")
    if not os.path.isfile(cls):
        problems.append(f"main class not in the image: {cls}")
    if not os.access(os.path.join(root, "opt/java/bin/java"), os.X_OK):
        problems.append("no executable /opt/java/bin/java")
if problems:
    for p in problems:
        print("image check FAILED:", p, file=sys.stderr)
    sys.exit(1)
PY

if [[ "$(id -u)" == 0 ]] && command -v chroot >/dev/null 2>&1; then
  mkdir -p "$WORK/root/proc"
  if mount --bind /proc "$WORK/root/proc" 2>/dev/null; then
    out="$(chroot --userspec=65532:65532 "$WORK/root" /opt/java/bin/java -XX:MaxRAMPercentage=75.0 -version 2>&1)" || {
      printf '%s\n' "$out" >&2
      echo "image check FAILED: the image's java does not start as user 65532" >&2
      exit 1
    }
    echo "runtime: $(printf '%s\n' "$out" | head -n 1) (started in a chroot as 65532)"
    # Then the image's own command line: the service must start and answer its liveness probe (on a free port:
    # the host's network is shared).
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    # A container runtime's part, done by python: chroot, the image's WorkingDir, its User (no supplementary
    # groups), its Env, then exec of its Entrypoint.
    python3 - "$TAR" "$WORK/root" "$port" "${EXTRA_ENV[@]}" >"$WORK/boot.log" 2>&1 <<'PY' &
import json, os, sys, tarfile
tar_path, root, port = sys.argv[1:4]
t = tarfile.open(tar_path)
config = json.load(t.extractfile(json.load(t.extractfile("manifest.json"))[0]["Config"]))["config"]
env = dict(e.split("=", 1) for e in config.get("Env", []))
env.update(SERVER_PORT=port, OFFERPULSE_JWT_SECRET="image-check-secret-of-at-least-32-bytes")
env.update(kv.split("=", 1) for kv in sys.argv[4:])
uid, _, gid = config["User"].partition(":")
os.chroot(root)
os.chdir(config.get("WorkingDir") or "/")
os.setgroups([])
os.setgid(int(gid or uid))
os.setuid(int(uid))
entry = config["Entrypoint"]
os.execvpe(entry[0], entry, env)
PY
    boot_pid=$!
    live=0
    for _ in $(seq 1 180); do
      if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/actuator/health/liveness', timeout=1)" 2>/dev/null; then
        live=1; break
      fi
      kill -0 "$boot_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill "$boot_pid" 2>/dev/null || true
    wait "$boot_pid" 2>/dev/null || true
    if (( live )); then
      echo "boot: the entrypoint started as 65532 and /actuator/health/liveness answered 200"
    else
      tail -n 30 "$WORK/boot.log" >&2
      echo "image check FAILED: the image's entrypoint did not answer its liveness probe within 90 s" >&2
      exit 1
    fi
  else
    echo "runtime: not started (cannot bind /proc here)"
  fi
else
  echo "runtime: not started (needs root for chroot)"
fi
echo "image ok: $TAR"

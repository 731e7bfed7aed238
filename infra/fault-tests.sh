#!/usr/bin/env bash
# Every fault test of tools/faults, the heavy ones (-Pfaults: the 3-broker kill) included, after building the
# service jars they start. Loopback only, bounded (each test has a timeout and kills its processes in finally).
# What each test injects and verifies is printed as "[fault ...] INJECTED/VERIFIED" lines; service logs are kept
# under tools/faults/target/faults/. Extra arguments go to Maven, e.g. -Dit.test=BrokerFailureIT.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
command -v redis-server >/dev/null || { echo "redis-server is required (apt-get install redis-server)" >&2; exit 2; }
start=$SECONDS
# Upstream modules are built (-am) but run none of their own tests: only the fault tests run.
./mvnw -B -pl tools/faults -am verify -Pfaults \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='com.offerpulse.faults.**.*IT' -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo "[fault-tests] done in $((SECONDS - start)) s"

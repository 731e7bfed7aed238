#!/usr/bin/env bash
# OfferPulse apart and scaled out, on loopback: a 3-node KRaft Kafka cluster from Kafka's own jars (replication 3,
# min.insync.replicas 2), one Redis, two instances of each service (their own executable jars), nginx in front.
#
#   infra/cluster.sh up            build what is missing, start everything (sequentially), wait for health
#   infra/cluster.sh status        every process: pid, alive, health; the scrape token's expiry
#   infra/cluster.sh rotate-token  mint a fresh Prometheus scrape token (also done by every `up`)
#   infra/cluster.sh down [--purge]  stop everything (--purge also deletes the run directory: topics, state, logs)
#
# Everything lives under $OFFERPULSE_CLUSTER_DIR (default ./data/cluster): pid files, logs, broker logs, state
# directories, the generated JWT secret. docs/OPERATIONS.md explains each piece and how to run it on real hosts.
set -euo pipefail

ROOT="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
INFRA_DIR="$ROOT/infra"
RUN_DIR="${OFFERPULSE_CLUSTER_DIR:-$ROOT/data/cluster}"
VERSION="0.1.0-SNAPSHOT"

HOST=127.0.0.1
PROXY_HOST="${OFFERPULSE_PROXY_HOST:-127.0.0.1}"
PROXY_PORT="${OFFERPULSE_PROXY_PORT:-8000}"
REDIS_PORT="${OFFERPULSE_CLUSTER_REDIS_PORT:-6390}"
KAFKA_PORTS=(19092 19093 19094)
CONTROLLER_PORTS=(19192 19193 19194)
INSTANCES="${OFFERPULSE_CLUSTER_INSTANCES:-2}"
# Instance i of a service listens on its standalone port + (i-1) * 1000: ingest 8081, 9081; stream 8082, 9082; ...
declare -A BASE_PORT=([ingest]=8081 [stream]=8082 [query]=8083 [realtime]=8084)
declare -A MODULE=([ingest]=ingest-api [stream]=stream-processor [query]=query-api [realtime]=realtime-ws)
SERVICES=(ingest stream query realtime)
# Small heaps and the serial collector: twelve JVMs share two cores on a laptop-sized machine.
KAFKA_JAVA_OPTS="${OFFERPULSE_KAFKA_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC}"
SERVICE_JAVA_OPTS="${OFFERPULSE_SERVICE_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
SERVICE_START_TIMEOUT="${OFFERPULSE_SERVICE_START_TIMEOUT:-180}"

FAULTS_JAR="$ROOT/tools/faults/target/faults.jar"
FAULTS_LIB="$ROOT/tools/faults/target/lib"
# The operator CLI creates the topics, as on any real cluster (docs/OPERATIONS.md, "Operator CLI").
ADMIN_JAR="$ROOT/tools/admin/target/offerpulse-admin.jar"
# The web app: Vite builds it into the launcher's static folder (frontend/vite.config.ts).
WEB_ROOT="$ROOT/launcher/src/main/resources/static"
# The scrape token is minted fresh on every `up` and by `rotate-token`; `status` warns this many days before expiry.
SCRAPE_TOKEN_TTL="${OFFERPULSE_SCRAPE_TOKEN_TTL:-30d}"
SCRAPE_TOKEN_WARN_DAYS=7

log()  { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die()  { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

bootstrap() {
  local out="" p
  for p in "${KAFKA_PORTS[@]}"; do out+="${out:+,}$HOST:$p"; done
  printf '%s\n' "$out"
}

service_port() { printf '%s\n' $(( ${BASE_PORT[$1]} + ($2 - 1) * 1000 )); }
service_jar()  { printf '%s\n' "$ROOT/${MODULE[$1]}/target/${MODULE[$1]}-$VERSION-exec.jar"; }

# ---------------------------------------------------------------------------------------------------------------
# Processes: one pid file (pid + start time) and one log per process; only our own processes are ever signalled.
# ---------------------------------------------------------------------------------------------------------------

pid_file() { printf '%s\n' "$RUN_DIR/pids/$1.pid"; }
log_file() { printf '%s\n' "$RUN_DIR/logs/$1.log"; }

# start_time PID: the kernel's start time of a process (field 22 of /proc/PID/stat), to tell a recycled pid.
start_time() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }

pid_of() {
  local f pid started
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  read -r pid started <"$f" || true
  [[ -n "$pid" && -d "/proc/$pid" ]] || return 1
  # The pid must still be the process we started, not a later one that got the same number.
  [[ "$(start_time "$pid")" == "$started" ]] || return 1
  printf '%s\n' "$pid"
}

running() { pid_of "$1" >/dev/null 2>&1; }

# require_free PORT WHAT: refuse to start next to something else already listening there (its health would answer).
require_free() {
  if (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; then
    die "port $1 ($2) is already in use by another process"
  fi
}

# spawn NAME CMD...: start CMD detached (own session, so a terminal's Ctrl-C does not reach it), stdout+stderr to
# the process's log, pid to its pid file.
spawn() {
  local name="$1"; shift
  if running "$name"; then
    log "$name already running (pid $(pid_of "$name"))"
    return 0
  fi
  mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
  setsid "$@" >>"$(log_file "$name")" 2>&1 </dev/null &
  local pid=$!
  printf '%s %s\n' "$pid" "$(start_time "$pid")" >"$(pid_file "$name")"
}

# stop NAME SECONDS: SIGTERM, wait, then SIGKILL.
stop() {
  local name="$1" grace="$2" pid
  if ! pid="$(pid_of "$name")"; then
    [[ -f "$(pid_file "$name")" ]] && log "stopped $name"
    rm -f "$(pid_file "$name")"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while [[ -d "/proc/$pid" ]] && (( waited < grace * 10 )); do sleep 0.1; waited=$((waited + 1)); done
  if [[ -d "/proc/$pid" ]]; then
    log "$name did not stop within ${grace}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  log "stopped $name"
}

# wait_health NAME PORT SECONDS: until /actuator/health says UP (or the process died).
wait_health() {
  local name="$1" port="$2" timeout="$3" start=$SECONDS
  while (( SECONDS - start < timeout )); do
    running "$name" || die "$name exited during start-up; see $(log_file "$name")"
    if curl -fsS --max-time 2 "http://$HOST:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      return 0
    fi
    sleep 1
  done
  die "$name not healthy on port $port after ${timeout}s; see $(log_file "$name")"
}

# ---------------------------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------------------------

ensure_built() {
  local missing=0 s
  for s in "${SERVICES[@]}"; do [[ -f "$(service_jar "$s")" ]] || missing=1; done
  [[ -f "$FAULTS_JAR" && -d "$FAULTS_LIB" && -f "$ADMIN_JAR" ]] || missing=1
  if (( missing )) || [[ "${OFFERPULSE_REBUILD:-0}" == 1 ]]; then
    log "building the service jars, the cluster tool and the operator CLI (./mvnw package -pl tools/faults,tools/admin -am)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl tools/faults,tools/admin -am) || die "build failed"
  fi
  if [[ ! -f "$WEB_ROOT/index.html" ]] || ! grep -q '/assets/' "$WEB_ROOT/index.html" 2>/dev/null; then
    if have npm; then
      log "building the web app (frontend: npm ci && npm run build, into $WEB_ROOT)"
      (cd "$ROOT/frontend" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null &&
        npm run build >/dev/null) || die "web app build failed"
    else
      log "WARNING: no built web app in $WEB_ROOT and no npm to build it: the proxy serves a placeholder page"
    fi
  fi
}

# install_missing CMD PACKAGE...: install what a command needs with apt-get when running as root, as
# `./offerpulse test` does for its prerequisites; otherwise say what to install.
install_missing() {
  local cmd="$1"; shift
  have "$cmd" && return 0
  if [[ "$(id -u)" == 0 ]] && have apt-get; then
    log "installing $* (apt-get)"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null; } >"${TMPDIR:-/tmp}/offerpulse-apt.log" 2>&1 ||
      die "apt-get install $* failed; see ${TMPDIR:-/tmp}/offerpulse-apt.log"
  fi
  have "$cmd" || die "$cmd is required (apt-get install $*)"
}

admin_tool() {
  java -Xmx128m -XX:+UseSerialGC -jar "$ADMIN_JAR" "$@"
}

cluster_tool() {
  java -Xmx128m -XX:+UseSerialGC -Dlogback.configurationFile="$INFRA_DIR/kafka/logback.xml" \
    -cp "$FAULTS_JAR:$FAULTS_LIB/*" com.offerpulse.faults.cluster.ClusterTool "$@"
}

# ---------------------------------------------------------------------------------------------------------------
# Pieces
# ---------------------------------------------------------------------------------------------------------------

ensure_secret() {
  local f="$RUN_DIR/jwt-secret"
  if [[ ! -s "$f" ]]; then
    (umask 077; printf 'base64:%s\n' "$(head -c 48 /dev/urandom | base64 -w0)" >"$f")
    log "generated the shared JWT secret in $f"
  fi
  OFFERPULSE_JWT_SECRET="$(cat "$f")"
  export OFFERPULSE_JWT_SECRET
}

kafka_up() {
  local cid_file="$RUN_DIR/kafka/cluster-id" i cp voters
  mkdir -p "$RUN_DIR/kafka"
  cp="$FAULTS_JAR:$FAULTS_LIB/*"
  if [[ ! -s "$cid_file" ]]; then
    java -cp "$cp" kafka.tools.StorageTool random-uuid >"$cid_file"
  fi
  voters=""
  for i in 1 2 3; do voters+="${voters:+,}$i@$HOST:${CONTROLLER_PORTS[$((i - 1))]}"; done
  for i in 1 2 3; do
    local dir="$RUN_DIR/kafka/node-$i" props="$RUN_DIR/kafka/node-$i.properties"
    mkdir -p "$dir"
    NODE_ID=$i QUORUM_VOTERS="$voters" HOST=$HOST CLIENT_PORT="${KAFKA_PORTS[$((i - 1))]}" \
      CONTROLLER_PORT="${CONTROLLER_PORTS[$((i - 1))]}" LOG_DIR="$dir" \
      envsubst '${NODE_ID} ${QUORUM_VOTERS} ${HOST} ${CLIENT_PORT} ${CONTROLLER_PORT} ${LOG_DIR}' \
      <"$INFRA_DIR/kafka/node.properties" >"$props"
    if [[ ! -f "$dir/meta.properties" ]]; then
      java -cp "$cp" -Dlogback.configurationFile="$INFRA_DIR/kafka/logback.xml" kafka.tools.StorageTool format \
        --cluster-id "$(cat "$cid_file")" --config "$props" --ignore-formatted >>"$(log_file "kafka-$i")" 2>&1 ||
        die "formatting node $i failed; see $(log_file "kafka-$i")"
    fi
    running "kafka-$i" || { require_free "${KAFKA_PORTS[$((i - 1))]}" "kafka-$i"
      require_free "${CONTROLLER_PORTS[$((i - 1))]}" "kafka-$i controller"; }
    # shellcheck disable=SC2086
    spawn "kafka-$i" java $KAFKA_JAVA_OPTS -Dlogback.configurationFile="$INFRA_DIR/kafka/logback.xml" \
      -Dofferpulse.cluster.dir="$RUN_DIR" -cp "$cp" kafka.Kafka "$props"
  done
  log "waiting for 3 brokers at $(bootstrap)"
  cluster_tool await-brokers --bootstrap "$(bootstrap)" --count 3 --timeout 180s >/dev/null
  admin_tool topics create --bootstrap "$(bootstrap)" --partitions 6 --replication 3 --min-insync 2 |
    sed 's/^/[cluster] /'
}

redis_up() {
  mkdir -p "$RUN_DIR/redis"
  running redis || require_free "$REDIS_PORT" redis
  # Append-only persistence: a restarted Redis keeps rooms' history (docs/REALTIME.md, "Known limits").
  spawn redis redis-server --bind "$HOST" --port "$REDIS_PORT" --dir "$RUN_DIR/redis" --appendonly yes \
    --save "" --daemonize no
  local i
  for i in $(seq 1 50); do
    [[ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] && return 0
    sleep 0.2
  done
  die "redis did not answer on $HOST:$REDIS_PORT; see $(log_file redis)"
}

# service_env SERVICE I: the environment of one instance (printed as NAME=value lines for env).
service_env() {
  local s="$1" i="$2" port
  port="$(service_port "$s" "$i")"
  printf '%s\n' "SERVER_PORT=$port" "OFFERPULSE_KAFKA_BOOTSTRAP=$(bootstrap)" \
    "OFFERPULSE_JWT_SECRET=$OFFERPULSE_JWT_SECRET"
  case "$s" in
    ingest)
      # dev-login only because this cluster is a loopback playground; never on real hosts.
      printf '%s\n' "OFFERPULSE_JWT_DEVLOGIN=true" "OFFERPULSE_INGEST_TRANSACTIONALIDPREFIX=ingest-$i-" \
        "SERVER_FORWARDHEADERSSTRATEGY=framework" ;;
    stream)
      printf '%s\n' "OFFERPULSE_STREAM_STATEDIR=$RUN_DIR/stream-$i/state" "OFFERPULSE_STREAM_STANDBYREPLICAS=1" ;;
    query)
      # Latency histograms for the dashboard's p95 panel.
      printf '%s\n' "OFFERPULSE_QUERY_STATEDIR=$RUN_DIR/query-$i/state" "OFFERPULSE_QUERY_STANDBYREPLICAS=1" \
        "OFFERPULSE_QUERY_ADVERTISEDHOST=$HOST" "SERVER_FORWARDHEADERSSTRATEGY=framework" \
        "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS=true" ;;
    realtime)
      printf '%s\n' "OFFERPULSE_REALTIME_REDISURI=redis://$HOST:$REDIS_PORT" "OFFERPULSE_REALTIME_REDISFALLBACK=false" ;;
  esac
}

services_up() {
  local s i name port t0
  for s in "${SERVICES[@]}"; do
    for i in $(seq 1 "$INSTANCES"); do
      name="$s-$i"; port="$(service_port "$s" "$i")"
      if running "$name"; then log "$name already running"; continue; fi
      require_free "$port" "$name"
      t0=$SECONDS
      mapfile -t vars < <(service_env "$s" "$i")
      # shellcheck disable=SC2086
      spawn "$name" env "${vars[@]}" java $SERVICE_JAVA_OPTS -Dofferpulse.cluster.dir="$RUN_DIR" \
        -jar "$(service_jar "$s")"
      wait_health "$name" "$port" "$SERVICE_START_TIMEOUT"
      log "$name healthy on :$port in $((SECONDS - t0))s"
    done
  done
}

nginx_up() {
  local dir="$RUN_DIR/nginx" s i
  mkdir -p "$dir/tmp"
  {
    for s in ingest query realtime; do
      printf 'upstream offerpulse_%s {\n' "$s"
      for i in $(seq 1 "$INSTANCES"); do
        printf '    server %s:%s max_fails=1 fail_timeout=5s;\n' "$HOST" "$(service_port "$s" "$i")"
      done
      printf '}\n'
    done
  } >"$dir/upstreams.conf"
  local frontend="$WEB_ROOT"
  if [[ ! -f "$frontend/index.html" ]]; then
    frontend="$dir/www"; mkdir -p "$frontend"
    printf 'OfferPulse API is behind /api and /ws; build the web app (cd frontend && npm run build) to serve it here.\n' \
      >"$frontend/index.html"
  fi
  NGINX_DIR="$dir" INFRA_DIR="$INFRA_DIR" PROXY_HOST="$PROXY_HOST" PROXY_PORT="$PROXY_PORT" FRONTEND_ROOT="$frontend" \
    envsubst '${NGINX_DIR} ${INFRA_DIR} ${PROXY_HOST} ${PROXY_PORT} ${FRONTEND_ROOT}' \
    <"$INFRA_DIR/nginx/nginx.conf.template" >"$dir/nginx.conf"
  nginx -t -q -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" || die "nginx config check failed"
  if running nginx; then
    nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" -s reload
  else
    require_free "$PROXY_PORT" nginx
    spawn nginx nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" -g 'daemon off;'
  fi
  local n
  for n in $(seq 1 50); do
    curl -fsS --max-time 1 "http://$PROXY_HOST:$PROXY_PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "nginx not answering on $PROXY_HOST:$PROXY_PORT; see $dir/error.log"
}

# The Prometheus scrape token: minted fresh on every `up` (and by `rotate-token`), written atomically. Prometheus
# reads credentials_file on every scrape, so a new token is used without a reload; `status` shows the days left and
# warns near the end; the OfferPulseScrapeFailing alert (infra/prometheus/alerts.yml) fires if scrapes fail anyway.
write_scrape_token() {
  local f="$RUN_DIR/prometheus.token"
  (umask 077; cluster_tool mint-token --secret-file "$RUN_DIR/jwt-secret" --subject svc_prometheus \
    --ttl "$SCRAPE_TOKEN_TTL" >"$f.new") && mv -f "$f.new" "$f"
  log "scrape token (valid $SCRAPE_TOKEN_TTL) in $f"
}

# token_days_left FILE: whole days until the JWT's exp claim, or nothing when it cannot be read.
token_days_left() {
  local payload exp
  [[ -s "$1" ]] || return 0
  payload="$(cut -d. -f2 <"$1" | tr '_-' '/+')"
  while (( ${#payload} % 4 )); do payload+="="; done
  exp="$(printf '%s' "$payload" | base64 -d 2>/dev/null | sed -n 's/.*"exp":\([0-9]*\).*/\1/p')"
  [[ -n "$exp" ]] && echo $(( (exp - $(date +%s)) / 86400 ))
}

# ---------------------------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------------------------

cmd_up() {
  have java || die "java (17+) is required"
  install_missing nginx nginx
  install_missing redis-server redis-server
  install_missing envsubst gettext-base
  local t0=$SECONDS
  mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
  ensure_built
  ensure_secret
  log "kafka: 3 combined broker+controller nodes on $(bootstrap)"
  local tk=$SECONDS
  kafka_up
  log "kafka ready in $((SECONDS - tk))s"
  redis_up
  log "redis on $HOST:$REDIS_PORT"
  services_up
  write_scrape_token
  nginx_up
  log "proxy on http://$PROXY_HOST:$PROXY_PORT (routes: infra/nginx/routes.conf)"
  log "all up in $((SECONDS - t0))s; logs in $RUN_DIR/logs; try infra/smoke-round.sh"
}

cmd_status() {
  local name pid health port s i rc=0
  printf '%-12s %-8s %-7s %s\n' NAME PID STATE HEALTH
  for name in kafka-1 kafka-2 kafka-3 redis; do
    if pid="$(pid_of "$name")"; then printf '%-12s %-8s %-7s %s\n' "$name" "$pid" up -
    else printf '%-12s %-8s %-7s %s\n' "$name" - down -; rc=1; fi
  done
  for s in "${SERVICES[@]}"; do
    for i in $(seq 1 "$INSTANCES"); do
      name="$s-$i"; port="$(service_port "$s" "$i")"
      if pid="$(pid_of "$name")"; then
        health="$(curl -fsS --max-time 2 "http://$HOST:$port/actuator/health" 2>/dev/null |
          sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p')"
        [[ "$health" == UP ]] || rc=1
        printf '%-12s %-8s %-7s %s\n' "$name" "$pid" up "${health:-no answer} (:$port)"
      else
        printf '%-12s %-8s %-7s %s\n' "$name" - down "(:$port)"; rc=1
      fi
    done
  done
  if pid="$(pid_of nginx)"; then
    printf '%-12s %-8s %-7s %s\n' nginx "$pid" up "http://$PROXY_HOST:$PROXY_PORT"
  else
    printf '%-12s %-8s %-7s %s\n' nginx - down -; rc=1
  fi
  local days
  days="$(token_days_left "$RUN_DIR/prometheus.token")"
  if [[ -z "$days" ]]; then
    printf 'scrape token: none (run up or rotate-token)\n'
  elif (( days < SCRAPE_TOKEN_WARN_DAYS )); then
    printf 'scrape token: WARNING expires in %s day(s): run infra/cluster.sh rotate-token\n' "$days"; rc=1
  else
    printf 'scrape token: valid for %s more day(s)\n' "$days"
  fi
  return "$rc"
}

cmd_down() {
  local purge=0 s i
  [[ "${1:-}" == "--purge" ]] && purge=1
  stop nginx 10
  # Services in reverse start order, each instance gracefully (Kafka Streams closes its tasks, producers flush).
  for s in realtime query stream ingest; do
    for i in $(seq "$INSTANCES" -1 1); do stop "$s-$i" 30; done
  done
  stop redis 10
  # All brokers at once: stopped one by one, the last ones would lose their controller quorum mid-shutdown.
  local n pid
  for n in 1 2 3; do
    if pid="$(pid_of "kafka-$n")"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for n in 1 2 3; do stop "kafka-$n" 40; done
  if (( purge )); then
    rm -rf -- "$RUN_DIR"
    log "deleted $RUN_DIR"
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  status) cmd_status ;;
  rotate-token) [[ -s "$RUN_DIR/jwt-secret" ]] || die "no cluster in $RUN_DIR (run up first)"
    ensure_built; write_scrape_token ;;
  down) shift; cmd_down "$@" ;;
  *) usage ;;
esac

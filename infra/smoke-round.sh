#!/usr/bin/env bash
# One interview round through the reverse proxy, the way the browser does it:
#   the web app (index.html with its root element, then every script and stylesheet it links) → guest sign-in → start
#   a round → WebSocket upgrades (/ws/rooms, /ws/ingest) → transcript → end
#   → GET /api/sessions/{id} (the end-of-round card, once the stream processor summarised it)
#   → GET /api/user/offer-probability
# Prints each step with its time; exits non-zero at the first failure.
#
#   infra/smoke-round.sh [BASE_URL]      (default http://127.0.0.1:8000, the proxy of infra/cluster.sh)
#   SMOKE_TIMEOUT=90 infra/smoke-round.sh  bound on waiting for the summary (seconds)
set -euo pipefail

BASE="${1:-${OFFERPULSE_BASE_URL:-http://127.0.0.1:${OFFERPULSE_PROXY_PORT:-8000}}}"
TIMEOUT="${SMOKE_TIMEOUT:-90}"
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }

T0=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
step() { printf '[smoke] %-34s %s\n' "$1" "$2"; }
fail() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }

BODY="$(mktemp)"; trap 'rm -f "$BODY"' EXIT

# call METHOD PATH [JSON]: sets STATUS, response body in $BODY.
call() {
  local method="$1" path="$2" data="${3:-}"
  local args=(-sS -o "$BODY" -w '%{http_code}' --max-time 15 -X "$method")
  [[ -n "${TOKEN:-}" ]] && args+=(-H "authorization: Bearer $TOKEN")
  [[ -n "$data" ]] && args+=(-H 'content-type: application/json' --data "$data")
  STATUS="$(curl "${args[@]}" "$BASE$path")" || STATUS=000
}

expect() {
  local want="$1" what="$2"
  [[ "$STATUS" == "$want" ]] || fail "$what: HTTP $STATUS (wanted $want): $(head -c 400 "$BODY")"
}

# ws_upgrade PATH: the proxy must pass a WebSocket handshake through to the right service (101).
ws_upgrade() {
  local code
  code="$(curl -sS -o /dev/null -w '%{http_code}' --http1.1 --max-time 3 \
    -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
    -H 'Sec-WebSocket-Key: b2ZmZXJwdWxzZS1zbW9rZQ==' "$BASE$1" 2>/dev/null)" || true
  [[ "$code" == 101 ]] || fail "WebSocket upgrade of ${1%%\?*}: HTTP $code (wanted 101)"
}

# The page first: the proxy must serve the built web app (not a placeholder), and every asset it links.
t=$(date +%s%N)
call GET /
expect 200 "web app page"
grep -q '<div id="root">' "$BODY" || fail "GET / is not the web app (no root element): $(head -c 200 "$BODY")"
mapfile -t ASSETS < <(grep -oE '(src|href)="/assets/[^"]+"' "$BODY" | sed -E 's/^(src|href)="//; s/"$//' | sort -u)
(( ${#ASSETS[@]} > 0 )) || fail "GET / links no built asset (/assets/...): is it the Vite build?"
for asset in "${ASSETS[@]}"; do
  call GET "$asset"
  expect 200 "web app asset $asset"
  [[ -s "$BODY" ]] || fail "web app asset $asset is empty"
done
step "web app page + assets" "${#ASSETS[@]} assets ($(ms_since "$t") ms)"

t=$(date +%s%N)
call POST /api/auth/guest ""
expect 201 "guest sign-in"
TOKEN="$(jq -r .token "$BODY")"; USER_ID="$(jq -r .user_id "$BODY")"
[[ -n "$TOKEN" && "$TOKEN" != null ]] || fail "guest sign-in returned no token"
step "guest sign-in" "$USER_ID ($(ms_since "$t") ms)"

t=$(date +%s%N)
call POST /api/sessions '{"question":"Tell me about a time you led a hard migration.","target_role":"engineer"}'
expect 201 "start round"
SID="$(jq -r .session_id "$BODY")"
step "start round" "$SID ($(ms_since "$t") ms)"

t=$(date +%s%N)
# After the 101 the socket stays open until curl's time limit: check both at once.
ws_upgrade "/ws/rooms/$SID?access_token=$TOKEN" & rooms=$!
ws_upgrade "/ws/ingest/$SID?access_token=$TOKEN" & ingest=$!
wait "$rooms" || exit 1
wait "$ingest" || exit 1
step "ws upgrade rooms + ingest" "101, 101 ($(ms_since "$t") ms)"

t=$(date +%s%N)
SEGMENTS='{"segments":[
 {"seq":1,"speaker":"interviewer","text":"Tell me about a time you led a hard migration.","start_ms":0,"end_ms":2500,"final":true},
 {"seq":2,"speaker":"candidate","text":"Last year our billing service could not keep up with peak traffic.","start_ms":3000,"end_ms":7000,"final":true},
 {"seq":3,"speaker":"candidate","text":"I designed the move to an event log and led a team of four engineers through it.","start_ms":7000,"end_ms":12000,"final":true},
 {"seq":4,"speaker":"candidate","text":"We cut p99 latency from 900 ms to 120 ms and saved 40 thousand dollars a year.","start_ms":12000,"end_ms":17000,"final":true},
 {"seq":5,"speaker":"candidate","text":"I learned to write the rollback plan before the migration plan.","start_ms":17000,"end_ms":21000,"final":true}]}'
call POST "/api/sessions/$SID/transcript" "$SEGMENTS"
expect 202 "transcript"
ACCEPTED="$(jq -r .accepted "$BODY")"
[[ "$ACCEPTED" == 5 ]] || fail "transcript: accepted $ACCEPTED of 5"
step "transcript" "accepted $ACCEPTED ($(ms_since "$t") ms)"

t=$(date +%s%N)
call POST "/api/sessions/$SID/end"
expect 202 "end round"
step "end round" "($(ms_since "$t") ms)"

# The summary appears once the stream processor has seen the end and the query side has read the summary.
t=$(date +%s%N)
deadline=$(( $(date +%s) + TIMEOUT ))
while :; do
  call GET "/api/sessions/$SID"
  [[ "$STATUS" == 200 ]] && break
  [[ "$STATUS" == 404 || "$STATUS" == 503 ]] || fail "round summary: HTTP $STATUS: $(head -c 400 "$BODY")"
  (( $(date +%s) < deadline )) || fail "round summary not there after ${TIMEOUT}s (last HTTP $STATUS)"
  sleep 0.5
done
SCORE="$(jq -r .session_score "$BODY")"; SENTENCES="$(jq -r .sentence_count "$BODY")"
AFTER="$(jq -r .offer_probability_after "$BODY")"
[[ "$(jq -r .session_id "$BODY")" == "$SID" ]] || fail "round summary names another round"
(( SENTENCES >= 4 )) || fail "round summary counts $SENTENCES sentences (wanted at least 4)"
step "round summary" "score $SCORE, $SENTENCES sentences, offer probability $AFTER ($(ms_since "$t") ms after end)"

t=$(date +%s%N)
deadline=$(( $(date +%s) + TIMEOUT ))
while :; do
  call GET /api/user/offer-probability
  [[ "$STATUS" == 200 ]] && (( $(jq -r '.sessions_count // 0' "$BODY") >= 1 )) && break
  [[ "$STATUS" == 200 || "$STATUS" == 404 || "$STATUS" == 503 ]] ||
    fail "offer probability: HTTP $STATUS: $(head -c 400 "$BODY")"
  (( $(date +%s) < deadline )) || fail "offer probability not there after ${TIMEOUT}s (last HTTP $STATUS)"
  sleep 0.5
done
P="$(jq -r .offer_probability "$BODY")"
jq -e '.offer_probability > 0 and .offer_probability < 1 and (.confidence_band.low <= .offer_probability)
       and (.offer_probability <= .confidence_band.high) and (.drivers_positive | type == "array")
       and (.what_to_fix_next | type == "array")' "$BODY" >/dev/null ||
  fail "offer probability out of contract: $(head -c 400 "$BODY")"
step "offer probability" "$P, band [$(jq -r .confidence_band.low "$BODY"), $(jq -r .confidence_band.high "$BODY")], $(jq -r .sessions_count "$BODY") round(s) ($(ms_since "$t") ms)"

step "round complete" "$(ms_since "$T0") ms in total through $BASE"

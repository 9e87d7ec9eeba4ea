#!/usr/bin/env bash
# bench/tools/memprobe.sh PORT DBFILE: serve DBFILE; memory at start, after a 10 s unique-URL profile load, after API loads, after 40 s idle
set -u
PORT=$1; DB=$2; ROOT=$(cd "$(dirname "$0")/../.." && pwd); TOOLS=$ROOT/bench/tools; cd "$ROOT"
NODE_OPTIONS="--expose-gc --import $TOOLS/memdump.mjs ${EXTRA:-}" PORT=$PORT HOST=127.0.0.1 DATABASE_URL=$DB LOG_LEVEL=warn ${PIN:+taskset -c $PIN} node bin/twinning.js serve 2>${TMPDIR:-/tmp}/serve.log &
PID=$!
until curl -sf localhost:$PORT/health >/dev/null; do sleep 0.5; done
until [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:$PORT/api/network)" = 200 ]; do sleep 1; done
sleep 35   # the network worker ends after 30 s idle
dump() { kill -USR2 $PID; sleep 1; echo "$1: $(tail -1 ${TMPDIR:-/tmp}/mem-$PID.txt)"; }
dump start
cat > ${TMPDIR:-/tmp}/u.lua <<'L'
local n = 0
request = function() n = n + 1; local p = os.getenv("P"); local sep = "?"; if string.find(p, "?", 1, true) then sep = "&" end; return wrk.format("GET", p .. sep .. "u=" .. n) end
L
P=$(curl -s -o /dev/null -w '%{redirect_url}' localhost:$PORT/places/Q2256 | sed 's|http://[^/]*||')
P=$P ${PIN:+taskset -c 1} wrk -t1 -c50 -d10s -s ${TMPDIR:-/tmp}/u.lua http://127.0.0.1:$PORT | grep Requests/sec
dump "after profile load"
for p in /api/places/Q2256 /api/places/Q2256/twinnings "/api/places/suggest?q=ber" /api/places/Q148/stats; do
  P=$p ${PIN:+taskset -c 1} wrk -t1 -c50 -d5s -s ${TMPDIR:-/tmp}/u.lua http://127.0.0.1:$PORT | grep Requests/sec
done
dump "after api loads"
sleep 40
dump "after 40 s idle"
kill $PID; wait $PID 2>/dev/null

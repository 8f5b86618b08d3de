#!/usr/bin/env bash
# How long the erasure's staff-store script holds Redis when the audit log and the safeguarding
# events are full (50,000 entries each): starts a throw-away redis-server on a free port, fills both
# lists, runs the script (taken from RedisScripts.java) for five conversations, prints Redis's own
# time per call (INFO commandstats). Usage: benchmarks/erasure-redis.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$dir/r.pid" --logfile "$dir/r.log" --dir "$dir"
trap 'kill "$(cat "$dir/r.pid")"; rm -rf "$dir"' EXIT
sleep 1
python3 - "$here" "$dir" <<'PY'
import re, sys
src = open(sys.argv[1] + '/bot/src/main/java/org/townhall/bot/store/RedisScripts.java').read()
open(sys.argv[2] + '/erase.lua', 'w').write(re.search(r'ERASE_CONVERSATION = """\n(.*?)"""', src, re.S).group(1))
PY
redis-cli -p "$port" EVAL "for i=1,50000 do
  local id = string.format('%08d', i) .. '-7a4d-4e2b-9c1a-5d6e7f8a9b0c'
  redis.call('RPUSH', KEYS[1], '{\"at\":\"2026-12-03T10:00:00Z\",\"actor\":\"ann\",\"action\":\"view\",\"conversationId\":\"' .. id .. '\",\"detail\":null}')
  redis.call('RPUSH', KEYS[2], '{\"at\":\"2026-12-03T10:00:00Z\",\"conversationId\":\"' .. id .. '\",\"channel\":\"webchat\",\"category\":\"self-harm\",\"kind\":\"handoff\",\"seconds\":null}')
end return 1" 2 th:audit th:safeguarding >/dev/null
redis-cli -p "$port" CONFIG RESETSTAT >/dev/null
for i in 1 2 3 4 5; do
  id=$(printf '%08d' $((i * 1000)))-7a4d-4e2b-9c1a-5d6e7f8a9b0c
  redis-cli -p "$port" --eval "$dir/erase.lua" "th:conv:$id:notes" "th:conv:$id:audit" "th:typing:$id" \
    th:safeguarding th:audit , "$id" TH-BENCH '{"action":"erase"}' 50000 >/dev/null
done
redis-cli -p "$port" INFO commandstats | grep '^cmdstat_eval'

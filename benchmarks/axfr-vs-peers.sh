#!/usr/bin/env bash
# Zone transfer (AXFR) of one zone from Dunlin, NSD, Knot and BIND9, side by side in one run.
#
#   bash benchmarks/axfr-vs-peers.sh [ZONE_FILE] [ORIGIN] [ROUNDS]
#
# Run from the project root. Defaults: the signed IANA root zone of ../shared/testdata/real-zones, origin
# ".", 40 transfers per server. Each server runs alone (one worker) pinned to core 0 and serves the zone
# to 127.0.0.1; kdig, pinned to core 1, asks for ROUNDS transfers one after another (after 3 for warm-up).
# Reported per transfer: wall time as kdig sees it (kdig's own parsing included, the same for everyone)
# and the server's CPU time (user + system of its whole process tree, from /proc; the kernel counts in
# 10 ms ticks, so ROUNDS should be large enough for a few hundred ms in all). The last lines give
# Dunlin's ratios: peer time / Dunlin time, so above 1 means Dunlin is faster or cheaper.
set -euo pipefail
cd "$(dirname "$0")/.."

ZONE=$(realpath "${1:-../shared/testdata/real-zones/root.zone.2022021501.signed}")
ORIGIN=${2:-.}
ROUNDS=${3:-40}
W=$(mktemp -d /tmp/dunlin-axfr.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do
        pkill -TERM -P "$p" 2>/dev/null || true
        kill "$p" 2>/dev/null || true
    done
    sleep 0.5
    rm -rf "$W"
}
trap cleanup EXIT

for tool in kdig dig nsd knotd named taskset; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "missing $tool (apt-get install nsd knot knot-dnsutils bind9 bind9-dnsutils)" >&2; exit 2; }
done
export PATH="$PATH:/usr/sbin"
cp "$ZONE" "$W/zone"

# CPU ticks (user + system) of a process and all its descendants.
ticks() {
    local total=0 p
    for p in $1 $(pgrep -P "$1" 2>/dev/null) $(for c in $(pgrep -P "$1" 2>/dev/null); do pgrep -P "$c" 2>/dev/null; done); do
        if [ -r "/proc/$p/stat" ]; then
            # fields 14 and 15 after the command name, which may contain spaces
            total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
        fi
    done
    echo "$total"
}

wait_ready() {
    local port=$1
    for _ in $(seq 1 100); do
        if dig +time=1 +tries=1 @127.0.0.1 -p "$port" "$ORIGIN" SOA 2>/dev/null | grep -q "status: NOERROR"; then
            return 0
        fi
        sleep 0.2
    done
    echo "server on port $port did not answer" >&2
    return 1
}

start() {
    local name=$1 port=$2
    local d="$W/$name"
    mkdir -p "$d"
    case $name in
        dunlin)
            taskset -c 0 ./dunlin serve --zone "$ORIGIN=$W/zone" --listen "127.0.0.1:$port" --workers 1 \
                --allow-transfer 127.0.0.1 >"$d/log" 2>&1 &
            ;;
        nsd)
            cat >"$d/nsd.conf" <<C
server:
  ip-address: 127.0.0.1@$port
  server-count: 1
  zonesdir: "$d"
  pidfile: "$d/nsd.pid"
  zonelistfile: "$d/zone.list"
  xfrdfile: "$d/xfrd.state"
  database: ""
  username: ""
  logfile: "$d/log"
  verbosity: 0
  rrl-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: "$ORIGIN"
  zonefile: "$W/zone"
  provide-xfr: 127.0.0.1 NOKEY
C
            taskset -c 0 nsd -d -c "$d/nsd.conf" >"$d/out" 2>&1 &
            ;;
        knot)
            mkdir -p "$d/db"
            cat >"$d/knot.conf" <<C
server:
  listen: 127.0.0.1@$port
  udp-workers: 1
  tcp-workers: 1
  background-workers: 1
  rundir: "$d"
  pidfile: "$d/knot.pid"
database:
  storage: "$d/db"
log:
  - target: "$d/log"
    any: error
acl:
  - id: local
    address: 127.0.0.1
    action: transfer
zone:
  - domain: "$ORIGIN"
    file: "$W/zone"
    zonefile-load: whole
    journal-content: none
    acl: local
C
            taskset -c 0 knotd -c "$d/knot.conf" >"$d/out" 2>&1 &
            ;;
        bind)
            cat >"$d/named.conf" <<C
options { directory "$d"; listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; };
  recursion no; pid-file "$d/named.pid"; notify no; allow-transfer { 127.0.0.1; }; };
zone "$ORIGIN" { type primary; file "$W/zone"; };
C
            taskset -c 0 named -g -c "$d/named.conf" -n 1 -u root >"$d/out" 2>&1 &
            ;;
    esac
    PIDS+=($!)
    wait_ready "$port"
}

declare -A WALL CPU
port=$((30000 + RANDOM % 20000))
echo "zone $ZONE ($ORIGIN), $ROUNDS transfers per server"
for name in dunlin nsd knot bind; do
    port=$((port + 1))
    start "$name" "$port"
    pid=${PIDS[-1]}
    for _ in 1 2 3; do
        taskset -c 1 kdig @127.0.0.1 -p "$port" "$ORIGIN" AXFR >/dev/null
    done
    records=$(taskset -c 1 kdig @127.0.0.1 -p "$port" "$ORIGIN" AXFR +noall +stats 2>&1 | awk '/Received/ {print $0}')
    c0=$(ticks "$pid")
    t0=$(date +%s%N)
    for _ in $(seq 1 "$ROUNDS"); do
        taskset -c 1 kdig @127.0.0.1 -p "$port" "$ORIGIN" AXFR >/dev/null
    done
    t1=$(date +%s%N)
    c1=$(ticks "$pid")
    WALL[$name]=$(( (t1 - t0) / ROUNDS / 1000 ))
    CPU[$name]=$(( (c1 - c0) * 10000 / ROUNDS ))
    printf '%-7s %8.1f ms wall  %7.2f ms server CPU per transfer   (%s)\n' "$name" \
        "$(echo "${WALL[$name]} / 1000" | bc -l)" "$(echo "${CPU[$name]} / 1000" | bc -l)" "$records"
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
done
for peer in nsd knot bind; do
    printf 'Dunlin vs %-5s wall %.2fx   server CPU %.2fx\n' "$peer" \
        "$(echo "${WALL[$peer]} / ${WALL[dunlin]}" | bc -l)" \
        "$(echo "${CPU[$peer]} / (${CPU[dunlin]} + 0.000001)" | bc -l)"
done

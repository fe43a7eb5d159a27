#!/bin/sh
# compare.sh: time whole `starpack build --all` runs against the peers (the
# same job done with other stacks) on the same banks, and `starpack import`
# of the largest bank.
#
# Usage:  sh bench/compare.sh PEERS_DIR        (or PEERS_DIR=... sh bench/compare.sh)
#
# PEERS_DIR is the peers' bench folder: peers/ (py_reportlab.py,
# chromium_print.sh, node_pdfkit/ with its node_modules installed) and data/
# (seed, bank-1000 and bank-10000, each as .json for the peers and .txt for
# starpack). Environment:
#   RUNS=7          timed runs of each tool per size (the median is shown), after WARMUP=1
#   SIZES="seed bank-1000 bank-10000"
#   PEERS="py_reportlab node_pdfkit"   all four files, at every size
#   CHROMIUM_SIZES="seed"   sizes at which chromium_print (the two PDFs only,
#                   seconds a run) is timed too, when chromium is installed
#   STARPACK=path   a starpack binary to time (default: built from this checkout)
#
# Runs are interleaved (starpack, peer A, peer B, starpack, ...) so that a
# machine whose speed drifts treats every tool alike. Each run writes into a
# fresh output folder (all removed at the end). Wall time is start to reap
# on a monotonic clock; peak memory is the largest resident set of the
# command and the processes it waited for (ru_maxrss). Prints per size the
# median wall time and peak of each tool and the ratios peer / starpack.
set -eu

PEERS_DIR=${1:-${PEERS_DIR:-}}
[ -n "$PEERS_DIR" ] && [ -d "$PEERS_DIR/peers" ] && [ -d "$PEERS_DIR/data" ] || {
	echo "usage: sh bench/compare.sh PEERS_DIR   (the folder holding peers/ and data/)" >&2
	exit 2
}
PEERS_DIR=$(cd "$PEERS_DIR" && pwd)
RUNS=${RUNS:-7}
WARMUP=${WARMUP:-1}
SIZES=${SIZES:-"seed bank-1000 bank-10000"}
PEERS=${PEERS:-"py_reportlab node_pdfkit"}
CHROMIUM_SIZES=${CHROMIUM_SIZES-seed}
command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 || CHROMIUM_SIZES=
REPO=$(cd "$(dirname "$0")/.." && pwd)
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with reportlab and openpyxl

TMP=$(mktemp -d "${TMPDIR:-/tmp}/starpack-compare.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

if [ -z "${STARPACK:-}" ]; then
	(cd "$REPO" && go build -o "$TMP/starpack" ./cmd/starpack)
	STARPACK=$TMP/starpack
fi

# One line per command to time: NAME SIZE OUTDIR CMD... (OUTDIR is emptied
# before each run, outside the timing).
: >"$TMP/commands"
for size in $SIZES; do
	[ -f "$PEERS_DIR/data/$size.txt" ] || { echo "no $PEERS_DIR/data/$size.txt" >&2; exit 1; }
	"$STARPACK" import "$PEERS_DIR/data/$size.txt" --into "$TMP/ws-$size" >/dev/null 2>&1
	echo "starpack $size $TMP/out/starpack $STARPACK build --all --workspace $TMP/ws-$size --out $TMP/out/starpack" >>"$TMP/commands"
	peers=$PEERS
	case " $CHROMIUM_SIZES " in *" $size "*) peers="$peers chromium_print" ;; esac
	for peer in $peers; do
		in=$PEERS_DIR/data/$size.json
		out=$TMP/out/$peer
		case $peer in
		py_reportlab) cmd="$PY $PEERS_DIR/peers/py_reportlab.py $in $out" ;;
		node_pdfkit) cmd="node $PEERS_DIR/peers/node_pdfkit/export.js $in $out" ;;
		chromium_print) cmd="sh $PEERS_DIR/peers/chromium_print.sh $in $out" ;;
		*) echo "unknown peer $peer" >&2; exit 2 ;;
		esac
		echo "$peer $size $out $cmd" >>"$TMP/commands"
	done
done
# The import of the largest text bank, into a fresh workspace each run.
last=$(echo $SIZES | awk '{print $NF}')
echo "starpack-import $last $TMP/imported $STARPACK import $PEERS_DIR/data/$last.txt --into $TMP/imported" >>"$TMP/commands"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo "$("$STARPACK" version 2>/dev/null | head -1); $(nproc) cores${cpu:+ ($cpu)}; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
"$PY" - "$TMP/commands" "$RUNS" "$WARMUP" <<'EOF'
import os, statistics, subprocess, sys, time

commands, runs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
jobs = []  # (name, size, outdir, argv)
for line in open(commands):
    name, size, out, *argv = line.split()
    jobs.append((name, size, out, argv))

try:  # adopt orphans (Chromium's helpers) so that their memory counts
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except Exception:
    pass

runs_done = 0

def run(out, argv):
    # A fresh output folder each run, removed only at the end: deleting
    # thousands of files just before a run would slow the run's writes.
    global runs_done
    runs_done += 1
    fresh = "%s/run-%d" % (out, runs_done)
    argv = [fresh if a == out else a for a in argv]
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    peak = ru.ru_maxrss
    try:
        os.killpg(p.pid, 9)
    except ProcessLookupError:
        pass
    while True:  # orphans left behind
        try:
            pid, _, ru = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if not pid:
            break
        peak = max(peak, ru.ru_maxrss)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("failed (exit %d): %s" % (code, " ".join(argv)))
    return wall, peak / 1024.0

sizes = []
for j in jobs:
    if j[1] not in sizes:
        sizes.append(j[1])
results = {}
for size in sizes:
    group = [j for j in jobs if j[1] == size]
    for i in range(warmup + runs):
        for name, _, out, argv in group:  # interleaved
            wall, peak = run(out, argv)
            if i >= warmup:
                results.setdefault((name, size), []).append((wall, peak))

def med(name, size):
    rs = results[(name, size)]
    return statistics.median(w for w, _ in rs), statistics.median(p for _, p in rs), min(w for w, _ in rs), max(w for w, _ in rs)

print("median of %d interleaved runs after %d warm-up; ratio = peer / starpack" % (runs, warmup))
print("%-10s %-16s %10s %10s %10s %9s %9s" % ("bank", "tool", "wall s", "range s", "peak MiB", "time x", "memory x"))
for size in sizes:
    names = [n for (n, s) in results if s == size and n != "starpack-import"]
    if "starpack" not in names:
        continue
    sw, sp, _, _ = med("starpack", size)
    for name in names:
        w, p, lo, hi = med(name, size)
        tx = "" if name.startswith("starpack") else "%.1f" % (w / sw)
        mx = "" if name.startswith("starpack") else "%.1f" % (p / sp)
        print("%-10s %-16s %10.3f %10s %10.0f %9s %9s" % (size, name, w, "%.3f-%.3f" % (lo, hi), p, tx, mx))
    peers = [n for n in names if not n.startswith("starpack") and n != "chromium_print"]  # all four files
    if peers:
        fast = min(peers, key=lambda n: med(n, size)[0])
        lean = min(peers, key=lambda n: med(n, size)[1])
        print("%-10s fastest peer %s: %.1fx the time; leanest peer %s: %.1fx the memory" % (
            size, fast, med(fast, size)[0] / sw, lean, med(lean, size)[1] / sp))
for (name, size) in results:
    if name == "starpack-import":
        w, p, lo, hi = med(name, size)
        print("%-10s %-16s %10.3f %10s %10.0f" % (size, "starpack import", w, "%.3f-%.3f" % (lo, hi), p))
EOF

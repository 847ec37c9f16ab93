#!/usr/bin/env bash
# Cold start of the desktop window: time from `java -jar` to the window being mapped (shown) on an Xvfb display,
# and the resident memory once idle. Aim: <= 2 s and <= 250 MB. Fresh home each run (first-run page).
#   usage: bench/gui-start.sh [RUNS]      needs target/kubesignin.jar (mvn package), Xvfb and xwininfo
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=$PWD/target/kubesignin.jar
[[ -f $jar ]] || { echo "build first: mvn package" >&2; exit 1; }
display=:${BENCH_DISPLAY:-96}
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb_pid=$!
work=$(mktemp -d)
app_pid=
trap 'kill $app_pid 2>/dev/null || true; kill $xvfb_pid; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled:
for run in $(seq "$runs"); do
    rm -rf "$work/home" && mkdir -p "$work/home"
    start=$(date +%s%N)
    HOME=$work/home java -jar "$jar" >/dev/null 2>&1 &
    app_pid=$!
    until xwininfo -name kubesignin 2>/dev/null | grep -q IsViewable; do sleep 0.02; done
    shown=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 3 # idle: the countdown ticks, nothing else happens
    rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 ))
    echo "run $run: window shown after ${shown} ms, idle RSS ${rss} MB"
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
done

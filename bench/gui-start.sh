#!/usr/bin/env bash
# Cold start of the desktop window: time from `java -jar` to the window being mapped (shown) on an Xvfb display,
# and the resident memory once idle (3 s after it shows), next to the same figures for the smallest JavaFX window
# started from the same jar (bench/BareWindow.java). Aim: <= 2 s and <= 250 MB. Fresh home each run (first-run page).
#   usage: bench/gui-start.sh [RUNS]      needs target/kubesignin.jar (mvn package), Xvfb and xwininfo
source "$(dirname "$0")/lib.sh"
bench_require Xvfb xwininfo javac
runs=${1:-${BENCH_GUI_RUNS:-5}}
bench_work
display=:${BENCH_DISPLAY:-96}
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB_PID=$!
on_exit 'kill $XVFB_PID 2>/dev/null'
app_pid=
on_exit '[[ -n $app_pid ]] && kill $app_pid 2>/dev/null'
sleep 1
export DISPLAY=$display NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled:
javac -nowarn -cp "$JAR" -d "$WORK/bare" bench/BareWindow.java 2>/dev/null

# one cold start: TITLE COMMAND...; prints "SHOWN_MS RSS_MB"
start_window() {
    local title=$1 start shown rss
    shift
    rm -rf "$WORK/home" && mkdir -p "$WORK/home"
    start=$(date +%s%N)
    HOME=$WORK/home "$@" >/dev/null 2>&1 &
    app_pid=$!
    until xwininfo -name "$title" 2>/dev/null | grep -q IsViewable; do sleep 0.01; done
    shown=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 3 # idle: the countdown ticks, nothing else happens
    rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 ))
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
    echo "$shown $rss"
}

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
app=() bare=()
for run in $(seq "$runs"); do
    app+=("$(start_window kubesignin "$JAVA17" -jar "$JAR")")
    bare+=("$(start_window bare-javafx "$JAVA17" -cp "$WORK/bare:$JAR" BareWindow)")
    echo "  run $run: kubesignin ${app[-1]% *} ms, ${app[-1]#* } MB; bare JavaFX ${bare[-1]% *} ms, ${bare[-1]#* } MB"
done
bench_header "GUI cold start" "$runs"
row "GUI window shown (java -jar, fresh home; $runs runs)" "$(printf '%s\n' "${app[@]%% *}" | median)" \
    "the smallest JavaFX window" "$(printf '%s\n' "${bare[@]%% *}" | median)"
row "GUI idle RSS ($runs runs)" "$(printf '%s\n' "${app[@]##* }" | median)" \
    "the smallest JavaFX window" "$(printf '%s\n' "${bare[@]##* }" | median)" MB

#!/usr/bin/env bash
# Runs every benchmark in bench/ and prints one summary table (markdown, as README's "Speed" section shows it).
# Needs target/kubesignin.jar (mvn package) and: hyperfine jq gcc kubectl curl openssl python3 xvfb x11-utils,
# gnome-keyring libsecret-tools dbus-x11 (Debian packages). Runs under .ci/with-keyring.
#   usage: bench/all.sh      (BENCH_RUNS=N for the short commands, default 30)
source "$(dirname "$0")/lib.sh"
bench_require hyperfine jq cc kubectl curl openssl python3 Xvfb xwininfo javac
bench_in_keyring "$0" "$@"
bench_work
export BENCH_TABLE=$WORK/table.md
{
    echo "| measured | value | reference (same run) | value | difference | ratio |"
    echo "|---|---|---|---|---|---|"
} >"$BENCH_TABLE"
for script in kubectl-exec get-token login kubeconfig-big gui-start; do
    "$BENCH_ROOT/bench/$script.sh"
    echo
done
echo "Summary ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
    "$("$JAVA17" -version 2>&1 | head -1 | sed 's/ version//'); kubectl $("$KUBECTL" version --client 2>/dev/null | head -1 | sed 's/Client Version: //');" \
    "median of ${RUNS} runs unless the row says otherwise):"
echo
cat "$BENCH_TABLE"

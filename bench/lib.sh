# Shared by the bench/ scripts (source it): timing with hyperfine, the result rows, and a signed-in demo session
# in a throw-away home. Every figure is printed next to a reference measured in the same run.
# shellcheck shell=bash
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$BENCH_ROOT"
JAR=$BENCH_ROOT/target/kubesignin.jar
# the JVM flags kubeconfig's exec entry uses when it runs java itself (app/SelfCommand.QUICK_START)
QUICK=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
RUNS=${BENCH_RUNS:-30}
JAVA17=${BENCH_JAVA17:-java}
JAVA25=${BENCH_JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1 || true)}

# A plain kubectl binary, as most people have: Google Cloud SDK's `kubectl` is a dispatcher in front of its
# versioned kubectl.1.NN binaries, so the newest of those is used instead.
pick_kubectl() {
    local onpath version
    onpath=$(command -v kubectl || true)
    version=$(kubectl version --client 2>/dev/null || true) # not piped into grep -q: pipefail and SIGPIPE
    if [[ -n $onpath && $version == *dispatcher* ]]; then
        ls "$(dirname "$(readlink -f "$onpath")")"/kubectl.1.* 2>/dev/null | sort -V | tail -1
    else
        echo "${onpath:-kubectl}"
    fi
}
KUBECTL=${BENCH_KUBECTL:-$(pick_kubectl)}

# cleanup steps, run in reverse order on exit: on_exit 'kill $PID'
BENCH_CLEANUP=()
on_exit() { BENCH_CLEANUP=("$1" "${BENCH_CLEANUP[@]}"); }
bench_cleanup() { local step; for step in "${BENCH_CLEANUP[@]}"; do eval "$step" || true; done; }
trap bench_cleanup EXIT

bench_require() {
    local missing=()
    [[ -f $JAR ]] || { echo "build first: mvn package" >&2; exit 1; }
    for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    if ((${#missing[@]})); then
        echo "missing: ${missing[*]} (Debian: apt-get install -y hyperfine jq gcc ...)" >&2
        exit 1
    fi
}

# Under .ci/with-keyring (a private D-Bus with an unlocked gnome-keyring), so that sign-in keeps its refresh token.
bench_in_keyring() {
    if [[ -z "${KUBESIGNIN_BENCH_IN_KEYRING:-}" ]]; then
        export KUBESIGNIN_BENCH_IN_KEYRING=1
        exec "$BENCH_ROOT/.ci/with-keyring" "$@"
    fi
}

# median wall time in ms (one decimal) of a command, run without a shell: median_ms [hyperfine options] COMMAND
median_ms() {
    local json log
    json=$(mktemp) log=$(mktemp)
    if ! hyperfine -N --style none --warmup "${BENCH_WARMUP:-3}" --runs "$RUNS" --export-json "$json" "$@" >"$log" 2>&1; then
        echo "benchmark failed: ${*: -1}" >&2
        cat "$log" >&2
        rm -f "$json" "$log"
        return 1
    fi
    jq '.results[0].median * 1000' "$json" | awk '{ printf "%.1f", $1 }'
    rm -f "$json" "$log"
}

# row MEASURED VALUE REFERENCE VALUE [UNIT]: prints the figure next to its reference (unit default ms), and adds
# it to $BENCH_TABLE (markdown rows for the summary). The difference is VALUE - VALUE unless ROW_DIFF gives it.
row() {
    local unit=${5:-ms} diff ratio
    diff=${ROW_DIFF:-$(awk -v a="$2" -v b="$4" 'BEGIN { printf "%+.1f", a - b }')}
    ratio=$(awk -v a="$2" -v b="$4" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf '  %-62s %8s %s  vs  %-40s %8s %s  (%s %s, x%s)\n' "$1" "$2" "$unit" "$3" "$4" "$unit" "$diff" "$unit" "$ratio"
    if [[ -n "${BENCH_TABLE:-}" ]]; then
        printf '| %s | %s %s | %s | %s %s | %s %s | %s |\n' "$1" "$2" "$unit" "$3" "$4" "$unit" "$diff" "$unit" "$ratio" >>"$BENCH_TABLE"
    fi
}

# bench_header TITLE [RUNS]
bench_header() {
    echo "== $1 (${2:-$RUNS} runs each, median; $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg); $("$JAVA17" -version 2>&1 | head -1); $KUBECTL)"
}

bench_work() {
    WORK=$(mktemp -d)
    on_exit 'rm -rf "$WORK"'
}

# A fresh home with the demo issuer running (`kubesignin demo`) and the profile 'demo' signed in as alice.
# Sets: WORK, CACHE (the profile's cache directory), DEMO_PID; defines ks (java -jar with the quick flags).
ks() { "$JAVA17" "${QUICK[@]}" -jar "$JAR" "$@"; }

bench_demo_session() {
    bench_work
    export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_CACHE_HOME=$WORK/home/.cache
    unset KUBECONFIG KUBERNETES_EXEC_INFO KUBESIGNIN_LAUNCHER
    mkdir -p "$HOME"
    CACHE=$XDG_CACHE_HOME/kubesignin
    # not through ks: $! must be the JVM. TCP_NODELAY: the JDK's HttpServer otherwise leaves Nagle's algorithm on,
    # and with the client's delayed ACK each answer waits about 40 ms (measured with curl), unlike a real issuer.
    "$JAVA17" "${QUICK[@]}" -Dsun.net.httpserver.nodelay=true -jar "$JAR" demo >"$WORK/demo.log" 2>&1 &
    DEMO_PID=$!
    on_exit 'kill $DEMO_PID 2>/dev/null'
    for _ in $(seq 150); do grep -q 'Ctrl-C' "$WORK/demo.log" 2>/dev/null && break; sleep 0.1; done
    grep -q 'Ctrl-C' "$WORK/demo.log" || { cat "$WORK/demo.log" >&2; exit 1; }
    DEMO_CA=$XDG_CONFIG_HOME/kubesignin/demo-ca.pem
    DEMO_ISSUER=$(sed -n 's/^Demo issuer running at \(https:[^ ]*\) .*/\1/p' "$WORK/demo.log")
    bench_login
}

# Signs in again: the demo issuer's id_tokens live 5 minutes, so each cached-path measurement starts fresh.
bench_login() {
    printf %s alice-password | ks login --profile demo --password-stdin >/dev/null
}

# The native launcher as the app-image has it: bin/kubectl-signin beside bin/kubesignin-cli. Without an app-image
# (BENCH_APP_IMAGE=DIR with bin/kubesignin-cli, e.g. target/dist/app-image/kubesignin of `mvn -Pdist package`),
# kubesignin-cli is a two-line script that execs java -jar with the quick flags.
bench_install_launcher() {
    LAUNCHER_BIN=$WORK/bin
    mkdir -p "$LAUNCHER_BIN"
    packaging/launcher/build.sh "$LAUNCHER_BIN"
    if [[ -n "${BENCH_APP_IMAGE:-}" ]]; then
        ln -s "$BENCH_APP_IMAGE/bin/kubesignin-cli" "$LAUNCHER_BIN/kubesignin-cli"
        LAUNCHER_FALLBACK="app-image kubesignin-cli"
    else
        printf '#!/bin/sh\nexec %s %s -jar %s "$@"\n' "$JAVA17" "${QUICK[*]}" "$JAR" >"$LAUNCHER_BIN/kubesignin-cli"
        chmod +x "$LAUNCHER_BIN/kubesignin-cli"
        LAUNCHER_FALLBACK="java -jar"
    fi
    LAUNCHER=$LAUNCHER_BIN/kubectl-signin
}

# Class-data archives trained on the cached get-token path: JDK 17 AppCDS and, when Temurin 25 is installed,
# its ahead-of-time cache (which refuses -Xshare:auto). Sets CDS17 / AOT25 (java command lines as arrays).
bench_train_jvm_caches() {
    rm -f "$WORK/app17.jsa" "$WORK/app25.aot"
    "$JAVA17" "${QUICK[@]}" -XX:ArchiveClassesAtExit="$WORK/app17.jsa" -jar "$JAR" get-token --profile demo >/dev/null 2>"$WORK/cds.log"
    CDS17=("$JAVA17" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile="$WORK/app17.jsa" -jar "$JAR")
    AOT25=()
    if [[ -n "$JAVA25" ]]; then
        "$JAVA25" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTCacheOutput="$WORK/app25.aot" -jar "$JAR" get-token --profile demo >/dev/null 2>"$WORK/aot.log"
        AOT25=("$JAVA25" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTCache="$WORK/app25.aot" -jar "$JAR")
    fi
}

# "a b c" for hyperfine -N, which splits the command line itself
cmdline() { local IFS=' '; echo "$*"; }

#!/usr/bin/env bash
# Benchmarks kubectl's credential-plugin path against references measured in the same run:
#   get-token with a valid cached token   vs  kubectl version --client   (aim: ratio <= 2.0 with java -jar on JDK 17)
#   get-token refreshing (keychain + issuer) vs a bare JVM start (java -version)   (aim: <= 600 ms)
# Needs target/kubesignin.jar (mvn package) and a Secret Service; without one it re-runs itself under .ci/with-keyring.
#   usage: bench/get-token.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
jar=target/kubesignin.jar
[[ -f $jar ]] || { echo "build first: mvn package" >&2; exit 1; }
if [[ -z "${KUBESIGNIN_BENCH_IN_KEYRING:-}" ]]; then
    export KUBESIGNIN_BENCH_IN_KEYRING=1
    exec .ci/with-keyring "$0" "$@"
fi

work=$(mktemp -d)
trap 'kill $demo_pid 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
# the same JVM flags as the exec entry that kubeconfig write puts in kubeconfig
ks() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" "$@"; }

ks demo >"$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 100); do grep -q 'Ctrl-C' "$work/demo.log" 2>/dev/null && break; sleep 0.1; done
printf %s alice-password | ks login --profile demo --password-stdin >/dev/null

# median wall time in ms of a command run $runs times (after one warm-up run)
median_ms() {
    local times=() start end
    "$@" >/dev/null 2>&1
    for _ in $(seq "$runs"); do
        start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
expire_cache() { rm -f "$XDG_CACHE_HOME"/kubesignin/demo.json "$XDG_CACHE_HOME"/kubesignin/demo.exec-credential.json; }
refresh_once() { expire_cache; ks get-token --profile demo; }

cached=$(median_ms ks get-token --profile demo)
kubectl_ms=$(median_ms kubectl version --client)
refresh=$(median_ms refresh_once)
jvm=$(median_ms java -version)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "kubesignin get-token benchmark ($runs runs each, median wall time; $(nproc) cores; $(java -version 2>&1 | head -1))"
echo
printf '| %-52s | %8s | %-32s | %8s | %6s |\n' "measured" "ms" "reference" "ms" "ratio"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "----------" "----------------------------------" "----------" "--------"
printf '| %-52s | %8s | %-32s | %8s | %6s |\n' "get-token, cached token (java -jar)" "$cached" "kubectl version --client" "$kubectl_ms" "$(ratio "$cached" "$kubectl_ms")"
printf '| %-52s | %8s | %-32s | %8s | %6s |\n' "get-token, refresh (keychain + issuer, java -jar)" "$refresh" "java -version (bare JVM start)" "$jvm" "$(ratio "$refresh" "$jvm")"

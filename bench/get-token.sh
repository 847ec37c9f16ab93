#!/usr/bin/env bash
# kubectl's credential-plugin path on its own, each figure against a reference from the same run:
#   get-token with a valid cached token (native launcher; java -jar on JDK 17, with AppCDS; JDK 25 with an AOT
#   cache; the jpackage app-image's kubesignin-cli when BENCH_APP_IMAGE names one)  vs  kubectl version --client,
#   and the launcher vs cat of the very file it prints;
#   get-token refreshing (launcher -> JVM -> keychain + issuer)  vs  a bare JVM start (java -version).
# Needs target/kubesignin.jar (mvn package), hyperfine, jq, cc, kubectl and a Secret Service (it re-runs itself
# under .ci/with-keyring).      usage: bench/get-token.sh      (BENCH_RUNS=N to change the number of runs)
source "$(dirname "$0")/lib.sh"
bench_require hyperfine jq cc kubectl
bench_in_keyring "$0" "$@"
bench_demo_session
bench_install_launcher
bench_train_jvm_caches

bench_header "get-token"
get_token="get-token --profile demo"
kubectl_ms=$(median_ms "$KUBECTL version --client")
bench_login
row "get-token, cached token: native launcher" "$(median_ms "$LAUNCHER $get_token")" "kubectl version --client" "$kubectl_ms"
row "get-token, cached token: native launcher" "$(median_ms "$LAUNCHER $get_token")" "cat NAME.exec-credential.json" \
    "$(median_ms "cat $CACHE/demo.exec-credential.json")"
bench_login
row "get-token, cached token: java -jar, JDK 17" "$(median_ms "$(cmdline "$JAVA17" "${QUICK[@]}" -jar "$JAR") $get_token")" \
    "kubectl version --client" "$kubectl_ms"
row "get-token, cached token: java -jar, JDK 17 + AppCDS" "$(median_ms "$(cmdline "${CDS17[@]}") $get_token")" \
    "kubectl version --client" "$kubectl_ms"
if [[ -n "${BENCH_APP_IMAGE:-}" ]]; then
    bench_login
    row "get-token, cached token: app-image bin/kubesignin-cli" "$(median_ms "$BENCH_APP_IMAGE/bin/kubesignin-cli $get_token")" \
        "kubectl version --client" "$kubectl_ms"
fi
if ((${#AOT25[@]})); then
    bench_login
    row "get-token, cached token: java -jar, JDK 25 + AOT cache" "$(median_ms "$(cmdline "${AOT25[@]}") $get_token")" \
        "kubectl version --client" "$kubectl_ms"
fi

# the refresh path, as kubectl meets it: the cached token is gone, the launcher hands over to the JVM
expire="sh -c 'rm -f $CACHE/demo.json $CACHE/demo.exec-credential.json $CACHE/demo.exec-credential.until'"
refresh_runs=${BENCH_REFRESH_RUNS:-15}
refresh=$(RUNS=$refresh_runs median_ms --prepare "$expire" "$LAUNCHER $get_token")
row "get-token, refresh: launcher -> $LAUNCHER_FALLBACK, keychain + issuer ($refresh_runs runs)" "$refresh" "java -version (bare JVM start)" \
    "$(median_ms "$JAVA17 -version")"

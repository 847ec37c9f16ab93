#!/usr/bin/env bash
# What a kubectl command pays for using kubesignin rather than a static token: the same `kubectl get --raw /whoami`
# against the same local HTTPS endpoint (bench/api-endpoint.py, which answers only the signed-in token), once with
# the id_token pasted into kubeconfig (`token:`) and once through each exec entry. Each pair is measured back to
# in alternation right after a fresh sign-in. `cat` of the stored ExecCredential is the floor any exec plugin can reach.
# Needs target/kubesignin.jar, hyperfine, jq, cc, kubectl, openssl, python3 and a Secret Service (re-runs itself
# under .ci/with-keyring).      usage: bench/kubectl-exec.sh      (BENCH_RUNS=N)
source "$(dirname "$0")/lib.sh"
bench_require hyperfine jq cc kubectl openssl python3
bench_in_keyring "$0" "$@"
bench_demo_session
bench_install_launcher
bench_train_jvm_caches

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/api.key" -out "$WORK/api.pem" 2>/dev/null
python3 bench/api-endpoint.py "$WORK/api.pem" "$WORK/api.key" "$WORK/token" "$WORK/api.port" &
API_PID=$!
on_exit 'kill $API_PID 2>/dev/null'
for _ in $(seq 100); do [[ -s $WORK/api.port ]] && break; sleep 0.05; done
SERVER=https://127.0.0.1:$(cat "$WORK/api.port")
KUBECONFIG_FILE=$WORK/kubeconfig

# exec user entries as `kubesignin kubeconfig write` makes them (v1, interactiveMode IfAvailable)
exec_user() { # NAME COMMAND ARG...
    local name=$1 command=$2 arg
    shift 2
    printf -- '- name: %s\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: %s\n      args:\n' "$name" "$command"
    for arg in "$@"; do printf '      - "%s"\n' "$arg"; done
    printf '      interactiveMode: IfAvailable\n      provideClusterInfo: false\n'
}

# the endpoint accepts every token signed in during the run
accept_current_token() {
    jq -r .status.token "$CACHE/demo.exec-credential.json" >>"$WORK/token"
}

# written once; the static user holds the first sign-in's token, which the endpoint keeps accepting (it does not
# check expiry), so that every pair runs against the very same file
write_kubeconfig() {
    local token
    token=$(jq -r .status.token "$CACHE/demo.exec-credential.json")
    {
        printf 'apiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: %s\n    certificate-authority: %s\n' \
            "$SERVER" "$WORK/api.pem"
        printf 'contexts:\n'
        for user in static cat launcher jvm17 cds17 aot25; do
            printf -- '- name: %s\n  context:\n    cluster: local\n    user: %s\n' "$user" "$user"
        done
        printf 'users:\n- name: static\n  user:\n    token: %s\n' "$token"
        exec_user cat /bin/cat "$CACHE/demo.exec-credential.json"
        exec_user launcher "$LAUNCHER" get-token --profile demo
        exec_user jvm17 "$JAVA17" "${QUICK[@]}" -jar "$JAR" get-token --profile demo
        exec_user cds17 "${CDS17[@]}" get-token --profile demo
        ((${#AOT25[@]})) && exec_user aot25 "${AOT25[@]}" get-token --profile demo
    } >"$KUBECONFIG_FILE"
}

whoami() { echo "$KUBECTL --kubeconfig $KUBECONFIG_FILE --context $1 get --raw /whoami"; }

# static token and exec entry in alternation (bench/paired.py), so that a drifting machine load hits both alike;
# the difference is the median of the paired differences.     pair USER LABEL [PREPARE-COMMAND for the exec entry]
pair() {
    local user=$1 label=$2 prepare=${3:-} result
    bench_login
    accept_current_token
    # fail loudly if the exec entry does not deliver the signed-in token
    $(whoami "$user") >/dev/null || { echo "kubectl with the '$user' exec entry failed" >&2; exit 1; }
    result=$(python3 bench/paired.py "$RUNS" "${BENCH_WARMUP:-3}" "$(whoami static)" "$(whoami "$user")" ${prepare:+"$prepare"})
    read -r static plugin difference <<<"$result"
    ROW_DIFF=$difference row "kubectl get --raw, exec: $label" "$plugin" "the same with a static token" "$static"
}

accept_current_token
write_kubeconfig
bench_header "kubectl through the exec entry vs a static token"
pair launcher "native launcher (cached token)"
pair cat "cat of the stored ExecCredential"
pair jvm17 "java -jar, JDK 17 (as without the launcher)"
pair cds17 "java -jar, JDK 17 + AppCDS"
((${#AOT25[@]})) && pair aot25 "java -jar, JDK 25 + AOT cache"
# the launcher handing over to the JVM: its deadline file is gone, so Java decides (the token is still cached)
pair launcher "launcher -> $LAUNCHER_FALLBACK (cached token)" "rm -f $CACHE/demo.exec-credential.until"

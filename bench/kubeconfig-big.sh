#!/usr/bin/env bash
# Writing one exec user into a kubeconfig with 2,000 clusters, contexts and users (and comments):
# `kubesignin kubeconfig write` (validate, backup, comment-keeping rewrite, fsync, atomic rename) vs
# `kubectl config set-credentials` with the same exec entry, each on a fresh copy of the same file.
# Needs target/kubesignin.jar, hyperfine, jq, kubectl, python3.      usage: bench/kubeconfig-big.sh [CONTEXTS]
source "$(dirname "$0")/lib.sh"
bench_require hyperfine jq kubectl python3
contexts=${1:-2000}
bench_work
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_CACHE_HOME=$WORK/home/.cache
unset KUBECONFIG
mkdir -p "$HOME"
ks profile add demo --issuer https://idp.example.com/realms/kube --client-id kube --public >/dev/null

python3 - "$contexts" >"$WORK/big.yaml" <<'PY'
import sys
n = int(sys.argv[1])
print("apiVersion: v1\nkind: Config\ncurrent-context: ctx-0\npreferences: {}\n# clusters of the whole company")
print("clusters:")
for i in range(n):
    print(f"- name: cluster-{i}\n  cluster:\n    server: https://k8s-{i}.example.com:6443\n    certificate-authority-data: "
          + "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUURE" * 8)
print("contexts:")
for i in range(n):
    print(f"- name: ctx-{i}\n  context:\n    cluster: cluster-{i}\n    user: user-{i}\n    namespace: team-{i % 50}  # owner: team {i % 50}")
print("users:")
for i in range(n):
    print(f"- name: user-{i}\n  user:\n    token: token-{i:06d}-abcdefghijklmnopqrstuvwxyz")
PY
cp "$WORK/big.yaml" "$WORK/a.yaml"
cp "$WORK/big.yaml" "$WORK/b.yaml"
write_kubesignin="$(cmdline "$JAVA17" "${QUICK[@]}" -jar "$JAR") kubeconfig write --profile demo --kubeconfig $WORK/a.yaml"
write_kubectl="$KUBECTL config set-credentials demo --kubeconfig $WORK/b.yaml --exec-api-version=client.authentication.k8s.io/v1"
write_kubectl+=" --exec-command=/usr/bin/kubectl-signin --exec-arg=get-token --exec-arg=--profile --exec-arg=demo"
write_kubectl+=" --exec-interactive-mode=IfAvailable"
# both must really write the user (checked once, outside the timing)
$write_kubesignin >/dev/null 2>&1 && $write_kubectl >/dev/null
for f in a b; do
    [[ $("$KUBECTL" --kubeconfig "$WORK/$f.yaml" config view -o jsonpath='{.users[?(@.name=="demo")].user.exec.apiVersion}') == client.authentication.k8s.io/v1 ]] \
        || { echo "the demo user is missing from $f.yaml" >&2; exit 1; }
done
[[ $("$KUBECTL" --kubeconfig "$WORK/a.yaml" config get-contexts -o name | wc -l) -eq $contexts ]] || { echo "contexts lost" >&2; exit 1; }

RUNS=${BENCH_KUBECONFIG_RUNS:-15}
bench_header "kubeconfig with $contexts contexts ($(du -k "$WORK/big.yaml" | cut -f1) kB)"
row "kubesignin kubeconfig write, $contexts contexts (java -jar, JDK 17; $RUNS runs)" "$(median_ms --prepare "cp $WORK/big.yaml $WORK/a.yaml" "$write_kubesignin")" \
    "kubectl config set-credentials" "$(median_ms --prepare "cp $WORK/big.yaml $WORK/b.yaml" "$write_kubectl")"

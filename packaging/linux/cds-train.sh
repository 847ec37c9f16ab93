#!/usr/bin/env bash
# Records which classes a get-token run loads, for the console launcher's class-data sharing archive: runs the
# image's own bin/kubesignin-cli against the embedded demo issuer in a throw-away home: login, get-token renewing
# the token (when a keychain is reachable: the refresh token must be kept somewhere) and from the token cache,
# --version, profile list, kubeconfig write --dry-run. The JDK's own default list is added, because an app archive
# replaces the runtime's default one rather than adding to it.
# Writes APP_IMAGE_DIR/lib/cds/kubesignin-cli.classlist.
#   Usage: packaging/linux/cds-train.sh APP_IMAGE_DIR
set -euo pipefail
image="$(cd "${1:?usage: cds-train.sh APP_IMAGE_DIR}" && pwd)"
cli="$image/bin/kubesignin-cli"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/kubesignin-cds.XXXXXX")"
demo_pid=
cleanup() {
    if [[ -n "$demo_pid" ]]; then
        kill "$demo_pid" 2>/dev/null || true
        wait "$demo_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
mkdir -p "$HOME"
unset JDK_JAVA_OPTIONS JAVA_TOOL_OPTIONS

"$cli" demo >"$scratch/demo.log" 2>&1 &
demo_pid=$!
for attempt in $(seq 100); do
    grep -q 'Press Ctrl-C' "$scratch/demo.log" && break
    kill -0 "$demo_pid" 2>/dev/null || { cat "$scratch/demo.log" >&2; echo "cds-train: the demo issuer stopped" >&2; exit 1; }
    sleep 0.2
done
grep -q 'Press Ctrl-C' "$scratch/demo.log" || { echo "cds-train: the demo issuer did not start" >&2; exit 1; }

lists=("$image/lib/runtime/lib/classlist")   # the JDK's own list first: the app archive replaces the runtime's
record() {  # record NAME COMMAND...: one run of the image's kubesignin-cli with its class list in $scratch/NAME.classlist
            # (JAVA_TOOL_OPTIONS is read by the JVM itself, so the real launcher runs with its own class path and options)
    local name="$1"
    shift
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/$name.classlist" "$cli" "$@" \
        <"$scratch/stdin" >"$scratch/$name.out" 2>"$scratch/$name.err" \
        || { cat "$scratch/$name.err" >&2; echo "cds-train: kubesignin-cli $* failed" >&2; exit 1; }
    lists+=("$scratch/$name.classlist")
}
printf %s alice-password >"$scratch/stdin"
record login login --profile demo --password-stdin
: >"$scratch/stdin"
if grep -q 'renewal:  none' "$scratch/login.out"; then
    echo "cds-train: no keychain, so no refresh token: the refresh path is not in the list" >&2
else
    # forget the cached token (not the session): get-token renews it with the refresh token
    rm -f "$XDG_CACHE_HOME/kubesignin/demo.json" "$XDG_CACHE_HOME/kubesignin/demo.exec-credential."*
    record refresh get-token --profile demo
    grep -q '"token"' "$scratch/refresh.out" || { echo "cds-train: get-token (refresh) printed no token" >&2; exit 1; }
fi
record cached get-token --profile demo
grep -q '"token"' "$scratch/cached.out" || { echo "cds-train: get-token (cached) printed no token" >&2; exit 1; }
record version --version
record profiles profile list
record kubeconfig kubeconfig write --profile demo --kubeconfig "$scratch/kubeconfig" --dry-run
"$cli" logout --profile demo >/dev/null 2>&1 || true

# One list: ids dropped (they are per run and only matter for classes of custom loaders), duplicates removed.
mkdir -p "$image/lib/cds"
sed 's/ id: [0-9]*$//' "${lists[@]}" | grep -v '^#' | awk '!seen[$0]++' >"$image/lib/cds/kubesignin-cli.classlist"
echo "cds-train: $(grep -c '^[a-z]' "$image/lib/cds/kubesignin-cli.classlist") classes listed (the JDK's list and $((${#lists[@]} - 1)) runs)"

#!/usr/bin/env bash
# Records which classes a get-token run loads, for the console launcher's class-data sharing archive: runs the
# image's own bin/kubesignin-cli against the embedded demo issuer in a throw-away home, once renewing the token
# (when a keychain is reachable: the refresh token must be kept somewhere) and once from the token cache.
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

printf %s alice-password | "$cli" login --profile demo --password-stdin >"$scratch/login.log" 2>&1 \
    || { cat "$scratch/login.log" >&2; echo "cds-train: login failed" >&2; exit 1; }

record() {  # record NAME: one get-token run, its class list in $scratch/NAME.classlist (JAVA_TOOL_OPTIONS is read
            # by the JVM itself, so the real launcher with its own class path and options runs)
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/$1.classlist" "$cli" get-token --profile demo \
        >"$scratch/$1.out" 2>"$scratch/$1.err" \
        || { cat "$scratch/$1.err" >&2; echo "cds-train: get-token ($1) failed" >&2; exit 1; }
    grep -q '"token"' "$scratch/$1.out" || { echo "cds-train: get-token ($1) printed no token" >&2; exit 1; }
}
lists=()
if grep -q 'renewal:  none' "$scratch/login.log"; then
    echo "cds-train: no keychain, so no refresh token: the archive covers the cached path only" >&2
else
    # forget the cached token (not the session): get-token renews it with the refresh token
    rm -f "$XDG_CACHE_HOME/kubesignin/demo.json" "$XDG_CACHE_HOME/kubesignin/demo.exec-credential."*
    record refresh
    lists+=("$scratch/refresh.classlist")
fi
record cached
lists+=("$scratch/cached.classlist")
"$cli" logout --profile demo >/dev/null 2>&1 || true

# One list: ids dropped (they are per run and only matter for classes of custom loaders), duplicates removed.
mkdir -p "$image/lib/cds"
sed 's/ id: [0-9]*$//' "${lists[@]}" | awk '!seen[$0]++' >"$image/lib/cds/kubesignin-cli.classlist"
echo "cds-train: $(grep -c '^[a-z]' "$image/lib/cds/kubesignin-cli.classlist") classes listed (${#lists[@]} runs)"

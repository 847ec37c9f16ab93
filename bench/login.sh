#!/usr/bin/env bash
# `kubesignin login` (JVM start, discovery, password grant, JWKS, id_token validation, refresh token into the
# keychain, token cache) vs curl making the same three HTTPS requests (discovery, JWKS, token) in one process,
# against the embedded issuer that `kubesignin demo` runs. Both get their password through a pipe (sh -c).
# Needs target/kubesignin.jar, hyperfine, jq, curl and a Secret Service (re-runs itself under .ci/with-keyring).
#   usage: bench/login.sh      (BENCH_RUNS=N)
source "$(dirname "$0")/lib.sh"
bench_require hyperfine jq curl
bench_in_keyring "$0" "$@"
bench_demo_session

discovery=$DEMO_ISSUER/.well-known/openid-configuration
jwks=$(curl -sf --cacert "$DEMO_CA" "$discovery" | jq -r .jwks_uri)
token=$(curl -sf --cacert "$DEMO_CA" "$discovery" | jq -r .token_endpoint)
curl_all="curl -sf --cacert $DEMO_CA -o /dev/null $discovery --next -sf --cacert $DEMO_CA -o /dev/null $jwks"
curl_all+=" --next -sf --cacert $DEMO_CA -o /dev/null -d grant_type=password -d client_id=kubesignin -d username=alice"
curl_all+=" -d @- -d scope=openid+email+profile $token"
# the password comes from stdin for both: curl reads "password=..." as the form field
$curl_all <<<"password=alice-password" || { echo "curl could not sign in at $token" >&2; exit 1; }

RUNS=${BENCH_LOGIN_RUNS:-15}
bench_header "login"
row "kubesignin login (java -jar, JDK 17; $RUNS runs)" \
    "$(median_ms "sh -c 'printf %s alice-password | $(cmdline "$JAVA17" "${QUICK[@]}" -jar "$JAR") login --profile demo --password-stdin'")" \
    "curl: discovery + JWKS + token requests" "$(median_ms "sh -c 'printf password=alice-password | $curl_all'")"

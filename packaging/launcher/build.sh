#!/bin/sh
# Builds the native console launcher kubectl-signin into OUT_DIR (the dist profile copies it into the app-image's
# bin/ beside kubesignin-cli). Needs only a C99 compiler: CC, default cc.
#   usage: packaging/launcher/build.sh OUT_DIR
set -eu
if [ "$#" -ne 1 ]; then
    echo "usage: $0 OUT_DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
${CC:-cc} -std=c99 -O2 -Wall -Wextra -Werror -o "$1/kubectl-signin" "$here/kubectl-signin.c"

#!/bin/sh
# Compile-checks the launcher's Windows and macOS parts from Linux (they are built and run on those systems):
# Windows with MinGW-w64 (Debian: gcc-mingw-w64-x86-64), macOS with a one-line stand-in for <mach-o/dyld.h>
# (syntax and types only). Also the generic POSIX path (no /proc, no _NSGetExecutablePath).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$here/kubectl-signin.c
flags="-std=c99 -Wall -Wextra -Werror -pedantic"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if command -v x86_64-w64-mingw32-gcc >/dev/null; then
    x86_64-w64-mingw32-gcc $flags -O2 -o "$scratch/kubectl-signin.exe" "$src"
    echo "windows (mingw-w64): compiles"
else
    echo "windows: skipped, x86_64-w64-mingw32-gcc not installed" >&2
fi
mkdir -p "$scratch/stub/mach-o"
printf '#include <stdint.h>\nint _NSGetExecutablePath(char *buf, uint32_t *bufsize);\n' >"$scratch/stub/mach-o/dyld.h"
${CC:-cc} $flags -U__linux__ -D__APPLE__ -I"$scratch/stub" -fsyntax-only "$src"
echo "macos branch (stand-in header): compiles"
${CC:-cc} $flags -U__linux__ -fsyntax-only "$src"
echo "generic posix branch: compiles"

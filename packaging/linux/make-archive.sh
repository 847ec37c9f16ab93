#!/usr/bin/env bash
# Makes the console launcher's class-data sharing archive (lib/cds/kubesignin-cli.jsa) from the class list
# recorded at build time. A JDK 17 archive only works with the exact absolute class path it was made with, so
# this runs where the app-image finally lives: at the end of the build for the build tree, and in the package's
# postinst for /opt/kubesignin. Without the archive the launcher still works, only starts slower.
#   Usage: lib/cds/make-archive.sh      (finds the image from its own location)
set -euo pipefail
cds="$(cd "$(dirname "$(readlink -f "$0")")" && pwd -P)"
image="$(dirname "$(dirname "$cds")")"
cfg="$image/lib/app/kubesignin-cli.cfg"
list="$cds/kubesignin-cli.classlist"
archive="$cds/kubesignin-cli.jsa"
[[ -f "$cfg" && -f "$list" ]] || { echo "make-archive: $cfg or $list is missing" >&2; exit 1; }

# The class path exactly as the launcher builds it: the app.classpath entries in order, $APPDIR expanded.
classpath="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$image/lib/app|g" | paste -sd:)"
rm -f "$archive"
if ! "$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" \
        -Xlog:disable -Xlog:cds=error:stderr -cp "$classpath" >/dev/null; then
    rm -f "$archive"
    echo "make-archive: could not make $archive" >&2
    exit 1
fi
chmod 644 "$archive"

#!/usr/bin/env bash
# Completes the jpackage app-image for Linux: the desktop entry, the icons in hicolor sizes and the AppStream
# metainfo under lib/desktop/ (the .deb's postinst links them into /usr/share), and the class list that the console
# launcher's class-data sharing archive is made from (see cds-train.sh, lib/cds/make-archive.sh).
#   Usage: packaging/linux/complete-image.sh APP_IMAGE_DIR     (run from the repository root)
set -euo pipefail
image="${1:?usage: complete-image.sh APP_IMAGE_DIR}"
[[ -x "$image/bin/kubesignin-cli" ]] || { echo "complete-image: $image has no bin/kubesignin-cli" >&2; exit 1; }

share="$image/lib/desktop"   # mirrors /usr/share; jpackage keeps share/ for its own doc folder
rm -rf "$share"
install -D -m 644 packaging/linux/kubesignin.desktop "$share/applications/kubesignin.desktop"
install -D -m 644 packaging/linux/io.github.kubesignin.metainfo.xml "$share/metainfo/io.github.kubesignin.metainfo.xml"
install -D -m 644 icons/kubesignin.svg "$share/icons/hicolor/scalable/apps/kubesignin.svg"
# Menus and panels show 16 and 24 px: there the tray drawing (made for that size) is sharper than the scaled-down icon.
for size in 16 24; do
    install -D -m 644 "icons/tray/kubesignin-tray-$size.png" "$share/icons/hicolor/${size}x${size}/apps/kubesignin.png"
done
for size in 32 48 64 128 256 512; do
    install -D -m 644 "icons/png/kubesignin-$size.png" "$share/icons/hicolor/${size}x${size}/apps/kubesignin.png"
done

mkdir -p "$image/lib/cds"
install -m 755 packaging/linux/make-archive.sh "$image/lib/cds/make-archive.sh"
rm -f "$image/lib/cds/"*.jsa

# Train in a private keychain where gnome-keyring is installed (then the refresh path is in the list too);
# never in the user's own keychain.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null && command -v secret-tool >/dev/null; then
    .ci/with-keyring bash packaging/linux/cds-train.sh "$image"
else
    echo "complete-image: no gnome-keyring here; training the cached get-token path only" >&2
    DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent bash packaging/linux/cds-train.sh "$image"
fi

#!/usr/bin/env bash
# Regenerates every icon rendition from the two SVG sources:
#   kubesignin.svg            -> png/kubesignin-NN.png (16..512), kubesignin.ico, kubesignin.icns
#   tray/kubesignin-tray.svg  -> tray/kubesignin-tray-NN.png (16, 22, 24, 32, 48)
# Needs rsvg-convert (librsvg2-bin) and icotool (icoutils); the ICNS container is written here directly.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert icotool; do
    command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils)" >&2; exit 1; }
done

mkdir -p png tray
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" kubesignin.svg -o "png/kubesignin-$size.png"
done
for size in 16 22 24 32 48; do
    rsvg-convert -w "$size" -h "$size" tray/kubesignin-tray.svg -o "tray/kubesignin-tray-$size.png"
done

# Windows: the small sizes from the tray drawing (legible at 16 px), the large ones from the app icon;
# 256 is stored as PNG inside the .ico, the rest as bitmaps.
icotool --create -o kubesignin.ico \
    tray/kubesignin-tray-16.png tray/kubesignin-tray-24.png png/kubesignin-32.png png/kubesignin-48.png \
    png/kubesignin-64.png png/kubesignin-128.png -r png/kubesignin-256.png

# macOS: 'icns' + total length, then entries (type, length incl. 8-byte header, PNG data), big-endian.
# ic07 = 128, ic08 = 256, ic09 = 512, ic10 = 1024 (512@2x); ic11/ic12/ic13/ic14 = 16@2x/32@2x/128@2x/256@2x.
# macOS scales these down for 16 and 32 px.
rsvg-convert -w 1024 -h 1024 kubesignin.svg -o /tmp/kubesignin-1024.$$.png
python3 - "$@" <<PY
import struct
entries = [("ic11", "png/kubesignin-32.png"),
           ("ic12", "png/kubesignin-64.png"), ("ic07", "png/kubesignin-128.png"), ("ic13", "png/kubesignin-256.png"),
           ("ic08", "png/kubesignin-256.png"), ("ic14", "png/kubesignin-512.png"), ("ic09", "png/kubesignin-512.png"),
           ("ic10", "/tmp/kubesignin-1024.$$.png")]
body = b"".join(t.encode() + struct.pack(">I", 8 + len(d)) + d
                for t, d in ((t, open(p, "rb").read()) for t, p in entries))
open("kubesignin.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
rm -f /tmp/kubesignin-1024.$$.png
echo "icons rendered in $(pwd)"

#!/bin/sh
# Regenerates docs/screenshots/*.png: starts Xvfb, runs the window through the demo (temporary home, in-memory
# keychain) and takes a screenshot of each page with ImageMagick's import. Needs Xvfb and imagemagick.
set -eu
cd "$(dirname "$0")/.."
DISPLAY_NUMBER=${DISPLAY_NUMBER:-97}
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
Xvfb ":$DISPLAY_NUMBER" -screen 0 1120x760x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB' EXIT
sleep 1
DISPLAY=":$DISPLAY_NUMBER" NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled: \
  java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.github.kubesignin.ui.ScreenshotTour\$Launch docs/screenshots
ls -l docs/screenshots

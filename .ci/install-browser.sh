#!/usr/bin/env bash
# Debian's Chromium (and its driver) for the network view's browser tests, which Playwright
# drives at /usr/bin/chromium: no browser download. Called from .ci/run; safe to run twice.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
apt-get update
# fonts-dejavu-core: text on the page (and in its screenshots) even on a machine without fonts
apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core

#!/usr/bin/env bash
# The browser tests and the page benchmark drive Debian's chromium. Install it when missing and we
# are root; otherwise say how.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests and the page benchmark..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests and the page benchmark need Debian's chromium at /usr/bin/chromium." >&2
echo "Install it with: sudo apt-get install chromium" >&2
exit 1

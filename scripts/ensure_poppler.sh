#!/usr/bin/env bash
# The deck's tests render the PDF's pages with poppler's pdftoppm and read its text with
# pdftotext. Install Debian's poppler-utils when missing and we are root; otherwise say how.
set -eu
if command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's poppler-utils for the briefing deck's tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  exit 0
fi
echo "The briefing deck's tests need pdftoppm and pdftotext (Debian's poppler-utils)." >&2
echo "Install them with: sudo apt-get install poppler-utils" >&2
exit 1

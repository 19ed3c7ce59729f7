#!/usr/bin/env bash
# The reverse-proxy check (make deploy-check, and make test) runs Debian's nginx in front of the
# app. Install it when missing and we are root; otherwise say how.
set -eu
if [ -x /usr/sbin/nginx ] && command -v openssl >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's nginx and openssl for the reverse-proxy check..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light openssl >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl >/dev/null
  exit 0
fi
echo "The reverse-proxy check needs Debian's nginx at /usr/sbin/nginx, and openssl." >&2
echo "Install them with: sudo apt-get install nginx openssl" >&2
exit 1

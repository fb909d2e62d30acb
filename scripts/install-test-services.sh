#!/usr/bin/env bash
# What the tests need from Debian, installed when missing (npm test runs this first; so does CI):
# chromium for the browser tests (never a downloaded browser); postgresql, whose binaries the test
# run uses to start its own throwaway cluster on 127.0.0.1 (test/services/global-setup.ts; runuser,
# from util-linux, runs it as the postgres user when the run is root); redis-server for the queue
# workers' tests. Installs with apt-get as root or with password-less sudo; otherwise says in one
# line what to install and exits 1, rather than letting those tests skip.
set -euo pipefail

missing=()
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || missing+=(chromium)
if [ -z "${DOSSIER_TEST_PG_URL:-}" ]; then
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
fi
if [ -z "${DOSSIER_TEST_REDIS_URL:-}" ]; then
  command -v "${REDIS_SERVER:-redis-server}" >/dev/null 2>&1 || missing+=(redis-server)
fi
[ "${#missing[@]}" -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "the tests need ${missing[*]} from Debian: install with \`sudo apt-get install ${missing[*]}\`, then run npm test again" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "the tests need ${missing[*]} (Debian packages; no apt-get here to install them): install them, then run npm test again" >&2
  exit 1
fi
echo "installing ${missing[*]} from Debian for the tests" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's packages may start their default servers on install; the tests start their own
# throwaway ones, so stop what the install started.
for pkg in "${missing[@]}"; do
  case "$pkg" in
    postgresql)
      if command -v pg_lsclusters >/dev/null 2>&1; then
        pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
          $SUDO pg_ctlcluster "$version" "$cluster" stop >/dev/null 2>&1 || true
        done || true
      fi
      ;;
    redis-server)
      $SUDO service redis-server stop >/dev/null 2>&1 || true
      ;;
  esac
done

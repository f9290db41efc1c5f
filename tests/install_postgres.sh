#!/bin/sh
# Called by `make test`: installs the Debian `postgresql` package for the PostgreSQL tests
# (tests/pg.py starts a private server from its binaries) when it is missing and this
# machine allows it (root with apt-get). Quick and silent when it is already installed.
# Without it the PostgreSQL tests skip and say why; under CI (CI set) that is an error.
set -e
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing PostgreSQL (Debian package postgresql) for the PostgreSQL tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL is not installed and cannot be installed here (needs root and apt-get): the PostgreSQL tests will skip"
if [ -n "$CI" ]; then
  echo "CI is set: the PostgreSQL tests must run" >&2
  exit 1
fi

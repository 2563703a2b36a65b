#!/usr/bin/env bash
# Runs the *SambaIT suite against a throwaway Samba AD DC: starts the DC (start-dc.sh), runs
# "mvn -Psamba test" for ldap-adapter with the DC's connection details, and stops the DC on exit.
# Needs root (ports 389/636/3268/3269) and Debian 12 packages (start-dc.sh installs them).
#   run-suite.sh [extra mvn args...]
# Env: SAMBA_DC_DIR (see start-dc.sh), MVN (default: mvn).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd) # the repository root (parent of ldap-adapter)
export SAMBA_DC_DIR=${SAMBA_DC_DIR:-$ROOT/ldap-adapter/target/samba}
t0=$(date +%s)

trap '"$HERE/start-dc.sh" stop' EXIT
"$HERE/start-dc.sh" start

# -am builds core and testkit from this checkout instead of taking them from the shared local
# repository; -Dtest keeps their unit tests (and ldap-adapter's) out: only *SambaIT runs.
cd "$ROOT"
${MVN:-mvn} -B -pl ldap-adapter -am -Psamba test -Dmaven.javadoc.skip \
  -Dtest='*SambaIT' -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dm365kit.samba.properties=$SAMBA_DC_DIR/samba-dc.properties" "$@"
echo "[samba-dc] suite passed in $(( $(date +%s) - t0 )) s"

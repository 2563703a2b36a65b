#!/usr/bin/env bash
# Stops the DC started by start-dc.sh (by its pid file). Same SAMBA_DC_DIR as start-dc.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/start-dc.sh" stop

#!/usr/bin/env bash
# A throwaway Samba AD domain controller (realm CONTOSO.TEST) on loopback for the *SambaIT suite.
# Debian 12, run as root; no Docker. Nothing outside the work directory is written except the
# packages apt installs; /etc/samba is never read or written.
#
#   start-dc.sh [start]   install packages if missing, provision once, start, extend the schema once
#   start-dc.sh stop      stop the DC this script started (by its pid file)
#   start-dc.sh clean     stop and delete the work directory
#
# Env:
#   SAMBA_DC_DIR   work directory (default: <ldap-adapter>/target/samba). Keep its absolute path short:
#                  Samba's unix sockets live under it.
# Output (for run-suite.sh and the tests), in $SAMBA_DC_DIR:
#   samba-dc.properties   m365kit.samba.* keys (host, ports, base DN, bind DN, password file, CA cert)
#   admin.pass            the Administrator password (mode 0600, random per provisioned directory)
#   tls/cert.pem          the DC's certificate (self-signed, SAN IP:127.0.0.1 + DNS:localhost) = the CA to trust
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
W=${SAMBA_DC_DIR:-$HERE/../../../target/samba}
mkdir -p "$W"
W=$(cd "$W" && pwd)
REALM=CONTOSO.TEST
DOMAIN=CONTOSO
BASE_DN=DC=contoso,DC=test
SCHEMA_DN="CN=Schema,CN=Configuration,$BASE_DN"
CONF=$W/dc/etc/smb.conf
PASS_FILE=$W/admin.pass
PID_FILE=$W/run/samba.pid

log() { echo "[samba-dc] $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

ldap_admin() { # tool args...: runs an ldap-utils tool bound as Administrator over loopback LDAP
  # AD's default "ldap server require strong auth" is kept, so a simple bind needs TLS: StartTLS (-ZZ),
  # checking the DC's certificate and the address 127.0.0.1 against it.
  local tool=$1; shift
  LDAPTLS_CACERT=$W/tls/cert.pem LDAPTLS_REQCERT=demand \
    "$tool" -x -ZZ -H ldap://127.0.0.1 -D "Administrator@$REALM" -y "$PASS_FILE" "$@"
}

install_packages() {
  if command -v samba >/dev/null && command -v samba-tool >/dev/null && command -v ldapmodify >/dev/null \
      && command -v openssl >/dev/null && [ -d /usr/share/samba/setup/ad-schema ]; then
    return 0
  fi
  [ "$(id -u)" = 0 ] || { log "packages missing and not root: cannot install samba"; exit 1; }
  local t added_policy=0
  t=$(now)
  # keep the packages' maintainer scripts from starting the system's smbd/nmbd/samba-ad-dc services
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    added_policy=1
  fi
  apt-get update -qq
  # samba-ad-provision is only a Recommends of samba-ad-dc, but provisioning needs its schema files.
  # openssl is not named (naming it upgrades libssl); Debian's base system already has it.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    samba samba-ad-dc samba-ad-provision samba-dsdb-modules ldap-utils >/dev/null
  [ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  command -v openssl >/dev/null || { log "openssl is missing"; exit 1; }
  log "packages installed in $(since "$t") s"
}

make_certificate() {
  [ -s "$W/tls/key.pem" ] && [ -s "$W/tls/cert.pem" ] && return 0
  mkdir -p "$W/tls"
  # Samba's own certificate names CN=<host>.<realm> without a SAN, which fails host-name checks
  # against 127.0.0.1; this one names the loopback address and localhost.
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost/O=m365kit test DC" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$W/tls/key.pem" -out "$W/tls/cert.pem" 2>/dev/null
  chmod 600 "$W/tls/key.pem" # samba refuses a key that others can read
}

provision() {
  [ -f "$CONF" ] && return 0
  local t
  t=$(now)
  rm -rf "$W/dc" "$W/run" "$W/log"
  mkdir -p "$W/run" "$W/log"
  # a random password meeting AD's complexity rules, kept for the life of this directory
  (umask 077; printf 'Aa1!%s' "$(openssl rand -hex 12)" > "$PASS_FILE")
  : > "$W/empty.conf" # without -s, provision inherits /etc/samba/smb.conf
  samba-tool domain provision -s "$W/empty.conf" \
    --realm="$REALM" --domain="$DOMAIN" --server-role=dc --dns-backend=NONE \
    --host-name=dc1 --host-ip=127.0.0.1 --adminpass="$(cat "$PASS_FILE")" --targetdir="$W/dc" \
    > "$W/log/provision.log" 2>&1 || { tail -30 "$W/log/provision.log" >&2; exit 1; }
  # Runtime options are appended to [global] by hand: provision drops some --option values
  # ("ldap server require strong auth") from the smb.conf it writes.
  local opts
  opts=$(cat <<EOF
	interfaces = lo
	bind interfaces only = yes
	server services = ldap
	dsdb:schema update allowed = true
	ldb:nosync = true
	tls enabled = yes
	tls keyfile = $W/tls/key.pem
	tls certfile = $W/tls/cert.pem
	tls cafile = $W/tls/cert.pem
	pid directory = $W/run
	ncalrpc dir = $W/run/ncalrpc
	winbindd socket directory = $W/run/winbindd
	log file = $W/log/samba.log
	log level = 1
EOF
)
  awk -v o="$opts" '/^\[/ && !/^\[global\]/ && !done { print o; print ""; done = 1 } { print } END { if (!done) print o }' \
    "$CONF" > "$CONF.new"
  mv "$CONF.new" "$CONF"
  log "provisioned $REALM in $(since "$t") s"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null || return 1
  # the pid file may outlive the process and its number be reused: check it is a samba binary
  # (the daemon renames itself to "samba: root process", so its command line does not say more)
  [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$(command -v samba)" ] || return 1
  echo "$pid"
}

start_dc() {
  if pid=$(running_pid); then
    log "already running (pid $pid)"
    return 0
  fi
  for port in 389 636 3268 3269; do
    if ss -Hltn "sport = :$port" | grep -q .; then
      log "port $port is already in use; another directory server is running"
      exit 1
    fi
  done
  local t
  t=$(now)
  # -M single: one process (about 60 MB) instead of the prefork model's ~23
  samba -s "$CONF" -D -M single
  for _ in $(seq 1 300); do
    ldap_admin ldapsearch -b "$BASE_DN" -s base dn >/dev/null 2>&1 && break
    sleep 0.1
  done
  ldap_admin ldapsearch -b "$BASE_DN" -s base dn >/dev/null
  log "DC ready (pid $(cat "$PID_FILE")) in $(since "$t") s"
}

schema_has() { ldap_admin ldapsearch -b "$SCHEMA_DN" -s one "(lDAPDisplayName=$1)" dn | grep -q '^dn:'; }

# attribute cn ldapName attributeID syntax oMSyntax singleValued [extra LDIF lines]
attribute() {
  schema_has "$2" && return 0
  printf 'dn: CN=%s,%s\nchangetype: add\nobjectClass: top\nobjectClass: attributeSchema\ncn: %s\n' "$1" "$SCHEMA_DN" "$1"
  printf 'lDAPDisplayName: %s\nattributeID: %s\nattributeSyntax: %s\noMSyntax: %s\nisSingleValued: %s\n' "$2" "$3" "$4" "$5" "$6"
  [ -n "${7:-}" ] && printf '%s\n' "$7"
  echo
}

extend_schema() {
  schema_has msExchTestRecipient && return 0
  local t dn_class='oMObjectClass:: KwwCh3McAIVK' # 1.3.12.2.1011.28.0.714, the DN syntax's object class
  t=$(now)
  # attributeIDs and syntaxes of the Exchange schema where a published listing confirms them
  # (ms-Exch-*: 1.2.840.113556.1.4.7000.102.*, targetAddress/mailNickname: 1.2.840.113556.1.2.*).
  # For five UM attributes no listing was at hand; they get IDs under a private test arc
  # (1.2.840.113556.1.8000.2554.999.2.*) with the syntax Exchange documents for the property.
  local test_arc=1.2.840.113556.1.8000.2554.999
  {
    attribute ms-Exch-Recipient-Type-Details msExchRecipientTypeDetails 1.2.840.113556.1.4.7000.102.50855 2.5.5.16 65 TRUE 'searchFlags: 1'
    attribute ms-Exch-Remote-Recipient-Type msExchRemoteRecipientType 1.2.840.113556.1.4.7000.102.51611 2.5.5.16 65 TRUE
    attribute ms-Exch-Recipient-Display-Type msExchRecipientDisplayType 1.2.840.113556.1.4.7000.102.50730 2.5.5.9 2 TRUE 'searchFlags: 1'
    attribute ms-Exch-Mailbox-Guid msExchMailboxGuid 1.2.840.113556.1.4.7000.102.11058 2.5.5.10 4 TRUE $'rangeLower: 16\nrangeUpper: 16\nsearchFlags: 9'
    attribute ms-Exch-Target-Address targetAddress 1.2.840.113556.1.2.352 2.5.5.12 64 TRUE $'rangeLower: 1\nrangeUpper: 1123\nsearchFlags: 1'
    attribute ms-Exch-Mail-Nickname mailNickname 1.2.840.113556.1.2.447 2.5.5.12 64 TRUE $'rangeLower: 1\nrangeUpper: 64\nsearchFlags: 5'
    attribute ms-Exch-UM-Dtmf-Map msExchUMDtmfMap 1.2.840.113556.1.4.7000.102.50341 2.5.5.12 64 FALSE
    attribute ms-Exch-UM-List-In-Directory-Search msExchUMListInDirectorySearch 1.2.840.113556.1.4.7000.102.50342 2.5.5.9 2 TRUE
    attribute ms-Exch-UM-Recipient-Dial-Plan-Link msExchUMRecipientDialPlanLink 1.2.840.113556.1.4.7000.102.50388 2.5.5.1 127 TRUE "$dn_class"
    attribute ms-Exch-UM-Spoken-Name msExchUMSpokenName 1.2.840.113556.1.4.7000.102.50336 2.5.5.10 4 TRUE
    attribute ms-Exch-UM-Enabled-Flags msExchUMEnabledFlags $test_arc.2.1 2.5.5.9 2 TRUE
    attribute ms-Exch-UM-Template-Link msExchUMTemplateLink $test_arc.2.2 2.5.5.1 127 TRUE "$dn_class"
    attribute ms-Exch-UM-Pin-Checksum msExchUMPinChecksum $test_arc.2.3 2.5.5.10 4 TRUE
    attribute ms-Exch-UM-Operator-Number msExchUMOperatorNumber $test_arc.2.4 2.5.5.12 64 TRUE
    attribute ms-Exch-UM-Server-Writable-Flags msExchUMServerWritableFlags $test_arc.2.5 2.5.5.9 2 TRUE
    attribute ms-Exch-UM-Audio-Codec msExchUMAudioCodec $test_arc.2.6 2.5.5.9 2 TRUE
    printf 'dn:\nchangetype: modify\nadd: schemaUpdateNow\nschemaUpdateNow: 1\n-\n\n'
    # An auxiliary class holding them, attached to user the way Exchange attaches its aux classes:
    # users then accept the attributes without naming the class in objectClass.
    printf 'dn: CN=ms-Exch-Test-Recipient,%s\nchangetype: add\nobjectClass: top\nobjectClass: classSchema\n' "$SCHEMA_DN"
    printf 'cn: ms-Exch-Test-Recipient\nlDAPDisplayName: msExchTestRecipient\ngovernsID: %s.1.1\nobjectClassCategory: 3\nsubClassOf: top\n' "$test_arc"
    for a in msExchRecipientTypeDetails msExchRemoteRecipientType msExchRecipientDisplayType msExchMailboxGuid \
        targetAddress mailNickname msExchUMDtmfMap msExchUMListInDirectorySearch msExchUMRecipientDialPlanLink \
        msExchUMSpokenName msExchUMEnabledFlags msExchUMTemplateLink msExchUMPinChecksum msExchUMOperatorNumber \
        msExchUMServerWritableFlags msExchUMAudioCodec; do
      echo "mayContain: $a"
    done
    printf '\ndn:\nchangetype: modify\nadd: schemaUpdateNow\nschemaUpdateNow: 1\n-\n\n'
    printf 'dn: CN=User,%s\nchangetype: modify\nadd: auxiliaryClass\nauxiliaryClass: msExchTestRecipient\n-\n\n' "$SCHEMA_DN"
    printf 'dn:\nchangetype: modify\nadd: schemaUpdateNow\nschemaUpdateNow: 1\n-\n'
  } > "$W/exchange-schema.ldif"
  ldap_admin ldapmodify -f "$W/exchange-schema.ldif" > "$W/log/schema.log" 2>&1 \
    || { tail -20 "$W/log/schema.log" >&2; exit 1; }
  log "schema extended in $(since "$t") s"
}

write_properties() {
  cat > "$W/samba-dc.properties" <<EOF
# written by start-dc.sh; read by the *SambaIT suite
m365kit.samba.host=127.0.0.1
m365kit.samba.ldapPort=389
m365kit.samba.ldapsPort=636
m365kit.samba.baseDn=$BASE_DN
m365kit.samba.realm=$REALM
m365kit.samba.bindDn=CN=Administrator,CN=Users,$BASE_DN
m365kit.samba.passwordFile=$PASS_FILE
m365kit.samba.caCert=$W/tls/cert.pem
m365kit.samba.pidFile=$PID_FILE
EOF
}

stop_dc() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored SIGTERM for 5 s; sending SIGKILL"
    kill -KILL "$pid"
  fi
  rm -f "$PID_FILE"
  log "stopped (pid $pid)"
}

case "${1:-start}" in
  start)
    t0=$(now)
    install_packages
    make_certificate
    provision
    start_dc
    extend_schema
    write_properties
    log "start done in $(since "$t0") s; connection details in $W/samba-dc.properties"
    ;;
  stop) stop_dc ;;
  clean) stop_dc; rm -rf "$W" ;;
  *) echo "usage: $0 [start|stop|clean]" >&2; exit 2 ;;
esac

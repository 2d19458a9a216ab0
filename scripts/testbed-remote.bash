# The testbed's remote host, sourced by scripts/testbed (which defines DIR,
# CACHE, log, die, alive and the lock): a second libvirtd in a network
# namespace of its own, reached from the host over a veth pair and TLS only.
# docs/testbed.md ("The remote host") has the recipe and the reasons.
#
# Everything lives in $DIR/remote and $DIR/ns, except the host end of the
# veth pair, whose name carries a hash of $DIR so that testbeds running side
# by side never share one; stop deletes it only when $DIR records it.

readonly REMOTE=$DIR/remote
readonly NETNS_FILE=$DIR/ns/net
readonly REMOTE_NSFILE=$DIR/ns/remote-mnt
readonly REMOTE_CONF=$REMOTE/etc/libvirt/libvirtd.conf
readonly REMOTE_PIDFILE=$REMOTE/libvirtd.pid
readonly REMOTE_LOG=$REMOTE/libvirtd.log
readonly REMOTE_SOCK=$REMOTE/sock/libvirt-sock
readonly REMOTE_VETH_RECORD=$REMOTE/veth
readonly REMOTE_NETWORK_RECORD=$REMOTE/network
readonly PKI=$REMOTE/pki
# pkipath directories for clients: cacert.pem, clientcert.pem, clientkey.pem.
readonly PKI_CLIENT=$PKI/client
readonly PKI_WRONG_CA=$PKI/wrong-ca
# Interface names hold at most 15 bytes.
VETH_TAG=$(printf '%s' "$DIR" | sha256sum | cut -c1-8)
readonly VETH_HOST=qtv${VETH_TAG}h
readonly VETH_NS=qtv${VETH_TAG}n
unset VETH_TAG
# 198.18.0.0/15 is set aside for network tests (RFC 2544) and is not
# routed on the Internet; each testbed takes a /29 of it: the host end .1,
# the namespace .2 (the address the server certificate names) and .3 (an
# address of the same server that the certificate does not name).
readonly REMOTE_RANGE_BASE=$(((198 << 24) | (18 << 16)))
readonly REMOTE_RANGE_BLOCKS=$(((1 << 17) / 8))
readonly REMOTE_PREFIX=29
readonly REMOTE_TLS_PORT=16514

readonly -a REMOTE_BIND_MOUNTS=(
    "$REMOTE/etc/libvirt:/etc/libvirt"
    "$REMOTE/run:/run/libvirt"
    "$REMOTE/lib:/var/lib/libvirt"
    "$CACHE/libvirt-remote:/var/cache/libvirt"
    "$REMOTE/log:/var/log/libvirt"
)

ip_to_int() {
    local a b c d
    IFS=. read -r a b c d <<<"$1"
    printf '%s\n' $(((a << 24) | (b << 16) | (c << 8) | d))
}

int_to_ip() {
    printf '%d.%d.%d.%d\n' $((($1 >> 24) & 255)) $((($1 >> 16) & 255)) $((($1 >> 8) & 255)) $(($1 & 255))
}

# The first address of this testbed's /29, or nothing before start chose it.
remote_network() {
    local net
    [[ -r $REMOTE_NETWORK_RECORD ]] || return 1
    net=$(<"$REMOTE_NETWORK_RECORD")
    [[ $net =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$net"
}

remote_server_ip() { int_to_ip $(($(remote_network) + 2)); }
remote_unnamed_ip() { int_to_ip $(($(remote_network) + 3)); }

# A /29 of the range that overlaps no address or route of the host (those of
# other testbeds included). Called under the cache lock that every start
# takes, so two testbeds never pick the same one.
pick_remote_network() {
    local -a used=()
    local prefix addr len start tries index net hnet hsize
    while read -r prefix; do
        [[ $prefix =~ ^([0-9.]+)(/([0-9]+))?$ ]] || continue
        addr=$(ip_to_int "${BASH_REMATCH[1]}")
        len=${BASH_REMATCH[3]:-32}
        hsize=$((1 << (32 - len)))
        used+=("$((addr & ~(hsize - 1) & 0xffffffff)):$hsize")
    done < <({
        ip -4 -o addr show | awk '{ print $4 }'
        # "PREFIX dev ..." or "TYPE PREFIX ..." (local, broadcast, unreachable, ...)
        ip -4 route show table all | awk '$1 == "default" { next } $1 ~ /^[a-z]/ { print $2; next } { print $1 }'
    } 2>/dev/null)
    start=$((0x$(printf '%s' "$DIR" | sha256sum | cut -c9-12) % REMOTE_RANGE_BLOCKS))
    for ((tries = 0; tries < REMOTE_RANGE_BLOCKS; tries++)); do
        index=$(((start + tries) % REMOTE_RANGE_BLOCKS))
        net=$((REMOTE_RANGE_BASE + index * 8))
        local clash=0 entry
        for entry in "${used[@]}"; do
            hnet=${entry%%:*}
            hsize=${entry##*:}
            if ((net < hnet + hsize && hnet < net + 8)); then
                clash=1
                break
            fi
        done
        if ((!clash)); then
            printf '%s\n' "$net"
            return 0
        fi
    done
    die "no free /29 in 198.18.0.0/15 for the remote host's veth pair"
}

remote_daemon_pid() {
    local pid
    [[ -r $REMOTE_PIDFILE ]] || return 1
    pid=$(<"$REMOTE_PIDFILE") || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == libvirtd ]] || return 1
    alive "$pid" || return 1
    printf '%s\n' "$pid"
}

remote_uri() {
    # $1: qemu or test; $2: host; $3: pkipath.
    local path=/system
    [[ $1 == test ]] && path=/default
    printf '%s+tls://%s%s?pkipath=%s\n' "$1" "$2" "$path" "$3"
}

# --------------------------------------------------------------- certificates
#
# libvirt's TLS recipe (https://libvirt.org/kbase/tlscerts.html): a CA, a
# server certificate naming the address clients use, a client certificate.
# libvirt insists on the key usages "signing" and "encryption" for both,
# and certtool grants "encryption" (key encipherment) to RSA keys only; the
# CAs, which only sign, have the faster ECDSA keys. An RSA key takes about a
# second on a busy machine, so there are two, made side by side: the
# server's, and one for both client certificates. The CA keys are deleted
# once they signed: nothing else is ever issued.

# $1: directory, $2: CA name. Leaves ca-key.pem and cacert.pem there.
make_ca() {
    cat >"$1/ca.info" <<EOF
cn = $2
ca
cert_signing_key
expiration_days = 30
EOF
    certtool --generate-privkey --key-type=ecdsa --outfile "$1/ca-key.pem" 2>/dev/null &&
        certtool --generate-self-signed --load-privkey "$1/ca-key.pem" --template "$1/ca.info" \
            --outfile "$1/cacert.pem" 2>/dev/null
}

# $1: CA directory, $2: template, $3: key file, $4: certificate file.
issue_certificate() {
    certtool --generate-certificate --load-privkey "$3" --load-ca-certificate "$1/cacert.pem" \
        --load-ca-privkey "$1/ca-key.pem" --template "$2" --outfile "$4" 2>/dev/null
}

make_rsa_key() { certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$1" 2>/dev/null; }

make_pki() {
    local server_ip=$1
    (
        umask 077
        mkdir -p "$PKI"/{ca,other-ca,server,"${PKI_CLIENT##*/}","${PKI_WRONG_CA##*/}"}
    )
    make_rsa_key "$PKI/server/serverkey.pem" &
    local server_key=$!
    make_rsa_key "$PKI_CLIENT/clientkey.pem" &
    local client_key=$!
    local cas=0 keys=0
    if ! make_ca "$PKI/ca" "QtVirt testbed CA ($DIR)" ||
        ! make_ca "$PKI/other-ca" "QtVirt testbed unrelated CA ($DIR)"; then
        cas=1
    fi
    # Both waited for in any case: nothing may write here after a failure.
    wait "$server_key" || keys=1
    wait "$client_key" || keys=1
    ((cas == 0 && keys == 0)) || return 1
    cat >"$PKI/server/server.info" <<EOF
organization = QtVirt testbed
cn = $server_ip
ip_address = $server_ip
tls_www_server
encryption_key
signing_key
expiration_days = 30
EOF
    cat >"$PKI/client/client.info" <<EOF
organization = QtVirt testbed
cn = qtvirt-testbed-client
tls_www_client
encryption_key
signing_key
expiration_days = 30
EOF
    issue_certificate "$PKI/ca" "$PKI/server/server.info" \
        "$PKI/server/serverkey.pem" "$PKI/server/servercert.pem" || return 1
    issue_certificate "$PKI/ca" "$PKI/client/client.info" \
        "$PKI_CLIENT/clientkey.pem" "$PKI_CLIENT/clientcert.pem" || return 1
    cp "$PKI/ca/cacert.pem" "$PKI_CLIENT/cacert.pem"
    # A client of another PKI: libvirt checks the client's own certificate
    # against its cacert.pem before it connects, so the certificate is of
    # that other CA too, and what fails is the server's.
    cp "$PKI_CLIENT/clientkey.pem" "$PKI_WRONG_CA/clientkey.pem"
    issue_certificate "$PKI/other-ca" "$PKI/client/client.info" \
        "$PKI_WRONG_CA/clientkey.pem" "$PKI_WRONG_CA/clientcert.pem" || return 1
    cp "$PKI/other-ca/cacert.pem" "$PKI_WRONG_CA/cacert.pem"
    rm -f "$PKI/ca/ca-key.pem" "$PKI/other-ca/ca-key.pem"
}

# ---------------------------------------------------------------- network

# Creates the network namespace and the veth pair between it and the host.
create_remote_network() {
    local net host_ip
    if ip link show "$VETH_HOST" >/dev/null 2>&1; then
        die "a network interface named $VETH_HOST exists, but this testbed did not record it as its own; remove it or choose another QTVIRT_TESTBED_DIR"
    fi
    net=$(pick_remote_network) || return 1
    printf '%s\n' "$net" >"$REMOTE_NETWORK_RECORD"
    host_ip=$(int_to_ip $((net + 1)))
    : >"$NETNS_FILE"
    unshare --net="$NETNS_FILE" true || return 1
    ip link add "$VETH_HOST" type veth peer name "$VETH_NS" || return 1
    printf '%s\n' "$VETH_HOST" >"$REMOTE_VETH_RECORD"
    # shellcheck disable=SC2016 # expanded by the inner shell
    ip link set "$VETH_NS" netns "$NETNS_FILE" &&
        ip addr add "$host_ip/$REMOTE_PREFIX" dev "$VETH_HOST" &&
        ip link set "$VETH_HOST" up &&
        nsenter --net="$NETNS_FILE" -- bash -euc '
            ip link set lo up
            ip addr add "$2/$4" dev "$1"
            ip addr add "$3/$4" dev "$1"
            ip link set "$1" up' bash "$VETH_NS" "$(remote_server_ip)" "$(remote_unnamed_ip)" \
        "$REMOTE_PREFIX"
}

# The host end of the veth pair, if this testbed created it.
recorded_veth() {
    [[ -r $REMOTE_VETH_RECORD && $(<"$REMOTE_VETH_RECORD") == "$VETH_HOST" ]] || return 1
    ip -d link show "$VETH_HOST" 2>/dev/null | grep -qw veth
}

# ---------------------------------------------------------------- daemon

write_remote_config() {
    mkdir -p "$REMOTE"/{etc/libvirt,run,lib,log,sock}
    cat >"$REMOTE_CONF" <<EOF
# Generated by scripts/testbed: the remote host, reached over TLS only.
unix_sock_dir = "$REMOTE/sock"
unix_sock_ro_perms = "0777"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
listen_tls = 1
listen_tcp = 0
listen_addr = "0.0.0.0"
tls_port = "$REMOTE_TLS_PORT"
# The client certificate, checked against the CA, is the authentication.
auth_tls = "none"
ca_file = "$PKI/ca/cacert.pem"
cert_file = "$PKI/server/servercert.pem"
key_file = "$PKI/server/serverkey.pem"
host_uuid = "5f1a0a3e-9c7b-4d6f-8e2a-1b3c4d5e6f71"
log_outputs = "3:file:$REMOTE_LOG"
EOF
    cp "$DIR/etc/libvirt/qemu.conf" "$REMOTE/etc/libvirt/qemu.conf"
}

# The QEMU capability cache persists in $CACHE like the local daemon's, in
# a directory of its own: the two daemons start at the same time, and must
# not write one cache file together.
create_remote_mount_namespace() {
    mkdir -p "$CACHE/libvirt-remote"
    : >"$REMOTE_NSFILE"
    unshare --mount="$REMOTE_NSFILE" --propagation private true || return 1
    # shellcheck disable=SC2016 # expanded by the inner shell
    nsenter --mount="$REMOTE_NSFILE" -- bash -euc '
        for entry in "$@"; do
            mount --bind "${entry%:*}" "${entry##*:}"
        done' bash "${REMOTE_BIND_MOUNTS[@]}"
}

# Up when the daemon answers on its Unix socket and, through the veth pair,
# over TLS with the client certificate.
wait_for_remote_daemon() {
    local deadline=$((SECONDS + DAEMON_TIMEOUT)) tls_uri
    tls_uri=$(remote_uri qemu "$(remote_server_ip)" "$PKI_CLIENT")
    while ((SECONDS < deadline)); do
        if remote_daemon_pid >/dev/null &&
            timeout 5 virsh -q -c "qemu+unix:///system?socket=$REMOTE_SOCK" uri </dev/null >/dev/null 2>&1; then
            local out
            if out=$(timeout 10 virsh -q -c "$tls_uri" uri </dev/null 2>&1); then
                return 0
            fi
            log "the remote libvirtd answers on its socket but not over TLS ($tls_uri): $out"
            return 1
        fi
        sleep 0.2
    done
    log "the remote libvirtd did not answer on $REMOTE_SOCK within ${DAEMON_TIMEOUT}s"
    return 1
}

start_remote_daemon() {
    rm -f "$REMOTE_PIDFILE"
    # --listen: libvirtd 9.0 opens the TLS socket only with it. 9>&-: the
    # daemon must not inherit the lock.
    if ! nsenter --mount="$REMOTE_NSFILE" --net="$NETNS_FILE" -- setsid libvirtd -d --listen \
        -f "$REMOTE_CONF" -p "$REMOTE_PIDFILE" </dev/null >>"$REMOTE/libvirtd.stdout" 2>&1 9>&- ||
        ! wait_for_remote_daemon; then
        log "the remote libvirtd failed; last log lines:"
        tail -n 30 "$REMOTE_LOG" "$REMOTE/libvirtd.stdout" >&2 2>/dev/null || true
        return 1
    fi
}

# Called by start after the local daemon is up. Returns non-zero (after
# saying why) when any part fails; start then tears everything down.
start_remote() {
    mkdir -p "$REMOTE"
    create_remote_network || {
        log "cannot create the remote host's network namespace and veth pair"
        return 1
    }
    make_pki "$(remote_server_ip)" || {
        log "certtool failed to make the remote host's certificates"
        return 1
    }
    write_remote_config
    create_remote_mount_namespace || {
        log "cannot create the remote host's mount namespace"
        return 1
    }
    start_remote_daemon
}

# Every process of the remote host: in its mount or network namespace, or a
# QEMU its daemon recorded.
remote_pids() {
    { namespace_pids "$REMOTE_NSFILE:mnt" "$NETNS_FILE:net"; qemu_pids "$REMOTE/run"; } | sort -un
}

# Stops the remote daemon the way the local one is stopped.
stop_remote_daemon() {
    local pid
    if pid=$(remote_daemon_pid); then
        kill -CONT "$pid" 2>/dev/null || true
        echo "$pid" | signal_and_wait TERM 10 || echo "$pid" | signal_and_wait KILL 5 || true
    fi
}

# Deletes the veth pair and unmounts both namespaces, once no process is
# left in them (testbed_pids includes them); the files go with
# $DIR/remote.
remove_remote_network() {
    if recorded_veth; then
        ip link del "$VETH_HOST" || die "cannot delete the veth pair $VETH_HOST"
    fi
    local ns_file
    for ns_file in "$REMOTE_NSFILE" "$NETNS_FILE"; do
        if [[ -e $ns_file ]] && mountpoint -q "$ns_file"; then umount "$ns_file"; fi
    done
}

# For a start that finds the local daemon running: the remote one must
# answer too, with its link up (a test may have left it down); otherwise
# whatever is left of it is removed and it starts afresh.
ensure_remote() {
    if recorded_veth; then nsenter --net="$NETNS_FILE" -- ip link set "$VETH_NS" up; fi
    local pid
    if pid=$(remote_daemon_pid); then
        kill -CONT "$pid" 2>/dev/null || true
        wait_for_remote_daemon && return 0
    fi
    stop_remote_daemon
    remote_pids | signal_and_wait KILL 5 || true
    remove_remote_network
    rm -rf --one-file-system "${REMOTE:?}"
    start_remote
}

# net-down / net-up: the namespace's end of the veth pair, as when a link
# somewhere between a client and its server fails. The host keeps its route
# to the remote host (marked linkdown), so what is sent there is dropped:
# connections get neither an answer nor a reset, only keepalive notices, and
# new ones wait for TCP's retries. (Taking the host's end down instead would
# remove that route, and the host would send the same packets to its
# default gateway.)
cmd_net() {
    check_setup
    require_own_dir
    recorded_veth || die "the remote host's network is not there (scripts/testbed start)"
    nsenter --net="$NETNS_FILE" -- ip link set "$VETH_NS" "$1"
    echo "$VETH_NS (remote end of $VETH_HOST) $1"
}

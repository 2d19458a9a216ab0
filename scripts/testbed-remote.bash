# The testbed's remote host, sourced by scripts/testbed (which defines DIR,
# CACHE, log, die, alive and the lock): a second libvirtd in a network
# namespace of its own, reached from the host over a veth pair, by TLS and by
# SSH (an sshd of its own in the same namespaces). docs/testbed.md ("The
# remote host") has the recipe and the reasons.
#
# Everything lives in $DIR/remote and $DIR/ns, except the host end of the
# veth pair, whose name carries a hash of $DIR so that testbeds running side
# by side never share one (stop deletes it only when $DIR records it), and
# the mount point /run/sshd when the host has none (likewise recorded).

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
# A client whose own certificate (of the right CA) has expired.
readonly PKI_EXPIRED_CLIENT=$PKI/expired-client
# A TLS server whose certificate (of the right CA, naming the right address)
# has expired: gnutls-serv, on a port of its own at the server's address.
readonly EXPIRED_SERVER_DIR=$PKI/expired-server
readonly EXPIRED_SERVER_PIDFILE=$REMOTE/expired-tls.pid
readonly EXPIRED_TLS_PORT=16515
# The SSH server and what its clients need (see "SSH" below).
readonly SSH_DIR=$REMOTE/ssh
readonly SSH_CLIENT=$SSH_DIR/client
readonly SSH_USER=qtvirt
readonly SSH_PIDFILE=$SSH_DIR/sshd.pid
readonly SSH_LOG=$SSH_DIR/sshd.log
# sshd chroots its unprivileged half into this compiled-in directory; the
# remote mount namespace gets an empty one of the testbed's there.
readonly SSH_PRIVSEP_DIR=/run/sshd
readonly REMOTE_CREATED_MOUNTPOINTS=$REMOTE/created-mountpoints
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
    # The remote host's own accounts: the host's, plus the SSH test user.
    "$SSH_DIR/etc/passwd:/etc/passwd"
    "$SSH_DIR/etc/shadow:/etc/shadow"
    "$SSH_DIR/etc/group:/etc/group"
    "$SSH_DIR/privsep:$SSH_PRIVSEP_DIR"
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

remote_daemon_pid() { pidfile_process "$REMOTE_PIDFILE" libvirtd; }

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

# Certificates of the testbed's CA whose validity ended a month after it
# began, long ago: a client's (with the client's key) and a server's (with
# the server's key, for the address the real one names).
make_expired_certificates() {
    local server_ip=$1 validity
    validity='activation_date = "2020-01-01 00:00:00"
expiration_date = "2020-02-01 00:00:00"'
    cat >"$PKI_EXPIRED_CLIENT/client.info" <<EOF
organization = QtVirt testbed
cn = qtvirt-testbed-client
tls_www_client
encryption_key
signing_key
$validity
EOF
    cat >"$EXPIRED_SERVER_DIR/server.info" <<EOF
organization = QtVirt testbed
cn = $server_ip
ip_address = $server_ip
tls_www_server
encryption_key
signing_key
$validity
EOF
    cp "$PKI_CLIENT/clientkey.pem" "$PKI/ca/cacert.pem" "$PKI_EXPIRED_CLIENT/" &&
        issue_certificate "$PKI/ca" "$PKI_EXPIRED_CLIENT/client.info" \
            "$PKI_EXPIRED_CLIENT/clientkey.pem" "$PKI_EXPIRED_CLIENT/clientcert.pem" &&
        issue_certificate "$PKI/ca" "$EXPIRED_SERVER_DIR/server.info" \
            "$PKI/server/serverkey.pem" "$EXPIRED_SERVER_DIR/servercert.pem"
}

make_pki() {
    local server_ip=$1
    (
        umask 077
        mkdir -p "$PKI"/{ca,other-ca,server,"${PKI_CLIENT##*/}","${PKI_WRONG_CA##*/}"} \
            "$PKI_EXPIRED_CLIENT" "$EXPIRED_SERVER_DIR"
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
    make_expired_certificates "$server_ip" || return 1
    rm -f "$PKI/ca/ca-key.pem" "$PKI/other-ca/ca-key.pem"
}

# ---------------------------------------------------------------- SSH
#
# An OpenSSH server in the remote host's namespaces, with a configuration,
# host key and accounts of its own, so that nothing of the host's
# (/etc/ssh, its sshd, root's ~/.ssh, its user database) is used or
# changed:
# - the user $SSH_USER exists only in the remote mount namespace, whose
#   /etc/passwd and /etc/group are copies of the host's with that user
#   added, and whose /etc/shadow holds that user alone; it logs in with a
#   key (qemu+ssh://) or with a password made at each start
#   (qemu+libssh://), both readable by root only;
# - the remote libvirtd's socket belongs to that user's group, and every
#   URI names the socket (socket=) and asks for libvirt's netcat proxy
#   (proxy=netcat): the default proxy, virt-ssh-helper, opens the socket of
#   the machine's own system daemon, which no test may ever reach;
# - OpenSSH's client takes a known hosts file only from a configuration
#   file, which libvirt cannot pass: the ssh URIs run it through a wrapper
#   (command=) that gives it the testbed's (-F), so that it reads neither
#   root's ~/.ssh/config nor /etc/ssh/ssh_config and never writes
#   ~/.ssh/known_hosts. libssh takes the file from the URI (known_hosts=).

# $1: qemu or test; $2: ssh or libssh; $3: host.
ssh_uri() {
    local path=/system query
    [[ $1 == test ]] && path=/default
    query="socket=$REMOTE_SOCK&proxy=netcat"
    case $2 in
    ssh) query+="&command=$SSH_CLIENT/ssh&keyfile=$SSH_CLIENT/id_ed25519&no_tty=1" ;;
    libssh) query+="&known_hosts=$SSH_CLIENT/known_hosts&sshauth=password" ;;
    esac
    printf '%s+%s://%s@%s%s?%s\n' "$1" "$2" "$SSH_USER" "$3" "$path" "$query"
}

# Fails naming the Debian package when a tool of the SSH server is missing.
require_ssh_tools() {
    local entry bin pkg
    for entry in /usr/sbin/sshd:openssh-server ssh:openssh-client ssh-keygen:openssh-client \
        nc:netcat-openbsd perl:perl-base; do
        bin=${entry%%:*}
        pkg=${entry#*:}
        if ! command -v "$bin" >/dev/null; then
            log "'$bin' not found: install package '$pkg' (scripts/install-deps)"
            return 1
        fi
    done
}

# $SSH_USER reads its authorized keys and reaches the daemon's socket below
# $DIR, so $DIR and every directory above it must let others through.
require_reachable_dir() {
    local dir=$DIR mode
    while :; do
        mode=$(stat -L -c %a -- "$dir") || return 1
        if (((8#$mode & 1) == 0)); then
            log "the remote host's SSH user cannot pass $dir (mode $mode) to reach $DIR; choose a QTVIRT_TESTBED_DIR whose parents others may traverse (o+x)"
            return 1
        fi
        [[ $dir != / ]] || return 0
        dir=$(dirname -- "$dir")
    done
}

# The SSH user's uid and gid: one the host uses for no user and no group,
# so that files the user owns belong to nobody else on the host.
pick_ssh_uid() {
    local uid=20000
    while getent passwd "$uid" >/dev/null || getent group "$uid" >/dev/null; do
        uid=$((uid + 1))
    done
    printf '%s\n' "$uid"
}

# The remote host's accounts and the password of $SSH_USER.
make_ssh_accounts() {
    local uid password salt hash
    uid=$(pick_ssh_uid)
    password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_') || return 1
    salt=$(head -c 12 /dev/urandom | base64 | tr '+' '.') || return 1
    # glibc's crypt(3), SHA-512, through perl (Essential in Debian). The
    # "--": a password may begin with "-" (one in 64), which perl took for
    # a switch, and the testbed failed to start.
    # shellcheck disable=SC2016 # perl's variables
    hash=$(perl -e 'print crypt($ARGV[0], "\$6\$$ARGV[1]\$")' -- "$password" "$salt") || return 1
    [[ $hash == "\$6\$"* ]] || return 1
    mkdir -p "$SSH_DIR/home"
    chown "$uid:$uid" "$SSH_DIR/home"
    chmod 700 "$SSH_DIR/home"
    {
        grep -v "^$SSH_USER:" /etc/passwd
        printf '%s:x:%d:%d:QtVirt testbed SSH user:%s:/bin/sh\n' "$SSH_USER" "$uid" "$uid" "$SSH_DIR/home"
    } >"$SSH_DIR/etc/passwd"
    {
        grep -v "^$SSH_USER:" /etc/group
        printf '%s:x:%d:\n' "$SSH_USER" "$uid"
    } >"$SSH_DIR/etc/group"
    (
        umask 077
        # Changed today, so that sshd asks for no new password.
        printf '%s:%s:%d:0:99999:7:::\n' "$SSH_USER" "$hash" $(($(date +%s) / 86400)) >"$SSH_DIR/etc/shadow"
        printf '%s\n' "$password" >"$SSH_CLIENT/password"
    )
    chmod 644 "$SSH_DIR/etc/passwd" "$SSH_DIR/etc/group"
}

# Keys, accounts and configuration files of the SSH server and its clients.
make_ssh() {
    local server_ip=$1
    # $SSH_USER reads the authorized keys in $SSH_DIR; sshd refuses a
    # privilege separation directory others can write to.
    mkdir -p "$SSH_DIR/etc" "$SSH_DIR/privsep"
    chmod 755 "$SSH_DIR" "$SSH_DIR/etc" "$SSH_DIR/privsep"
    mkdir -m 700 "$SSH_CLIENT"
    ssh-keygen -q -t ed25519 -N '' -C "QtVirt testbed host ($DIR)" -f "$SSH_DIR/ssh_host_ed25519_key" &&
        ssh-keygen -q -t ed25519 -N '' -C "QtVirt testbed client ($DIR)" -f "$SSH_CLIENT/id_ed25519" ||
        return 1
    cp "$SSH_CLIENT/id_ed25519.pub" "$SSH_DIR/authorized_keys"
    printf '%s %s\n' "$server_ip" "$(cut -d ' ' -f 1,2 "$SSH_DIR/ssh_host_ed25519_key.pub")" \
        >"$SSH_CLIENT/known_hosts"
    make_ssh_accounts || return 1
    cat >"$SSH_DIR/sshd_config" <<EOF
# Generated by scripts/testbed: the remote host's SSH server, for $SSH_USER
# only, on the address of the namespace that clients use.
ListenAddress $server_ip:22
HostKey $SSH_DIR/ssh_host_ed25519_key
PidFile $SSH_PIDFILE
AuthorizedKeysFile $SSH_DIR/authorized_keys
AllowUsers $SSH_USER
PermitRootLogin no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
# StrictModes refuses keys below a sticky world-writable directory such as
# /tmp; scripts/testbed checks \$DIR and its parent itself (dir_is_safe),
# and the keys file is root's, in root's directories.
StrictModes no
AllowTcpForwarding no
AllowAgentForwarding no
AllowStreamLocalForwarding no
X11Forwarding no
PermitTunnel no
PrintMotd no
PrintLastLog no
UseDNS no
# Tests open many connections at once.
MaxStartups 100
LogLevel VERBOSE
EOF
    cat >"$SSH_CLIENT/ssh_config" <<EOF
# Generated by scripts/testbed: OpenSSH's client for the remote host's ssh
# URIs, through $SSH_CLIENT/ssh (libvirt's command=).
Host *
    UserKnownHostsFile $SSH_CLIENT/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    UpdateHostKeys no
    IdentitiesOnly yes
    IdentityAgent none
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    BatchMode yes
    ControlMaster no
    ControlPath none
    ConnectTimeout 10
EOF
    cat >"$SSH_CLIENT/ssh" <<EOF
#!/bin/sh
# Generated by scripts/testbed: ssh with the testbed's configuration only.
exec ssh -F '$SSH_CLIENT/ssh_config' "\$@"
EOF
    chmod 700 "$SSH_CLIENT/ssh"
}

# sshd chroots into $SSH_PRIVSEP_DIR, which must exist as a mount point for
# the remote host's own; one made here is recorded, and stop removes it.
ensure_privsep_mountpoint() {
    [[ -d $SSH_PRIVSEP_DIR ]] && return 0
    mkdir -m 755 "$SSH_PRIVSEP_DIR" || [[ -d $SSH_PRIVSEP_DIR ]] || return 1
    printf '%s\n' "$SSH_PRIVSEP_DIR" >>"$REMOTE_CREATED_MOUNTPOINTS"
}

remote_sshd_pid() { pidfile_process "$SSH_PIDFILE" sshd; }

# Up when a client logs in with the key and reaches the remote daemon.
wait_for_remote_sshd() {
    local deadline=$((SECONDS + DAEMON_TIMEOUT)) uri out
    uri=$(ssh_uri test ssh "$(remote_server_ip)")
    while ((SECONDS < deadline)); do
        if remote_sshd_pid >/dev/null; then
            if out=$(timeout 15 virsh -q -c "$uri" uri </dev/null 2>&1); then
                return 0
            fi
            log "the remote sshd runs but libvirt does not answer over it ($uri): $out"
            return 1
        fi
        sleep 0.2
    done
    log "the remote sshd did not start within ${DAEMON_TIMEOUT}s"
    return 1
}

start_remote_sshd() {
    rm -f "$SSH_PIDFILE"
    # sshd re-executes itself, so it needs its absolute path.
    if ! nsenter --mount="$REMOTE_NSFILE" --net="$NETNS_FILE" -- setsid /usr/sbin/sshd \
        -f "$SSH_DIR/sshd_config" -E "$SSH_LOG" </dev/null >>"$SSH_DIR/sshd.stdout" 2>&1 9>&- ||
        ! wait_for_remote_sshd; then
        log "the remote sshd failed; last log lines:"
        tail -n 30 "$SSH_LOG" "$SSH_DIR/sshd.stdout" >&2 2>/dev/null || true
        return 1
    fi
}

# ---------------------------------------------------------------- expired TLS server

expired_server_pid() { pidfile_process "$EXPIRED_SERVER_PIDFILE" gnutls-serv; }

# A TLS server that presents the expired server certificate: libvirt's
# client checks the certificate right after the handshake, before a word of
# libvirt's protocol, so no libvirtd is needed behind it (a second libvirtd
# would cost another daemon start). Runs in the remote network namespace,
# so stop ends it with the rest of the remote host.
start_expired_server() {
    local ip
    ip=$(remote_server_ip)
    rm -f "$EXPIRED_SERVER_PIDFILE"
    # 9>&-: it must not inherit the lock.
    nsenter --net="$NETNS_FILE" -- setsid gnutls-serv --port "$EXPIRED_TLS_PORT" \
        --x509keyfile "$PKI/server/serverkey.pem" --x509certfile "$EXPIRED_SERVER_DIR/servercert.pem" \
        </dev/null >>"$REMOTE/expired-tls.log" 2>&1 9>&- &
    local pid=$!
    printf '%s\n' "$pid" >"$EXPIRED_SERVER_PIDFILE"
    local deadline=$((SECONDS + DAEMON_TIMEOUT))
    while ((SECONDS < deadline)); do
        # (Its name is nsenter's until it has executed gnutls-serv.)
        alive "$pid" || break
        if (exec 3<>"/dev/tcp/$ip/$EXPIRED_TLS_PORT") 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    log "gnutls-serv with the expired certificate did not listen on $ip:$EXPIRED_TLS_PORT; its log:"
    tail -n 20 "$REMOTE/expired-tls.log" >&2 2>/dev/null || true
    return 1
}

# Once no mount namespace uses it any more, and no sshd runs that could
# (the host's may have been started since, and takes it over as it is).
remove_privsep_mountpoint() {
    [[ -r $REMOTE_CREATED_MOUNTPOINTS ]] && grep -qxF "$SSH_PRIVSEP_DIR" "$REMOTE_CREATED_MOUNTPOINTS" ||
        return 0
    grep -qsF " $SSH_PRIVSEP_DIR " /proc/[0-9]*/mountinfo && return 0
    # Not a zombie: the testbed's own sshd, just killed, may not be reaped yet.
    local pid
    for pid in $(pgrep -x sshd); do
        alive "$pid" && return 0
    done
    rmdir "$SSH_PRIVSEP_DIR" 2>/dev/null || true
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
    # Without -q grep reads all, so ip never dies of SIGPIPE (pipefail).
    ip -d link show "$VETH_HOST" 2>/dev/null | grep -w veth >/dev/null
}

# ---------------------------------------------------------------- daemon

write_remote_config() {
    mkdir -p "$REMOTE"/{etc/libvirt,run,lib,log,sock}
    cat >"$REMOTE_CONF" <<EOF
# Generated by scripts/testbed: the remote host, reached over TLS and SSH.
unix_sock_dir = "$REMOTE/sock"
unix_sock_ro_perms = "0777"
# SSH clients log in as $SSH_USER and reach the daemon through this socket.
unix_sock_group = "$SSH_USER"
unix_sock_rw_perms = "0770"
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
    require_ssh_tools && require_reachable_dir || return 1
    mkdir -p "$REMOTE"
    create_remote_network || {
        log "cannot create the remote host's network namespace and veth pair"
        return 1
    }
    make_pki "$(remote_server_ip)" || {
        log "certtool failed to make the remote host's certificates"
        return 1
    }
    make_ssh "$(remote_server_ip)" || {
        log "cannot make the remote host's SSH keys and accounts"
        return 1
    }
    write_remote_config
    if ! ensure_privsep_mountpoint || ! create_remote_mount_namespace; then
        log "cannot create the remote host's mount namespace"
        return 1
    fi
    start_remote_daemon && start_remote_sshd && start_expired_server
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

# Deletes the veth pair, unmounts both namespaces and removes the privilege
# separation mount point start made, once no process is left in them
# (testbed_pids includes them); the files go with $DIR/remote.
remove_remote_network() {
    if recorded_veth; then
        ip link del "$VETH_HOST" || die "cannot delete the veth pair $VETH_HOST"
    fi
    local ns_file
    for ns_file in "$REMOTE_NSFILE" "$NETNS_FILE"; do
        if [[ -e $ns_file ]] && mountpoint -q "$ns_file"; then umount "$ns_file"; fi
    done
    remove_privsep_mountpoint
}

# For a start that finds the local daemon running: the remote one must
# answer too, with its link up (a test may have left it down); otherwise
# whatever is left of it is removed and it starts afresh.
ensure_remote() {
    if recorded_veth; then nsenter --net="$NETNS_FILE" -- ip link set "$VETH_NS" up; fi
    local pid
    if pid=$(remote_daemon_pid) && remote_sshd_pid >/dev/null && expired_server_pid >/dev/null; then
        kill -CONT "$pid" 2>/dev/null || true
        wait_for_remote_daemon && wait_for_remote_sshd && return 0
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

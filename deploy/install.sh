#!/bin/sh
# Installs or upgrades the published worker as the proxythreat systemd service. Run as root from the published
# folder (deploy/out/proxythreat, copied to the edge node). Running it again upgrades the program, keeps the
# configuration (/etc/proxythreat) and the ledger (/var/lib/proxythreat), and starts the service again if it
# was running.
#
# usage: install.sh [--no-start] [--prefix DIR]
#   --no-start    leave the service stopped after an upgrade (a first install never starts it: the
#                 configuration needs editing first)
#   --prefix DIR  for packaging: put the files under DIR (DIR/opt/proxythreat, DIR/etc/proxythreat,
#                 DIR/etc/systemd/system) and touch neither users nor services
set -eu
here=$(cd "$(dirname "$0")" && pwd)

start=yes
prefix=
while [ $# -gt 0 ]; do
    case "$1" in
        --no-start) start=no ;;
        --prefix) [ $# -ge 2 ] || { echo "install: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "install: unknown option '$1' (see install.sh --help)" >&2; exit 2 ;;
    esac
    shift
done

for file in proxythreat proxythreat.service appsettings.example.json; do
    [ -f "$here/$file" ] || { echo "install: $here/$file is missing: run install.sh from the folder deploy/publish.sh made" >&2; exit 1; }
done

opt=$prefix/opt/proxythreat
etc=$prefix/etc/proxythreat
units=$prefix/etc/systemd/system
system=yes
if [ -n "$prefix" ]; then
    system=no
elif [ "$(id -u)" -ne 0 ]; then
    echo "install: run as root (or with --prefix DIR to stage the files for a package)" >&2
    exit 1
fi

# systemd manages services only where it is the running init (not in most containers and chroots).
systemd=no
if [ "$system" = yes ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemd=yes
fi

# The self-contained program needs no .NET runtime and no libicu; it does need OpenSSL for hashing and TLS.
if [ "$system" = yes ] && command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p 2>/dev/null | grep -q 'libssl\.so\.\(3\|1\.1\)'; then
    echo "install: warning: no libssl.so.3 or libssl.so.1.1 found; install OpenSSL (openssl-libs, libssl3) before starting" >&2
fi

# 1. A dedicated unprivileged system user, no login shell, no home.
if [ "$system" = yes ] && ! id proxythreat >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /var/lib/proxythreat --shell /usr/sbin/nologin proxythreat
fi

# 2. The program, owned by root and read-only to the service; the installer's own files stay out of it.
was_running=no
if [ "$systemd" = yes ] && systemctl is-active --quiet proxythreat.service; then
    was_running=yes
    systemctl stop proxythreat.service
fi
rm -rf "$opt.new"
mkdir -p "$opt.new"
cp -R "$here"/. "$opt.new"/
rm -f "$opt.new/install.sh" "$opt.new/proxythreat.service" "$opt.new/appsettings.example.json"
rm -rf "$opt"
mv "$opt.new" "$opt"
[ "$system" = no ] || chown -R root:root "$opt"
chmod 0755 "$opt/proxythreat"

# 3. The configuration: the example is refreshed for comparison; appsettings.json is installed only if there is
#    none yet (it may name a keytab: readable by the service only).
install -d -m 0755 "$etc"
install -m 0644 "$here/appsettings.example.json" "$etc/appsettings.example.json"
first=no
if [ ! -f "$etc/appsettings.json" ]; then
    first=yes
    if [ "$system" = yes ]; then
        install -m 0640 -o root -g proxythreat "$here/appsettings.example.json" "$etc/appsettings.json"
    else
        install -m 0640 "$here/appsettings.example.json" "$etc/appsettings.json"
    fi
fi

# 4. The unit; systemd creates /var/lib/proxythreat (StateDirectory) owned by the service user.
install -d -m 0755 "$units"
install -m 0644 "$here/proxythreat.service" "$units/proxythreat.service"

# 5. On SELinux systems (RHEL and kin) files copied in keep the label of where they came from: reset them.
if [ "$system" = yes ] && command -v selinuxenabled >/dev/null 2>&1 && selinuxenabled && command -v restorecon >/dev/null 2>&1; then
    restorecon -R "$opt" "$etc" "$units/proxythreat.service"
fi

if [ "$system" = no ]; then
    echo "install: staged under $prefix; the package's scripts create the proxythreat user and run systemctl daemon-reload"
    exit 0
fi
if [ "$systemd" = no ]; then
    # In a chroot, systemctl can still enable the unit for the system's next boot.
    if command -v systemctl >/dev/null 2>&1 && systemctl enable --quiet proxythreat.service 2>/dev/null; then
        echo "install: installed and enabled for the next boot; systemd is not running here, so nothing was started"
        exit 0
    fi
    echo "install: installed, but systemd is not running here (a container or chroot?): the unit is in place, not enabled"
    echo "install: to run it by hand, give it a ledger folder the proxythreat user owns: $opt/proxythreat run --config $etc/appsettings.json --State:Path=DIR/ledger.db"
    exit 0
fi

systemctl daemon-reload
systemctl enable --quiet proxythreat.service
if [ "$first" = yes ]; then
    echo "install: enabled; edit $etc/appsettings.json, check it with '$opt/proxythreat check --config $etc/appsettings.json', then: systemctl start proxythreat"
elif [ "$was_running" = yes ] && [ "$start" = yes ]; then
    systemctl start proxythreat.service
    echo "install: upgraded and started again; follow it with: journalctl -u proxythreat -f"
elif [ "$was_running" = yes ]; then
    echo "install: upgraded; left stopped (--no-start): systemctl start proxythreat"
else
    echo "install: upgraded; the service was not running: systemctl start proxythreat"
fi

#!/bin/sh
# Installs the published worker as the proxythreat systemd service. Run as root from the published folder
# (deploy/out/proxythreat, copied to the edge node). Safe to run again for an upgrade: the configuration
# in /etc/proxythreat and the ledger in /var/lib/proxythreat are kept.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# 1. A dedicated unprivileged system user, no login shell, no home.
if ! id proxythreat >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /var/lib/proxythreat --shell /usr/sbin/nologin proxythreat
fi

# 2. The program, owned by root and read-only to the service.
systemctl stop proxythreat.service 2>/dev/null || true
rm -rf /opt/proxythreat.new
mkdir -p /opt/proxythreat.new
cp -R "$here"/. /opt/proxythreat.new/
rm -rf /opt/proxythreat
mv /opt/proxythreat.new /opt/proxythreat
chown -R root:root /opt/proxythreat
chmod 0755 /opt/proxythreat/proxythreat

# 3. The configuration, only if there is none yet (it may name a keytab: readable by the service only).
install -d -m 0755 /etc/proxythreat
if [ ! -f /etc/proxythreat/appsettings.json ]; then
    install -m 0640 -o root -g proxythreat "$here/appsettings.example.json" /etc/proxythreat/appsettings.json
    echo "install: edit /etc/proxythreat/appsettings.json before starting the service"
fi

# 4. The unit; systemd creates /var/lib/proxythreat (StateDirectory) owned by the service user.
install -m 0644 "$here/proxythreat.service" /etc/systemd/system/proxythreat.service
systemctl daemon-reload
systemctl enable proxythreat.service
echo "install: enabled; start with: systemctl start proxythreat && journalctl -u proxythreat -f"

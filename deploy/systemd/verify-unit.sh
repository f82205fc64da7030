#!/bin/sh
# Checks deploy/systemd/proxythreat.service with `systemd-analyze verify`. Installs nothing: where
# systemd-analyze is absent it says so and exits 0. The unit's ExecStart names /opt/proxythreat/proxythreat,
# which verify requires to exist, so a copy of the unit pointing at /bin/true is verified instead.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
unit="$here/proxythreat.service"

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "verify-unit: systemd-analyze not found; skipping the check of $unit"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's|^ExecStart=/opt/proxythreat/proxythreat |ExecStart=/bin/true |' "$unit" >"$work/proxythreat.service"

# verify prints warnings for every problem; any output about our unit is a failure.
if ! out=$(systemd-analyze verify --man=no "$work/proxythreat.service" 2>&1); then
    echo "$out"
    echo "verify-unit: systemd-analyze verify failed for $unit"
    exit 1
fi
if printf '%s\n' "$out" | grep -q 'proxythreat.service'; then
    echo "$out"
    echo "verify-unit: systemd-analyze verify reported problems in $unit"
    exit 1
fi
echo "verify-unit: $unit verified"

#!/bin/sh
# Publishes the worker self-contained (no .NET runtime needed on the edge node) and ReadyToRun (precompiled, so a
# one-shot verb does not spend its start compiling) into deploy/out/proxythreat, or the folder given.
# Usage: deploy/publish.sh [runtime-identifier [output-folder]]   (default linux-x64)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
rid=${1:-linux-x64}
out=${2:-"$root/deploy/out/proxythreat"}
rm -rf "$out"
dotnet publish "$root/src/ProxyThreat.Worker/ProxyThreat.Worker.csproj" -c Release -r "$rid" --self-contained -o "$out"
cp "$root/deploy/systemd/proxythreat.service" "$root/deploy/appsettings.example.json" "$root/deploy/install.sh" "$out/"
cp "$root/README.md" "$out/"
# The example hooks (Hooks:AfterDate), installed to /opt/proxythreat/hooks.
mkdir -p "$out/hooks"
cp "$root"/deploy/hooks/*.sh "$out/hooks/"
echo "published to $out; copy that folder to the edge node and run install.sh there as root"

#!/bin/sh
# Publishes the worker self-contained (no .NET runtime needed on the edge node) into deploy/out/proxythreat.
# Usage: deploy/publish.sh [runtime-identifier]   (default linux-x64)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
rid=${1:-linux-x64}
out="$root/deploy/out/proxythreat"
rm -rf "$out"
dotnet publish "$root/src/ProxyThreat.Worker/ProxyThreat.Worker.csproj" -c Release -r "$rid" --self-contained -o "$out"
cp "$root/deploy/systemd/proxythreat.service" "$root/deploy/appsettings.example.json" "$root/deploy/install.sh" "$out/"
cp "$root/README.md" "$out/"
echo "published to $out; copy that folder to the edge node and run install.sh there as root"

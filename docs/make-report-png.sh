#!/usr/bin/env bash
# Makes docs/report.png, the README's picture of the sample day's report: the sample day investigated into a
# scratch folder, its report written, and the page opened in headless Chromium (Debian's chromium package) with
# the network denied.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "make-report-png: needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
settings=(--Hdfs:Local:Root="$work/hdfs" --State:Path="$work/ledger.db")

dotnet run --project src/ProxyThreat.Worker -- investigate --date 2016-07-08 "${settings[@]}" >"$work/investigate.log" 2>&1 \
    || { cat "$work/investigate.log" >&2; exit 1; }
dotnet run --no-build --project src/ProxyThreat.Worker -- report --date 2016-07-08 --out "$work/report.html" "${settings[@]}"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" \
    --hide-scrollbars --window-size=1280,1600 --screenshot="$PWD/docs/report.png" "file://$work/report.html" >/dev/null 2>&1
echo "docs/report.png written"

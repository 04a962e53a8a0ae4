#!/usr/bin/env bash
# Publishes the agent as one NativeAOT executable and prints its path, framework and size.
# net9.0 is used because the reachable package feed carries the NativeAOT runtime pack for .NET 9
# (Microsoft.DotNet.ILCompiler with its framework) but not for .NET 10 (ARCHITECTURE.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
framework="${GEOEDGE_AOT_FRAMEWORK:-net9.0}"
rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
out="$root/artifacts/agent/$rid"
echo "geoedge: publishing the agent with NativeAOT ($framework, $rid)..." >&2
dotnet publish "$root/firmware-agent/GeoEdge.Agent/GeoEdge.Agent.csproj" -c Release -f "$framework" -r "$rid" \
  -p:PublishAot=true -o "$out" -nologo -v:q -clp:ErrorsOnly >&2
exe="$out/geoedge-agent"
[ -x "$exe" ] || { echo "geoedge: publish produced no executable at $exe" >&2; exit 1; }
size=$(stat -c %s "$exe")
printf '{"path":"%s","framework":"%s","runtime":"%s","bytes":%d}\n' "$exe" "$framework" "$rid" "$size"

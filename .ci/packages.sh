#!/usr/bin/env bash
# The simulator's two packages as another team uses them, with the commands docs/simulator.md ("Use the simulator
# in your own project") and the README give: both packed into a folder feed, the ipocto-sim tool installed from it
# into a fresh tool path, its help checked and the simulator started; then a service and its tests, copied out of the
# repository (.ci/packages/), reference the library package from the feed, host the simulator in memory under
# WebApplicationFactory with a FakeTimeProvider, and call the installed tool with Stripe.net and PayerMax's
# orderAndPay. Nothing is pushed anywhere. The tests' summary line is printed for the totals of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

feed=$PWD/artifacts/feed
work=$(mktemp -d)
simulator_pid=
stop() {
  if [ -n "$simulator_pid" ]; then kill "$simulator_pid" 2>/dev/null || true; wait "$simulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

# The in-memory example in docs/simulator.md is the factory these tests run.
if ! diff <(awk '/<!-- .ci\/packages\/Shop.Tests\/ShopFactory.cs -->/ { found = 1; next } found && /^```csharp$/ { inside = 1; next } inside && /^```$/ { exit } inside' docs/simulator.md) \
     .ci/packages/Shop.Tests/ShopFactory.cs; then
  echo "docs/simulator.md's ShopFactory differs from .ci/packages/Shop.Tests/ShopFactory.cs." >&2
  exit 1
fi

version=$(dotnet msbuild tools/IpoctoPayments.Simulator -getProperty:Version)
echo "Packing the simulator $version into artifacts/feed"
rm -rf "$feed"
dotnet pack tools/IpoctoPayments.Simulator.Hosting -o artifacts/feed
dotnet pack tools/IpoctoPayments.Simulator -o artifacts/feed

# A fresh tool path, as a machine that never had the tool.
dotnet tool install --tool-path "$work/tools" --add-source ./artifacts/feed IpoctoPayments.Simulator --version "$version"
help=$("$work/tools/ipocto-sim" --help)
echo "$help"
for command in trigger listen; do
  if ! grep -Eq "^  $command( |$)" <<<"$help"; then
    echo "ipocto-sim --help lists no $command command." >&2
    exit 1
  fi
done

# Port 0 picks a free port; the banner names the address taken, and the PayerMax keys a merchant signs and verifies with.
log=$work/ipocto-sim.log
(cd "$work" && exec tools/ipocto-sim --urls http://127.0.0.1:0) >"$log" 2>&1 &
simulator_pid=$!
for _ in $(seq 1 60); do
  grep -q "Dashboard" "$log" && break
  kill -0 "$simulator_pid" 2>/dev/null || break
  sleep 0.5
done
url=$(awk '/Stripe API base/ { print $4; exit }' "$log")
if [ -z "$url" ] || ! curl -sf --max-time 5 "$url/_simulator/clock" >/dev/null; then
  cat "$log" >&2
  echo "ipocto-sim did not start." >&2
  exit 1
fi
echo "ipocto-sim answers on $url"

# The service and its tests, outside the repository: its own build settings, the repository's package versions, a
# nuget.config with the feed, and a packages folder of their own, so they run against the package just packed (a build
# of the same version may sit in the machine's cache) and leave that cache as it was.
shop=$work/shop
cp -r .ci/packages "$shop"
cp Directory.Packages.props "$shop/"
cat >"$shop/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="simulator" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <!-- ipocto's packages only from the feed, whatever another source holds under the same names. -->
  <packageSourceMapping>
    <packageSource key="simulator">
      <package pattern="IpoctoPayments.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
CONFIG

NUGET_PACKAGES=$work/packages \
IPOCTO_SIM_URL=$url \
IPOCTO_SIM_MERCHANT_PRIVATE_KEY=$(awk '/Merchant private key/ { print $4; exit }' "$log") \
IPOCTO_SIM_PAYERMAX_PUBLIC_KEY=$(awk '/PayerMax public key/ { print $4; exit }' "$log") \
  dotnet test "$shop/Shop.Tests" -p:SimulatorVersion="$version" --blame-hang-timeout 5m

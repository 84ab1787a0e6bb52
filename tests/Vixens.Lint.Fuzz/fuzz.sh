#!/usr/bin/env bash
# Coverage-guided fuzzing of Vixens.Lint with AFL++ and SharpFuzz. See docs/fuzzing.md.
#
#   tests/Vixens.Lint.Fuzz/fuzz.sh TARGET [SECONDS]     TARGET: yaml | kustomize | patch | check (default 600 s)
#
# Needs AFL++ (Debian: apt-get install -y afl++) and the .NET SDK; installs the sharpfuzz instrumenter into
# artifacts/fuzz/tools. Output (queue, crashes, hangs, fuzzer_stats) goes to artifacts/fuzz/TARGET; running again
# resumes from there (delete it for a fresh start). Replay a finding without AFL:
#   dotnet run --project tests/Vixens.Lint.Fuzz -c Release -- TARGET artifacts/fuzz/TARGET/default/crashes/id*
# (the instrumented copy in artifacts/fuzz/bin only runs under afl-fuzz)
set -euo pipefail

target=${1:?usage: fuzz.sh yaml|kustomize|patch|check [SECONDS]}
seconds=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$repo/artifacts/fuzz
bin=$work/bin/$target   # one per target: a running fuzzer keeps its own copy
tools=$work/tools
out=$work/$target
seeds=$here/seeds/$target

case $target in yaml|kustomize|patch|check) ;; *) echo "unknown target: $target" >&2; exit 2 ;; esac
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }
[ -d "$seeds" ] || seeds=$here/seeds/kustomize   # check uses the kustomize trees

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# A fresh publish each time: sharpfuzz rewrites assemblies in place and must not instrument one twice.
rm -rf "$bin"
dotnet publish "$here/Vixens.Lint.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet
for assembly in Vixens.Lint.dll YamlDotNet.dll; do
  "$tools/sharpfuzz" "$bin/$assembly"
done

mkdir -p "$out"
# The machine is shared: no CPU pinning, lower priority than builds and tests. SharpFuzz's fork server runs inside
# `dotnet`, which AFL cannot see instrumented (SKIP_BIN_CHECK); JIT warm-up needs the generous timeout.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
       AFL_AUTORESUME=1 AFL_NO_UI=1 DOTNET_TieredPGO=0
nice -n 10 afl-fuzz -i "$seeds" -o "$out" -x "$here/yaml.dict" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V "$seconds" \
  -- dotnet "$bin/Vixens.Lint.Fuzz.dll" "$target"

# The figures docs/fuzzing.md records, from AFL's own statistics file.
grep -E '^(start_time|run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|stability|saved_crashes|saved_hangs) ' "$out/default/fuzzer_stats"

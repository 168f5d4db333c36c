#!/usr/bin/env bash
# Measures azid next to com.azure:azure-identity against the azid emulator over HTTPS, on this machine,
# in one run, and writes docs/benchmarks.md (machine, JDK, date, command, a table per section and
# whether each target was met):
#   a. cached getToken latency and throughput, 1 and 2 threads (JMH)
#   b. whole-process cold start to the first token (child JVMs; bare HttpClient POST as the baseline)
#   c. classes loaded and runtime classpath size
#   d. 1,000 concurrent callers on a cold cache
#   e. DefaultAzureCredential with nothing configured, IMDS closed and silent
#   f. allocation per cached getToken (JMH -prof gc)
#   g. fleet cold start: 16, 32 and 64 JVMs released together (azid with the file and the Redis store,
#      azure-identity, MSAL4J with a Redis cache-access aspect); token requests and time to token
#   h. shared-cache hit from Redis on loopback (and the file store); the in-process hit with a shared
#      cache configured (JMH -prof gc)
#   i. Redis killed and restarted under a fleet calling getToken: token requests and failed calls
#
# g, h and i need Debian's redis-server (apt-get install redis-server); without it their Redis rows
# are left out and the report says so.
# Usage, from a fresh clone (JDK 17+, Maven 3.8+):
#   scripts/run-benchmarks.sh           full run, about 20 minutes on 2 cores; use a quiet machine
#   scripts/run-benchmarks.sh --quick   smoke run with tiny counts, 4-5 minutes; figures not to be quoted
#   scripts/run-benchmarks.sh --section h   only h's shared-cache hit (full counts; not its JMH part),
#                                           1-2 minutes; prints the figures, leaves docs/benchmarks.md alone
#
# Benchmarks are not tests: `mvn verify` runs none of this.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: scripts/run-benchmarks.sh [--quick | --section h]"
mode=full
case "$*" in
  "") ;;
  --quick) mode=quick ;;
  "--section h") mode=h ;;
  -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
  *) echo "$usage (only section h runs alone)" >&2; exit 2 ;;
esac
command_line="scripts/run-benchmarks.sh${*:+ $*}"
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

if [ "$mode" = quick ]; then
  jmh_iterations=(-f 1 -wi 1 -w 100ms -i 2 -r 100ms)
  runs=2; stampede_runs=1; fail_runs=1
  child_timeout=60; stampede_timeout=15; fail_timeout=15
  fleet_sizes=4,8; fleet_timeout=120; hit_warmup=1000; hit_samples=200
  outage=(--outage-processes 4 --outage-kill 15 --outage-restart 35 --outage-end 45)
else
  jmh_iterations=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
  runs=10; stampede_runs=3; fail_runs=3
  child_timeout=60; stampede_timeout=60; fail_timeout=60
  fleet_sizes=16,32,64; fleet_timeout=240; hit_warmup=20000; hit_samples=2000
  outage=(--outage-processes 8 --outage-kill 40 --outage-restart 75 --outage-end 125)
fi
callers=1000
settings="JMH ${jmh_iterations[*]} (average time with -prof gc, then throughput); cold start: ${runs} runs per client after 1 warm-up round; ${callers} callers, up to ${stampede_runs} run(s) per library; fail-through: ${fail_runs} run(s) per library and case; timeouts: ${child_timeout} s per cold-start child, ${stampede_timeout} s per stampede, ${fail_timeout} s per fail-through child; fleets of ${fleet_sizes} JVMs, ${fleet_timeout} s per phase; shared-cache hit: at least ${hit_warmup} warm-up calls (then until the JIT is idle) + ${hit_samples} measured; outage: ${outage[*]}"

work=azid-benchmarks/target/benchmark-run
rm -rf "$work"
mkdir -p "$work"
failed=()

echo "== build (mvn -B -q -DskipTests package, plus the runtime classpaths)"
# dependency:build-classpath runs in the same reactor as package, so azid-core's test-scoped
# dependency on azid-emulator resolves to the module just built (nothing needs to be installed).
# Section h alone needs only the modules the benchmarks depend on, and no peer classpaths.
scope=()
if [ "$mode" = h ]; then
  scope=(-pl azid-benchmarks -am)
fi
mvn -B -q -DskipTests "${scope[@]}" package dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile=target/runtime-classpath.txt

azid_jar=""
for f in azid-core/target/azid-core-*.jar; do
  case "$f" in *-tests.jar|*-sources.jar|*-javadoc.jar) ;; *) azid_jar="$PWD/$f" ;; esac
done
if [ -z "$azid_jar" ]; then
  echo "azid-core jar not found in azid-core/target" >&2
  exit 1
fi
azid_cp="$azid_jar"
azid_deps=$(cat azid-core/target/runtime-classpath.txt)
if [ -n "$azid_deps" ]; then
  azid_cp="$azid_cp:$azid_deps"
fi
redis_jar=""
for f in azid-redis/target/azid-redis-*.jar; do
  case "$f" in *-tests.jar|*-sources.jar|*-javadoc.jar) ;; *) redis_jar="$PWD/$f" ;; esac
done
redis_cp="$redis_jar:$(cat azid-redis/target/runtime-classpath.txt)"
jar=azid-benchmarks/target/benchmarks.jar

if [ "$mode" = h ]; then
  echo "== h: shared-cache hit, in-process cache cold (at least ${hit_warmup} warm-up and ${hit_samples} measured calls per store)"
  timeout 600 java -cp "$jar" dev.azid.benchmarks.WholeProcessHarness --only hit \
    --azid-cp "$azid_cp" --harness-cp "$PWD/azid-benchmarks/target/classes" --out "$work/whole-process.properties" \
    --redis-cp "$redis_cp" --hit-warmup "$hit_warmup" --hit-samples "$hit_samples"
  echo
  java -cp "$jar" dev.azid.benchmarks.BenchmarkReport --section h --results "$work/whole-process.properties" \
    --avgt "$work/none.csv" --thrpt "$work/none.csv" --load-before "$load_before"
  echo "== done in $(( $(date +%s) - started )) s (section h; load average before: $load_before, after:" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)); docs/benchmarks.md untouched; raw results in $work"
  exit 0
fi

mvn -B -q -f azid-benchmarks/src/peer-classpath/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$PWD/$work/peer-classpath.txt"
mvn -B -q -f azid-benchmarks/src/peer-msal-classpath/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$PWD/$work/msal-classpath.txt"
peer_cp=$(cat "$work/peer-classpath.txt")
msal_cp=$(cat "$work/msal-classpath.txt")
benchmarks='dev\.azid\.benchmarks\.(Azid|AzureIdentity)CachedTokenBenchmark\.'

echo "== a, f: cached getToken, average time and allocation (JMH)"
timeout 1200 java -jar "$jar" "$benchmarks" -bm avgt -tu ns -prof gc "${jmh_iterations[@]}" \
  -rf csv -rff "$work/jmh-avgt.csv" 2>&1 | tee "$work/jmh-avgt.log" || failed+=("JMH average time (exit $?)")

echo "== a: cached getToken, throughput (JMH)"
timeout 1200 java -jar "$jar" "$benchmarks" -bm thrpt -tu s "${jmh_iterations[@]}" \
  -rf csv -rff "$work/jmh-thrpt.csv" 2>&1 | tee "$work/jmh-thrpt.log" || failed+=("JMH throughput (exit $?)")
echo "== h: in-process hit with a shared cache configured (JMH)"
timeout 1200 java -jar "$jar" 'dev\.azid\.benchmarks\.AzidSharedCacheHitBenchmark\.' -bm avgt -tu ns -prof gc \
  "${jmh_iterations[@]}" -rf csv -rff "$work/jmh-shared-avgt.csv" 2>&1 | tee "$work/jmh-shared.log" \
  || failed+=("JMH shared cache (exit $?)")
# The benchmarks' tear-down checks that the emulator saw exactly one token request (all calls cache hits).
cache_warnings=$(grep -h -o 'CACHE-CHECK WARNING: .*' "$work"/jmh-*.log || true)

echo "== b, c, d, e, g, h, i: whole-process benchmarks"
timeout 3600 java -cp "$jar" dev.azid.benchmarks.WholeProcessHarness \
  --azid-cp "$azid_cp" --peer-cp "$peer_cp" --harness-cp "$PWD/azid-benchmarks/target/classes" \
  --out "$work/whole-process.properties" --runs "$runs" --callers "$callers" --stampede-runs "$stampede_runs" \
  --fail-runs "$fail_runs" --child-timeout "$child_timeout" --stampede-timeout "$stampede_timeout" \
  --fail-timeout "$fail_timeout" --redis-cp "$redis_cp" --msal-cp "$msal_cp" --fleet-sizes "$fleet_sizes" \
  --fleet-timeout "$fleet_timeout" --hit-warmup "$hit_warmup" --hit-samples "$hit_samples" "${outage[@]}" \
  || failed+=("whole-process harness (exit $?)")

status="all steps completed"
if [ ${#failed[@]} -gt 0 ]; then
  status="failed: ${failed[*]}"
fi

echo "== report"
timeout 120 java -cp "$jar" dev.azid.benchmarks.BenchmarkReport \
  --avgt "$work/jmh-avgt.csv" --thrpt "$work/jmh-thrpt.csv" --shared-avgt "$work/jmh-shared-avgt.csv" --results "$work/whole-process.properties" \
  --out docs/benchmarks.md --mode "$mode" --command "$command_line" --settings "$settings" \
  --started "$started" --load-before "$load_before" \
  --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" --status "$status" \
  --cache-warnings "$cache_warnings"

echo "== done in $(( $(date +%s) - started )) s ($mode): docs/benchmarks.md; raw results in $work"
if [ ${#failed[@]} -gt 0 ]; then
  echo "$status" >&2
  exit 1
fi

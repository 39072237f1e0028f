#!/usr/bin/env bash
# Fuzzes one Jazzer target for as long as you like with Jazzer's standalone driver (the JUnit run that CI does
# stops at the target's @FuzzTest maxDuration). Needs the module's test classes: run `mvn -B -q -pl <module> -am
# test-compile` (or any build) first.
#
#   bench/fuzz/fuzz.sh <module> <Class#method> <seconds> [more libFuzzer/Jazzer flags]
#   bench/fuzz/fuzz.sh engine io.tocsin.cap.CapCodecFuzzTest#xml 600
#   bench/fuzz/fuzz.sh connectors/smpp io.tocsin.connector.smpp.ReceiptParserFuzzTest#text 300
#
# The generated corpus is <module>/.cifuzz-corpus/<Class>/<method> (shared with JAZZER_FUZZ=1 JUnit runs, git-
# ignored); seeds are read from src/test/resources/<package>/<Class>Inputs/<method>; CAP and geography targets
# also read ../shared/corpus (TOCSIN_SHARED, else /work/shared) when it exists, never writing to it. A crash is
# written into the inputs directory as crash-<sha1>, so the JUnit regression run replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 3 ] || { sed -n 2,14p "$0"; exit 2; }
module=$1; target=$2; seconds=$3; shift 3
class=${target%#*}; method=${target#*#}
simple=${class##*.}; pkgdir=$(dirname "${class//.//}")
inputs=$module/src/test/resources/$pkgdir/${simple}Inputs/$method
corpus=$module/.cifuzz-corpus/$class/$method
mkdir -p "$inputs" "$corpus"
cpfile=$module/target/fuzz-classpath.txt
if [ ! -s "$cpfile" ] || [ "$module/pom.xml" -nt "$cpfile" ]; then
  mvn -B -q -o -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$PWD/$cpfile" >/dev/null
fi
extra=()
shared=${TOCSIN_SHARED:-../shared}; [ -d "$shared/corpus" ] || shared=/work/shared
case "$class" in
  *.cap.*) [ -d "$shared/corpus/cap" ] && extra+=("$shared/corpus/cap") ;;
  *.geo.*) [ "$method" = geojson ] && [ -d "$shared/corpus/geo" ] && extra+=("$shared/corpus/geo") ;;
esac
# Sibling modules resolve to their target/classes in a reactor build; put them (and our test classes) first.
cp="$module/target/test-classes:$module/target/classes:engine/target/test-classes:engine/target/classes"
cp="$cp:bench/simulators/target/classes:$(cat "$cpfile")"
echo "fuzzing $class#$method for ${seconds}s; corpus $corpus; crashes -> $inputs" >&2
exec java -Xmx2g -XX:+UseParallelGC -cp "$cp" \
  -Dtocsin.root="$PWD" -Djunit.jupiter.execution.timeout.mode=disabled \
  com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
  --reproducer_path="$module/target" \
  -max_total_time="$seconds" -timeout=60 -max_len=16384 -artifact_prefix="$inputs/" -print_final_stats=1 \
  "$@" "$corpus" "$inputs" "${extra[@]}"

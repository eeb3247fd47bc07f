#!/usr/bin/env bash
# Shrinks third-party jars of a release's lib/ to the classes the other jars can reach.
#   jynq_shrink.sh LIB JAR...    (JAR: file names in LIB, rewritten in place)
# Tablesaw pulls in fastutil (23.6 MB, 11k classes) and icu4j (14 MB, mostly locale data) for a
# few of their classes: Tablesaw's columns use ~1.8k fastutil classes, and its CSV reader's
# charset guess uses icu4j's CharsetDetector, which reads no ICU data. A release keeps of such a
# jar the classes that the other jars in LIB name (jdeps, class level) and everything those name in
# turn, and its non-class files except ICU's data folder; JShell cells that import fastutil or ICU
# classes beyond those would fail, which JYNQ's API never asks of a user. Prints what it kept.
set -euo pipefail
lib="$(cd "$1" && pwd)"
shift
cd "$lib"
jdeps_class() { jdeps --multi-release 17 -verbose:class -filter:none "$@" 2>/dev/null; }
others=()
for j in *.jar; do
  keep=1
  for t in "$@"; do [[ "$j" == "$t" ]] && keep=0; done
  [[ $keep -eq 1 ]] && others+=("$j")
done
cp="$(ls *.jar | tr '\n' :)"
work="$(mktemp -d -t jynq-shrink.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# "  a.B -> c.D   fastutil-8.5.13.jar": one pass over the other jars gives every target's seeds
jdeps_class -cp "$cp" "${others[@]}" | awk '$2 == "->" && $1 !~ /\.jar$/ && NF == 4 {print $4, $3}' > "$work/refs"

for t in "$@"; do
  awk -v j="$t" '$1 == j {print $2}' "$work/refs" | sort -u > "$work/seeds"
  jdeps_class "$t" | awk -v j="$t" '$2 == "->" && NF == 4 && $4 == j {print $1, $3}' > "$work/edges"
  # breadth-first closure of the seeds over the jar's own class references
  awk 'FNR == NR {if (!($1 in keep)) {keep[$1] = 1; q[n++] = $1}; next}
       {adj[$1] = adj[$1] " " $2}
       END {for (i = 0; i < n; i++) {m = split(adj[q[i]], a, " ");
              for (k = 1; k <= m; k++) if (!(a[k] in keep)) {keep[a[k]] = 1; q[n++] = a[k]}}
            for (c in keep) {gsub(/\./, "/", c); print c ".class"}}' "$work/seeds" "$work/edges" > "$work/keep"
  before="$(stat -c %s "$t")"
  # only the JDK's own tools: a PC that builds JYNQ has a JDK and Maven, not necessarily zip
  mkdir "$work/x"
  (cd "$work/x" && jar xf "$lib/$t")
  rm -rf "$work/x/com/ibm/icu/impl/data"
  (cd "$work/x" && find . -name '*.class' | sed 's|^\./||' | sort) > "$work/all"
  sort "$work/keep" | comm -23 "$work/all" - | (cd "$work/x" && xargs -r rm -f)
  mv "$work/x/META-INF/MANIFEST.MF" "$work/manifest"
  jar --create --file "$t.tmp" --manifest "$work/manifest" -C "$work/x" .
  mv "$t.tmp" "$t"
  rm -rf "$work/x"
  echo "$t: kept $(wc -l < "$work/keep") classes reached from the other jars; $((before >> 10)) KiB -> $(($(stat -c %s "$t") >> 10)) KiB"
done

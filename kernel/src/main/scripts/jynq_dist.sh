#!/usr/bin/env bash
# ./jynq dist: the release, built from the jars of a checkout (./jynq builds them first).
#   dist/jynq-VERSION.tar.gz        jynq-VERSION/{jynq, lib/*.jar, scripts/, notebooks/, docs/}
#                                   (lib/: the kernel's run-time jars, fastutil and icu4j shrunk
#                                   to what Tablesaw reaches: jynq_shrink.sh)
#   dist/jynq_DEBVERSION_all.deb    the same tree in /usr/share/jynq, /usr/bin/jynq, Architecture: all
# A release never builds (lib/.jynq-release tells the launcher so): a board needs a JDK 17 and no Maven.
# Usage: jynq_dist.sh JYNQ_HOME
set -euo pipefail
home="$1"

target="$home/kernel/target"
jar="$(ls "$target"/jynq-kernel-*.jar | grep -v -e sources -e tests | head -n1)"
version="$(basename "$jar" .jar)"
version="${version#jynq-kernel-}"
# Debian versions sort "~" before anything: 0.1.0~SNAPSHOT < 0.1.0; "-" would start a revision
debversion="${version//-/\~}"
out="$home/dist"
stage="$(mktemp -d -t jynq-dist.XXXXXX)"
trap 'rm -rf "$stage"' EXIT

# the release tree, once
tree="$stage/jynq-$version"
mkdir -p "$tree/lib" "$tree/scripts" "$tree/notebooks" "$tree/docs"
cp "$home/jynq" "$tree/jynq"
cp "$jar" "$target"/lib/*.jar "$tree/lib/"
# Tablesaw's fastutil and icu4j are 37 of the 72 MB of jars, of which it uses 3.4 MB
bash "$home/kernel/src/main/scripts/jynq_shrink.sh" "$tree/lib" \
  "$(cd "$tree/lib" && ls fastutil-*.jar)" "$(cd "$tree/lib" && ls icu4j-*.jar)"
echo "$version" > "$tree/lib/.jynq-release"
cp "$home/kernel/src/main/scripts/jynq_run.py" "$tree/scripts/"
cp "$home"/notebooks/*.ipynb "$home/notebooks/README.md" "$tree/notebooks/"
cp "$home/README.md" "$tree/"
cp "$home"/docs/*.md "$tree/docs/"
chmod -R u=rwX,go=rX "$tree"
chmod 755 "$tree/jynq"

mkdir -p "$out"
tar -C "$stage" --owner=0 --group=0 --sort=name -czf "$out/jynq-$version.tar.gz.tmp" "jynq-$version"
mv "$out/jynq-$version.tar.gz.tmp" "$out/jynq-$version.tar.gz"

# the Debian package: the tree under /usr/share/jynq, the launcher on PATH
deb="$stage/deb"
mkdir -p "$deb/DEBIAN" "$deb/usr/share" "$deb/usr/bin" "$deb/usr/share/doc/jynq"
cp -a "$tree" "$deb/usr/share/jynq"
ln -s ../share/jynq/jynq "$deb/usr/bin/jynq"
gzip -9n < "$home/README.md" > "$deb/usr/share/doc/jynq/README.md.gz"
size="$(du -sk "$deb/usr" | cut -f1)"
# The kernel is JShell, which a JRE lacks (jdk.jshell, jdk.compiler): the package needs a JDK 17.
cat > "$deb/DEBIAN/control" <<CONTROL
Package: jynq
Version: $debversion
Architecture: all
Maintainer: JYNQ developers <jynq@localhost>
Section: science
Priority: optional
Installed-Size: $size
Depends: openjdk-17-jdk-headless | java17-sdk-headless, bash
Recommends: python3-jupyter-client | jupyter-client, jupyter-notebook | python3-notebook, gcc
Description: PYNQ notebook workflow in Java (Jupyter kernel, overlays, simulated PL)
 A Jupyter kernel (JShell) preloaded with an overlay object model: load a
 bitstream overlay, read and write IP registers, allocate contiguous buffers,
 move data with DMA and plot it, on a Zynq/ZynqMP board or a simulated one.
 After installing, write the kernelspec: jynq install-kernel --sys-prefix
 (or --prefix of the Jupyter environment; see docs/board.md).
CONTROL
# dpkg-deb refuses group-writable control directories (umask 002)
chmod 755 "$deb/DEBIAN"
chmod 644 "$deb/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$out/jynq_${debversion}_all.deb.tmp" >/dev/null
mv "$out/jynq_${debversion}_all.deb.tmp" "$out/jynq_${debversion}_all.deb"
echo "$out/jynq-$version.tar.gz"
echo "$out/jynq_${debversion}_all.deb"


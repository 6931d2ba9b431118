#!/usr/bin/env bash
# Builds the Debian packages of a shared build (cpack -G DEB) and checks them without installing
# them into /: their names, contents and Depends (dpkg-deb), that apt can resolve those Depends
# on this system, that the tool runs from the unpacked packages (dpkg -x), and that a consumer
# builds and runs against the unpacked -dev tree, once with the CMake package and once with
# pkg-config.
#   deb_test.sh BUILD_DIR SOURCE_DIR WORK_DIR VERSION CXX
# With EUIOMKB_TEST_SYSTEM_INSTALL=1 (CI, as root, on a throwaway machine) it also installs the
# three packages with apt-get, runs the installed tool and consumers against /usr, and purges
# the packages again.
set -euo pipefail
# Pipelines end in `grep ... > /dev/null`, never `grep -q`: under pipefail, grep -q leaving at the
# first match can kill the writer (the dynamic loader behind ldd writes line by line) with SIGPIPE
# and fail the line on a busy machine ("the tool did not load the packaged library", seen in CI).
build=$1 source=$2 work=$3 version=$4 cxx=$5
fail() { echo "deb_test: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
cpack --config "$build/CPackConfig.cmake" -B "$work/debs" > "$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
runtime=$work/debs/libeuiomkb0_${version}_${arch}.deb
dev=$work/debs/libeuiomkb-dev_${version}_${arch}.deb
tool=$work/debs/euiomkb_${version}_${arch}.deb
for deb in "$runtime" "$dev" "$tool"; do
  [[ -f "$deb" ]] || fail "no $(basename "$deb") (made: $(ls "$work/debs"))"
done
(( $(ls "$work"/debs/*.deb | wc -l) == 3 )) || fail "expected three packages: $(ls "$work/debs")"

# Contents: the runtime has the versioned library and the database, not the .so link; -dev has
# the link, headers, CMake package and .pc; the tool package the tool.
libdir=usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)
expect_file() {  # deb path
  dpkg-deb -c "$1" | awk '{print $6}' | grep -x "./$2" > /dev/null || fail "$(basename "$1") lacks /$2"
}
expect_no_file() {
  ! dpkg-deb -c "$1" | awk '{print $6}' | grep -x "./$2" > /dev/null || fail "$(basename "$1") has /$2"
}
expect_file "$runtime" "$libdir/libeuiomkb.so.$version"
expect_file "$runtime" "$libdir/libeuiomkb.so.0"
expect_file "$runtime" usr/share/euiomkb/euiomkb.db
expect_file "$runtime" usr/share/doc/libeuiomkb0/copyright
expect_no_file "$runtime" "$libdir/libeuiomkb.so"
expect_file "$dev" "$libdir/libeuiomkb.so"
expect_file "$dev" usr/include/euiomkb/euiomkb.hpp
expect_file "$dev" "$libdir/cmake/euiomkb/euiomkbConfig.cmake"
expect_file "$dev" "$libdir/pkgconfig/euiomkb.pc"
expect_file "$dev" usr/share/doc/libeuiomkb-dev/copyright
expect_file "$tool" usr/bin/euiomkb
expect_file "$tool" usr/share/doc/euiomkb/copyright

# Depends: the runtime's from dpkg-shlibdeps (SQLite, spdlog, libcrypto, the C++ runtime); -dev
# and the tool need the runtime of exactly this version.
depends() { dpkg-deb -f "$1" Depends; }
for needed in libsqlite3-0 libspdlog libssl3 libstdc++6; do
  [[ "$(depends "$runtime")" == *"$needed"* ]] \
    || fail "libeuiomkb0 does not depend on $needed: $(depends "$runtime")"
done
[[ "$(depends "$dev")" == *"libeuiomkb0 (= $version)"* ]] \
  || fail "libeuiomkb-dev does not depend on libeuiomkb0 (= $version): $(depends "$dev")"
[[ "$(depends "$tool")" == *"libeuiomkb0 (= $version)"* ]] \
  || fail "euiomkb does not depend on libeuiomkb0 (= $version): $(depends "$tool")"
for deb in "$runtime" "$dev" "$tool"; do
  echo "$(dpkg-deb -f "$deb" Package): Depends: $(depends "$deb")"
done
dpkg-deb -I "$runtime" shlibs | grep -x "libeuiomkb 0 libeuiomkb0 (= $version)" > /dev/null \
  || fail "libeuiomkb0 has no shlibs entry for libeuiomkb.so.0"

# apt resolves the three together on this system (a simulation: nothing is installed).
apt-get install --simulate --no-install-recommends "$runtime" "$dev" "$tool" > "$work/apt.log" 2>&1 \
  || { cat "$work/apt.log" >&2; fail "apt cannot install the packages"; }

# The unpacked packages: the tool needs no RUNPATH under /usr, runs with the library beside it
# and reads the packaged database.
root=$work/root
for deb in "$runtime" "$dev" "$tool"; do dpkg-deb -x "$deb" "$root"; done
! readelf -d "$root/usr/bin/euiomkb" | grep 'RUNPATH\|RPATH' > /dev/null || fail "the tool has a RUNPATH"
readelf -d "$root/usr/bin/euiomkb" | grep 'NEEDED.*libeuiomkb.so.0' > /dev/null \
  || fail "the tool does not load libeuiomkb.so.0"
export LD_LIBRARY_PATH=$root/$libdir
out=$("$root/usr/bin/euiomkb" --version)
[[ "$out" == *"$version"* ]] || fail "euiomkb --version printed '$out'"
ldd "$root/usr/bin/euiomkb" | grep "$root/$libdir/libeuiomkb.so.0" > /dev/null \
  || fail "the tool did not load the packaged library"
out=$("$root/usr/bin/euiomkb" sql "SELECT count(*) AS n FROM meeting" --csv \
        --db "$root/usr/share/euiomkb/euiomkb.db")
[[ "$out" == $'n\n6' ]] || fail "the packaged database: '$out'"
unset LD_LIBRARY_PATH

# Consumers against the unpacked -dev tree (the relocatable CMake package and .pc).
for kind in find_package pkg_config; do
  cmake -DKIND=$kind -DCONSUMERS="$source/tests/consumers" -DWORK="$work/consumers" \
        -DPREFIX="$root/usr" -DEUIOMKB_SOURCE_DIR="$source" -DGENERATOR="Unix Makefiles" \
        -DCXX="$cxx" -DBUILD_TYPE=Release -DVERSION="$version" \
        -P "$source/tests/consumers/run.cmake"
done

if [[ "${EUIOMKB_TEST_SYSTEM_INSTALL:-}" == 1 ]]; then
  [[ $(id -u) -eq 0 ]] || fail "EUIOMKB_TEST_SYSTEM_INSTALL=1 needs root"
  packages=(euiomkb libeuiomkb-dev libeuiomkb0)
  trap 'apt-get purge -y -qq "${packages[@]}" > /dev/null 2>&1 || true' EXIT
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "$runtime" "$dev" "$tool"
  out=$(euiomkb --version)
  [[ "$out" == *"$version"* ]] || fail "installed euiomkb --version printed '$out'"
  euiomkb tour --db /usr/share/euiomkb/euiomkb.db | grep 'Senior Officials Meeting' > /dev/null \
    || fail "the installed tool cannot read /usr/share/euiomkb/euiomkb.db"
  for kind in find_package pkg_config; do
    cmake -DKIND=$kind -DCONSUMERS="$source/tests/consumers" -DWORK="$work/system-consumers" \
          -DPREFIX=/usr -DEUIOMKB_SOURCE_DIR="$source" -DGENERATOR="Unix Makefiles" \
          -DCXX="$cxx" -DBUILD_TYPE=Release -DVERSION="$version" \
          -P "$source/tests/consumers/run.cmake"
  done
  apt-get purge -y -qq "${packages[@]}" > /dev/null
  trap - EXIT
  ! dpkg-query -W libeuiomkb0 > /dev/null 2>&1 \
    || fail "libeuiomkb0 is still installed"
fi
echo "deb_test: ok"

# configure_preset PRESET [CMAKE_ARGUMENTS...]: `cmake --preset PRESET` with its output kept in
# build-PRESET-configure.log, which is printed (and the script stopped) only when configuring
# fails. Sourced, not run, by scripts/setup.sh (so also scripts/quickstart and scripts/test) and
# scripts/fuzz; the caller's working directory is the repository.
configure_preset() {
  local preset=$1
  shift
  local log="build-$preset-configure.log"
  cmake --preset "$preset" "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  rm -f "$log"
}

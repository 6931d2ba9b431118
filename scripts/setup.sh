# Shared set-up for scripts/quickstart and scripts/test (sourced, not run): installs the Debian
# packages the build needs when they are missing, then configures build/ with the `default`
# preset (`ci` under CI=true: warnings are errors) and builds it with one job per core. A caller
# that sets build_targets (an array) builds only those targets.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/configure.sh

packages=(g++ cmake make pkg-config sqlite3 libsqlite3-dev libsqlitecpp-dev libspdlog-dev
          libssl-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
          nlohmann-json3-dev graphviz)
# CI also fuzzes with clang's libFuzzer (scripts/fuzz), checks the formatting and runs clang-tidy
# (scripts/check-format, scripts/tidy), and builds the Debian packages (dpkg-shlibdeps and file
# work out their Depends).
# scripts/site (node_tools=1) needs node and npm for Pagefind; scripts/test (browser_tests=1)
# also Debian's chromium for the evidence site's browser tests. Debian's nodejs and npm are
# installed only when no node or npm is present (NodeSource's nodejs, for one, carries its own
# npm and conflicts with Debian's npm package).
[[ "${browser_tests:-}" == 1 ]] && node_tools=1 && packages+=(chromium)
# scripts/test also runs bench.end_to_end, which times the tool with GNU time (/usr/bin/time).
[[ "${browser_tests:-}" == 1 ]] && packages+=(time)
if [[ "${node_tools:-}" == 1 ]] && { ! command -v node > /dev/null || ! command -v npm > /dev/null; }; then
  packages+=(nodejs npm)
fi
[[ "${CI:-}" == "true" ]] && packages+=(clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
                                        dpkg-dev file)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == *"ok installed"* ]] || missing+=("$package")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "==> installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Missing packages. Run this as root, then run this script again:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# The npm packages of package-lock.json (Pagefind, playwright-core, axe-core) into node_modules/:
# `npm ci` only when node_modules is missing or package-lock.json changed since it last ran, so
# that a second run needs no network. Install scripts are not run (none of them needs one).
if [[ "${node_tools:-}" == 1 ]] \
   && ! cmp -s package-lock.json node_modules/.euiomkb-package-lock.json; then
  echo "==> npm ci (node_modules/: pagefind, playwright-core, axe-core)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.euiomkb-package-lock.json
fi

# One build job and one test per core (the presets leave -j to the environment).
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$(nproc)}
preset=default
[[ "${CI:-}" == "true" ]] && preset=ci
echo "==> configuring and building (build/, preset $preset, $CMAKE_BUILD_PARALLEL_LEVEL jobs)"
# -DEUIOMKB_WERROR: build/ may have been configured by the other preset before.
werror=OFF
[[ "$preset" == ci ]] && werror=ON
configure_preset "$preset" -DEUIOMKB_WERROR="$werror"
if [[ -n "${build_targets[*]:-}" ]]; then
  cmake --build --preset "$preset" --target "${build_targets[@]}"
else
  cmake --build --preset "$preset"
fi

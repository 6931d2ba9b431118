# Shared set-up for scripts/quickstart and scripts/test (sourced, not run): installs the Debian
# packages the build needs when they are missing, then configures and builds into build/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(g++ cmake make pkg-config sqlite3 libsqlite3-dev libsqlitecpp-dev libspdlog-dev
          libssl-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
          nlohmann-json3-dev graphviz)
# CI also fuzzes with clang's libFuzzer (scripts/fuzz).
[[ "${CI:-}" == "true" ]] && packages+=(clang-14 libclang-rt-14-dev)

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

werror=OFF
[[ "${CI:-}" == "true" ]] && werror=ON
echo "==> configuring and building (build/)"
cmake --preset default -DEUIOMKB_WERROR="$werror" > build-configure.log 2>&1 \
  || { cat build-configure.log >&2; exit 1; }
rm -f build-configure.log
cmake --build --preset default

#!/usr/bin/env bash
# install-deps.sh — make sure Aithon's build and test dependencies exist.
#
# Checks for: LLVM 19 development files (llvm-config-19, or $LLVM_CONFIG),
# clang-19 with its sanitizer/libFuzzer runtimes (make fuzz), the libffi
# and GMP headers, python3, make and gcc. Idempotent: when everything is
# there it prints nothing and exits 0. Otherwise, as root it runs
# `apt-get update` once and installs exactly the missing Debian packages;
# as another user it prints the `sudo apt-get install ...` command to run
# and exits 1.
#
# `install-deps.sh --bench` checks instead for the peers `make bench` times
# Aithon against: pypy3, Go and Erlang. They are optional (each runner
# leaves out a peer that is missing), so without root it only says what
# to install and exits 0.
set -euo pipefail

missing=()
need() { missing+=("$1"); }
have() { command -v "$1" >/dev/null 2>&1; }

if [ "${1:-}" = "--bench" ]; then
    have pypy3 || need pypy3
    have go || need golang-go
    have erl || need erlang-nox
    [ ${#missing[@]} -eq 0 ] && exit 0
    if [ "$(id -u)" -ne 0 ] || ! have apt-get; then
        echo "install-deps: the benchmarks' peers are missing (${missing[*]}); to time against them run:" >&2
        echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 0
    fi
    echo "install-deps: installing the benchmarks' peers ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
    exit 0
fi

# LLVM 19: llvm-config through $LLVM_CONFIG, PATH or Debian's location.
if ! have "${LLVM_CONFIG:-llvm-config-19}" && [ ! -x /usr/lib/llvm-19/bin/llvm-config ]; then
    need llvm-19-dev
fi
have clang-19 || need clang-19
# libFuzzer and the sanitizer runtimes clang-19 links (a separate package).
if have clang-19; then
    rt="$(clang-19 -print-runtime-dir 2>/dev/null || true)"
    if ! ls "$rt"/libclang_rt.fuzzer*.a >/dev/null 2>&1 &&
       ! ls "$(clang-19 -print-resource-dir)"/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
        need libclang-rt-19-dev
    fi
else
    need libclang-rt-19-dev
fi
have gcc || need gcc
have make || need make
have python3 || need python3
# Headers: ask the C preprocessor, which knows the multiarch include paths.
header() {
    local cc=gcc
    have gcc || cc=cc
    have "$cc" && printf '#include <%s>\n' "$1" | "$cc" -E -x c - -o /dev/null >/dev/null 2>&1
}
header gmp.h || need libgmp-dev
header ffi.h || need libffi-dev

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing ${missing[*]}; run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
if ! have apt-get; then
    echo "install-deps: missing ${missing[*]}, and no apt-get to install them" >&2
    exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

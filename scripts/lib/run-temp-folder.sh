# Sourced by scripts/run-specs and scripts/run-tests: gives the run a temp folder of its own, removed when it ends.
# Why: dotnet test's xUnit adapter copies every test attachment (each scenario's evidence) into the temp folder and
# never removes the copies (xunit/xunit#3562), every dotnet build leaves two empty folders there, and .NET leaves its
# diagnostic pipes there when a process is killed (the crash tests kill lab hosts on purpose). Pointed at
# alpy-tmp-<pid>, all of it goes with the run; a folder whose run was killed (its pid is gone) is removed by the next
# run. Lab run locks stay in /tmp/alpy-runs, shared by all.
use_run_temp_folder() {
  local base=${TMPDIR:-/tmp}
  case "$base" in */alpy-tmp-*) return 0 ;; esac   # run-tests made one already; run-specs shares it
  local stale
  for stale in "$base"/alpy-tmp-*; do
    [ -d "$stale" ] || continue
    kill -0 "${stale##*-}" 2>/dev/null || rm -rf -- "$stale"
  done
  export TMPDIR="$base/alpy-tmp-$$"
  # Nothing long-lived may start inside a folder that goes with the run: no MSBuild nodes kept for reuse, and the
  # scripts build with --disable-build-servers (no compiler server; measured: a full build of the suite takes the same).
  export MSBUILDDISABLENODEREUSE=1
  mkdir -p "$TMPDIR"
  trap 'rm -rf -- "$TMPDIR"' EXIT
}

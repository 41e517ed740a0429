# Sourced by scripts/run-specs and scripts/run-tests: gives the run a temp folder of its own, removed when it ends.
# Why: dotnet test's xUnit adapter copies every test attachment (each scenario's evidence) into the temp folder and
# never removes the copies (xunit/xunit#3562), every dotnet build leaves two empty folders there, and .NET leaves its
# diagnostic pipes there when a process is killed (the crash tests kill lab hosts on purpose). Pointed at
# alpy-tmp-<uid>-<pid> (0700), all of it goes with the run; a folder of this user whose run was killed (its pid is
# gone) is removed by the next run of the same user; other users' folders are theirs. Lab run locks are per user too
# (/tmp/alpy-runs-<uid>, docs/lab.md).
use_run_temp_folder() {
  local base=${TMPDIR:-/tmp} uid
  uid=$(id -u)
  case "$base" in */alpy-tmp-*) return 0 ;; esac   # run-tests made one already; run-specs shares it
  local stale
  for stale in "$base"/alpy-tmp-"$uid"-*; do
    [ -d "$stale" ] && [ -O "$stale" ] || continue
    kill -0 "${stale##*-}" 2>/dev/null || rm -rf -- "$stale"
  done
  export TMPDIR="$base/alpy-tmp-$uid-$$"
  # Nothing long-lived may start inside a folder that goes with the run: no MSBuild nodes kept for reuse, and the
  # scripts build with --disable-build-servers (no compiler server; measured: a full build of the suite takes the same).
  export MSBUILDDISABLENODEREUSE=1
  # A fresh folder only this user can enter: a name somebody else made first (a squatter, a symlink) is refused.
  rm -rf -- "$TMPDIR" 2>/dev/null
  mkdir -m 700 -- "$TMPDIR" || { echo "run-temp-folder: cannot create $TMPDIR; remove it or point TMPDIR at a folder of yours" >&2; exit 1; }
  trap 'rm -rf -- "$TMPDIR"' EXIT
}

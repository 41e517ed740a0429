# Sourced by scripts/run-specs: ends `dotnet test` promptly when the suite's test process dies mid-run (SIGKILL, OOM).
# Why: xUnit v3 runs the tests in a process of their own (Alpy.Specs), under VSTest's test host. When that process dies
# without finishing, xUnit's crash detection in the test host waits 60 s for messages that cannot come before it
# reports "Test process crashed" (CrashDetectionSinkBase, CrashDetectionSinkTimeout, default 60,000 ms since
# xunit.v3 3.0; the VSTest adapter xunit.runner.visualstudio 3.1.5 offers no setting for it). This watcher finds the
# run's test process (it has this run's ALPY_RUN_ID and holds the message stream open), and when it is gone and the
# stream has no testRunFinished, it stops the VSTest test host that waits for it: VSTest then reports the run aborted
# at once, and run-specs writes the INCOMPLETE report.
#
#   watch_test_host MESSAGES_FILE OWNER_PID &     (OWNER_PID: the script; the watcher ends when it does)
watch_test_host() {
  local messages owner=$2 host="" waiter="" p
  messages=$(realpath -m "$1")
  while kill -0 "$owner" 2>/dev/null; do
    if [ -z "$host" ]; then
      for p in $(pgrep -x Alpy.Specs 2>/dev/null); do
        tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "ALPY_RUN_ID=$ALPY_RUN_ID" || continue   # 2>/dev/null first: it must cover the < of a process just gone
        ls -l "/proc/$p/fd" 2>/dev/null | grep -qF -- "-> $messages" || continue
        host=$p
        waiter=$(awk '{ print $4 }' "/proc/$p/stat" 2>/dev/null)
      done
    elif ! kill -0 "$host" 2>/dev/null; then
      sleep 1   # a test process that ended normally wrote testRunFinished before it exited
      if ! tail -c 65536 "$messages" 2>/dev/null | grep -qF '"testRunFinished"'; then
        echo "run-specs: the test process (pid $host) ended without finishing the run (killed?); stopping the test host" \
          "(pid $waiter) that would wait 60 s for it (xUnit's crash detection)" >&2
        kill -TERM "$waiter" 2>/dev/null
        sleep 2
        kill -KILL "$waiter" 2>/dev/null
      fi
      return 0
    fi
    sleep 0.5
  done
}

using Alpy.Reports.Model;

namespace Alpy.Reports.Trx;

/// <summary>What one TRX file (a `dotnet test --logger trx` result) says about one test project's run.</summary>
/// <param name="Path">The TRX file.</param>
/// <param name="Name">The test run's name, or the file's name.</param>
/// <param name="Totals">Passed, failed (failed, error, timeout, aborted, plus one for a crashed run) and skipped (not executed, inconclusive) tests.</param>
/// <param name="Failures">Names of failed tests, in file order.</param>
/// <param name="RunErrors">Errors of the run itself (a crashed test host); together they count as one failure.</param>
public sealed record TrxResult(string Path, string Name, OutcomeTotals Totals, IReadOnlyList<string> Failures, IReadOnlyList<string> RunErrors);

using System.Diagnostics;
using System.Xml.Linq;

namespace Alpy.Specs.Tests.Support;

/// <summary>
/// Runs a built feature suite (an xUnit v3 test assembly) as a separate process, the way CI does, and reads each
/// scenario's result from xUnit's XML report. A run that overruns its time is killed with its process tree.
/// </summary>
internal static class SuiteProcess
{
    public static async Task<SuiteResult> RunAsync(string assembly, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        File.Exists(assembly).Should().BeTrue($"the suite {assembly} is built with this test project (build it first)");
        var xml = Path.Combine(Directory.CreateTempSubdirectory("alpy-specs-suite-").FullName, "results.xml");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.Root };
        foreach (var argument in new[] { assembly }.Concat(arguments).Concat(["-xml", xml, "-noLogo", "-noColor"]))
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"The suite {Path.GetFileName(assembly)} did not finish within {timeout.TotalMinutes:0} min; it was killed. Output:\n{Tail(await stdout)}");
        }

        var output = await stdout + await stderr;
        File.Exists(xml).Should().BeTrue($"the suite writes its results (exit code {process.ExitCode}); output:\n{Tail(output)}");
        var scenarios = XDocument.Load(xml).Descendants("test").Select(test => new ScenarioResult(
            (string)test.Attribute("name")!,
            (string)test.Attribute("result")!,
            // xUnit's XML escapes quotes in messages as \"; read them back as the runner wrote them.
            (test.Element("failure")?.Element("message")?.Value ?? test.Element("reason")?.Value ?? "").Replace("\\\"", "\"", StringComparison.Ordinal),
            (int?)test.Attribute("source-line") ?? 0,
            test.Element("output")?.Value ?? "")).ToList();
        Directory.Delete(Path.GetDirectoryName(xml)!, recursive: true);
        return new SuiteResult(process.ExitCode, scenarios, output);
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}

/// <summary>How a suite run ended: its exit code, every scenario, and its console output.</summary>
internal sealed record SuiteResult(int ExitCode, IReadOnlyList<ScenarioResult> Scenarios, string Output)
{
    public ScenarioResult Scenario(string name) =>
        Scenarios.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"No scenario \"{name}\" ran; these did: {string.Join(", ", Scenarios.Select(s => s.Name))}");

    public IEnumerable<string> Failed => Scenarios.Where(s => s.Result == "Fail").Select(s => s.Name);

    public IEnumerable<string> Passed => Scenarios.Where(s => s.Result == "Pass").Select(s => s.Name);
}

/// <summary>One scenario (or outline row) as xUnit reported it, with its output (Reqnroll traces each step there).</summary>
internal sealed record ScenarioResult(string Name, string Result, string Message, int Line, string Output);

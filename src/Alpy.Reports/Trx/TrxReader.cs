using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Alpy.Reports.Model;

namespace Alpy.Reports.Trx;

/// <summary>
/// Reads the totals of TRX files (Visual Studio test results, what `dotnet test --logger trx` writes),
/// counting each test result's outcome (the file's own Counters leave skipped tests out). A crashed
/// or aborted run counts as one more failure, so a project that stopped half-way never looks green.
/// </summary>
public static partial class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads one TRX file; a missing or broken file is a <see cref="ReportException"/>.</summary>
    public static TrxResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        XDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = XDocument.Load(stream, LoadOptions.None);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ReportException($"{path} does not exist. Run `dotnet test --logger trx` first, or give the folder it wrote to.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException($"{path} cannot be read: {e.Message}", e);
        }
        catch (XmlException e)
        {
            throw new ReportException($"{path}:{e.LineNumber}: not a TRX file ({e.Message}); the test run that wrote it was probably cut short. Re-run it.", e);
        }

        var run = document.Root;
        if (run is null || run.Name != Ns + "TestRun")
        {
            throw new ReportException($"{path} is XML but not a TRX file (its root is <{run?.Name.LocalName}>, not <TestRun>).");
        }

        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<string>();
        foreach (var result in run.Descendants(Ns + "UnitTestResult"))
        {
            switch ((string?)result.Attribute("outcome"))
            {
                case "Passed":
                    passed++;
                    break;
                case "NotExecuted" or "Inconclusive" or "Pending" or "NotRunnable" or "Disconnected":
                    skipped++;
                    break;
                default:
                    failed++;
                    failures.Add((string?)result.Attribute("testName") ?? "(unnamed test)");
                    break;
            }
        }

        // RunInfo "Error" entries also echo ordinary test failures; only a crash or an abort is a run error.
        var errors = run.Descendants(Ns + "RunInfo")
            .Where(info => (string?)info.Attribute("outcome") == "Error")
            .Select(info => ((string?)info.Element(Ns + "Text") ?? "").Trim())
            .Where(text => RunAborted().IsMatch(text))
            .ToList();
        var name = (string?)run.Attribute("name") ?? System.IO.Path.GetFileNameWithoutExtension(path);
        return new TrxResult(path, name, new OutcomeTotals(passed, failed + (errors.Count > 0 ? 1 : 0), skipped), failures, errors);
    }

    [GeneratedRegex(@"Catastrophic failure|crashed|aborted|\[FATAL ERROR\]", RegexOptions.IgnoreCase)]
    private static partial Regex RunAborted();

    /// <summary>Reads every TRX file given directly or found (recursively) in the given folders, in a stable order.</summary>
    public static IReadOnlyList<TrxResult> ReadAll(IEnumerable<string> filesOrFolders)
    {
        ArgumentNullException.ThrowIfNull(filesOrFolders);
        var files = new List<string>();
        foreach (var item in filesOrFolders)
        {
            if (Directory.Exists(item))
            {
                var found = Directory.EnumerateFiles(item, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new ReportException($"{item} holds no .trx file: no test project wrote results there. Run `dotnet test --logger trx --results-directory {item}`.");
                }

                files.AddRange(found);
            }
            else
            {
                files.Add(item);
            }
        }

        return files.Distinct(StringComparer.Ordinal).Select(Read).ToList();
    }
}

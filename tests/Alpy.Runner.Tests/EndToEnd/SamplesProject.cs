using System.Xml.Linq;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.EndToEnd;

/// <summary>
/// The sample feature project (tests/Alpy.Runner.Samples), built once per test class and run
/// with `dotnet test`, each run writing its message stream, hook log and TRX into its own temp folder.
/// </summary>
public sealed class SamplesProject : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string ProjectPath => Path.Combine(RepositoryRoot, "tests", "Alpy.Runner.Samples", "Alpy.Runner.Samples.csproj");

    public async ValueTask InitializeAsync()
    {
        var (exitCode, output) = await DotnetCli.RunAsync(RepositoryRoot, ["build", ProjectPath, "--disable-build-servers", "-p:UseSharedCompilation=false"], null, Timeout, TestContext.Current.CancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building the sample features failed (exit {exitCode}):\n{output}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs `dotnet test --no-build` with extra arguments and environment; the temp folder is removed by the caller's <see cref="SampleRun"/>.</summary>
    public async Task<SampleRun> TestAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = new SampleRun();
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["ALPY_SAMPLES_OUT"] = run.Directory };
        var args = new List<string> { "test", ProjectPath, "--no-build", "--results-directory", run.Directory, "--logger", "trx;LogFileName=results.trx" };
        args.AddRange(arguments);
        (run.ExitCode, run.Output) = await DotnetCli.RunAsync(RepositoryRoot, args, env, Timeout, TestContext.Current.CancellationToken);
        return run;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Alpy.Specs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Alpy.Specs.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>One `dotnet test` run of the samples: its output, TRX results, hook log and message stream.</summary>
public sealed class SampleRun : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("alpy-runner-e2e-").FullName;

    public string TrxPath => Path.Combine(Directory, "results.trx");

    public int ExitCode { get; set; }

    public string Output { get; set; } = string.Empty;

    /// <summary>Display name and outcome (Passed, Failed, NotExecuted) of each test.</summary>
    public IReadOnlyDictionary<string, string> Results
    {
        get
        {
            if (!File.Exists(TrxPath))
            {
                return new Dictionary<string, string>();
            }

            var ns = XNamespace.Get("http://microsoft.com/schemas/VisualStudio/TeamTest/2010");
            return XDocument.Load(TrxPath).Descendants(ns + "UnitTestResult")
                .ToDictionary(r => (string)r.Attribute("testName")!, r => (string)r.Attribute("outcome")!);
        }
    }

    /// <summary>The message of each test that has one (failure message or skip reason).</summary>
    public IReadOnlyDictionary<string, string> ResultMessages
    {
        get
        {
            var ns = XNamespace.Get("http://microsoft.com/schemas/VisualStudio/TeamTest/2010");
            return XDocument.Load(TrxPath).Descendants(ns + "UnitTestResult")
                .Select(r => (Name: (string)r.Attribute("testName")!, Message: r.Descendants(ns + "Message").FirstOrDefault()?.Value))
                .Where(r => r.Message is not null)
                .ToDictionary(r => r.Name, r => r.Message!);
        }
    }

    public IReadOnlyList<string> HookLog => File.Exists(Path.Combine(Directory, "run.log")) ? File.ReadAllLines(Path.Combine(Directory, "run.log")) : [];

    public IReadOnlyList<Envelope> Messages => File.ReadAllLines(Path.Combine(Directory, "messages.ndjson"))
        .Select(line => System.Text.Json.JsonSerializer.Deserialize(line, MessageJsonContext.Stream.Envelope)!)
        .ToArray();

    /// <summary>The names of the scenarios that ran, as the message stream lists them.</summary>
    public IReadOnlyList<string> ScenariosRun
    {
        get
        {
            var messages = Messages;
            var pickles = messages.Where(m => m.Pickle is not null).ToDictionary(m => m.Pickle!.Id, m => m.Pickle!);
            return messages.Where(m => m.TestCase is not null).Select(m => pickles[m.TestCase!.PickleId]).Select(p => $"{p.Name}@{p.Uri}:{p.Location.Line}").ToArray();
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Trx;

/// <summary>
/// Real TRX files: a small xUnit v3 project (two passing tests, one failing, one skipped) is built and
/// run with `dotnet test --logger trx`, once normally and once with a test that crashes the test host
/// (dotnet test may still print "Passed!" then; the TRX's run information tells). Both runs go at once:
/// xUnit takes about a minute to declare the crash.
/// </summary>
public sealed class TrxProbeFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string NormalTrx => _temp.File("out/probe.trx");

    public string CrashTrx => _temp.File("out/crash.trx");

    public string Folder => _temp.File("out");

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_temp.File("Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="3.2.2" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(_temp.File("ProbeTests.cs"), """
            using Xunit;
            public class ProbeTests
            {
                [Fact] public void Passes() { }
                [Fact] public void AlsoPasses() { }
                [Fact] public void Fails() => Assert.Fail("on purpose");
                [Fact(Skip = "not today")] public void Skipped() { }
                [Fact] public void Crashes() { if (System.Environment.GetEnvironmentVariable("PROBE_CRASH") == "1") System.Environment.FailFast("crash on purpose"); }
            }
            """);
        await DotnetAsync(["build", "-nologo", "-v", "q"], crash: false, expected: null);
        await Task.WhenAll(
            DotnetAsync(["test", "--no-build", "-nologo", "--logger", "trx;LogFileName=probe.trx", "--results-directory", "out"], crash: false, expected: NormalTrx),
            DotnetAsync(["test", "--no-build", "-nologo", "--logger", "trx;LogFileName=crash.trx", "--results-directory", "out"], crash: true, expected: CrashTrx));
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task DotnetAsync(string[] arguments, bool crash, string? expected)
    {
        var (exit, output) = await Dotnet.RunAsync(_temp.Path, arguments, new Dictionary<string, string> { ["PROBE_CRASH"] = crash ? "1" : "0" }, TimeSpan.FromMinutes(4));
        if (expected is null ? exit != 0 : !File.Exists(expected))
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed (exit {exit}): {output}");
        }
    }
}

namespace Alpy.Runner.Tests.EndToEnd;

/// <summary>
/// A copy of the sample project in a temp folder, changed the way people change features: a
/// broken feature file and a new scenario. Proves build-time diagnostics, that a broken file does
/// not stop the others, and that `dotnet test` picks up an edited feature.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EditedFeaturesTests : IDisposable
{
    private readonly SamplesProject samples = new();
    private readonly string directory = Directory.CreateTempSubdirectory("alpy-runner-edit-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Given_a_broken_feature_and_an_undefined_step_When_the_project_builds_and_runs_Then_both_are_reported_at_file_line_and_the_rest_runs()
    {
        // Given
        CopySamples();
        File.WriteAllText(Path.Combine(directory, "features", "broken.feature"), "Feature: Broken\n  Scenario: one\n    Given a calculator\n      | a | b |\n      | c |\n");
        File.WriteAllText(Path.Combine(directory, "BrokenBinding.cs"), "namespace Alpy.Runner.Samples; [Binding] public sealed class BrokenBinding { [Given(\"a (broken\")] public void Broken() { } }");

        // When
        var (buildExit, build) = await DotnetAsync("build", Project, "--disable-build-servers", "-p:UseSharedCompilation=false");
        var (testExit, test) = await DotnetAsync("test", Project, "--no-build");

        // Then
        buildExit.Should().Be(0, build);
        build.Should().MatchRegex(@"features/broken\.feature\(5,\d+\): warning ALPYR001: features/broken\.feature:5:\d+: .*inconsistent cell count");
        build.Should().MatchRegex(@"features/outcomes\.feature\(18,5\): warning ALPYR101: No step definition matches ""When I frobnicate the calculator 3 times""");
        build.Should().MatchRegex(@"features/outcomes\.feature\(24,5\): warning ALPYR102: ""When I press the big button"" matches 2 step definitions");
        build.Should().MatchRegex(@"warning ALPYR103: Alpy\.Runner\.Samples\.BrokenBinding\.Broken: The Cucumber Expression ""a \(broken"" is invalid at column 3");
        testExit.Should().NotBe(0);
        test.Should().Contain("TestRunCleanupFailedException", "an invalid binding fails the run even if no scenario uses it");
        test.Should().Contain("features/broken.feature cannot be parsed").And.Contain("features/broken.feature:5:");
        test.Should().MatchRegex(@"Passed!?.*|Failed!  - Failed: +5, Passed: +7", "the other features still ran");
    }

    [Fact]
    public async Task Given_a_built_project_When_a_feature_gains_a_scenario_and_dotnet_test_runs_again_Then_the_new_scenario_runs()
    {
        // Given
        CopySamples();
        var (firstExit, first) = await DotnetAsync("test", Project, "--filter", "Category=smoke");
        firstExit.Should().Be(0, first);
        first.Should().Contain("Passed:     3");

        // When
        File.AppendAllText(Path.Combine(directory, "features", "calculator.feature"), "\n  @smoke\n  Scenario: Added later\n    When I add 40 and 2\n    Then the result is 42\n");
        var (secondExit, second) = await DotnetAsync("test", Project, "--filter", "Category=smoke", "--logger", "console;verbosity=normal");

        // Then
        secondExit.Should().Be(0, second);
        second.Should().Contain("Passed Added later").And.MatchRegex(@"Passed:\s+4\b");
    }

    private string Project => Path.Combine(directory, "Alpy.Runner.Samples.csproj");

    private void CopySamples()
    {
        var source = Path.GetDirectoryName(samples.ProjectPath)!;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // Outside the repository the project needs the repository's build settings and the runner's targets by absolute path.
        var root = samples.RepositoryRoot;
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), $"<Project><Import Project=\"{root}/tests/Directory.Build.props\" /></Project>");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), $"<Project><Import Project=\"{root}/Directory.Packages.props\" /></Project>");
        var csproj = File.ReadAllText(Project)
            .Replace("../../src/Alpy.Runner/build/Alpy.Runner.targets", $"{root}/src/Alpy.Runner/build/Alpy.Runner.targets", StringComparison.Ordinal)
            .Replace("ALPYR101;ALPYR102;", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(Project, csproj);
    }

    private async Task<(int ExitCode, string Output)> DotnetAsync(params string[] arguments) =>
        await DotnetCli.RunAsync(directory, arguments, new Dictionary<string, string> { ["ALPY_SAMPLES_OUT"] = directory }, SamplesProject.Timeout, TestContext.Current.CancellationToken);
}

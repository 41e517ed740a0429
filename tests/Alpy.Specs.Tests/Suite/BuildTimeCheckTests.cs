using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Suite;

/// <summary>
/// The build-time step check in real builds: `dotnet build` of a suite shows an undefined step as a warning at its
/// feature file's line (the bad-input fixture has one), and the specification suite builds without any.
/// </summary>
[Trait("Category", "integration")]
public sealed class BuildTimeCheckTests
{
    [Fact]
    public async Task Given_a_feature_with_an_undefined_step_When_built_Then_the_build_warns_at_its_file_and_line_with_a_definition_to_paste()
    {
        var project = Path.Combine(TestPaths.Root, "tests", "Alpy.Specs.Tests", "Fixtures", "BadInput");

        var output = await Build(project);

        var warnings = output.Split('\n').Where(l => l.Contains("ALPYR", StringComparison.Ordinal)).Distinct().ToList();
        warnings.Should().NotBeEmpty().And.OnlyContain(l => l.Contains(
            "features/bad-input.feature(14,5): warning ALPYR101: No step definition matches \"When node 0 pings 192.168.1.2 very loudly\"; add one such as [When(\"node {int} pings 192.168.1.2 very loudly\")]",
            StringComparison.Ordinal), "the one undefined step is reported, at its line, and no step the library binds");
    }

    [Fact]
    public async Task Given_the_specification_suite_When_built_Then_every_step_is_defined()
    {
        var output = await Build(Path.Combine(TestPaths.Root, "src", "Alpy.Specs"));

        output.Should().NotContain("ALPYR", "every step of features/ has exactly one step definition");
    }

    /// <summary>
    /// A full rebuild of the project itself (its references are built already), so that the analyzer runs, into a temp
    /// folder: other tests run the project's own build meanwhile.
    /// </summary>
    private static async Task<string> Build(string project)
    {
        var output = Directory.CreateTempSubdirectory("alpy-specs-build-");
        try
        {
            return await DotnetCli.SucceedAsync(TestPaths.Root, "build", project, "-c", TestPaths.Configuration, "--no-incremental", "-p:BuildProjectReferences=false",
                "-o", output.FullName, "-p:AlpyShowStepWarnings=true", "--disable-build-servers", "-nologo", "-v", "q");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}

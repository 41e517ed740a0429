using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Alpy.Bench.Runner;

/// <summary>
/// A synthetic suite written out as a real xUnit v3 test project: features of scenarios whose steps call empty step
/// methods (200 step definitions, each a Cucumber Expression with an {int}), run one scenario at a time and with the
/// message formatter on, as the feature suite runs. What it costs beyond the test host is the runner's own work.
/// </summary>
internal sealed record SyntheticSuite(string Name, int Features, int ScenariosPerFeature, int StepsPerScenario)
{
    public const int StepDefinitions = 200;

    public int Scenarios => Features * ScenariosPerFeature;

    public int Steps => Scenarios * StepsPerScenario;

    /// <summary>Writes the project into <paramref name="folder"/>/<see cref="Name"/>; returns the project folder.</summary>
    public string Write(string folder, string repositoryRoot)
    {
        var project = Path.Combine(folder, Name);
        Directory.CreateDirectory(Path.Combine(project, "features"));
        File.WriteAllText(Path.Combine(project, $"{Name}.csproj"), ProjectFile(repositoryRoot));
        File.WriteAllText(Path.Combine(project, "reqnroll.json"),
            $$"""{ "formatters": { "message": { "outputFilePath": "{{Path.Combine(project, "messages.ndjson")}}" } } }""");
        File.WriteAllText(Path.Combine(project, "Steps.cs"), StepsFile());
        for (var feature = 0; feature < Features; feature++)
            File.WriteAllText(Path.Combine(project, "features", $"f{feature:000}.feature"), FeatureFile(feature));
        return project;
    }

    /// <summary>The built test assembly of the project in <paramref name="project"/>.</summary>
    public string Assembly(string project) => Path.Combine(project, "bin", "Release", "net10.0", $"{Name}.dll");

    private static string ProjectFile(string repositoryRoot)
    {
        var versions = XDocument.Load(Path.Combine(repositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        string Package(string id) => $"""    <PackageReference Include="{id}" Version="{versions[id]}" />""";
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsTestProject>true</IsTestProject>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {Package("xunit.v3")}
            {Package("Microsoft.NET.Test.Sdk")}
            {Package("Reqnroll.xunit.v3")}
              </ItemGroup>
            </Project>
            """;
    }

    private static string StepsFile()
    {
        var text = new StringBuilder("""
            using Reqnroll;

            [assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

            [Binding]
            public sealed class Steps
            {

            """);
        for (var i = 0; i < StepDefinitions; i++)
            text.Append(CultureInfo.InvariantCulture, $"    [Given(\"the step number {i} takes {{int}}\")]\n    public void Step{i}(int value) {{ }}\n\n");
        return text.Append("}\n").ToString();
    }

    private string FeatureFile(int feature)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Feature: Synthetic feature {feature}\n\n");
        for (var scenario = 0; scenario < ScenariosPerFeature; scenario++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Scenario: Scenario {scenario} of feature {feature}\n");
            for (var step = 0; step < StepsPerScenario; step++)
            {
                var definition = ((feature * ScenariosPerFeature + scenario) * 7 + step * 13) % StepDefinitions;
                text.Append(CultureInfo.InvariantCulture, $"    {(step == 0 ? "Given" : "And")} the step number {definition} takes {step}\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}


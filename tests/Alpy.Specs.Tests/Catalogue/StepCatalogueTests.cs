using System.Reflection;
using System.Text.RegularExpressions;
using Reqnroll;
using Alpy.Specs.Steps.Bindings;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Catalogue;

public sealed class StepCatalogueTests
{
    private static readonly string CataloguePath = Path.Combine(TestPaths.Root, "docs", "steps.md");

    [Fact]
    public async Task Given_the_bindings_When_the_catalogue_is_generated_Then_docs_steps_md_is_up_to_date()
    {
        var generated = StepCatalogue.Generate();
        if (Environment.GetEnvironmentVariable("ALPY_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(CataloguePath, generated, TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage($"Wrote {CataloguePath}.");
        }

        var written = File.Exists(CataloguePath) ? await File.ReadAllTextAsync(CataloguePath, TestContext.Current.CancellationToken) : "(missing)";
        written.Should().Be(generated, $"docs/steps.md must match the bindings; regenerate it with: {StepCatalogue.RegenerateCommand}");
    }

    [Fact]
    public void Given_every_step_When_documented_Then_it_has_a_section_a_summary_and_an_example_with_its_keyword()
    {
        var steps = StepCatalogue.Steps();

        steps.Should().HaveCountGreaterThan(25);
        foreach (var step in steps)
        {
            step.Doc.Should().NotBeNull($"{step.Method.DeclaringType!.Name}.{step.Method.Name} needs a [StepDoc]");
            step.Section.Should().NotBe("Other", step.Expression);
            step.Summary.Should().NotBeNullOrWhiteSpace(step.Expression);
            step.Example.Should().StartWith(step.Keyword + " ", step.Expression);
            (step.Argument is not null).Should().Be(step.Method.GetParameters().Any(p => p.ParameterType == typeof(DataTable)), $"a table step shows its table: {step.Expression}");
        }
    }

    [Fact]
    public void Given_every_example_When_matched_against_all_step_definitions_Then_it_matches_its_own_and_no_other_of_its_kind()
    {
        var steps = StepCatalogue.Steps();
        var patterns = steps.Select(s => (Step: s, Regex: ToRegex(s.Expression))).ToList();

        foreach (var step in steps)
        {
            foreach (var example in step.Ipv6Example is { } ipv6 ? [step.Example, ipv6.Split('\n')[0]] : new[] { step.Example })
            {
                var text = example[(step.Keyword.Length + 1)..];
                var matching = patterns.Where(p => p.Step.Keyword == step.Keyword && p.Regex.IsMatch(text)).Select(p => p.Step.Expression).ToList();
                matching.Should().Equal([step.Expression], $"the example \"{example}\" must match its own step definition and no other");
            }
        }
    }

    [Fact]
    public void Given_every_step_that_takes_an_address_When_documented_Then_it_shows_an_IPv6_example_that_parses()
    {
        foreach (var step in StepCatalogue.Steps().Where(s => s.Parameters.Intersect(["address", "frames"]).Any()))
        {
            step.Ipv6Example.Should().NotBeNull($"{step.Expression} takes an address, so the catalogue shows it with IPv6 too")
                .And.MatchRegex("[0-9a-f]*:[0-9a-f:]*:[0-9a-f]", step.Expression);
        }
    }

    /// <summary>A Cucumber Expression of the catalogue as a regex, with the parameter types' own patterns.</summary>
    private static Regex ToRegex(string expression)
    {
        var types = typeof(ParameterTypes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<StepArgumentTransformationAttribute>())
            .Where(a => a?.Name is not null)
            .ToDictionary(a => a!.Name!, a => a!.Regex!);
        types["int"] = @"-?\d+";
        types["string"] = "\"[^\"]*\"";
        Regex.Replace(expression, @"\{\w+}", "").Should().NotContain("/", $"the catalogue test understands no alternatives: {expression}");
        var pattern = Regex.Replace(Regex.Escape(expression).Replace(@"\{", "{", StringComparison.Ordinal), @"\{(\w+)}|\\\(s\\\)", m =>
            m.Groups[1].Success ? $"(?:{types[m.Groups[1].Value]})" : "(?:s)?");
        return new Regex("^" + pattern + "$");
    }
}

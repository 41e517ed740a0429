using System.Collections.Immutable;
using Alpy.Specs.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Alpy.Specs.Tests.Analyzers;

/// <summary>
/// The build-time step check on compilations made here: Reqnroll bindings in C#, a feature as an AdditionalFile. What
/// it must find, it finds at the feature's line; what Reqnroll would bind, it leaves alone.
/// </summary>
public sealed class StepDefinitionAnalyzerTests
{
    private const string Bindings = """
        using Reqnroll;

        public enum Colour { Red, Green }

        [Binding]
        public class Steps
        {
            [StepArgumentTransformation(@"(\S+)", Name = "address")]
            public static System.Net.IPAddress Address(string text) => System.Net.IPAddress.Parse(text);

            [StepArgumentTransformation(@"(?!a frame matching )(.+)", Name = "frames")]
            public static string[] Frames(string text) => [text];

            [Given("node {int} listens on port {int}")] public void Listens(int node, int port) { }
            [When("node {int} pings {address}")] public void Pings(int node, System.Net.IPAddress address) { }
            [Then("link {int} carries {frames}")] public void Carries(int link, string[] frames) { }
            [Then("link {int} carries a frame matching {string}")] public void CarriesMatching(int link, string filter) { }
            [Then("the light is {Colour}")] public void Light(Colour colour) { }
            [Then(@"^the reply is ""(.*)""$")] public void Reply(string text) { }
            [StepDefinition("anything at all")] public void Anything() { }
            [When("it is/was ambiguous")] public void Ambiguous1() { }
            [When("it is ambiguous")] public void Ambiguous2() { }
        }
        """;

    [Fact]
    public async Task Given_steps_Reqnroll_binds_When_checked_Then_nothing_is_reported()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Bound
              Background:
                Given node 1 listens on port 80

              Scenario: Everything binds
                When node 0 pings 192.168.1.2
                Then link 1 carries a TCP SYN
                And link 1 carries a frame matching "tcp port 80"
                And the light is Green
                And the reply is "hello"
                But anything at all

              Scenario Outline: Rows
                When node <n> pings <address>

                Examples:
                  | n | address     |
                  | 0 | 192.168.1.2 |
                  | 1 | 192.168.0.2 |
            """);

        diagnostics.Should().BeEmpty("the frames transformation does not convert \"a frame matching ...\", so Reqnroll binds that step once");
    }

    [Fact]
    public async Task Given_an_undefined_step_When_checked_Then_it_is_a_warning_at_its_line_with_a_definition_to_paste()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Undefined
              Scenario: One
                When node 0 pongs 192.168.1.2
                Then node 0 is 3 times "happy"
            """);

        diagnostics.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1)).Should().Equal(("ALPYR101", 3), ("ALPYR101", 4));
        diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should()
            .Be("No step definition matches \"When node 0 pongs 192.168.1.2\"; add one such as [When(\"node {int} pongs 192.168.1.2\")] public void WhenNodePongs(int p0)");
        diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("[Then(\"node {int} is {int} times {string}\")]");
        diagnostics[0].Location.GetLineSpan().Path.Should().EndWith("features/check.feature");
    }

    [Fact]
    public async Task Given_a_Then_text_under_When_When_checked_Then_the_keyword_matters_as_in_Reqnroll()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Kinds
              Scenario: Wrong kind
                Given node 0 pings 192.168.1.2
                When it is done
                And link 1 carries a TCP SYN
            """);

        diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Should().Equal(3, 4, 5);
    }

    [Fact]
    public async Task Given_an_outline_row_that_makes_an_undefined_step_When_checked_Then_that_rows_text_is_reported()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Outline
              Scenario Outline: Rows
                When node <n> <verb> 192.168.1.2

                Examples:
                  | n | verb  |
                  | 0 | pings |
                  | 1 | pongs |
            """);

        diagnostics.Should().ContainSingle().Which.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("\"When node 1 pongs 192.168.1.2\"");
    }

    [Fact]
    public async Task Given_two_definitions_for_one_step_When_checked_Then_it_is_ambiguous_naming_both()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Ambiguous
              Scenario: Twice
                When it is ambiguous
            """);

        var message = diagnostics.Should().ContainSingle().Which.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        diagnostics[0].Id.Should().Be("ALPYR102");
        message.Should().Contain("Steps.Ambiguous1").And.Contain("Steps.Ambiguous2");
    }

    [Fact]
    public async Task Given_a_feature_that_does_not_parse_When_checked_Then_the_parse_error_is_reported_at_its_line()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Broken
              Scenario: One
                When node 0 pings 192.168.1.2
              | a stray | table |
              Nonsense here
            """);

        diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Id == "ALPYR001");
        diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Should().Contain(5);
    }

    [Fact]
    public async Task Given_a_step_definition_with_an_unknown_parameter_type_When_checked_Then_the_definition_is_reported()
    {
        var diagnostics = await AnalyzeAsync("""
            Feature: Fine
              Scenario: One
                When node 0 pings 192.168.1.2
            """, """
            using Reqnroll;
            [Binding]
            public class More
            {
                [When("the {gadget} works")] public void Works(string gadget) { }
            }
            """);

        diagnostics.Should().ContainSingle().Which.Id.Should().Be("ALPYR103");
        diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("More.Works").And.Contain("gadget");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string feature, string? moreBindings = null)
    {
        // The runtime's own assemblies (Reqnroll is netstandard2.0) and Reqnroll.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Reqnroll.BindingAttribute).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var trees = new[] { Bindings, moreBindings }.OfType<string>().Select(code => CSharpSyntaxTree.ParseText(code, cancellationToken: TestContext.Current.CancellationToken));
        var compilation = CSharpCompilation.Create("Suite", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty("the test's bindings compile");
        var options = new AnalyzerOptions([new FeatureText("/repo/features/check.feature", feature)]);
        return await compilation.WithAnalyzers([new StepDefinitionAnalyzer()], options).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }

    private sealed class FeatureText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

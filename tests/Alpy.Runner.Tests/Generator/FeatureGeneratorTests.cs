using Microsoft.CodeAnalysis;

namespace Alpy.Runner.Tests.Generator;

public sealed class FeatureGeneratorTests
{
    private const string Steps = """
        using Alpy.Runner;
        namespace Suite;
        [Binding]
        public sealed class Steps
        {
            [Given("a calculator")] public void Calculator() { }
            [When("I add {int} and {int}")] public void Add(int a, int b) { }
            [Then("the result is {int}")] public void Result(int r) { }
            [When("I press the big button")] public void Big() { }
            [When(@"^I press the (\w+) button$")] public void Any(string which) { }
        }
        """;

    private const string Calculator = """
        @calc
        Feature: Calculator sums

          Scenario: Add two numbers
            Given a calculator
            When I add 2 and 3
            Then the result is 5

          Scenario Outline: Add <a> and <b>
            Given a calculator
            When I add <a> and <b>
            Then the result is <sum>

            Examples:
              | a | b | sum |
              | 1 | 1 | 2   |
        """;

    [Fact]
    public void Given_feature_files_When_the_project_builds_Then_each_feature_is_a_test_class_with_a_method_per_scenario_that_compiles()
    {
        // When
        var result = GeneratorHarness.Run(Steps, new Dictionary<string, string> { ["features/routing/calculator.feature"] = Calculator });

        // Then
        result.CompileErrors.Should().BeEmpty();
        result.GeneratorDiagnostics.Should().BeEmpty();
        var code = result.Sources["features_routing_calculator.feature.g.cs"];
        code.Should().Contain("namespace Suite.Features.Routing")
            .And.Contain("[global::Alpy.Runner.Xunit.FeatureFile(@\"features/routing/calculator.feature\")]")
            .And.Contain("public sealed partial class CalculatorSumsFeature")
            .And.Contain("[global::Alpy.Runner.Xunit.Scenario(4)]\n        public global::System.Threading.Tasks.Task AddTwoNumbers(int line)")
            .And.Contain("[global::Alpy.Runner.Xunit.Scenario(9)]\n        public global::System.Threading.Tasks.Task AddAAndB(int line)")
            .And.Contain("[assembly: global::Alpy.Runner.Xunit.FeatureSource(@\"features/routing/calculator.feature\"");
        result.Sources["AlpyRunner.Assembly.g.cs"].Should().Contain("[assembly: global::Xunit.TestFramework(typeof(global::Alpy.Runner.Xunit.RunnerTestFramework))]");
    }

    [Fact]
    public void Given_undefined_and_ambiguous_steps_When_the_project_builds_Then_each_is_a_warning_at_its_file_and_line()
    {
        // Given
        const string feature = "Feature: Typos\n  Scenario: one\n    Given a calculater\n    When I press the big button\n    Then I add 1 and 2\n";

        // When
        var result = GeneratorHarness.Run(Steps, new Dictionary<string, string> { ["features/typos.feature"] = feature });

        // Then
        result.CompileErrors.Should().BeEmpty();
        var diagnostics = result.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        diagnostics.Select(d => d.Id).Should().Equal("ALPYR101", "ALPYR102", "ALPYR101");
        diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning);
        var first = diagnostics[0].Location.GetLineSpan();
        first.Path.Should().Be("/src/Suite/features/typos.feature");
        first.StartLinePosition.Line.Should().Be(2, "line 3 of the file, 0-based");
        diagnostics[0].GetMessage().Should().Contain("\"Given a calculater\"").And.Contain("[Given(\"a calculater\")]");
        diagnostics[1].GetMessage().Should().Contain("matches 2 step definitions").And.Contain("Suite.Steps.Big").And.Contain("Suite.Steps.Any");
        diagnostics[2].GetMessage().Should().Contain("\"Then I add 1 and 2\"", "a When definition does not answer a Then step");
    }

    [Fact]
    public void Given_a_feature_with_a_syntax_error_When_the_project_builds_Then_it_is_a_warning_with_line_and_column_and_a_failing_test_class()
    {
        var result = GeneratorHarness.Run(Steps, new Dictionary<string, string>
        {
            ["features/broken.feature"] = "Feature: Broken\n  Scenario: one\n    Given a calculator\n      | a | b |\n      | c |\n",
            ["features/good.feature"] = "Feature: Good\n  Scenario: one\n    Given a calculator\n",
        });

        result.CompileErrors.Should().BeEmpty();
        var diagnostic = result.GeneratorDiagnostics.Should().ContainSingle().Which;
        diagnostic.Id.Should().Be("ALPYR001");
        diagnostic.GetMessage().Should().StartWith("features/broken.feature:5:").And.Contain("inconsistent cell count");
        result.Sources["features_broken.feature.g.cs"].Should().Contain("FeatureFileCannotBeParsed").And.Contain("features/broken.feature cannot be parsed");
        result.Sources.Should().ContainKey("features_good.feature.g.cs");
    }

    [Fact]
    public void Given_bindings_in_another_assembly_listed_in_reqnroll_json_When_the_project_builds_Then_their_steps_count_as_defined()
    {
        // Given
        var library = GeneratorHarness.Library("Suite.Steps", "using Alpy.Runner; [Binding] public sealed class LabSteps { [Given(\"a lab\")] public void Lab() { } }");
        var files = new Dictionary<string, string> { ["features/lab.feature"] = "Feature: Lab\n  Scenario: one\n    Given a lab\n" };

        // When
        var without = GeneratorHarness.Run(Steps, files, [library]);
        files["reqnroll.json"] = """{ "bindingAssemblies": [ { "assembly": "Suite.Steps" } ] }""";
        var with = GeneratorHarness.Run(Steps, files, [library]);

        // Then
        without.GeneratorDiagnostics.Should().ContainSingle(d => d.Id == "ALPYR101", "an assembly not in bindingAssemblies is not searched, as at run time");
        with.GeneratorDiagnostics.Should().BeEmpty();
        with.Sources["AlpyRunner.Assembly.g.cs"].Should().Contain("Suite.Steps");
    }

    [Fact]
    public void Given_an_invalid_step_expression_When_the_project_builds_Then_it_is_a_warning_naming_the_method()
    {
        var result = GeneratorHarness.Run(
            "using Alpy.Runner; namespace Suite; [Binding] public sealed class Bad { [Given(\"a (broken\")] public void Broken() { } }",
            new Dictionary<string, string> { ["features/x.feature"] = "Feature: X\n  Scenario: one\n    Given a step\n" });

        result.GeneratorDiagnostics.Should().Contain(d => d.Id == "ALPYR103" && d.GetMessage().Contains("Suite.Bad.Broken", StringComparison.Ordinal) && d.GetMessage().Contains("column 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_invalid_reqnroll_json_When_the_project_builds_Then_it_is_an_error_at_its_line()
    {
        var result = GeneratorHarness.Run(Steps, new Dictionary<string, string> { ["reqnroll.json"] = "{\n  \"runtime\": {\n    \"stopAtFirstError\": tru\n}" });

        var diagnostic = result.GeneratorDiagnostics.Should().ContainSingle().Which;
        diagnostic.Id.Should().Be("ALPYR002");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.Should().Be(2);
    }

    [Fact]
    public void Given_two_features_with_the_same_title_and_scenarios_with_the_same_title_When_generated_Then_names_stay_unique_and_compile()
    {
        var result = GeneratorHarness.Run(Steps, new Dictionary<string, string>
        {
            ["features/a.feature"] = "Feature: Same\n  Scenario: Twice\n    Given a calculator\n  Scenario: Twice\n    Given a calculator\n  Scenario: Same feature\n    Given a calculator\n",
            ["features/b.feature"] = "Feature: Same\n  Scenario: Other\n    Given a calculator\n",
        });

        result.CompileErrors.Should().BeEmpty();
        result.Sources["features_a.feature.g.cs"].Should().Contain("Task Twice(int line)").And.Contain("Task Twice_L4(int line)").And.Contain("class SameFeature ");
        result.Sources["features_b.feature.g.cs"].Should().Contain("class SameFeature_B ");
    }
}

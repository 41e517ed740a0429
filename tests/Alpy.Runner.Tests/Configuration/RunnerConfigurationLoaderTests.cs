using Alpy.Runner.Configuration;
using Alpy.Runner.Expressions;

namespace Alpy.Runner.Tests.Configuration;

public sealed class RunnerConfigurationLoaderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Given_no_file_When_loaded_Then_Reqnroll_defaults_apply()
    {
        var configuration = RunnerConfigurationLoader.Load(null, "reqnroll.json", NoEnvironment);

        configuration.FeatureLanguage.Should().Be("en-US");
        configuration.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Pending);
        configuration.StopAtFirstError.Should().BeFalse();
        configuration.SkeletonStyle.Should().Be(SkeletonStyle.CucumberExpressionAttribute);
        configuration.BindingAssemblies.Should().BeEmpty();
        configuration.Formatter("message").Should().BeNull();
    }

    [Fact]
    public void Given_every_supported_key_When_loaded_Then_each_value_is_read()
    {
        // Given
        const string json = """
            {
              "$schema": "https://schemas.reqnroll.net/reqnroll-config-latest.json",
              // comments are allowed
              "language": { "feature": "de-AT", "binding": "en-US" },
              "runtime": { "missingOrPendingStepsOutcome": "Error", "stopAtFirstError": true },
              "trace": { "stepDefinitionSkeletonStyle": "RegexAttribute" },
              "bindingAssemblies": [ { "assembly": "Alpy.Specs.Steps" } ],
              "formatters": { "message": { "outputFilePath": "reports/run.ndjson" }, "html": { "outputFilePath": "reports/index.html" } },
              "alpy": { "stopRunOnBindingErrors": true }
            }
            """;

        // When
        var configuration = RunnerConfigurationLoader.Load(json, "reqnroll.json", NoEnvironment);

        // Then
        configuration.FeatureLanguage.Should().Be("de-AT");
        configuration.BindingCulture.Should().Be("en-US");
        configuration.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Error);
        configuration.StopAtFirstError.Should().BeTrue();
        configuration.SkeletonStyle.Should().Be(SkeletonStyle.RegexAttribute);
        configuration.BindingAssemblies.Should().Equal("Alpy.Specs.Steps");
        configuration.Formatter("message")!.OutputFilePath.Should().Be("reports/run.ndjson");
        configuration.Formatter("html")!.OutputFilePath.Should().Be("reports/index.html");
        configuration.StopRunOnBindingErrors.Should().BeTrue();
        configuration.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Given_invalid_json_When_loaded_Then_the_error_names_the_file_and_the_line()
    {
        var load = () => RunnerConfigurationLoader.Load("{\n  \"runtime\": {\n    \"stopAtFirstError\": tru\n  }\n}", "reqnroll.json", NoEnvironment);

        load.Should().Throw<RunnerConfigurationException>().WithMessage("reqnroll.json is not valid JSON (line 3*");
    }

    [Theory]
    [InlineData("""{ "runtime": { "missingOrPendingStepsOutcome": "Sometimes" } }""", "*\"runtime.missingOrPendingStepsOutcome\" is \"Sometimes\"; use one of Pending, Inconclusive, Ignore, Error*")]
    [InlineData("""{ "runtime": { "stopAtFirstError": "maybe" } }""", "*\"runtime.stopAtFirstError\" must be true or false*")]
    [InlineData("""{ "trace": { "stepDefinitionSkeletonStyle": 3 } }""", "*\"trace.stepDefinitionSkeletonStyle\" must be a non-empty string*")]
    [InlineData("""{ "bindingAssemblies": "Steps" }""", "*\"bindingAssemblies\" must be an array*")]
    [InlineData("""{ "bindingAssemblies": [ { "name": "Steps" } ] }""", "*\"bindingAssemblies[0].assembly\" is missing*")]
    [InlineData("""{ "language": "de" }""", "*\"language\" must be an object*")]
    [InlineData("""{ "formatters": { "message": "x.ndjson" } }""", "*\"formatters.message\" must be an object*")]
    public void Given_a_wrong_value_When_loaded_Then_the_error_names_the_key_and_the_allowed_values(string json, string message)
    {
        var load = () => RunnerConfigurationLoader.Load(json, "reqnroll.json", NoEnvironment);

        load.Should().Throw<RunnerConfigurationException>().WithMessage(message);
    }

    [Fact]
    public void Given_an_unknown_key_When_loaded_Then_it_is_a_warning_naming_the_key()
    {
        var configuration = RunnerConfigurationLoader.Load("""{ "runtime": { "stopAtFirstEror": true }, "colours": 1 }""", "reqnroll.json", NoEnvironment);

        configuration.Warnings.Should().HaveCount(2);
        configuration.Warnings.Should().Contain(w => w.Contains("\"runtime.stopAtFirstEror\"", StringComparison.Ordinal));
        configuration.Warnings.Should().Contain(w => w.Contains("\"colours\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_Reqnroll_environment_overrides_When_loaded_Then_dry_run_and_disabled_formatters_apply()
    {
        // Given
        var environment = new Dictionary<string, string> { ["REQNROLL_DRY_RUN"] = "True", ["REQNROLL_FORMATTERS_DISABLED"] = "true" };

        // When
        var configuration = RunnerConfigurationLoader.Load("""{ "formatters": { "message": {} } }""", "reqnroll.json", k => environment.GetValueOrDefault(k));

        // Then
        configuration.DryRun.Should().BeTrue();
        configuration.FormattersDisabled.Should().BeTrue();
        configuration.Formatter("message").Should().BeNull("REQNROLL_FORMATTERS_DISABLED switches every formatter off");
    }

    [Fact]
    public void Given_a_garbage_environment_override_When_loaded_Then_the_error_names_the_variable()
    {
        var load = () => RunnerConfigurationLoader.Load(null, "reqnroll.json", k => k == "REQNROLL_DRY_RUN" ? "yes please" : null);

        load.Should().Throw<RunnerConfigurationException>().WithMessage("*REQNROLL_DRY_RUN*\"yes please\"*true or false*");
    }
}

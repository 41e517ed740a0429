using Alpy.Runner.Bindings;
using Alpy.Runner.Features;

namespace Alpy.Runner.Tests.Execution;

public sealed class BindingErrorTests
{
    private static IReadOnlyList<BindingError> ErrorsOf(Type type) => BindingScanner.Scan([type], new IncrementingIdGenerator()).Errors;

    [Theory]
    [InlineData(typeof(InvalidCucumberExpression), "Bad", "is invalid at column 5")]
    [InlineData(typeof(InvalidRegex), "Bad", "regular expression \"^a (unclosed$\" is invalid")]
    [InlineData(typeof(UnknownParameterType), "Bad", "{airport}")]
    [InlineData(typeof(InstanceTestRunHook), "Boot", "[BeforeTestRun] hook must be static")]
    [InlineData(typeof(AsyncVoidStep), "Bad", "async void")]
    [InlineData(typeof(RefParameter), "Bad", "ref, out or a pointer")]
    [InlineData(typeof(UnconvertibleParameter), "Bad", "Stream stream cannot be made from step text")]
    [InlineData(typeof(WrongParameterCount), "Bad", "has 1 parameter(s) but the method takes 3")]
    [InlineData(typeof(Duplicate), "Second", "is also defined by")]
    [InlineData(typeof(BadDependencies), "Register", "static void M(IServiceCollection services)")]
    [InlineData(typeof(BadTagExpression), "Hook", "tag expression")]
    public void Given_a_broken_binding_When_bindings_are_scanned_Then_the_error_names_the_method_and_the_problem(Type type, string method, string problem)
    {
        var errors = ErrorsOf(type);

        errors.Should().ContainSingle();
        errors[0].Method.Should().StartWith($"{type.FullName}.{method}(");
        errors[0].Problem.Should().Contain(problem);
    }

    [Fact]
    public void Given_a_broken_binding_among_good_ones_When_scanned_Then_the_good_ones_are_still_registered()
    {
        var registry = BindingScanner.Scan([typeof(InvalidCucumberExpression)], new IncrementingIdGenerator());

        registry.StepDefinitions.Select(s => s.Expression).Should().Equal("a good step");
    }

    [Binding]
    public sealed class InvalidCucumberExpression
    {
        [Given("a good step")]
        public void Good()
        {
        }

        [Given("bad (unclosed")]
        public void Bad()
        {
        }
    }

    [Binding]
    public sealed class InvalidRegex
    {
        [Given("^a (unclosed$")]
        public void Bad()
        {
        }
    }

    [Binding]
    public sealed class UnknownParameterType
    {
        [Given("{airport} is closed")]
        public void Bad(string airport) => _ = airport;
    }

    [Binding]
    public sealed class InstanceTestRunHook
    {
        [BeforeTestRun]
        public void Boot()
        {
        }
    }

    [Binding]
    public sealed class AsyncVoidStep
    {
        [Given("a step")]
        public async void Bad() => await Task.Yield();
    }

    [Binding]
    public sealed class RefParameter
    {
        [Given("a {int}")]
        public void Bad(ref int value) => value++;
    }

    [Binding]
    public sealed class UnconvertibleParameter
    {
        [Given("a stream {word}")]
        public void Bad(Stream stream) => _ = stream;
    }

    [Binding]
    public sealed class WrongParameterCount
    {
        [Given("a {int}")]
        public void Bad(int a, int b, int c) => _ = a + b + c;
    }

    [Binding]
    public sealed class Duplicate
    {
        [Given("a step")]
        public void First()
        {
        }

        [Given("a step")]
        public void Second()
        {
        }
    }

    [Binding]
    public sealed class BadDependencies
    {
        [ScenarioDependencies]
        public static int Register() => 0;
    }

    [Binding]
    public sealed class BadTagExpression
    {
        [BeforeScenario("@a and")]
        public void Hook()
        {
        }
    }
}

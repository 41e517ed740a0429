using System.Text.Json.Nodes;
using Alpy.Reports.Html;
using Alpy.Reports.Tests.Support;
using Envelope = Io.Cucumber.Messages.Types.Envelope;

namespace Alpy.Reports.Tests.Html;

public sealed class ReadableExceptionsTests
{
    [Fact]
    public void Given_a_dotnet_stack_trace_without_the_message_When_completed_Then_type_and_message_come_first()
    {
        var envelope = StepFinished("   at Steps.Then() in Steps.cs:line 83");

        var completed = ReadableExceptions.Complete(envelope);

        completed.TestStepFinished.TestStepResult.Exception.StackTrace
            .Should().Be("Alpy.VerdictException: expected 1, got 0\n   at Steps.Then() in Steps.cs:line 83");
        completed.TestStepFinished.TestStepResult.Message.Should().Be("expected 1, got 0");
        completed.TestStepFinished.TestStepId.Should().Be("step-1");
        envelope.TestStepFinished.TestStepResult.Exception.StackTrace.Should().Be("   at Steps.Then() in Steps.cs:line 83",
            "the message stream keeps what Reqnroll wrote; only the page gets the copy");
    }

    [Fact]
    public void Given_a_stack_trace_that_holds_the_message_When_completed_Then_it_is_left_alone()
    {
        var envelope = StepFinished("Error: expected 1, got 0\nsamples/x.feature:13");

        ReadableExceptions.Complete(envelope).Should().BeSameAs(envelope);
    }

    [Fact]
    public void Given_a_step_that_failed_in_Reqnroll_When_completed_Then_only_the_frames_a_reader_acts_on_stay()
    {
        // As Reqnroll 3.3.4 records a failed step (Streams/whole.ndjson), with an async step's frames.
        var envelope = StepFinished(string.Join('\n',
            "   at Xunit.Assert.Equal[T](T expected, T actual) in /_/src/xunit.v3.assert/Asserts/EqualityAsserts.cs:line 36",
            "   at Alpy.Specs.Steps.Scenario.ScenarioApps.RunAsync(String node) in /src/Alpy.Specs.Steps/Scenario/ScenarioApps.cs:line 40",
            "   at System.Runtime.CompilerServices.AsyncMethodBuilderCore.Start[TStateMachine](TStateMachine& stateMachine)",
            "--- End of stack trace from previous location ---",
            "   at Alpy.Specs.Steps.Bindings.TrafficSteps.WhenSends(String message) in /src/Alpy.Specs.Steps/Bindings/TrafficSteps.cs:line 63",
            "   at InvokeStub_Action`2.Invoke(Object, Span`1)",
            "   at System.Reflection.MethodBaseInvoker.InvokeWithFewArgs(Object obj, BindingFlags invokeAttr, Binder binder, Object[] parameters, CultureInfo culture)",
            "--- End of stack trace from previous location ---",
            "   at Reqnroll.Bindings.BindingInvoker.InvokeBindingAsync(IBinding binding, IContextManager contextManager, Object[] arguments, ITestTracer testTracer, DurationHolder durationHolder)",
            "   at Reqnroll.Infrastructure.TestExecutionEngine.ExecuteStepMatchAsync(BindingMatch match, Object[] arguments, DurationHolder durationHolder)"));

        var trace = ReadableExceptions.Complete(envelope).TestStepFinished.TestStepResult.Exception.StackTrace;

        trace.Split('\n').Should().Equal(
            "Alpy.VerdictException: expected 1, got 0",
            "   at Alpy.Specs.Steps.Scenario.ScenarioApps.RunAsync(String node) in /src/Alpy.Specs.Steps/Scenario/ScenarioApps.cs:line 40",
            "--- End of stack trace from previous location ---",
            "   at Alpy.Specs.Steps.Bindings.TrafficSteps.WhenSends(String message) in /src/Alpy.Specs.Steps/Bindings/TrafficSteps.cs:line 63",
            "   (6 frames of Reqnroll, reflection and async plumbing hidden; messages.ndjson has the whole trace)");
    }

    [Fact]
    public void Given_a_trace_of_plumbing_only_When_completed_Then_its_frames_stay_rather_than_none()
    {
        var envelope = StepFinished("   at Reqnroll.Infrastructure.TestExecutionEngine.OnTestRunStartAsync()");

        ReadableExceptions.Complete(envelope).TestStepFinished.TestStepResult.Exception.StackTrace
            .Should().Be("Alpy.VerdictException: expected 1, got 0\n   at Reqnroll.Infrastructure.TestExecutionEngine.OnTestRunStartAsync()");
    }

    [Fact]
    public void Given_a_failed_BeforeTestRun_hook_When_completed_Then_its_trace_is_readable_too()
    {
        var envelope = Json.Envelope(new JsonObject
        {
            ["testRunHookFinished"] = new JsonObject
            {
                ["testRunHookStartedId"] = "h1",
                ["result"] = Result("   at Lab.BootLab() in Lab.cs:line 9"),
                ["timestamp"] = new JsonObject { ["seconds"] = 1, ["nanos"] = 0 },
            },
        });

        ReadableExceptions.Complete(envelope).TestRunHookFinished.Result.Exception.StackTrace
            .Should().StartWith("Alpy.VerdictException: expected 1, got 0\n   at Lab.BootLab()");
    }

    [Fact]
    public void Given_other_messages_When_completed_Then_they_are_left_alone()
    {
        var envelope = Json.Envelope(new JsonObject { ["testRunStarted"] = new JsonObject { ["id"] = "r", ["timestamp"] = new JsonObject { ["seconds"] = 1, ["nanos"] = 0 } } });

        ReadableExceptions.Complete(envelope).Should().BeSameAs(envelope);
    }

    private static Envelope StepFinished(string trace) => Json.Envelope(new JsonObject
    {
        ["testStepFinished"] = new JsonObject
        {
            ["testCaseStartedId"] = "tcs-1",
            ["testStepId"] = "step-1",
            ["testStepResult"] = Result(trace),
            ["timestamp"] = new JsonObject { ["seconds"] = 1, ["nanos"] = 0 },
        },
    });

    private static JsonObject Result(string trace) => new()
    {
        ["status"] = "FAILED",
        ["message"] = "expected 1, got 0",
        ["duration"] = new JsonObject { ["seconds"] = 0, ["nanos"] = 1000 },
        ["exception"] = new JsonObject { ["type"] = "Alpy.VerdictException", ["message"] = "expected 1, got 0", ["stackTrace"] = trace },
    };
}

using System.Text.Json.Nodes;
using Alpy.Reports.Html;
using Alpy.Reports.Messages;

namespace Alpy.Reports.Tests.Html;

public sealed class ReadableExceptionsTests
{
    [Fact]
    public void Given_a_dotnet_stack_trace_without_the_message_When_completed_Then_type_and_message_come_first()
    {
        var envelope = StepFinished("   at Steps.Then() in Steps.cs:line 83");

        var completed = ReadableExceptions.Complete(envelope);

        completed.Message["testStepResult"]!["exception"]!["stackTrace"]!.GetValue<string>()
            .Should().Be("Alpy.VerdictException: expected 1, got 0\n   at Steps.Then() in Steps.cs:line 83");
        completed.Raw.IsEmpty.Should().BeTrue("the message changed, so typed views must read it, not the bytes read");
        envelope.Message["testStepResult"]!["exception"]!["stackTrace"]!.GetValue<string>().Should().Be("   at Steps.Then() in Steps.cs:line 83",
            "the message stream keeps what the runner wrote; only the page gets the copy");
    }

    [Fact]
    public void Given_a_stack_trace_that_holds_the_message_When_completed_Then_it_is_left_alone()
    {
        var envelope = StepFinished("Error: expected 1, got 0\nsamples/x.feature:13");

        ReadableExceptions.Complete(envelope).Should().BeSameAs(envelope);
    }

    [Fact]
    public void Given_an_async_step_that_failed_When_completed_Then_only_the_frames_a_reader_acts_on_stay()
    {
        // As the runner records an async step's failure (the shape of a real trace, trimmed to the frame kinds).
        var envelope = StepFinished(string.Join('\n',
            "   at Alpy.Specs.Steps.Scenario.ScenarioApps.RunAsync(String node) in /src/Alpy.Specs.Steps/Scenario/ScenarioApps.cs:line 40",
            "   at System.Runtime.CompilerServices.AsyncMethodBuilderCore.Start[TStateMachine](TStateMachine& stateMachine)",
            "--- End of stack trace from previous location ---",
            "   at Alpy.Specs.Steps.Bindings.TrafficSteps.WhenSends(String message) in /src/Alpy.Specs.Steps/Bindings/TrafficSteps.cs:line 63",
            "   at System.Reflection.MethodInvoker.InterpretedInvoke_Method(Object obj, IntPtr* args)",
            "   at InvokeStub_TrafficSteps.WhenSends(Object, Span`1)",
            "--- End of stack trace from previous location ---",
            "   at Reqnroll.Bindings.BindingInvoker.InvokeBindingAsync(IBinding binding, IContextManager contextManager, Object[] arguments, ITestTracer testTracer, DurationHolder durationHolder)",
            "   at System.Threading.Tasks.Task.ExecuteWithThreadLocal(Task& currentTaskSlot, Thread threadPoolThread)",
            "   at Xunit.v3.TestInvoker.InvokeAsync()"));

        var trace = ReadableExceptions.Complete(envelope).Message["testStepResult"]!["exception"]!["stackTrace"]!.GetValue<string>();

        trace.Split('\n').Should().Equal(
            "Alpy.VerdictException: expected 1, got 0",
            "   at Alpy.Specs.Steps.Scenario.ScenarioApps.RunAsync(String node) in /src/Alpy.Specs.Steps/Scenario/ScenarioApps.cs:line 40",
            "--- End of stack trace from previous location ---",
            "   at Alpy.Specs.Steps.Bindings.TrafficSteps.WhenSends(String message) in /src/Alpy.Specs.Steps/Bindings/TrafficSteps.cs:line 63",
            "   (6 frames of the runner, reflection and async plumbing hidden; messages.ndjson has the whole trace)");
    }

    [Fact]
    public void Given_a_trace_of_plumbing_only_When_completed_Then_its_frames_stay_rather_than_none()
    {
        var envelope = StepFinished("   at Reqnroll.Infrastructure.TestExecutionEngine.ExecuteStepAsync() in TestExecutionEngine.cs:line 9");

        ReadableExceptions.Complete(envelope).Message["testStepResult"]!["exception"]!["stackTrace"]!.GetValue<string>()
            .Should().Be("Alpy.VerdictException: expected 1, got 0\n   at Reqnroll.Infrastructure.TestExecutionEngine.ExecuteStepAsync() in TestExecutionEngine.cs:line 9");
    }

    [Fact]
    public void Given_other_messages_When_completed_Then_they_are_left_alone()
    {
        var envelope = new Envelope("pickle", new JsonObject { ["exception"] = new JsonObject { ["stackTrace"] = "x", ["message"] = "y" } });

        ReadableExceptions.Complete(envelope).Should().BeSameAs(envelope);
    }

    private static Envelope StepFinished(string trace) => new("testStepFinished", new JsonObject
    {
        ["testStepResult"] = new JsonObject
        {
            ["status"] = "FAILED",
            ["message"] = "expected 1, got 0",
            ["exception"] = new JsonObject { ["type"] = "Alpy.VerdictException", ["message"] = "expected 1, got 0", ["stackTrace"] = trace },
        },
    }) { Raw = new byte[] { 1 } };
}

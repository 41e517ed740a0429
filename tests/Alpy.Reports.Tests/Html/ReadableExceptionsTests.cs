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
    }

    [Fact]
    public void Given_a_stack_trace_that_holds_the_message_When_completed_Then_it_is_left_alone()
    {
        var envelope = StepFinished("Error: expected 1, got 0\nsamples/x.feature:13");

        ReadableExceptions.Complete(envelope).Should().BeSameAs(envelope);
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

using System.Text.Json;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Messages;

public sealed class StepMessageWriterTests
{
    private static readonly Timestamp Time = new(1_763_769_600, 123_456_700);

    public static TheoryData<string, Envelope> PerStepMessages() => new()
    {
        { "step started", new Envelope { TestStepStarted = new TestStepStarted("c-1", "s-1", Time) } },
        { "step passed", new Envelope { TestStepFinished = new TestStepFinished("c-1", "s-1", new TestStepResult(TestStepResultStatus.Passed, new Duration(0, 1500)), Time) } },
        {
            "step failed with message and stack trace",
            new Envelope
            {
                TestStepFinished = new TestStepFinished("c-1", "s-1", new TestStepResult(TestStepResultStatus.Failed, new Duration(2, 5)) { Message = "expected <b>\"x\"</b> & 'y'\n\tüñí €", Exception = new ExceptionInfo("System.InvalidOperationException", "expected <b>\"x\"</b>", "   at A.B() in /src/a.cs:line 3\r\n") }, Time),
            }
        },
        { "step skipped with exception type only", new Envelope { TestStepFinished = new TestStepFinished("c-1", "s-1", new TestStepResult(TestStepResultStatus.Skipped, new Duration(0, 0)) { Exception = new ExceptionInfo("X") }, Time) } },
        { "case started", new Envelope { TestCaseStarted = new TestCaseStarted("c-1", "t-1", 0, Time) } },
        { "case started again on a worker", new Envelope { TestCaseStarted = new TestCaseStarted("c-2", "t-1", 2, Time) { WorkerId = "w\u0001" } } },
        {
            "test case with hooks, an unmatched group, nested groups and an ambiguous step",
            new Envelope
            {
                TestCase = new TestCase("t-1", "p-1", [
                    new TestStep("s-0") { HookId = "h-1" },
                    new TestStep("s-1")
                    {
                        PickleStepId = "ps-1",
                        StepDefinitionIds = ["d-1"],
                        StepMatchArgumentsLists = [new StepMatchArgumentsList([
                            new StepMatchArgument(new Group { Start = 4, Value = "\"a <b>\"", Children = [new Group { Start = 5, Value = "a <b>" }, new Group()] }) { ParameterTypeName = "string" },
                            new StepMatchArgument(new Group()),
                        ])],
                    },
                    new TestStep("s-2") { PickleStepId = "ps-2", StepDefinitionIds = ["d-1", "d-2"], StepMatchArgumentsLists = [new StepMatchArgumentsList([]), new StepMatchArgumentsList([])] },
                    new TestStep("s-3") { PickleStepId = "ps-3", StepDefinitionIds = [], StepMatchArgumentsLists = [] },
                ], "r-1"),
            }
        },
        { "case finished", new Envelope { TestCaseFinished = new TestCaseFinished("c-1", Time, false) } },
        { "case finished, retried", new Envelope { TestCaseFinished = new TestCaseFinished("c-1", new Timestamp(-1, 0), true) } },
    };

    [Theory]
    [MemberData(nameof(PerStepMessages))]
    public void Given_a_per_step_message_When_the_stream_writes_it_Then_its_line_equals_the_serializers(string what, Envelope envelope)
    {
        // Given
        var expected = StreamLines.Serialized(envelope);

        // When
        var written = StreamLines.Written(envelope);

        // Then
        written.Should().Be(expected, what);
    }

    [Fact]
    public void Given_any_other_message_When_the_stream_writes_it_Then_the_serializer_writes_it()
    {
        var envelope = new Envelope { TestRunStarted = new TestRunStarted("r-1", Time) };
        using var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer);

        StepMessageWriter.TryWrite(json, envelope).Should().BeFalse();
        StreamLines.Written(envelope).Should().Be(StreamLines.Serialized(envelope));
    }
}

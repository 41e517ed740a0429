using System.Text.Json;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Messages;

/// <summary>An envelope keeps its one message in one field; reading it must look exactly like twenty properties.</summary>
public sealed class EnvelopeTests
{
    [Fact]
    public void Given_an_envelope_with_a_test_case_finished_When_its_properties_are_read_Then_only_that_one_is_set()
    {
        // Given
        var finished = new TestCaseFinished("started-1", new Timestamp(1, 2), false);

        // When
        var envelope = new Envelope { TestCaseFinished = finished };

        // Then
        envelope.TestCaseFinished.Should().BeSameAs(finished);
        typeof(Envelope).GetProperties().Where(p => p.Name != nameof(Envelope.TestCaseFinished)).Select(p => p.GetValue(envelope)).Should().AllSatisfy(v => v.Should().BeNull());
    }

    [Fact]
    public void Given_a_line_with_explicit_nulls_beside_the_message_When_it_is_read_Then_the_message_survives_and_equality_holds()
    {
        // Given: a reader may meet "null" for the absent messages, before or after the present one
        const string line = """{"meta":null,"testStepStarted":{"testCaseStartedId":"c","testStepId":"s","timestamp":{"seconds":1,"nanos":0}},"pickle":null}""";

        // When
        var envelope = JsonSerializer.Deserialize(line, MessageJsonContext.Stream.Envelope)!;

        // Then
        envelope.TestStepStarted.Should().Be(new TestStepStarted("c", "s", new Timestamp(1, 0)));
        envelope.Meta.Should().BeNull();
        envelope.Should().Be(new Envelope { TestStepStarted = new TestStepStarted("c", "s", new Timestamp(1, 0)) });
        envelope.Should().NotBe(new Envelope { TestStepStarted = new TestStepStarted("c", "other", new Timestamp(1, 0)) });
        JsonSerializer.Serialize(envelope, MessageJsonContext.Stream.Envelope).Should().Be("""{"testStepStarted":{"testCaseStartedId":"c","testStepId":"s","timestamp":{"seconds":1,"nanos":0}}}""");
    }
}

using System.Text.Json;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Messages;

public sealed class PickleMessageWriterTests
{
    public static TheoryData<string, Envelope> Pickles() => new()
    {
        { "no steps, no tags", new Envelope { Pickle = new Pickle("p-1", "features/a.feature", new Location(3), "Empty", "en", [], [], ["s-1"]) } },
        {
            "steps with a doc string (media type), a doc string (none), a data table, tags, escapes and a column",
            new Envelope
            {
                Pickle = new Pickle(
                    "p-2",
                    "features/ü <b>.feature",
                    new Location(7, 3),
                    "A \"quoted\" <name> & 'more'\tüñí €",
                    "de",
                    [
                        new PickleStep("ps-1", "ein Schritt", "Context", ["st-1"]),
                        new PickleStep("ps-2", "with doc", "Action", ["st-2", "row-1"]) { Argument = new PickleStepArgument { DocString = new PickleDocString("{\n  \"a\": 1\n}") { MediaType = "application/json" } } },
                        new PickleStep("ps-3", "plain doc", "Outcome", ["st-3"]) { Argument = new PickleStepArgument { DocString = new PickleDocString("line\r\n\u0001") } },
                        new PickleStep("ps-4", "table", "Unknown", ["st-4"]) { Argument = new PickleStepArgument { DataTable = new PickleTable([new PickleTableRow([new PickleTableCell("a"), new PickleTableCell("")]), new PickleTableRow([])]) } },
                        new PickleStep("ps-5", "empty argument", "Context", []) { Argument = new PickleStepArgument() },
                    ],
                    [new PickleTag("@smoke", "t-1"), new PickleTag("@ü", "t-2")],
                    ["sc-1", "row-1"]),
            }
        },
    };

    [Theory]
    [MemberData(nameof(Pickles))]
    public void Given_a_pickle_When_the_stream_writes_it_Then_its_line_equals_the_serializers(string what, Envelope envelope)
    {
        // Given
        var expected = StreamLines.Serialized(envelope);

        // When
        var written = StreamLines.Written(envelope);

        // Then
        written.Should().Be(expected, what);
    }

    [Fact]
    public void Given_any_other_message_When_the_pickle_writer_is_asked_Then_it_leaves_it_to_the_others()
    {
        using var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer);

        PickleMessageWriter.TryWrite(json, new Envelope { TestRunStarted = new TestRunStarted("r-1", new Timestamp(1, 0)) }).Should().BeFalse();
        json.BytesPending.Should().Be(0);
    }
}

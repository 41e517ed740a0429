using System.Text;
using Alpy.Reports.Messages;
using Alpy.Reports.Tests.Support;
using Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Tests.Messages;

public sealed class MessageStreamReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_every_CCK_sample_When_read_Then_every_line_becomes_an_envelope_of_its_kind()
    {
        // Given
        var samples = RepositoryPaths.AllCckStreams().ToList();
        samples.Should().HaveCountGreaterThanOrEqualTo(40);

        foreach (var sample in samples)
        {
            // When
            var envelopes = await ReadAsync(sample);

            // Then
            var lines = File.ReadAllLines(sample).Count(l => l.Trim().Length > 0);
            envelopes.Should().HaveCount(lines, sample);
            envelopes.Select(e => Kind(e.Envelope)).Should().Contain(MessageKinds.Meta, sample);
            envelopes.Select(e => e.Line).Should().BeInAscendingOrder();
        }
    }

    [Fact]
    public async Task Given_Reqnrolls_stream_When_read_Then_every_line_is_typed_including_the_last_one_Reqnroll_ends_without_a_newline()
    {
        // Given: Reqnroll writes no newline after testRunFinished
        (await File.ReadAllTextAsync(ReqnrollStreams.Whole, TestContext.Current.CancellationToken)).Should().NotEndWith("\n");

        // When
        var reader = new MessageStreamReader(ReqnrollStreams.Whole);
        var envelopes = await ReadAsync(reader);

        // Then
        envelopes.Should().HaveCount(File.ReadAllLines(ReqnrollStreams.Whole).Length);
        envelopes[0].Envelope.TestRunStarted.Should().NotBeNull("Reqnroll writes testRunStarted before meta");
        envelopes.Single(e => e.Envelope.Meta is not null).Envelope.Meta.Implementation.Name.Should().Be("Reqnroll");
        envelopes[^1].Envelope.TestRunFinished.Should().NotBeNull();
        envelopes.Where(e => e.Envelope.TestStepFinished is not null).Select(e => e.Envelope.TestStepFinished.TestStepResult.Status)
            .Should().Contain([TestStepResultStatus.PASSED, TestStepResultStatus.FAILED, TestStepResultStatus.UNDEFINED, TestStepResultStatus.PENDING, TestStepResultStatus.SKIPPED]);
        reader.TruncatedTailBytes.Should().Be(0);
        reader.UnknownKinds.Should().BeEmpty();
    }

    [Fact]
    public async Task Given_Reqnrolls_stream_of_a_crashed_test_host_When_read_Then_the_lines_before_the_cut_are_read_and_the_cut_is_counted()
    {
        var reader = new MessageStreamReader(ReqnrollStreams.CutShort);

        var envelopes = await ReadAsync(reader);

        new FileInfo(ReqnrollStreams.CutShort).Length.Should().Be(64 * 1024, "Reqnroll writes its stream in 64 KiB blocks");
        envelopes.Should().HaveCount(File.ReadAllLines(ReqnrollStreams.CutShort).Length - 1);
        reader.TruncatedTailBytes.Should().BeGreaterThan(0);
        envelopes.Should().NotContain(e => e.Envelope.TestRunFinished != null);
    }

    [Fact]
    public async Task Given_a_message_without_a_field_the_protocol_requires_When_read_Then_the_error_names_the_field_and_line()
    {
        var path = _temp.File("no-id.ndjson");
        await File.WriteAllTextAsync(path, Json.MetaLine + "\n{\"testCase\":{\"pickleId\":\"p1\",\"testSteps\":[]}}\n", TestContext.Current.CancellationToken);

        var act = () => ReadAsync(path);

        var error = (await act.Should().ThrowAsync<MessageStreamException>()).Which;
        error.Line.Should().Be(2);
        error.Message.Should().Contain("'testCase' message that does not follow the Cucumber Messages schema: TestCase.Id cannot be null");
    }

    [Fact]
    public async Task Given_a_status_the_schema_does_not_have_When_read_Then_the_error_says_which_values_it_has()
    {
        var path = _temp.File("status.ndjson");
        await File.WriteAllTextAsync(path,
            "{\"testStepFinished\":{\"testCaseStartedId\":\"a\",\"testStepId\":\"b\",\"testStepResult\":{\"status\":\"MAYBE\",\"duration\":{\"seconds\":0,\"nanos\":0}},\"timestamp\":{\"seconds\":0,\"nanos\":0}}}\n",
            TestContext.Current.CancellationToken);

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<MessageStreamException>())
            .Which.Message.Should().Contain(":1:").And.Contain("does not follow the Cucumber Messages schema").And.Contain("'MAYBE' is not a TestStepResultStatus");
    }

    [Fact]
    public async Task Given_a_message_kind_of_a_newer_protocol_When_read_Then_it_is_skipped_and_counted()
    {
        var path = _temp.File("newer.ndjson");
        await File.WriteAllTextAsync(path, Json.MetaLine + "\n{\"testRunInsight\":{\"x\":1}}\n", TestContext.Current.CancellationToken);
        var reader = new MessageStreamReader(path);

        var envelopes = await ReadAsync(reader);

        envelopes.Should().ContainSingle();
        reader.UnknownKinds.Should().Equal(new Dictionary<string, int> { ["testRunInsight"] = 1 });
    }

    [Fact]
    public async Task Given_a_stream_still_being_written_When_followed_Then_a_half_written_line_waits_and_the_follower_ends_when_the_writer_does()
    {
        // Given: the first line and half of the second, as a 64 KiB block boundary leaves them
        var path = _temp.File("growing.ndjson");
        var lines = File.ReadAllLines(ReqnrollStreams.Whole).Take(4).ToList();
        await File.WriteAllTextAsync(path, lines[0] + "\n" + lines[1][..10], TestContext.Current.CancellationToken);
        var finished = false;
        var read = new List<StreamEnvelope>();

        // When
        var following = Task.Run(async () =>
        {
            await foreach (var envelope in new MessageStreamReader(path).FollowAsync(() => Volatile.Read(ref finished), TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken))
            {
                lock (read)
                {
                    read.Add(envelope);
                }
            }
        }, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => read.Count == 1);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        // Then: the half line is "not yet"
        read.Should().HaveCount(1);
        following.IsCompleted.Should().BeFalse();

        // When: the writer writes the rest (the last line without its newline, as Reqnroll ends) and exits
        await File.AppendAllTextAsync(path, lines[1][10..] + "\n" + lines[2] + "\n" + lines[3], TestContext.Current.CancellationToken);
        Volatile.Write(ref finished, true);
        await following.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Then
        read.Select(e => e.Line).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task Given_a_writer_that_exits_without_writing_When_followed_Then_the_error_says_there_is_no_stream()
    {
        var path = _temp.File("never.ndjson");

        var act = async () =>
        {
            await foreach (var _ in new MessageStreamReader(path).FollowAsync(() => true, TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken))
            {
            }
        };

        (await act.Should().ThrowAsync<MessageStreamException>()).Which.Message.Should().Contain("does not exist");
    }

    [Fact]
    public async Task Given_a_missing_file_When_read_Then_the_error_names_the_file_and_how_to_make_it()
    {
        var path = _temp.File("nothing-here.ndjson");

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<MessageStreamException>())
            .Which.Message.Should().Contain(path).And.Contain("does not exist").And.Contain("formatters.message.outputFilePath");
    }

    [Fact]
    public async Task Given_an_empty_file_When_read_Then_it_is_an_error_not_an_empty_run()
    {
        var path = _temp.File("empty.ndjson");
        await File.WriteAllTextAsync(path, "", TestContext.Current.CancellationToken);

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<MessageStreamException>()).Which.Message.Should().Contain("is empty");
    }

    [Fact]
    public async Task Given_a_corrupt_line_in_the_middle_When_read_Then_the_error_names_file_and_line()
    {
        var path = _temp.File("corrupt.ndjson");
        var lines = File.ReadAllLines(RepositoryPaths.CckStream("minimal")).ToList();
        lines[3] = lines[3][..20] + "#garbage#";
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var act = () => ReadAsync(path);

        var error = (await act.Should().ThrowAsync<MessageStreamException>()).Which;
        error.Line.Should().Be(4);
        error.Message.Should().StartWith($"{path}:4: is not valid JSON").And.Contain("re-run the suite");
    }

    [Fact]
    public async Task Given_a_JSON_line_that_is_not_an_envelope_When_read_Then_it_is_rejected_with_what_was_expected()
    {
        var path = _temp.File("other.ndjson");
        await File.WriteAllTextAsync(path, Json.MetaLine + "\n{\"name\":\"x\",\"age\":3}\n[1,2]\n", TestContext.Current.CancellationToken);

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<MessageStreamException>())
            .Which.Message.Should().Contain(":2:").And.Contain("not a Cucumber Messages envelope");
    }

    [Fact]
    public async Task Given_a_stream_cut_mid_line_When_read_Then_the_complete_lines_are_read_and_the_cut_is_reported()
    {
        // Given: a writer killed while writing its last line
        var path = _temp.File("cut.ndjson");
        var text = await File.ReadAllTextAsync(RepositoryPaths.CckStream("minimal"), TestContext.Current.CancellationToken);
        var cut = text[..(text.LastIndexOf('\n', text.Length - 2) + 1 + 30)];
        await File.WriteAllTextAsync(path, cut, TestContext.Current.CancellationToken);

        // When
        var reader = new MessageStreamReader(path);
        var envelopes = await ReadAsync(reader);

        // Then
        envelopes.Should().HaveCount(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        reader.TruncatedTailBytes.Should().Be(30);
    }

    [Fact]
    public async Task Given_a_line_longer_than_the_limit_When_read_Then_it_is_an_error_before_it_is_held_in_memory()
    {
        var path = _temp.File("huge.ndjson");
        await using (var file = File.CreateText(path))
        {
            await file.WriteAsync("{\"attachment\":{\"body\":\"");
            await file.WriteAsync(new string('A', 3 * 1024 * 1024));
            await file.WriteAsync("\"}}\n");
        }

        var reader = new MessageStreamReader(path, new MessageStreamReaderOptions { MaxMessageBytes = 1024 * 1024 });
        var act = () => ReadAsync(reader);

        (await act.Should().ThrowAsync<MessageStreamException>())
            .Which.Message.Should().Contain(":1:").And.Contain("longer than the limit of 1 MiB");
    }

    [Fact]
    public async Task Given_a_byte_order_mark_CRLF_and_blank_lines_When_read_Then_they_are_tolerated()
    {
        var path = _temp.File("windows.ndjson");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Json.MetaLine + "\r\n\r\n{\"testRunStarted\":{\"timestamp\":{\"seconds\":1}}}\r\n")).ToArray();
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var envelopes = await ReadAsync(path);

        envelopes.Select(e => Kind(e.Envelope)).Should().Equal(MessageKinds.Meta, MessageKinds.TestRunStarted);
        envelopes[1].Line.Should().Be(3);
    }

    [Fact]
    public async Task Given_deeply_nested_JSON_When_read_Then_it_is_an_error_not_a_stack_overflow()
    {
        var path = _temp.File("deep.ndjson");
        await File.WriteAllTextAsync(path, "{\"meta\":" + new string('[', 5000) + new string(']', 5000) + "}\n", TestContext.Current.CancellationToken);

        var act = () => ReadAsync(path);

        (await act.Should().ThrowAsync<MessageStreamException>()).Which.Message.Should().Contain("is not valid JSON");
    }

    private static string Kind(Io.Cucumber.Messages.Types.Envelope envelope) => Json.Of(envelope).Single().Key;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static Task<List<StreamEnvelope>> ReadAsync(string path) => ReadAsync(new MessageStreamReader(path));

    private static async Task<List<StreamEnvelope>> ReadAsync(MessageStreamReader reader)
    {
        var list = new List<StreamEnvelope>();
        await foreach (var envelope in reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            list.Add(envelope);
        }

        return list;
    }
}

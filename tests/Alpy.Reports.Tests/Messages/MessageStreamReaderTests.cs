using System.Text;
using Alpy.Reports.Messages;
using Alpy.Reports.Tests.Support;

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
            envelopes.Select(e => e.Kind).Should().Contain(MessageKinds.Meta, sample);
            envelopes.Select(e => e.Line).Should().BeInAscendingOrder();
        }
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
        await File.WriteAllTextAsync(path, "{\"meta\":{}}\n{\"name\":\"x\",\"age\":3}\n[1,2]\n", TestContext.Current.CancellationToken);

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
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"meta\":{\"protocolVersion\":\"1\"}}\r\n\r\n{\"testRunStarted\":{\"timestamp\":{\"seconds\":1}}}\r\n")).ToArray();
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var envelopes = await ReadAsync(path);

        envelopes.Select(e => e.Kind).Should().Equal(MessageKinds.Meta, MessageKinds.TestRunStarted);
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

    private static Task<List<Envelope>> ReadAsync(string path) => ReadAsync(new MessageStreamReader(path));

    private static async Task<List<Envelope>> ReadAsync(MessageStreamReader reader)
    {
        var list = new List<Envelope>();
        await foreach (var envelope in reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            list.Add(envelope);
        }

        return list;
    }
}

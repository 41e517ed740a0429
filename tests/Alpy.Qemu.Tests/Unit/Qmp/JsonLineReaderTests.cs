using System.Text;
using Alpy.Qemu.Qmp;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit.Qmp;

public sealed class JsonLineReaderTests
{
    private static async Task<List<string>> ReadAll(Stream stream, int max = 1 << 20)
    {
        var reader = new JsonLineReader(stream, max);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(10_000)]
    public async Task Given_messages_split_anywhere_When_read_Then_each_comes_whole_in_order(int piece)
    {
        var data = Encoding.UTF8.GetBytes("{\"a\": 1}\r\n\r\n{\"b\": \"ü\"}\n" + new string(' ', 9000) + "{\"c\": 3}\r\n");

        var lines = await ReadAll(new ChunkedStream(data, piece));

        lines.Select(l => l.Trim()).Should().Equal("{\"a\": 1}", "{\"b\": \"ü\"}", "{\"c\": 3}");
    }

    [Fact]
    public async Task Given_a_message_without_line_end_longer_than_the_limit_When_read_Then_it_fails_instead_of_growing()
    {
        var reading = () => ReadAll(new MemoryStream(new byte[100_000]), max: 4096);

        await reading.Should().ThrowAsync<InvalidDataException>().WithMessage("*longer than 4096 bytes*");
    }

    [Fact]
    public async Task Given_an_unterminated_last_line_When_the_stream_ends_Then_it_is_dropped()
    {
        (await ReadAll(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\": 1}\n{\"b\"")))).Should().Equal("{\"a\": 1}");
    }
}

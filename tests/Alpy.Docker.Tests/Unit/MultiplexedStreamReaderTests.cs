using System.Text;
using Alpy.Docker.Streams;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class MultiplexedStreamReaderTests
{
    private static Task<ContainerOutput> Collect(Stream stream, bool multiplexed = true, int limit = 1024 * 1024) =>
        OutputCollector.CollectAsync(new MultiplexedStreamReader(stream, multiplexed), limit, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Given_interleaved_frames_When_collected_Then_stdout_and_stderr_are_apart_in_order()
    {
        var data = Frames.Of((OutputStreamKind.Stdout, "one\n"), (OutputStreamKind.Stderr, "oops\n"), (OutputStreamKind.Stdout, "two\n"));

        var output = await Collect(new MemoryStream(data));

        output.Should().Be(new ContainerOutput("one\ntwo\n", "oops\n", false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    public async Task Given_frames_split_across_reads_When_collected_Then_the_output_is_whole(int piece)
    {
        var data = Frames.Of((OutputStreamKind.Stdout, "héllo wörld\n"), (OutputStreamKind.Stderr, "ärger\n"), (OutputStreamKind.Stdout, "bye"));

        var output = await Collect(new ChunkedStream(data, piece));

        output.Stdout.Should().Be("héllo wörld\nbye");
        output.Stderr.Should().Be("ärger\n");
    }

    [Fact]
    public async Task Given_a_frame_larger_than_the_buffer_When_read_Then_it_comes_in_buffer_sized_pieces()
    {
        var payload = Encoding.ASCII.GetBytes(new string('a', 100));
        var reader = new MultiplexedStreamReader(new MemoryStream(Frames.Frame(OutputStreamKind.Stderr, payload)), multiplexed: true);
        var buffer = new byte[30];
        var pieces = new List<int>();

        while ((await reader.ReadAsync(buffer, TestContext.Current.CancellationToken)) is { Count: > 0 } read)
        {
            read.Stream.Should().Be(OutputStreamKind.Stderr);
            pieces.Add(read.Count);
        }

        pieces.Should().Equal(30, 30, 30, 10);
    }

    [Fact]
    public async Task Given_empty_frames_When_collected_Then_they_are_skipped()
    {
        var data = Frames.Of((OutputStreamKind.Stdout, ""), (OutputStreamKind.Stderr, ""), (OutputStreamKind.Stdout, "x"));

        (await Collect(new MemoryStream(data))).Stdout.Should().Be("x");
    }

    [Fact]
    public async Task Given_a_stream_that_ends_inside_a_header_When_read_Then_the_error_says_so()
    {
        var data = Frames.Of((OutputStreamKind.Stdout, "ok")).Concat(new byte[] { 1, 0, 0 }).ToArray();

        var collect = () => Collect(new MemoryStream(data));

        await collect.Should().ThrowAsync<DockerException>().WithMessage("*ended inside a frame header (3 of 8 bytes)*");
    }

    [Fact]
    public async Task Given_a_stream_that_ends_inside_a_payload_When_read_Then_the_error_says_how_much_is_missing()
    {
        var data = Frames.Of((OutputStreamKind.Stderr, "0123456789"))[..^4];

        var collect = () => Collect(new MemoryStream(data));

        await collect.Should().ThrowAsync<DockerException>().WithMessage("*ended 4 bytes before the end of a Stderr frame*");
    }

    [Fact]
    public async Task Given_raw_tty_output_read_as_multiplexed_When_read_Then_the_error_suggests_Tty()
    {
        var collect = () => Collect(new MemoryStream(Encoding.ASCII.GetBytes("hello, terminal\n")));

        await collect.Should().ThrowAsync<DockerException>().WithMessage("*not a multiplexed stream*read it with Tty set*");
    }

    [Fact]
    public async Task Given_raw_tty_output_When_read_raw_Then_everything_is_stdout()
    {
        var output = await Collect(new ChunkedStream(Encoding.ASCII.GetBytes("hello, terminal\n"), 4), multiplexed: false);

        output.Should().Be(new ContainerOutput("hello, terminal\n", "", false));
    }

    [Fact]
    public async Task Given_more_output_than_the_limit_When_collected_Then_the_beginning_is_kept_and_truncation_reported()
    {
        var data = Frames.Of((OutputStreamKind.Stdout, new string('a', 60)), (OutputStreamKind.Stdout, new string('b', 60)), (OutputStreamKind.Stderr, "e"));

        var output = await Collect(new MemoryStream(data), limit: 100);

        output.Stdout.Should().Be(new string('a', 60) + new string('b', 40));
        output.Stderr.Should().Be("e");
        output.Truncated.Should().BeTrue();
    }
}

using System.Text;
using Alpy.Lab.Docker;
using Docker.DotNet;

namespace Alpy.Lab.Tests.Docker;

/// <summary>What the lab adds to Docker.DotNet's demultiplexing: streams kept apart as text, and bounded.</summary>
public sealed class OutputReaderTests
{
    [Fact]
    public async Task Given_frames_of_both_streams_When_read_Then_each_stream_is_joined_in_order_and_a_split_character_is_whole()
    {
        var euro = Encoding.UTF8.GetBytes("€");
        var stream = Frames((1, "a"u8.ToArray()), (2, "x"u8.ToArray()), (1, euro[..1]), (1, euro[1..]), (2, "y\n"u8.ToArray()));
        var reader = new OutputReader();

        await reader.ReadToEndAsync(stream, TestContext.Current.CancellationToken);

        reader.Output.Should().Be(new ContainerOutput("a€", "xy\n"));
    }

    [Fact]
    public async Task Given_more_output_than_the_bound_When_read_Then_the_first_bytes_are_kept_and_the_output_is_marked_truncated()
    {
        var stream = Frames((1, "0123456789"u8.ToArray()), (1, "abc"u8.ToArray()), (2, "err"u8.ToArray()));
        var reader = new OutputReader(maxBytesPerStream: 8);

        await reader.ReadToEndAsync(stream, TestContext.Current.CancellationToken);

        reader.Output.Should().Be(new ContainerOutput("01234567", "err", Truncated: true));
    }

    [Fact]
    public async Task Given_a_stream_that_ends_inside_a_frame_When_read_Then_it_is_an_error_not_a_short_output()
    {
        // A header announcing 10 bytes, then only 3: the daemon went away mid-frame.
        var cut = new MultiplexedStream(new MemoryStream([1, 0, 0, 0, 0, 0, 0, 10, .. "hel"u8.ToArray()]), multiplexed: true);

        var read = () => new OutputReader().ReadToEndAsync(cut, TestContext.Current.CancellationToken);

        await read.Should().ThrowAsync<EndOfStreamException>();
    }

    /// <summary>Docker's multiplexed stream: per frame an 8-byte header (stream, 0, 0, 0, big-endian length), then the payload.</summary>
    private static MultiplexedStream Frames(params (byte Stream, byte[] Payload)[] frames)
    {
        var bytes = new MemoryStream();
        foreach (var (stream, payload) in frames)
        {
            bytes.Write([stream, 0, 0, 0, 0, 0, 0, (byte)payload.Length]);
            bytes.Write(payload);
        }
        bytes.Position = 0;
        return new MultiplexedStream(bytes, multiplexed: true);
    }
}

using System.Text;
using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Tests.Unit.Serial;

public sealed class ConsoleBufferTests
{
    private static ConsoleBuffer With(string text, int capacity = 1024)
    {
        var buffer = new ConsoleBuffer(capacity);
        buffer.Append(Encoding.UTF8.GetBytes(text));
        return buffer;
    }

    [Fact]
    public void Given_text_When_a_pattern_matches_Then_the_match_and_what_came_before_are_returned_and_consumed()
    {
        var buffer = With("booting...\r\nrabbit: ready\r\nrabbit# ");

        var match = buffer.TryConsume("rabbit: ready");

        match!.Value.Should().Be("rabbit: ready");
        match.Before.Should().Be("booting...\r\n");
        buffer.TryConsume("rabbit: ready").Should().BeNull("a match is consumed, so the next wait looks further on");
        buffer.TryConsume("rabbit# ").Should().NotBeNull();
    }

    [Fact]
    public void Given_a_regex_with_groups_When_it_matches_Then_the_groups_are_returned()
    {
        var match = With("=x-end=42=").TryConsume(ConsolePattern.Regex("end=([0-9]+)="));

        match!.Groups.Should().Equal("end=42=", "42");
    }

    [Fact]
    public void Given_no_match_When_tried_Then_nothing_is_consumed()
    {
        var buffer = With("partial prom");

        buffer.TryConsume("prompt# ").Should().BeNull();
        buffer.Append(Encoding.ASCII.GetBytes("pt# "));
        buffer.TryConsume("prompt# ")!.Before.Should().Be("partial ");
    }

    [Fact]
    public void Given_more_output_than_the_capacity_When_appended_Then_the_oldest_bytes_are_dropped_and_counted()
    {
        var buffer = With(new string('x', 100) + "tail", capacity: 10);

        buffer.Length.Should().Be(10);
        buffer.Dropped.Should().Be(94);
        buffer.TryConsume("tail")!.Before.Should().Be("xxxxxx");
    }

    [Fact]
    public void Given_utf8_output_When_matched_Then_text_is_decoded_as_utf8()
    {
        With("grüße\r\n$ ").TryConsume("$ ")!.Before.Should().Be("grüße\r\n");
    }
}

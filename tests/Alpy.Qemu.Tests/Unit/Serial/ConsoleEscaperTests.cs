using System.Text;
using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Tests.Unit.Serial;

public sealed class ConsoleEscaperTests
{
    private static string Escape(params byte[][] chunks)
    {
        var escaper = new ConsoleEscaper();
        var output = new StringBuilder();
        foreach (var chunk in chunks)
        {
            escaper.Append(chunk, output);
        }

        escaper.Flush(output);
        return output.ToString();
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void Given_tty_line_ends_When_escaped_Then_each_line_ends_with_one_newline()
    {
        Escape(Bytes("one\r\ntwo\r\r\nthree\n")).Should().Be("one\ntwo\nthree\n");
    }

    [Fact]
    public void Given_a_line_end_split_across_reads_When_escaped_Then_it_is_still_one_newline()
    {
        Escape(Bytes("one\r"), Bytes("\ntwo")).Should().Be("one\ntwo");
    }

    [Fact]
    public void Given_control_bytes_When_escaped_Then_they_are_visible_and_unambiguous()
    {
        Escape(Bytes("a\rb\tc\u001b[6n\\d"), [0x00, 0xff]).Should().Be("a\\rb\\tc\\e[6n\\\\d\\x00\\xff");
    }

    [Fact]
    public void Given_a_carriage_return_at_the_end_When_flushed_Then_it_is_not_lost()
    {
        Escape(Bytes("progress\r")).Should().Be("progress\\r");
    }

    [Fact]
    public void Given_utf8_text_When_escaped_Then_non_ascii_bytes_are_hex()
    {
        Escape(Encoding.UTF8.GetBytes("é")).Should().Be("\\xc3\\xa9");
    }
}

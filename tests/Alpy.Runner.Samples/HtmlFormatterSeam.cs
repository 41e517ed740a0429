using Alpy.Runner.Messages;

namespace Alpy.Runner.Samples;

/// <summary>
/// Stands in for the real HTML report (Alpy.Reports) at the formatter seam: enabled by
/// formatters.html in reqnroll.json, it records what it was given, so tests can check that it runs
/// after the message stream is complete.
/// </summary>
public sealed class HtmlFormatterSeam : Formatter
{
    private int messages;

    public override string Name => "html";

    public override void Write(Envelope envelope) => messages++;

    public override async ValueTask FinishAsync(FormatterContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stream = context.MessageStreamPath is null ? [] : await File.ReadAllLinesAsync(context.MessageStreamPath, cancellationToken);
        var last = stream.Length == 0 ? "none" : stream[^1][..Math.Min(20, stream[^1].Length)];
        await File.WriteAllTextAsync(context.OutputFilePath!, $"messages seen: {messages}\nstream lines: {stream.Length}\nlast line starts: {last}\n", cancellationToken);
    }
}

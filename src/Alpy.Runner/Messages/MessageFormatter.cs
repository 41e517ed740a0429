namespace Alpy.Runner.Messages;

/// <summary>The built-in <c>message</c> formatter: the run's Cucumber Messages as an NDJSON file.</summary>
internal sealed class MessageFormatter : Formatter, IDisposable
{
    private MessageStreamWriter? writer;

    public override string Name => "message";

    public override void Start(FormatterContext context)
    {
        var path = context.OutputFilePath!;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        writer = new MessageStreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1));
    }

    public override void Write(Envelope envelope) => writer?.Write(envelope);

    public void Dispose() => Close();

    /// <summary>Closes the file so that other formatters can read it whole.</summary>
    public void Close()
    {
        writer?.Dispose();
        writer = null;
    }
}

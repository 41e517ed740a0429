namespace Alpy.Runner.Messages;

/// <summary>
/// A report writer that receives the run's Cucumber Messages. A formatter is enabled by its
/// section in reqnroll.json (<c>formatters.&lt;Name&gt;</c>); non-abstract subclasses with a
/// public parameterless constructor are found in the binding assemblies. This is the seam for
/// the HTML report: a formatter named <c>html</c> gets <c>formatters.html.outputFilePath</c> and,
/// after the run, the path of the complete message stream.
/// </summary>
public abstract class Formatter
{
    /// <summary>The reqnroll.json section name, e.g. <c>html</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Called once before the first message.</summary>
    public virtual void Start(FormatterContext context)
    {
    }

    /// <summary>Called for every message, in stream order, never concurrently.</summary>
    public virtual void Write(Envelope envelope)
    {
    }

    /// <summary>Called once after <c>testRunFinished</c> and after the message stream file is complete and closed.</summary>
    public virtual ValueTask FinishAsync(FormatterContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}

/// <summary>What a formatter knows of the run's configuration.</summary>
public sealed record FormatterContext(
    string Name,
    string? OutputFilePath,
    IReadOnlyDictionary<string, string> Settings,
    string? MessageStreamPath,
    string TestAssemblyName);

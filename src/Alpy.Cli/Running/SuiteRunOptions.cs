namespace Alpy.Cli.Running;

/// <summary>How `alpy run` runs the suite.</summary>
internal sealed record SuiteRunOptions
{
    /// <summary>The suite's test project.</summary>
    public required string Project { get; init; }

    /// <summary>A dotnet test filter, e.g. "Category=smoke".</summary>
    public string? Filter { get; init; }

    /// <summary>Where the runner writes the message stream (formatters.message.outputFilePath).</summary>
    public required string Messages { get; init; }

    /// <summary>Folder for specs.trx and specs.log.</summary>
    public required string Results { get; init; }

    public bool NoBuild { get; init; }

    public string Configuration { get; init; } = "Debug";
}

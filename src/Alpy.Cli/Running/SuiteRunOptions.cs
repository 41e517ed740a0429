namespace Alpy.Cli.Running;

/// <summary>How `alpy run` runs the suite.</summary>
internal sealed record SuiteRunOptions
{
    /// <summary>The suite's test project.</summary>
    public required string Project { get; init; }

    /// <summary>The suite's feature files (for shard planning and the scenario count).</summary>
    public required string Features { get; init; }

    /// <summary>A dotnet test filter, e.g. "Category=smoke".</summary>
    public string? Filter { get; init; }

    /// <summary>Where Reqnroll writes the message stream (passed to it as REQNROLL_FORMATTERS_MESSAGE).</summary>
    public required string Messages { get; init; }

    /// <summary>Folder for specs.trx and specs.log.</summary>
    public required string Results { get; init; }

    public bool NoBuild { get; init; }

    public string Configuration { get; init; } = "Debug";
}

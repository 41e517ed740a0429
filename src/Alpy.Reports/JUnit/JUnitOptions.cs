namespace Alpy.Reports.JUnit;

/// <summary>How the JUnit XML names things.</summary>
public sealed record JUnitOptions
{
    /// <summary>Name of the root &lt;testsuites&gt;.</summary>
    public string Name { get; init; } = "Alpy.Specs";

    /// <summary>Where the HTML report is, mentioned in every failure so the reader can jump to the evidence.</summary>
    public string? ReportLocation { get; init; }
}

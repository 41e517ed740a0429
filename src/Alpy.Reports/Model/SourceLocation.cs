namespace Alpy.Reports.Model;

/// <summary>A file and 1-based line, printed as "file:line".</summary>
public sealed record SourceLocation(string Uri, int Line)
{
    public override string ToString() => Line > 0 ? $"{Uri}:{Line}" : Uri;
}

namespace Alpy.Runner.Messages;

/// <summary>The first message of a stream: who wrote it, on what.</summary>
public sealed record Meta(string ProtocolVersion, Product Implementation, Product Runtime, Product Os, Product Cpu);

/// <summary>A feature file's text.</summary>
public sealed record Source(string Uri, string Data, string MediaType = Source.GherkinMediaType)
{
    public const string GherkinMediaType = "text/x.cucumber.gherkin+plain";
}

/// <summary>A feature file that could not be parsed.</summary>
public sealed record ParseError(SourceReference Source, string Message);

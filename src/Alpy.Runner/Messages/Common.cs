namespace Alpy.Runner.Messages;

/// <summary>A point in time as seconds and nanoseconds since the Unix epoch.</summary>
public sealed record Timestamp(long Seconds, int Nanos)
{
    public static Timestamp From(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new Timestamp(ticks / TimeSpan.TicksPerSecond, (int)(ticks % TimeSpan.TicksPerSecond * 100));
    }
}

/// <summary>A length of time as seconds and nanoseconds.</summary>
public sealed record Duration(long Seconds, int Nanos)
{
    public static Duration From(TimeSpan span) =>
        new(span.Ticks / TimeSpan.TicksPerSecond, (int)(span.Ticks % TimeSpan.TicksPerSecond * 100));
}

/// <summary>A line and (optionally) a column in a source file, both 1-based.</summary>
public sealed record Location(int Line, int? Column = null);

/// <summary>Where a step definition, hook or parameter type is defined.</summary>
public sealed record SourceReference
{
    public string? Uri { get; init; }

    public Location? Location { get; init; }

    /// <summary>The schema's name for a method reference; used for .NET methods as Reqnroll does.</summary>
    public JavaMethod? JavaMethod { get; init; }
}

/// <summary>A method by class, name and parameter types (the schema calls it javaMethod).</summary>
public sealed record JavaMethod(string ClassName, string MethodName, IReadOnlyList<string> MethodParameterTypes);

/// <summary>An exception as the message stream reports it.</summary>
public sealed record ExceptionInfo(string Type, string? Message = null, string? StackTrace = null);

/// <summary>The name and version of a piece of software.</summary>
public sealed record Product(string Name, string? Version = null);

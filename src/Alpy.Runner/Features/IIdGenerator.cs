namespace Alpy.Runner.Features;

/// <summary>Makes the ids that tie messages together.</summary>
public interface IIdGenerator
{
    string NewId();
}

/// <summary>Random UUIDs: unique across shards, so streams of several machines can be merged.</summary>
public sealed class UuidIdGenerator : IIdGenerator
{
    public string NewId() => Guid.NewGuid().ToString();
}

/// <summary>0, 1, 2, ...: readable ids for tests.</summary>
public sealed class IncrementingIdGenerator : IIdGenerator
{
    private long next = -1;

    public string NewId() => Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

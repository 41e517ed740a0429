using System.Globalization;

namespace Alpy.Reports.Merge;

/// <summary>
/// "Shard i of N" (written i/N, 1-based), as `alpy run --shard` takes it. Parsing is strict:
/// "3/2", "0/0" or "two" are errors that say what a valid value is, never a silent full or empty run.
/// </summary>
public readonly record struct ShardSpec
{
    /// <summary>More shards than this is a typo, not a CI matrix.</summary>
    public const int MaxCount = 1000;

    public ShardSpec(int index, int count)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new FormatException($"Shard {index}/{count}: the number of shards N must be between 1 and {MaxCount}.");
        }

        if (index < 1 || index > count)
        {
            throw new FormatException($"Shard {index}/{count}: the shard number i must be between 1 and N ({count}); shards are numbered 1/{count} to {count}/{count}.");
        }

        Index = index;
        Count = count;
    }

    /// <summary>1-based shard number.</summary>
    public int Index { get; }

    public int Count { get; }

    /// <summary>Parses "i/N" (spaces allowed around the numbers).</summary>
    public static ShardSpec Parse(string? text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"'{text}' is not a shard: write i/N with whole numbers, e.g. 2/4 for the second of four shards.");
        }

        return new ShardSpec(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}

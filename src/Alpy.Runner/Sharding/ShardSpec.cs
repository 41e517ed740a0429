using System.Globalization;

namespace Alpy.Runner.Sharding;

/// <summary>
/// "Shard <see cref="Index"/> of <see cref="Count"/>" (1-based), as given by <c>ALPY_SHARD=2/4</c>.
/// Anything else is a <see cref="FormatException"/> that says what was wrong and what to write.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public const string EnvironmentVariable = "ALPY_SHARD";

    /// <summary>Reads the shard from the environment; null (every scenario) when the variable is unset or empty.</summary>
    public static ShardSpec? FromEnvironment(Func<string, string?> environment)
    {
        var value = environment(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : Parse(value, EnvironmentVariable);
    }

    public static ShardSpec Parse(string text, string source = "the shard")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"{source}=\"{text}\" is not a shard. Write i/N with whole numbers, e.g. {EnvironmentVariable}=2/4 for the second of four shards.");
        }

        if (count < 1)
        {
            throw new FormatException($"{source}=\"{text}\" asks for {count} shards; the count N in i/N must be at least 1.");
        }

        if (index < 1 || index > count)
        {
            throw new FormatException($"{source}=\"{text}\": the shard number must be between 1 and {count}, not {index}.");
        }

        return new ShardSpec(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}

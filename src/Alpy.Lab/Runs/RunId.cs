using System.Security.Cryptography;

namespace Alpy.Lab.Runs;

/// <summary>
/// The identity of one lab run: six characters of [a-z0-9]. It labels every container
/// (<c>alpy.run=ID</c>), prefixes every tap (<c>alpyID…</c>, within Linux's 15-character limit)
/// and names the run's registry and artifact folders, so that everything of a run can be found.
/// </summary>
public readonly record struct RunId
{
    /// <summary>The length of every run id.</summary>
    public const int Length = 6;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RunId(string value) => Value = value;

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>A fresh random id (36^6 ≈ 2·10^9 values; the registry refuses a clash).</summary>
    public static RunId New() => new(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>Parses an id; false unless it is exactly six characters of [a-z0-9].</summary>
    public static bool TryParse(string? text, out RunId id)
    {
        id = default;
        if (text is null || text.Length != Length || !text.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
            return false;
        id = new RunId(text);
        return true;
    }

    /// <summary>Parses an id or throws an <see cref="ArgumentException"/> naming the expected form.</summary>
    public static RunId Parse(string text) =>
        TryParse(text, out var id) ? id
            : throw new ArgumentException($"'{text}' is not a run id; a run id is {Length} characters of a-z and 0-9.", nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}

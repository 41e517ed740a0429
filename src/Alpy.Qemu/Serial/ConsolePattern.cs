using System.Text.RegularExpressions;

namespace Alpy.Qemu.Serial;

/// <summary>
/// What a console wait looks for: literal text (ordinal) or a regular expression. Console bytes are matched
/// as Latin-1 (one character per byte), so patterns should be ASCII; matched text is returned as UTF-8.
/// </summary>
public sealed class ConsolePattern
{
    private readonly string? _text;
    private readonly Regex? _regex;

    private ConsolePattern(string? text, Regex? regex)
    {
        _text = text;
        _regex = regex;
    }

    /// <summary>Matches <paramref name="text"/> exactly (ordinal, case-sensitive).</summary>
    public static ConsolePattern Text(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new ConsolePattern(text, null);
    }

    /// <summary>Matches a regular expression; give it a match timeout if it can backtrack badly.</summary>
    public static ConsolePattern Regex(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return new ConsolePattern(null, regex);
    }

    /// <summary>Matches a regular expression given as a string (compiled with a 1 s match timeout).</summary>
    public static ConsolePattern Regex(string pattern) =>
        Regex(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    public static implicit operator ConsolePattern(string text) => Text(text);

    public static implicit operator ConsolePattern(Regex regex) => Regex(regex);

    /// <summary>Finds the first match in <paramref name="text"/>: its start, length and groups.</summary>
    internal (int Index, int Length, string[] Groups)? Find(string text)
    {
        if (_text is not null)
        {
            var index = text.IndexOf(_text, StringComparison.Ordinal);
            return index < 0 ? null : (index, _text.Length, new[] { _text });
        }

        var match = _regex!.Match(text);
        return match.Success
            ? (match.Index, match.Length, match.Groups.Cast<Group>().Select(g => g.Value).ToArray())
            : null;
    }

    /// <summary>How failure messages name this pattern.</summary>
    public override string ToString() => _text is not null ? $"text \"{_text}\"" : $"regex /{_regex}/";
}

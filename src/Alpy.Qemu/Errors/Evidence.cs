namespace Alpy.Qemu;

/// <summary>Formats evidence (console tail, stderr tail, output) for failure messages: a titled, indented
/// block, so that it stands out from the sentence that explains the failure.</summary>
internal static class Evidence
{
    public static string Block(string title, string text) =>
        string.IsNullOrWhiteSpace(text)
            ? $"\n{title}: (nothing)"
            : $"\n{title}:\n  | " + text.TrimEnd('\n').Replace("\n", "\n  | ", StringComparison.Ordinal);
}

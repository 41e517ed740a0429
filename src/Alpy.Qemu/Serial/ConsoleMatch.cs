namespace Alpy.Qemu.Serial;

/// <summary>A console wait's result: the matched text, what came before it since the previous match, and the
/// pattern's groups (group 0 is the whole match). Text is decoded as UTF-8, with <c>\r\n</c> kept.</summary>
public sealed record ConsoleMatch(string Value, string Before, IReadOnlyList<string> Groups);

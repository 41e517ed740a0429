using System.Globalization;

namespace Alpy.Capture;

/// <summary>
/// Refuses filter expressions in which libpcap would look a word up as a host name: pcap_compile resolves
/// such names through DNS, which would send queries out of the lab (and stall on a misspelled keyword, as
/// "tcp dst prot 88" does). Mirrors libpcap's scanner and its inheritance of qualifiers across and/or
/// closely enough to be exact for every expression made of keywords, numbers and addresses.
/// </summary>
internal static class FilterNameGuard
{
    private static readonly string[] Suggestions = ["port", "host", "proto", "portrange", "net", "src", "dst", "tcp", "udp", "icmp", "icmp6", "ip", "ip6", "arp", "vlan", "and", "or", "not"];

    public static void Check(string expression)
    {
        string? qualifier = null;
        bool linkLevel = false;
        string? previous = null;
        foreach (string word in Words(expression))
        {
            string? before = previous;
            previous = word;
            if (word == "[" && before is not null && FilterKeywords.LinkQualifiers.Contains(before))
            {
                // "ether[12:2]" reads bytes; it does not qualify the names that follow.
                linkLevel = false;
                continue;
            }

            if (FilterKeywords.All.Contains(word))
            {
                if (FilterKeywords.HostQualifiers.Contains(word) || FilterKeywords.LocalQualifiers.Contains(word))
                {
                    qualifier = word;
                }
                else if (FilterKeywords.LinkQualifiers.Contains(word))
                {
                    linkLevel = true;
                }

                continue;
            }

            if (!IsName(word) || linkLevel || (qualifier is not null && FilterKeywords.LocalQualifiers.Contains(qualifier)))
            {
                continue;
            }

            throw new CaptureFilterException(
                expression,
                $"Invalid capture filter \"{expression}\": \"{word}\" is not a filter keyword, so libpcap would look it up as a host name " +
                $"through DNS, and lab checks never send queries outside the lab.{Suggest(word)} Write addresses as numbers (\"host 192.168.1.1\").");
        }
    }

    /// <summary>The word-like tokens of the expression; operators, brackets and spaces separate them.</summary>
    private static IEnumerable<string> Words(string expression)
    {
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            bool escaped = c == '\\';
            if (c == '[')
            {
                i++;
                yield return "[";
                continue;
            }

            if (!escaped && !IsWordChar(c))
            {
                i++;
                continue;
            }

            int start = escaped ? i + 1 : i;
            i = start;
            while (i < expression.Length && (escaped ? !char.IsWhiteSpace(expression[i]) && expression[i] is not ('!' or '(' or ')') : IsWordChar(expression[i])))
            {
                i++;
            }

            string word = expression[start..i];
            if (escaped)
            {
                // "\name" is always a name, even when it spells a keyword.
                yield return word.Length == 0 ? word : "\\" + word;
                continue;
            }

            // Addresses (IPv6, MAC) keep their colons; anything else with a colon is several words to libpcap.
            if (word.Contains(':', StringComparison.Ordinal) && !word.All(ch => char.IsAsciiHexDigit(ch) || ch is ':' or '.'))
            {
                foreach (string part in word.Split(':', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return part;
                }

                continue;
            }

            yield return word;
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '$';

    /// <summary>Whether libpcap's scanner would return the word as a name (ID) rather than a number or an address.</summary>
    private static bool IsName(string word)
    {
        if (word.StartsWith('\\'))
        {
            return word.Length > 1;
        }

        if (word.Length == 0 || word.StartsWith('$') || word.Contains(':', StringComparison.Ordinal) || !char.IsAsciiLetterOrDigit(word[0]))
        {
            return false;
        }

        // Numbers (decimal, 0x hex, octal), dotted numbers (N.N to N.N.N.N) and 12-digit or dotted MAC forms.
        if (word.Split('.').All(IsNumber))
        {
            return false;
        }

        bool hex = word.All(ch => char.IsAsciiHexDigit(ch) || ch == '.');
        return !(hex && (word.Length == 12 || word.Length == 14 || word.Length == 17));
    }

    private static bool IsNumber(string text) =>
        text.Length > 0 && (text.All(char.IsAsciiDigit) ||
            (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' && text[2..].All(char.IsAsciiHexDigit)));

    private static string Suggest(string word)
    {
        string lower = word.ToLowerInvariant();
        if (FilterKeywords.All.Contains(lower))
        {
            return $" Keywords are lower case: \"{lower}\".";
        }

        string? best = Suggestions.FirstOrDefault(keyword => Distance(lower, keyword) <= (keyword.Length > 3 ? 2 : 1));
        return best is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" Did you mean \"{best}\"?");
    }

    /// <summary>Levenshtein distance, for short words only.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

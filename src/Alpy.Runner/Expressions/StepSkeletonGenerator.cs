using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alpy.Runner.Expressions;

/// <summary>
/// Writes ready-to-paste C# step definitions for a step that has none. Like Cucumber's expression
/// generator, numbers and quoted strings become parameters; a number yields one skeleton per
/// fitting type (<c>{int}</c> and <c>{float}</c>).
/// </summary>
internal static class StepSkeletonGenerator
{
    private static readonly Regex Integer = new(@"^-?\d+$", RegexOptions.CultureInvariant);
    private static readonly Regex Number = new(@"-?\d+(?:\.\d+)?", RegexOptions.CultureInvariant);
    private static readonly Regex Quoted = new(@"""([^""\\]*(?:\\.[^""\\]*)*)""|'([^'\\]*(?:\\.[^'\\]*)*)'", RegexOptions.CultureInvariant);

    /// <param name="keyword">The step's effective keyword: Given, When or Then.</param>
    /// <param name="text">The step text.</param>
    /// <param name="argumentParameter">"DataTable dataTable", "string docString" or null.</param>
    /// <param name="style">The skeleton style.</param>
    public static IReadOnlyList<string> Generate(string keyword, string text, string? argumentParameter, SkeletonStyle style)
    {
        var parts = Split(text);
        var variants = new List<List<string>> { new() };
        foreach (var part in parts)
        {
            if (part.Kind != PartKind.Number || !Integer.IsMatch(part.Text))
            {
                continue;
            }

            // An integer literal fits {int} and {float}: one skeleton for each.
            var doubled = new List<List<string>>();
            foreach (var v in variants)
            {
                doubled.Add(new List<string>(v) { "int" });
                doubled.Add(new List<string>(v) { "float" });
            }

            variants = doubled;
        }

        var skeletons = new List<string>();
        foreach (var numberTypes in variants)
        {
            skeletons.Add(Write(keyword, parts, numberTypes, argumentParameter, style));
            if (style == SkeletonStyle.RegexAttribute)
            {
                break; // a regex does not distinguish int from float
            }
        }

        return skeletons;
    }

    private static string Write(string keyword, List<Part> parts, List<string> integerTypes, string? argumentParameter, SkeletonStyle style)
    {
        var expression = new StringBuilder();
        var parameters = new List<string>();
        var methodName = new StringBuilder(keyword);
        var nextInteger = 0;
        foreach (var part in parts)
        {
            var index = parameters.Count;
            switch (part.Kind)
            {
                case PartKind.Text:
                    expression.Append(style == SkeletonStyle.RegexAttribute ? EscapeRegex(part.Text) : EscapeCucumber(part.Text));
                    AppendWords(methodName, part.Text);
                    break;
                case PartKind.Quoted:
                    expression.Append(style == SkeletonStyle.RegexAttribute ? "\"\"(.*)\"\"" : "{string}");
                    parameters.Add("string p" + index);
                    break;
                case PartKind.Number:
                    var isInteger = Integer.IsMatch(part.Text);
                    var type = isInteger ? integerTypes[nextInteger++] : "float";
                    expression.Append(style == SkeletonStyle.RegexAttribute ? "(.*)" : "{" + type + "}");
                    parameters.Add((type == "int" ? "int" : "double") + " p" + index);
                    break;
            }
        }

        if (argumentParameter is not null)
        {
            parameters.Add(argumentParameter);
        }

        var pattern = expression.ToString();
        var attribute = style == SkeletonStyle.RegexAttribute
            ? "[" + keyword + "(@\"^" + pattern + "$\")]"
            : "[" + keyword + "(\"" + pattern.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\")]";
        return attribute + "\n"
            + "public void " + methodName + "(" + string.Join(", ", parameters) + ")\n"
            + "{\n"
            + "    throw new PendingStepException();\n"
            + "}";
    }

    private static List<Part> Split(string text)
    {
        var parts = new List<Part>();
        var position = 0;
        while (position < text.Length)
        {
            var quoted = Quoted.Match(text, position);
            var number = NextWholeNumber(text, position);
            Match? next = null;
            var kind = PartKind.Text;
            if (quoted.Success && (number is null || quoted.Index <= number.Index))
            {
                next = quoted;
                kind = PartKind.Quoted;
            }
            else if (number is not null)
            {
                next = number;
                kind = PartKind.Number;
            }

            if (next is null)
            {
                parts.Add(new Part(PartKind.Text, text.Substring(position)));
                break;
            }

            if (next.Index > position)
            {
                parts.Add(new Part(PartKind.Text, text.Substring(position, next.Index - position)));
            }

            parts.Add(new Part(kind, next.Value));
            position = next.Index + next.Length;
        }

        return parts;
    }

    private static Match? NextWholeNumber(string text, int position)
    {
        for (var m = Number.Match(text, position); m.Success; m = m.NextMatch())
        {
            var startsWord = m.Index == 0 || IsBoundary(text[m.Index - 1]);
            var end = m.Index + m.Length;
            var endsWord = end == text.Length || IsBoundary(text[end]);
            if (startsWord && endsWord)
            {
                return m;
            }
        }

        return null;
    }

    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || (char.IsPunctuation(c) && c != '.') || char.IsSymbol(c);

    private static void AppendWords(StringBuilder name, string text)
    {
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                name.Append(upperNext ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
    }

    private static string EscapeCucumber(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\\' or '(' or ')' or '{' or '}' or '/')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string EscapeRegex(string text) => Regex.Escape(text).Replace("\"", "\"\"").Replace("\\ ", " ");

    private enum PartKind
    {
        Text,
        Quoted,
        Number,
    }

    private readonly struct Part
    {
        public Part(PartKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public PartKind Kind { get; }

        public string Text { get; }
    }
}

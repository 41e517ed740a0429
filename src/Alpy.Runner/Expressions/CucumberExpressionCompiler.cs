using System;
using System.Collections.Generic;
using System.Text;

namespace Alpy.Runner.Expressions;

/// <summary>
/// Compiles a Cucumber Expression (text, <c>{parameter}</c>, <c>(optional)</c>, <c>a/b</c>
/// alternatives, <c>\</c> escapes) into an anchored regular expression, with the parameter type
/// of each capture group. Follows the grammar of the Cucumber Expressions specification.
/// </summary>
internal static class CucumberExpressionCompiler
{
    public static CompiledExpression Compile(string expression, Func<string, ParameterType?> resolveParameterType)
    {
        var nodes = CucumberExpressionParser.Parse(expression);
        var regex = new StringBuilder("^");
        var parameters = new List<ParameterType>();
        foreach (var node in nodes)
        {
            Append(expression, node, regex, parameters, resolveParameterType);
        }

        regex.Append('$');
        return new CompiledExpression(regex.ToString(), parameters);
    }

    private static void Append(string expression, ExpressionNode node, StringBuilder regex, List<ParameterType> parameters, Func<string, ParameterType?> resolve)
    {
        switch (node.Kind)
        {
            case ExpressionNodeKind.Text:
                AppendEscaped(regex, node.Text);
                break;
            case ExpressionNodeKind.Optional:
                regex.Append("(?:");
                foreach (var child in node.Children)
                {
                    Append(expression, child, regex, parameters, resolve);
                }

                regex.Append(")?");
                break;
            case ExpressionNodeKind.Alternation:
                regex.Append("(?:");
                for (var i = 0; i < node.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        regex.Append('|');
                    }

                    foreach (var part in node.Children[i].Children)
                    {
                        Append(expression, part, regex, parameters, resolve);
                    }
                }

                regex.Append(')');
                break;
            case ExpressionNodeKind.Parameter:
                var type = resolve(node.Text) ?? throw new UndefinedParameterTypeException(expression, node.Text);
                parameters.Add(type);
                regex.Append(type.ToCaptureGroup());
                break;
            default:
                throw new InvalidOperationException("Unknown expression node " + node.Kind);
        }
    }

    private static void AppendEscaped(StringBuilder regex, string text)
    {
        foreach (var c in text)
        {
            if (IsRegexSpecial(c))
            {
                regex.Append('\\');
            }

            regex.Append(c);
        }
    }

    private static bool IsRegexSpecial(char c) => c is '\\' or '^' or '$' or '.' or '|' or '?' or '*' or '+' or '(' or ')' or '[' or ']' or '{' or '}';
}

/// <summary>A compiled Cucumber Expression: the anchored regex and one parameter type per top-level group.</summary>
internal sealed class CompiledExpression
{
    public CompiledExpression(string regex, IReadOnlyList<ParameterType> parameters)
    {
        Regex = regex;
        Parameters = parameters;
    }

    public string Regex { get; }

    public IReadOnlyList<ParameterType> Parameters { get; }
}

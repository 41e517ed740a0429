using System.Collections.Generic;

namespace Alpy.Runner.Expressions;

internal enum ExpressionNodeKind
{
    Text,
    Optional,
    Alternation,
    Alternative,
    Parameter,
}

/// <summary>A node of a parsed Cucumber Expression.</summary>
internal sealed class ExpressionNode
{
    private ExpressionNode(ExpressionNodeKind kind, string text, IReadOnlyList<ExpressionNode> children)
    {
        Kind = kind;
        Text = text;
        Children = children;
    }

    public ExpressionNodeKind Kind { get; }

    /// <summary>Literal text, or a parameter's type name.</summary>
    public string Text { get; }

    public IReadOnlyList<ExpressionNode> Children { get; }

    public static ExpressionNode Literal(string text) => new(ExpressionNodeKind.Text, text, []);

    public static ExpressionNode Parameter(string name) => new(ExpressionNodeKind.Parameter, name, []);

    public static ExpressionNode Optional(IReadOnlyList<ExpressionNode> children) => new(ExpressionNodeKind.Optional, string.Empty, children);

    public static ExpressionNode Alternative(IReadOnlyList<ExpressionNode> children) => new(ExpressionNodeKind.Alternative, string.Empty, children);

    public static ExpressionNode Alternation(IReadOnlyList<ExpressionNode> alternatives) => new(ExpressionNodeKind.Alternation, string.Empty, alternatives);
}

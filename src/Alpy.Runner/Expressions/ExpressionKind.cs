namespace Alpy.Runner.Expressions;

/// <summary>How a step definition's expression is read; mirrors Reqnroll's <c>ExpressionType</c>.</summary>
public enum ExpressionType
{
    /// <summary>Decided from the text, as Reqnroll does (see <see cref="ExpressionClassifier"/>).</summary>
    Unspecified = 0,

    /// <summary>A Cucumber Expression: <c>I have {int} cucumber(s)</c>.</summary>
    CucumberExpression = 1,

    /// <summary>A .NET regular expression, anchored at both ends.</summary>
    RegularExpression = 2,
}

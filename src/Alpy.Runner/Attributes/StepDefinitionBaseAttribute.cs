using Alpy.Runner.Expressions;

namespace Alpy.Runner;

/// <summary>The base of <see cref="GivenAttribute"/>, <see cref="WhenAttribute"/>, <see cref="ThenAttribute"/> and <see cref="StepDefinitionAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    private protected StepDefinitionBaseAttribute(string? expression, StepKinds kinds)
    {
        Expression = expression;
        Kinds = kinds;
    }

    /// <summary>
    /// A Cucumber Expression (<c>I have {int} cukes</c>) or a regular expression (<c>^I have (\d+) cukes$</c>).
    /// When null the method name is the expression, as in Reqnroll (<c>Given_I_have_P0_cukes</c>).
    /// </summary>
    public string? Expression { get; }

    /// <summary>Forces how <see cref="Expression"/> is read; by default it is guessed as Reqnroll does.</summary>
    public ExpressionType ExpressionType { get; set; }

    /// <summary>The step keywords this definition answers to.</summary>
    public StepKinds Kinds { get; }
}

/// <summary>The kinds of step a definition answers to; And/But steps take the kind of the step before them.</summary>
[Flags]
public enum StepKinds
{
    /// <summary>A Given (context) step.</summary>
    Given = 1,

    /// <summary>A When (action) step.</summary>
    When = 2,

    /// <summary>A Then (outcome) step.</summary>
    Then = 4,

    /// <summary>Any kind of step.</summary>
    Any = Given | When | Then,
}

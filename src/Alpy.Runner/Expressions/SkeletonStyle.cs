namespace Alpy.Runner.Expressions;

/// <summary>The style of step definition skeletons; the values of Reqnroll's <c>trace.stepDefinitionSkeletonStyle</c>.</summary>
public enum SkeletonStyle
{
    /// <summary><c>[Given("I have {int} cukes")]</c> (the default).</summary>
    CucumberExpressionAttribute = 0,

    /// <summary><c>[Given(@"^I have (\d+) cukes$")]</c>.</summary>
    RegexAttribute = 1,
}

using System.Text.RegularExpressions;
using Alpy.Runner.Expressions;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Bindings;

/// <summary>A scenario with every step bound (or not) and the hooks that apply to it.</summary>
internal sealed record BoundScenario(
    ScenarioCase Scenario,
    IReadOnlyList<BoundStep> Steps,
    IReadOnlyList<HookBinding> BeforeHooks,
    IReadOnlyList<HookBinding> AfterHooks,
    IReadOnlyList<HookBinding> BeforeStepHooks,
    IReadOnlyList<HookBinding> AfterStepHooks)
{
    public bool HasBindingProblems => Steps.Any(s => s.Status != StepBindingStatus.Bound || s.Problem is not null);
}

internal enum StepBindingStatus
{
    Bound,
    Undefined,
    Ambiguous,
}

/// <summary>One step and what it is bound to; <see cref="Problem"/> says what is wrong with a binding that matched.</summary>
internal sealed record BoundStep(ScenarioStep Step, StepBindingStatus Status, IReadOnlyList<StepMatchResult> Matches, string? Hint, string? Problem)
{
    /// <summary>The one matching definition of a bound step.</summary>
    public StepMatchResult Match => Matches[0];
}

/// <summary>A definition's match of a step text, with its groups as Cucumber Messages report them.</summary>
internal sealed class StepMatchResult(StepDefinitionBinding binding, Match match)
{
    private IReadOnlyList<MatchGroup>? groups;
    private StepMatchArgumentsList? arguments;
    private string[]? definitionIds;
    private StepMatchArgumentsList[]? argumentsLists;

    public StepDefinitionBinding Binding { get; } = binding;

    public Match RegexMatch { get; } = match;

    /// <summary>The top-level groups, one per expression parameter (or regex group).</summary>
    public IReadOnlyList<MatchGroup> Groups => groups ??= CreateGroups();

    public ParameterType? ParameterTypeAt(int index) => index < Binding.ParameterTypes.Count ? Binding.ParameterTypes[index] : null;

    /// <summary>The groups as a <c>testCase</c> message lists them; made once, as every step with this text (and every run of it) sends the same.</summary>
    public StepMatchArgumentsList Arguments => arguments ??= CreateArguments();

    /// <summary>A test step's <c>stepDefinitionIds</c> when this is its only match: one array for every step with this text.</summary>
    public IReadOnlyList<string> DefinitionIdsAlone => definitionIds ??= [Binding.Id];

    /// <summary>A test step's <c>stepMatchArgumentsLists</c> when this is its only match, shared as <see cref="DefinitionIdsAlone"/>.</summary>
    public IReadOnlyList<StepMatchArgumentsList> ArgumentsListsAlone => argumentsLists ??= [Arguments];

    // Loops, not Select, here and below: matching is per step text, and each lambda over this match
    // would be a closure, a delegate and an iterator per text.
    private MatchGroup[] CreateGroups()
    {
        var shapes = Binding.Groups;
        var result = new MatchGroup[shapes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = MatchGroup.From(RegexMatch, shapes[i]);
        }

        return result;
    }

    private StepMatchArgumentsList CreateArguments()
    {
        var list = new StepMatchArgument[Groups.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new StepMatchArgument(ToMessage(Groups[i])) { ParameterTypeName = ParameterTypeAt(i)?.Name };
        }

        return new StepMatchArgumentsList(list);
    }

    private static Messages.Group ToMessage(MatchGroup group)
    {
        Messages.Group[]? children = null;
        if (group.Children.Count > 0)
        {
            children = new Messages.Group[group.Children.Count];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = ToMessage(group.Children[i]);
            }
        }

        return new Messages.Group { Start = group.Start, Value = group.Value, Children = children };
    }
}

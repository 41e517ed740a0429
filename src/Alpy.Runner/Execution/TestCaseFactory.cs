using Alpy.Runner.Bindings;
using Alpy.Runner.Expressions;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Execution;

/// <summary>Builds a scenario's <c>testCase</c> message: its hook steps and pickle steps with what they matched.</summary>
internal static class TestCaseFactory
{
    public static (TestCase Message, IReadOnlyList<string> StepIds) Create(BoundScenario bound, string testRunStartedId, IIdGenerator ids)
    {
        var steps = new List<TestStep>();
        steps.AddRange(bound.BeforeHooks.Select(h => new TestStep(ids.NewId()) { HookId = h.Id }));
        foreach (var step in bound.Steps)
        {
            steps.Add(new TestStep(ids.NewId())
            {
                PickleStepId = step.Step.Pickle.Id,
                StepDefinitionIds = step.Matches.Select(m => m.Binding.Id).ToArray(),
                StepMatchArgumentsLists = step.Matches.Select(Arguments).ToArray(),
            });
        }

        steps.AddRange(bound.AfterHooks.Select(h => new TestStep(ids.NewId()) { HookId = h.Id }));
        var testCase = new TestCase(ids.NewId(), bound.Scenario.Pickle.Id, steps, testRunStartedId);
        return (testCase, steps.Select(s => s.Id).ToArray());
    }

    private static StepMatchArgumentsList Arguments(StepMatchResult match) =>
        new(match.Groups.Select((group, i) => new StepMatchArgument(ToMessage(group)) { ParameterTypeName = match.ParameterTypeAt(i)?.Name }).ToArray());

    private static Group ToMessage(MatchGroup group) => new()
    {
        Start = group.Start,
        Value = group.Value,
        Children = group.Children.Count == 0 ? null : group.Children.Select(ToMessage).ToArray(),
    };
}

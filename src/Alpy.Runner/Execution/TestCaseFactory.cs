using Alpy.Runner.Bindings;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Execution;

/// <summary>Builds a scenario's <c>testCase</c> message: its hook steps and pickle steps with what they matched.</summary>
internal static class TestCaseFactory
{
    public static (TestCase Message, IReadOnlyList<string> StepIds) Create(BoundScenario bound, string testRunStartedId, IIdGenerator ids)
    {
        var steps = new TestStep[bound.BeforeHooks.Count + bound.Steps.Count + bound.AfterHooks.Count];
        var index = 0;
        foreach (var hook in bound.BeforeHooks)
        {
            steps[index++] = new TestStep(ids.NewId()) { HookId = hook.Id };
        }

        foreach (var step in bound.Steps)
        {
            var (definitionIds, arguments) = MatchesOf(step);
            steps[index++] = new TestStep(ids.NewId())
            {
                PickleStepId = step.Step.Pickle.Id,
                StepDefinitionIds = definitionIds,
                StepMatchArgumentsLists = arguments,
            };
        }

        foreach (var hook in bound.AfterHooks)
        {
            steps[index++] = new TestStep(ids.NewId()) { HookId = hook.Id };
        }

        var testCase = new TestCase(ids.NewId(), bound.Scenario.Pickle.Id, steps, testRunStartedId);
        return (testCase, Array.ConvertAll(steps, s => s.Id));
    }

    /// <summary>The step's definitions and their arguments; a step with one match shares its match's arrays with every step of that text.</summary>
    private static (IReadOnlyList<string> DefinitionIds, IReadOnlyList<StepMatchArgumentsList> Arguments) MatchesOf(BoundStep step)
    {
        var matches = step.Matches;
        if (matches.Count == 1)
        {
            return (matches[0].DefinitionIdsAlone, matches[0].ArgumentsListsAlone);
        }

        var definitionIds = new string[matches.Count];
        var arguments = new StepMatchArgumentsList[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            definitionIds[i] = matches[i].Binding.Id;
            arguments[i] = matches[i].Arguments;
        }

        return (definitionIds, arguments);
    }
}

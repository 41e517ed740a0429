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
            var matches = step.Matches;
            var definitionIds = new string[matches.Count];
            var arguments = new StepMatchArgumentsList[matches.Count];
            for (var i = 0; i < matches.Count; i++)
            {
                definitionIds[i] = matches[i].Binding.Id;
                arguments[i] = matches[i].Arguments;
            }

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
}

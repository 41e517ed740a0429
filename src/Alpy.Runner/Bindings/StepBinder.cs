using Alpy.Runner.Features;

namespace Alpy.Runner.Bindings;

/// <summary>
/// Binds a scenario's steps to step definitions with Reqnroll's rules: the keyword kind must fit,
/// a definition scoped to the scenario wins over unscoped ones, two that remain are ambiguous.
/// For a step that matches nothing it searches again without kind and scope to say why.
/// </summary>
internal sealed class StepBinder(BindingRegistry registry)
{
    private readonly StepDefinitionIndex index = new(registry.StepDefinitions);

    // Suites repeat step texts a lot; matching depends on the text only (kind and scope are applied after).
    // The match results are shared by every step with that text, so their groups and testCase
    // arguments are made once per text, not once per step.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StepMatchResult[]> matchesByText = new(StringComparer.Ordinal);

    public BindingRegistry Registry => registry;

    public BoundScenario Bind(ScenarioCase scenario)
    {
        // The tag set is only needed for hooks and scoped definitions; most scenarios have neither.
        HashSet<string>? tags = null;
        var steps = new BoundStep[scenario.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = BindStep(scenario, scenario.Steps[i], ref tags);
        }

        return new BoundScenario(
            scenario,
            steps,
            Applicable(HookKind.BeforeScenario, scenario, ref tags),
            Applicable(HookKind.AfterScenario, scenario, ref tags),
            Applicable(HookKind.BeforeStep, scenario, ref tags),
            Applicable(HookKind.AfterStep, scenario, ref tags));
    }

    private static HashSet<string> TagsOf(ScenarioCase scenario, ref HashSet<string>? tags) =>
        tags ??= new HashSet<string>(scenario.Tags, StringComparer.Ordinal);

    private HookBinding[] Applicable(HookKind kind, ScenarioCase scenario, ref HashSet<string>? tags)
    {
        var hooks = registry.HooksOf(kind);
        if (hooks.Count == 0)
        {
            return [];
        }

        return ApplicableOf(hooks, scenario, TagsOf(scenario, ref tags));
    }

    // Split from Applicable (as BindAmong from BindStep): a lambda over a parameter makes the compiler
    // allocate its closure as the method starts, so the fast path would pay for it on every call.
    private static HookBinding[] ApplicableOf(IReadOnlyList<HookBinding> hooks, ScenarioCase scenario, HashSet<string> tags) =>
        hooks.Where(h => h.AppliesTo(scenario, tags)).ToArray();

    private BoundStep BindStep(ScenarioCase scenario, ScenarioStep step, ref HashSet<string>? tagSet)
    {
        // TryGetValue first: a method group makes a delegate on every call, a hit needs none.
        var all = matchesByText.TryGetValue(step.Text, out var known) ? known : matchesByText.GetOrAdd(step.Text, index.Matches);
        if (all.Length == 1 && (all[0].Binding.Kinds & step.Kind) != 0 && all[0].Binding.Scopes.Count == 0)
        {
            // The common case: one unscoped definition of the right kind.
            return new BoundStep(step, StepBindingStatus.Bound, all, null, ArgumentProblem(step, all[0].Binding));
        }

        return BindAmong(all, scenario, step, TagsOf(scenario, ref tagSet));
    }

    /// <summary>Several definitions match, or one that is scoped or of another kind: Reqnroll's rules decide.</summary>
    private static BoundStep BindAmong(StepMatchResult[] all, ScenarioCase scenario, ScenarioStep step, HashSet<string> tags)
    {
        var ofKind = all.Where(m => (m.Binding.Kinds & step.Kind) != 0).ToList();
        var scoped = ofKind.Where(m => m.Binding.Scopes.Count > 0 && BindingScope.AnyMatches(m.Binding.Scopes, scenario, tags)).ToList();
        var candidates = scoped.Count > 0 ? scoped : ofKind.Where(m => m.Binding.Scopes.Count == 0).ToList();
        if (candidates.Count > 1)
        {
            // With a data table or doc string, prefer the definitions that take it (and the other way round).
            var fitting = candidates.Where(m => m.Binding.TakesArgument == step.HasArgument).ToList();
            if (fitting.Count > 0)
            {
                candidates = fitting;
            }
        }

        var matches = candidates.ToArray();
        return candidates.Count switch
        {
            0 => new BoundStep(step, StepBindingStatus.Undefined, [], Hint(step, all), null),
            1 => new BoundStep(step, StepBindingStatus.Bound, matches, null, ArgumentProblem(step, candidates[0].Binding)),
            _ => new BoundStep(step, StepBindingStatus.Ambiguous, matches, null, null),
        };
    }

    private static string? Hint(ScenarioStep step, StepMatchResult[] all)
    {
        if (all.Length == 0)
        {
            return null;
        }

        var notes = all.Select(m => (m.Binding.Kinds & step.Kind) == 0
            ? $"{m.Binding.Description} matches the text, but the step is a {step.Kind} step"
            : $"{m.Binding.Description} matches the text, but its scope {string.Join(" or ", m.Binding.Scopes)} excludes this scenario");
        return string.Join("\n", notes);
    }

    private static string? ArgumentProblem(ScenarioStep step, StepDefinitionBinding binding)
    {
        if (step.HasArgument && !binding.TakesArgument)
        {
            var what = step.Table is not null ? "a data table" : "a doc string";
            return $"the step has {what} but {binding.Description} takes no parameter for it; add a last parameter (DataTable or string).";
        }

        if (!step.HasArgument && binding.TakesArgument)
        {
            return $"{binding.Description} takes a data table or doc string as its last parameter, but the step has none.";
        }

        return null;
    }
}

namespace Alpy.Runner;

/// <summary>The base of the hook attributes. Hooks of one kind run by ascending <see cref="Order"/>, as in Reqnroll; equal orders run in source order (after-hooks in reverse source order, as in Cucumber).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute : Attribute
{
    /// <summary>Reqnroll's default order.</summary>
    public const int DefaultOrder = 10000;

    private protected HookAttribute(HookKind kind, string[] tags)
    {
        Kind = kind;
        Tags = tags;
    }

    /// <summary>When the hook runs.</summary>
    public HookKind Kind { get; }

    /// <summary>The hook runs only for scenarios with any of these tags (each may also be a tag expression).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The position among hooks of the same kind.</summary>
    public int Order { get; set; } = DefaultOrder;

    /// <summary>A name for reports; the method's name by default.</summary>
    public string? Name { get; set; }
}

/// <summary>When a hook runs.</summary>
public enum HookKind
{
    /// <summary>Once, before the first scenario of the test run (static methods).</summary>
    BeforeTestRun,

    /// <summary>Once, after the last scenario of the test run, even after failures (static methods).</summary>
    AfterTestRun,

    /// <summary>Before the first scenario of a feature (static methods).</summary>
    BeforeFeature,

    /// <summary>After the last scenario of a feature (static methods).</summary>
    AfterFeature,

    /// <summary>Before each scenario.</summary>
    BeforeScenario,

    /// <summary>After each scenario, even when it failed.</summary>
    AfterScenario,

    /// <summary>Before each step.</summary>
    BeforeStep,

    /// <summary>After each step that ran.</summary>
    AfterStep,
}

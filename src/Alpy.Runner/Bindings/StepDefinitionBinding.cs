using System.Reflection;
using System.Text.RegularExpressions;
using Alpy.Runner.Expressions;

namespace Alpy.Runner.Bindings;

/// <summary>
/// A step definition ready to match: its compiled expression, the method, and where each method
/// parameter's value comes from.
/// </summary>
internal sealed class StepDefinitionBinding
{
    public StepDefinitionBinding(string id, MethodInfo method, StepKinds kinds, string expression, bool isRegex, Regex regex, IReadOnlyList<ParameterType?> parameterTypes, IReadOnlyList<BindingScope> scopes, IReadOnlyList<ParameterSlot> slots)
    {
        Id = id;
        Method = method;
        Kinds = kinds;
        Expression = expression;
        IsRegex = isRegex;
        Regex = regex;
        ParameterTypes = parameterTypes;
        Scopes = scopes;
        Slots = slots;
        Groups = GroupShape.Parse(regex.ToString());
        LiteralPrefix = (regex.Options & RegexOptions.IgnoreCase) != 0 ? string.Empty : RegexPrefix.Read(regex.ToString());
        Invoker = new BindingInvoker(method);
    }

    private string? methodName;

    public string Id { get; }

    public MethodInfo Method { get; }

    public StepKinds Kinds { get; }

    /// <summary>The expression as written (the message stream's pattern source).</summary>
    public string Expression { get; }

    public bool IsRegex { get; }

    public Regex Regex { get; }

    /// <summary>The parameter type of each top-level group (Cucumber Expressions), or empty for a regex.</summary>
    public IReadOnlyList<ParameterType?> ParameterTypes { get; }

    public IReadOnlyList<GroupShape> Groups { get; }

    public IReadOnlyList<BindingScope> Scopes { get; }

    /// <summary>Where each method parameter's value comes from.</summary>
    public IReadOnlyList<ParameterSlot> Slots { get; }

    public BindingInvoker Invoker { get; }

    /// <summary>Literal text every matching step starts with; lets the matcher skip most definitions cheaply.</summary>
    public string LiteralPrefix { get; }

    public int CaptureCount => Groups.Count;

    /// <summary>Whether the method takes the step's data table or doc string.</summary>
    public bool TakesArgument => Slots.Any(s => s.Source == SlotSource.StepArgument);

    public string Attribute => $"[{KindName}({(IsRegex ? "@" : string.Empty)}\"{Expression.Replace("\"", IsRegex ? "\"\"" : "\\\"", StringComparison.Ordinal)}\")]";

    /// <summary><c>Namespace.Class.Method(Int32)</c>, computed once.</summary>
    public string MethodName => methodName ??= MethodDescription.Describe(Method);

    public string Description => $"{Attribute} {MethodName}";

    private string KindName => Kinds switch
    {
        StepKinds.Given => "Given",
        StepKinds.When => "When",
        StepKinds.Then => "Then",
        _ => "StepDefinition",
    };

    public Match? Match(string text)
    {
        if (!text.StartsWith(LiteralPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var match = Regex.Match(text);
        return match.Success ? match : null;
    }
}

/// <summary>Where a method parameter's value comes from.</summary>
internal enum SlotSource
{
    /// <summary>A capture group of the expression.</summary>
    Capture,

    /// <summary>The step's data table or doc string.</summary>
    StepArgument,

    /// <summary>The scenario's cancellation token.</summary>
    CancellationToken,
}

internal sealed record ParameterSlot(SlotSource Source, int CaptureIndex, Type Type, string Name);

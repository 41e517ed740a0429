using System.Reflection;
using System.Text.RegularExpressions;

namespace Alpy.Runner.Bindings;

/// <summary>A [StepArgumentTransformation] method: turns text (or a table) into its return type.</summary>
internal sealed class StepArgumentTransformationBinding(MethodInfo method, Regex? regex, string? parameterTypeName)
{
    public MethodInfo Method { get; } = method;

    public Regex? Regex { get; } = regex;

    /// <summary>The Cucumber Expression parameter type it defines, when it has a regex.</summary>
    public string? ParameterTypeName { get; } = parameterTypeName;

    public Type ReturnType => Method.ReturnType;

    public bool TakesTable => Method.GetParameters() is [{ ParameterType: var t }] && t == typeof(DataTable);

    public BindingInvoker Invoker { get; } = new(method);

    public string Description => MethodDescription.Describe(Method);

    /// <summary>Whether this transformation accepts <paramref name="text"/>, and the values to call it with.</summary>
    public bool TryArguments(string text, out object?[] arguments)
    {
        if (Regex is null)
        {
            arguments = [text];
            return true;
        }

        var match = Regex.Match(text);
        if (!match.Success)
        {
            arguments = [];
            return false;
        }

        var count = Method.GetParameters().Length;
        arguments = match.Groups.Count > 1
            ? Enumerable.Range(1, Math.Min(count, match.Groups.Count - 1)).Select(i => (object?)match.Groups[i].Value).ToArray()
            : [text];
        return true;
    }
}

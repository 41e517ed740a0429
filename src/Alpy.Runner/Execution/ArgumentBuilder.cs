using System.Text.RegularExpressions;
using Alpy.Runner.Bindings;
using Alpy.Runner.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Execution;

/// <summary>
/// Makes a step method's arguments from its match: converts each captured value to the
/// parameter's type (built-in conversions, custom parameter types, [StepArgumentTransformation]s)
/// and adds the data table, doc string and cancellation token.
/// </summary>
internal sealed class ArgumentBuilder(RunEnvironment environment, IServiceProvider scope, CancellationToken cancellationToken)
{
    public async ValueTask<object?[]> BuildAsync(BoundStep bound)
    {
        var match = bound.Match;
        var slots = match.Binding.Slots;
        var arguments = new object?[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            arguments[i] = slot.Source switch
            {
                SlotSource.CancellationToken => cancellationToken,
                SlotSource.StepArgument => await StepArgumentAsync(bound, slot).ConfigureAwait(false),
                _ => await CaptureAsync(match, slot).ConfigureAwait(false),
            };
        }

        return arguments;
    }

    private async ValueTask<object?> CaptureAsync(StepMatchResult match, ParameterSlot slot)
    {
        var group = match.Groups[slot.CaptureIndex];
        var parameterType = match.ParameterTypeAt(slot.CaptureIndex);
        if (group.Value is null)
        {
            return slot.Type.IsValueType && Nullable.GetUnderlyingType(slot.Type) is null ? Activator.CreateInstance(slot.Type) : null;
        }

        try
        {
            if (parameterType is { IsBuiltIn: false } && environment.Registry.CustomTransformation(parameterType.Name) is { } custom)
            {
                var values = group.Children.Count > 0 ? group.Children.Select(c => (object?)c.Value).ToArray() : [group.Value];
                var converted = await InvokeAsync(custom, values).ConfigureAwait(false);
                return slot.Type.IsInstanceOfType(converted) || converted is null ? converted : await ConvertTextAsync(converted.ToString() ?? string.Empty, slot.Type).ConfigureAwait(false);
            }

            var text = parameterType?.Name == "string" ? UnquoteString(group) : group.Value;
            return await ConvertTextAsync(text, slot.Type).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw new StepArgumentException($"Cannot convert \"{group.Value}\" to parameter {slot.Type.Name} {slot.Name} of {MethodDescription.Describe(match.Binding.Method)}: {e.Message}", e);
        }
    }

    private async ValueTask<object?> ConvertTextAsync(string text, Type type)
    {
        if (type == typeof(string) || type == typeof(object))
        {
            return text;
        }

        foreach (var transformation in environment.Registry.Transformations)
        {
            if (!transformation.TakesTable && type.IsAssignableFrom(transformation.ReturnType) && transformation.TryArguments(text, out var arguments))
            {
                return await InvokeAsync(transformation, arguments).ConfigureAwait(false);
            }
        }

        return ArgumentConverter.Convert(text, type, environment.Culture);
    }

    private async ValueTask<object?> StepArgumentAsync(BoundStep bound, ParameterSlot slot)
    {
        var step = bound.Step;
        if (slot.Type == typeof(DataTable) || (slot.Type == typeof(object) && step.Table is not null))
        {
            return step.Table;
        }

        if (slot.Type == typeof(string) || slot.Type == typeof(object))
        {
            return step.DocString;
        }

        var transformation = environment.Registry.Transformations.FirstOrDefault(t => t.TakesTable && slot.Type.IsAssignableFrom(t.ReturnType));
        return transformation is not null && step.Table is not null ? await InvokeAsync(transformation, [step.Table]).ConfigureAwait(false) : null;
    }

    private ValueTask<object?> InvokeAsync(StepArgumentTransformationBinding transformation, object?[] arguments)
    {
        var target = transformation.Invoker.IsStatic ? null : scope.GetRequiredService(transformation.Method.DeclaringType!);
        var parameters = transformation.Method.GetParameters();
        var converted = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var value = i < arguments.Length ? arguments[i] : null;
            converted[i] = value is string text && parameters[i].ParameterType != typeof(string)
                ? ArgumentConverter.Convert(text, parameters[i].ParameterType, environment.Culture)
                : value;
        }

        return transformation.Invoker.InvokeAsync(target, converted);
    }

    /// <summary>A {string} value without its quotes, with escaped quotes restored, as Cucumber does.</summary>
    private static string UnquoteString(MatchGroup group)
    {
        var inner = group.Children.FirstOrDefault(c => c.Value is not null)?.Value ?? string.Empty;
        return inner.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal);
    }
}

/// <summary>A captured value could not become the step method's parameter.</summary>
internal sealed class StepArgumentException(string message, Exception inner) : Exception(message, inner);

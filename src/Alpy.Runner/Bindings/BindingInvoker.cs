using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Alpy.Runner.Bindings;

/// <summary>
/// Calls a binding method fast (no reflection per call beyond <see cref="MethodInvoker"/>) and
/// awaits it when it returns a task. Exceptions surface unwrapped, with their own stack trace.
/// </summary>
internal sealed class BindingInvoker(MethodInfo method)
{
    // One invoker per method for the process: after its second call an invoker emits and JIT-compiles a
    // stub of its own, so an invoker per scan made every run compile one stub per binding again
    // (200 definitions: 200 methods, ≈ 13 ms per run; docs/runner.md, fourth pass).
    private static readonly ConditionalWeakTable<MethodInfo, MethodInvoker> Invokers = [];

    private readonly MethodInvoker invoker = Invokers.GetValue(method, MethodInvoker.Create);

    public bool IsStatic => method.IsStatic;

    public async ValueTask<object?> InvokeAsync(object? target, object?[] arguments)
    {
        object? result;
        try
        {
            result = invoker.Invoke(target, arguments.AsSpan());
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return TaskResult(task);
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            case not null when result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                await asTask.ConfigureAwait(false);
                return TaskResult(asTask);
            default:
                return result;
        }
    }

    private static object? TaskResult(Task task)
    {
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty(nameof(Task<int>.Result)) is { } property && property.PropertyType.Name != "VoidTaskResult"
            ? property.GetValue(task)
            : null;
    }
}

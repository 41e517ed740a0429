using System.Reflection;

namespace Alpy.Runner.Bindings;

/// <summary>How methods are named in messages: <c>Namespace.Class.Method(Int32, String)</c>.</summary>
internal static class MethodDescription
{
    public static string Describe(MethodInfo method) =>
        $"{method.DeclaringType?.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}

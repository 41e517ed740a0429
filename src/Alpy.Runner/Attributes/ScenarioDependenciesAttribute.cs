namespace Alpy.Runner;

/// <summary>
/// Marks a static method that adds services for context injection, with the signature
/// <c>static void M(IServiceCollection services)</c>. It runs once, before the test run's hooks;
/// binding classes and the POCOs their constructors ask for are registered without it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioDependenciesAttribute : Attribute;

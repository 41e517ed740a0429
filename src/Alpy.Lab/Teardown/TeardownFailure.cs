namespace Alpy.Lab.Teardown;

/// <summary>A teardown step that failed, and why.</summary>
public sealed record TeardownFailure(string Step, Exception Error);

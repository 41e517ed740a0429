namespace Alpy.Lab.Teardown;

/// <summary>How long one teardown step took (recorded in the run's lab.json).</summary>
public sealed record TeardownTiming(string Step, TimeSpan Elapsed);

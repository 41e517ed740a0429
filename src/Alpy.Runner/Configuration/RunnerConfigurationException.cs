namespace Alpy.Runner.Configuration;

/// <summary>reqnroll.json (or an environment override) is not valid; the message names the key and the fix.</summary>
public sealed class RunnerConfigurationException(string message) : Exception(message);

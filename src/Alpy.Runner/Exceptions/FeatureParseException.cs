namespace Alpy.Runner;

/// <summary>A feature file could not be parsed; the message has the parser's words and file:line:column.</summary>
public sealed class FeatureParseException(string message) : Exception(message);

using Typed = Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Messages;

/// <summary>An envelope read from a stream, with the 1-based line it came from (0 when made in memory), for messages that point at it.</summary>
public readonly record struct StreamEnvelope(Typed.Envelope Envelope, int Line = 0);

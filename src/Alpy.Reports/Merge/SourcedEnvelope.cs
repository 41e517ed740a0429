using Alpy.Reports.Messages;

namespace Alpy.Reports.Merge;

/// <summary>An envelope and the folder of the stream it came from (relative attachment URLs resolve against it).</summary>
public readonly record struct SourcedEnvelope(Envelope Envelope, string SourceDirectory);

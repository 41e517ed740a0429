using Alpy.Reports.Messages;

namespace Alpy.Reports.Merge;

/// <summary>An envelope (with its line) and the folder of the stream it came from (relative attachment URLs resolve against it).</summary>
public readonly record struct SourcedEnvelope(StreamEnvelope Envelope, string SourceDirectory);

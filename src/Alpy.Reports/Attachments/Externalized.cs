using Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Attachments;

/// <summary>What an envelope became after its evidence was moved to a file, if it was.</summary>
/// <param name="Envelope">The envelope to publish (the same one, possibly pointing to a file now).</param>
/// <param name="Link">For a shortened text: an extra attachment linking the whole file, published right after.</param>
/// <param name="MovedBytes">The size of the evidence that now lives in a file.</param>
internal sealed record Externalized(Envelope Envelope, Envelope? Link = null, long? MovedBytes = null);

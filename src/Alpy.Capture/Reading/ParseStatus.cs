namespace Alpy.Capture;

/// <summary>What a <see cref="RecordParser"/> found at the start of the bytes it was given.</summary>
internal enum ParseStatus
{
    /// <summary>A frame: the record is complete and described by the header.</summary>
    Frame,

    /// <summary>A complete block that carries no frame (pcapng section or interface description, statistics, ...).</summary>
    Metadata,

    /// <summary>The record is not complete yet; the reported length is how many bytes it needs at least.</summary>
    NeedMoreData,
}

namespace Alpy.Lab.Images;

/// <summary>A symbolic link in an image, e.g. <c>/bin/sh</c> → <c>busybox</c>.</summary>
/// <param name="Path">The absolute path of the link.</param>
/// <param name="Target">What it points to (relative to the link's directory, or absolute).</param>
public sealed record ImageLink(string Path, string Target);

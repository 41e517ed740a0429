namespace Alpy.Lab.Images;

/// <summary>An image ready to use.</summary>
/// <param name="Reference">Its reference, <c>alpy-NAME:TAG</c>; use it as a container's image.</param>
/// <param name="Id">Its id, <c>sha256:...</c>.</param>
/// <param name="InputHash">The full hash of its inputs.</param>
/// <param name="Built">True when this call built it, false when an existing image was reused.</param>
public sealed record BuiltImage(string Reference, string Id, string InputHash, bool Built);

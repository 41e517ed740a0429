namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 (what the compiler loads analyzers as) compile records.</summary>
internal static class IsExternalInit
{
}

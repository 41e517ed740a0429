namespace Alpy.Runner.Bindings;

/// <summary>A binding that cannot be used: which method, what is wrong, and what to do.</summary>
public sealed record BindingError(string Method, string Problem)
{
    public override string ToString() => $"{Method}: {Problem}";
}

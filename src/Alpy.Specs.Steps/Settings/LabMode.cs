namespace Alpy.Specs.Steps.Settings;

/// <summary>Whether scenarios share booted labs.</summary>
public enum LabMode
{
    /// <summary>One booted lab per topology for the whole run, reset between scenarios.</summary>
    Shared,

    /// <summary>A new lab for every scenario (slower; for comparison and suspicious cases).</summary>
    Fresh,
}

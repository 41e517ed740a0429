namespace Alpy.Specs.Steps.Settings;

/// <summary>Which labs stay up for a person to investigate.</summary>
public enum KeepLab
{
    /// <summary>Every lab is torn down at the end of the run.</summary>
    Never,

    /// <summary>The lab of the first failing scenario is set aside untouched and kept up after the run.</summary>
    OnFailure,

    /// <summary>Every lab is kept up after the run.</summary>
    Always,
}

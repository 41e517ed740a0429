namespace Alpy.Qemu;

/// <summary>
/// Where Alpy.Specs caches what is expensive to make and safe to reuse (DUT images, the accelerator verdict):
/// <c>$ALPY_CACHE</c>, else <c>$XDG_CACHE_HOME/alpy-specs</c>, else <c>~/.cache/alpy-specs</c>; the same rule as
/// dut/rabbit/build.
/// </summary>
public static class AlpyCache
{
    public static string Root
    {
        get
        {
            var explicitRoot = Environment.GetEnvironmentVariable("ALPY_CACHE");
            if (!string.IsNullOrEmpty(explicitRoot))
            {
                return Path.GetFullPath(explicitRoot);
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cache = !string.IsNullOrEmpty(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(Path.GetFullPath(cache), "alpy-specs");
        }
    }
}

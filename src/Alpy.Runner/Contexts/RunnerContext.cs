namespace Alpy.Runner;

/// <summary>
/// The shared shape of <see cref="ScenarioContext"/>, <see cref="FeatureContext"/> and
/// <see cref="TestRunContext"/>: a dictionary for sharing values between bindings, with typed helpers.
/// </summary>
public abstract class RunnerContext : Dictionary<string, object?>
{
    private protected RunnerContext()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Stores a value under its type's full name.</summary>
    public void Set<T>(T value) => this[Key<T>()] = value;

    /// <summary>Stores a value under a key.</summary>
    public void Set<T>(T value, string key) => this[key] = value;

    /// <summary>The value stored under the type's full name.</summary>
    public T Get<T>() => Get<T>(Key<T>());

    /// <summary>The value stored under <paramref name="key"/>; a clear error when absent or of another type.</summary>
    public T Get<T>(string key)
    {
        if (!TryGetValue(key, out var value))
        {
            throw new KeyNotFoundException($"{GetType().Name} has no value \"{key}\". Keys present: {(Count == 0 ? "none" : string.Join(", ", Keys))}.");
        }

        return value is T typed
            ? typed
            : throw new InvalidCastException($"{GetType().Name}[\"{key}\"] is a {value?.GetType().Name ?? "null"}, not a {typeof(T).Name}.");
    }

    public bool TryGetValue<T>(string key, out T value)
    {
        if (TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    private static string Key<T>() => typeof(T).FullName ?? typeof(T).Name;
}

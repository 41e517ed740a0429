using System.Globalization;
using System.Reflection;
using System.Text;
using Alpy.Runner.Bindings;

namespace Alpy.Runner;

/// <summary>
/// Reqnroll's table helpers: make objects from a data table and compare objects with one.
/// Columns match members by name, ignoring case, spaces and underscores ("First name" fills
/// <c>FirstName</c>); a two-column Field/Value table describes one object vertically. A mismatch
/// throws a <see cref="ComparisonException"/> whose message is a readable diff.
/// </summary>
public static class DataTableExtensions
{
    private static readonly string[] FieldHeaders = ["field", "property", "name"];

    /// <summary>One object from the table: a Field/Value table, or a table with a single data row.</summary>
    public static T CreateInstance<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var values = AsFieldValues(table);
        return (T)Create(typeof(T), values, "the table");
    }

    /// <summary>One object per data row.</summary>
    public static List<T> CreateSet<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Rows.Select(row => (T)Create(typeof(T), RowValues(table, row), $"row {row.Index + 1}")).ToList();
    }

    /// <summary>Checks that <paramref name="actual"/> has the values of the table (a Field/Value table or one data row).</summary>
    public static void CompareToInstance<T>(this DataTable table, T actual)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        foreach (var (field, expected) in AsFieldValues(table))
        {
            var member = FindMember(typeof(T), field) ?? throw new ComparisonException($"{typeof(T).Name} has no member for the field \"{field}\". Members: {string.Join(", ", Members(typeof(T)).Select(m => m.Name))}.");
            var value = member.GetValue(actual);
            if (!AreEqual(expected, value, member.Type))
            {
                differences.Add($"  {field}: expected \"{expected}\" but was \"{Format(value)}\"");
            }
        }

        if (differences.Count > 0)
        {
            throw new ComparisonException($"The {typeof(T).Name} does not match the table:\n{string.Join("\n", differences)}");
        }
    }

    /// <summary>
    /// Checks that <paramref name="actual"/> holds exactly the table's rows (in order when
    /// <paramref name="sequentialOrder"/>), comparing only the table's columns. The diff marks rows
    /// the table expects but the set lacks with <c>-</c>, and items the table does not expect with <c>+</c>.
    /// </summary>
    public static void CompareToSet<T>(this DataTable table, IEnumerable<T> actual, bool sequentialOrder = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actual);
        var items = actual.ToList();
        var members = table.Header.Select(h => FindMember(typeof(T), h) ?? throw new ComparisonException($"{typeof(T).Name} has no member for the column \"{h}\". Members: {string.Join(", ", Members(typeof(T)).Select(m => m.Name))}.")).ToArray();
        bool Matches(DataTableRow row, T item) => members.Select((m, i) => AreEqual(row[i], m.GetValue(item), m.Type)).All(x => x);

        var unmatchedRows = new List<DataTableRow>();
        var remaining = new List<T>(items);
        if (sequentialOrder)
        {
            for (var i = 0; i < Math.Max(table.RowCount, items.Count); i++)
            {
                if (i >= table.RowCount || i >= items.Count || !Matches(table.Rows[i], items[i]))
                {
                    if (i < table.RowCount)
                    {
                        unmatchedRows.Add(table.Rows[i]);
                    }
                }
                else
                {
                    remaining.Remove(items[i]);
                }
            }
        }
        else
        {
            foreach (var row in table.Rows)
            {
                var index = remaining.FindIndex(item => Matches(row, item));
                if (index >= 0)
                {
                    remaining.RemoveAt(index);
                }
                else
                {
                    unmatchedRows.Add(row);
                }
            }
        }

        if (unmatchedRows.Count == 0 && remaining.Count == 0)
        {
            return;
        }

        var lines = new List<IReadOnlyList<string>>();
        var prefixes = new List<string>();
        foreach (var row in table.Rows)
        {
            lines.Add(row.Values);
            prefixes.Add(unmatchedRows.Contains(row) ? "- " : "  ");
        }

        foreach (var item in remaining)
        {
            lines.Add(members.Select(m => Format(m.GetValue(item))).ToArray());
            prefixes.Add("+ ");
        }

        throw new ComparisonException(
            $"The set of {typeof(T).Name} does not match the table{(sequentialOrder ? " (in order)" : string.Empty)}: {unmatchedRows.Count} expected row(s) missing (-), {remaining.Count} unexpected item(s) (+).\n" +
            TableFormatter.Format(table.Header, lines, prefixes));
    }

    private static List<(string Field, string Value)> AsFieldValues(DataTable table)
    {
        if (table.Header.Count == 2 && FieldHeaders.Contains(table.Header[0].Trim().ToLowerInvariant()) && table.Header[1].Trim().Equals("value", StringComparison.OrdinalIgnoreCase))
        {
            return table.Rows.Select(r => (r[0], r[1])).ToList();
        }

        if (table.RowCount != 1)
        {
            throw new ComparisonException($"The table describes one object, so it needs a Field | Value header or exactly one data row; it has {table.RowCount} rows under | {string.Join(" | ", table.Header)} |.");
        }

        return RowValues(table, table.Rows[0]);
    }

    private static List<(string Field, string Value)> RowValues(DataTable table, DataTableRow row) =>
        table.Header.Select((h, i) => (h, row[i])).ToList();

    private static object Create(Type type, List<(string Field, string Value)> values, string where)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new ComparisonException($"{type.Name} has no public constructor to create it from {where}.");
        var used = new HashSet<string>(StringComparer.Ordinal);
        var arguments = constructor.GetParameters().Select(p =>
        {
            var match = values.FirstOrDefault(v => Normalize(v.Field) == Normalize(p.Name!));
            if (match.Field is null)
            {
                return p.HasDefaultValue ? p.DefaultValue : (p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null);
            }

            used.Add(match.Field);
            return ConvertCell(match.Value, p.ParameterType, match.Field, where);
        }).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var (field, value) in values)
        {
            if (used.Contains(field))
            {
                continue;
            }

            var member = FindMember(type, field) ?? throw new ComparisonException($"{type.Name} has no member for the column \"{field}\" in {where}. Members: {string.Join(", ", Members(type).Select(m => m.Name))}.");
            if (!member.CanWrite)
            {
                throw new ComparisonException($"{type.Name}.{member.Name} cannot be set (column \"{field}\" in {where}); give it a setter or a constructor parameter.");
            }

            member.SetValue(instance, ConvertCell(value, member.Type, field, where));
        }

        return instance;
    }

    private static object? ConvertCell(string value, Type type, string field, string where)
    {
        try
        {
            return ArgumentConverter.Convert(value, type, CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new ComparisonException($"Column \"{field}\" in {where}: {e.Message}");
        }
    }

    private static bool AreEqual(string expected, object? actual, Type type)
    {
        if (actual is null)
        {
            return expected.Length == 0 || expected == "null";
        }

        try
        {
            var converted = ArgumentConverter.Convert(expected, type, CultureInfo.InvariantCulture);
            if (Equals(converted, actual))
            {
                return true;
            }
        }
        catch (FormatException)
        {
            // fall back to comparing text
        }

        return string.Equals(expected, Format(actual), StringComparison.Ordinal);
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Normalize(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    private static Member? FindMember(Type type, string column) =>
        Members(type).FirstOrDefault(m => Normalize(m.Name) == Normalize(column));

    private static IEnumerable<Member> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => new Member(p))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => new Member(f)));

    private sealed class Member
    {
        private readonly PropertyInfo? property;
        private readonly FieldInfo? fieldInfo;

        public Member(PropertyInfo property) => this.property = property;

        public Member(FieldInfo field) => fieldInfo = field;

        public string Name => property?.Name ?? fieldInfo!.Name;

        public Type Type => property?.PropertyType ?? fieldInfo!.FieldType;

        public bool CanWrite => property is null ? !fieldInfo!.IsInitOnly : property.SetMethod is { IsPublic: true };

        public object? GetValue(object? instance) => property is not null ? property.GetValue(instance) : fieldInfo!.GetValue(instance);

        public void SetValue(object instance, object? value)
        {
            if (property is not null)
            {
                property.SetValue(instance, value);
            }
            else
            {
                fieldInfo!.SetValue(instance, value);
            }
        }
    }
}

/// <summary>A table and objects do not match; the message shows how.</summary>
public sealed class ComparisonException(string message) : Exception(message);

using System.Collections;
using System.Net;
using System.Reflection;

namespace Alpy.Capture.Tests;

/// <summary>Reads every public property of a decoded packet, its layers and their lists, recursively: whatever the bytes, none may throw.</summary>
internal static class Inspector
{
    public static int Touch(object? value, int depth = 0)
    {
        if (value is null || depth > 8)
        {
            return 0;
        }

        Type type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or IPAddress or MacAddress or DateTimeOffset)
        {
            return 1;
        }

        if (value is ReadOnlyMemory<byte> memory)
        {
            return memory.Length;
        }

        int total = 0;
        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                total += Touch(item, depth + 1);
            }

            return total;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && !property.PropertyType.IsByRefLike)
            {
                total += Touch(property.GetValue(value), depth + 1);
            }
        }

        return total;
    }
}

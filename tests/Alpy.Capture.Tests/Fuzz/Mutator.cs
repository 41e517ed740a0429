using System.Buffers.Binary;

namespace Alpy.Capture.Tests.Fuzz;

/// <summary>Deterministic damage to a capture: flipped bits, overwritten bytes, lengths set to extremes, cuts, repeats and insertions.</summary>
internal static class Mutator
{
    private static readonly uint[] Extremes = [0, 1, 11, 12, 15, 16, 0x7F, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF];

    public static byte[] Mutate(byte[] original, Random random, out string description)
    {
        var bytes = new List<byte>(original);
        var steps = new List<string>();
        int count = random.Next(1, 9);
        for (int i = 0; i < count && bytes.Count > 0; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    int bit = random.Next(8);
                    bytes[at] ^= (byte)(1 << bit);
                    steps.Add($"flip bit {bit} at {at}");
                    break;
                case 1:
                    byte value = (byte)random.Next(256);
                    bytes[at] = value;
                    steps.Add($"byte {at} = {value}");
                    break;
                case 2 when bytes.Count >= 4:
                    at = Math.Min(at & ~3, bytes.Count - 4);
                    uint extreme = Extremes[random.Next(Extremes.Length)];
                    byte[] field = new byte[4];
                    if (random.Next(2) == 0)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(field, extreme);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(field, extreme);
                    }

                    for (int j = 0; j < 4; j++)
                    {
                        bytes[at + j] = field[j];
                    }

                    steps.Add($"field {at} = 0x{extreme:x}");
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    steps.Add($"cut at {at}");
                    break;
                case 4:
                    int length = random.Next(1, Math.Min(200, bytes.Count - at) + 1);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    steps.Add($"repeat {length} at {at}");
                    break;
                default:
                    byte[] noise = new byte[random.Next(1, 40)];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    steps.Add($"insert {noise.Length} at {at}");
                    break;
            }
        }

        description = string.Join(", ", steps);
        return [.. bytes];
    }
}

using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// The header of a crypto-agile log (TCG_EfiSpecIDEventStruct, "Spec ID Event03"): which banks every
/// later event carries a digest for, and each digest's size.
/// </summary>
public sealed record SpecIdEvent(uint PlatformClass, byte SpecVersionMajor, byte SpecVersionMinor, byte SpecErrata, byte UintnSize,
    IReadOnlyList<(ushort AlgorithmId, ushort DigestSize)> Algorithms)
{
    internal static readonly byte[] Signature03 = Encoding.ASCII.GetBytes("Spec ID Event03\0");

    internal static bool IsSpecId03(ReadOnlySpan<byte> data) => data.StartsWith(Signature03);

    internal static SpecIdEvent Parse(ReadOnlySpan<byte> data, long offset)
    {
        var reader = new LogReader(data) { EventIndex = 0 };
        try
        {
            reader.Take(16, "the Spec ID signature");
            var platformClass = reader.U32("platformClass");
            var minor = reader.U8("specVersionMinor");
            var major = reader.U8("specVersionMajor");
            var errata = reader.U8("specErrata");
            var uintnSize = reader.U8("uintnSize");
            var count = reader.U32("numberOfAlgorithms");
            if (count is 0 or > 16)
                throw new EventLogException($"the Spec ID event declares {count} algorithms (1 to 16 are possible)", offset, 0);
            var algorithms = new List<(ushort, ushort)>();
            for (var i = 0; i < count; i++)
            {
                var id = reader.U16("algorithmId");
                var size = reader.U16("digestSize");
                if (TpmHashAlgorithms.IsKnown(id) && ((TpmHashAlgorithm)id).DigestSize() != size)
                    throw new EventLogException($"the Spec ID event gives {((TpmHashAlgorithm)id).Name()} a digest size of {size}, not {((TpmHashAlgorithm)id).DigestSize()}", offset, 0);
                if (size is 0 or > 128)
                    throw new EventLogException($"the Spec ID event gives algorithm 0x{id:x4} a digest size of {size}", offset, 0);
                if (algorithms.Exists(a => a.Item1 == id))
                    throw new EventLogException($"the Spec ID event lists algorithm 0x{id:x4} twice", offset, 0);
                algorithms.Add((id, size));
            }
            var vendorSize = reader.U8("vendorInfoSize");
            reader.Take(vendorSize, "vendorInfo");
            return new SpecIdEvent(platformClass, major, minor, errata, uintnSize, algorithms);
        }
        catch (EventLogException e) when (e.Offset < offset)
        {
            // Offsets inside the event data are relative; report them against the whole log.
            throw new EventLogException(e.Message[..e.Message.LastIndexOf(" (", StringComparison.Ordinal)], offset + e.Offset, 0);
        }
    }
}

using System.Buffers.Binary;
using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>One used entry of a GPT partition table as measured in an EV_EFI_GPT_EVENT.</summary>
public sealed record GptPartition(Guid TypeGuid, Guid UniqueGuid, ulong FirstLba, ulong LastLba, string Name);

/// <summary>
/// EV_EFI_GPT_EVENT / EV_EFI_GPT2_EVENT (UEFI_GPT_DATA): the boot disk's GPT header and its used partitions.
/// </summary>
public sealed record GptEvent(Guid DiskGuid, IReadOnlyList<GptPartition> Partitions) : DecodedEvent
{
    private const int HeaderSize = 92;
    private const int MinEntrySize = 128;

    public override string Describe() =>
        $"GPT disk {DiskGuid}: {Partitions.Count} partitions{(Partitions.Count == 0 ? "" : " (" + string.Join(", ", Partitions.Take(8).Select(p => p.Name.Length > 0 ? p.Name : p.TypeGuid.ToString())) + (Partitions.Count > 8 ? ", ..." : "") + ")")}";

    internal static GptEvent Parse(ReadOnlySpan<byte> data)
    {
        var reader = new LogReader(data);
        var header = reader.Take(HeaderSize, "the partition table header");
        if (!header[..8].SequenceEqual("EFI PART"u8))
            throw new EventLogException("the partition table header does not start with \"EFI PART\"", 0);
        var diskGuid = new Guid(header.Slice(56, 16));
        var entrySize = BinaryPrimitives.ReadUInt32LittleEndian(header[84..]);
        var count = reader.U64("NumberOfPartitions");
        if (entrySize < MinEntrySize)
            throw new EventLogException($"SizeOfPartitionEntry {entrySize} is below {MinEntrySize}", 84);
        if (count > (ulong)reader.Remaining / entrySize)
            throw new EventLogException($"{count} partitions of {entrySize} bytes do not fit the {reader.Remaining} bytes left", reader.Position);
        var partitions = new List<GptPartition>();
        for (var i = 0UL; i < count; i++)
        {
            var entry = reader.Take((int)entrySize, "a partition entry");
            var name = Encoding.Unicode.GetString(entry.Slice(56, 72)).TrimEnd('\0');
            partitions.Add(new GptPartition(new Guid(entry[..16]), new Guid(entry.Slice(16, 16)),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[40..]), EventText.Bounded(name)));
        }
        return new GptEvent(diskGuid, partitions);
    }
}

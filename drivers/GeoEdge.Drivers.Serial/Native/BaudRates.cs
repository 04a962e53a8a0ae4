namespace GeoEdge.Drivers.Serial.Native;

/// <summary>Maps a baud rate in bit/s to the Linux <c>B*</c> speed constant (asm-generic/termbits.h).</summary>
internal static class BaudRates
{
    private static readonly (int Baud, uint Speed)[] Table =
    [
        (50, 0x1), (75, 0x2), (110, 0x3), (134, 0x4), (150, 0x5), (200, 0x6), (300, 0x7), (600, 0x8),
        (1200, 0x9), (1800, 0xA), (2400, 0xB), (4800, 0xC), (9600, 0xD), (19200, 0xE), (38400, 0xF),
        (57600, 0x1001), (115200, 0x1002), (230400, 0x1003), (460800, 0x1004), (500000, 0x1005),
        (576000, 0x1006), (921600, 0x1007), (1000000, 0x1008), (1152000, 0x1009), (1500000, 0x100A),
        (2000000, 0x100B), (2500000, 0x100C), (3000000, 0x100D), (3500000, 0x100E), (4000000, 0x100F),
    ];

    internal static uint ToSpeed(int baudRate)
    {
        foreach (var (baud, speed) in Table)
            if (baud == baudRate) return speed;
        throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate,
            $"unsupported baud rate; Linux termios supports {string.Join(", ", Table.Select(t => t.Baud))}");
    }
}

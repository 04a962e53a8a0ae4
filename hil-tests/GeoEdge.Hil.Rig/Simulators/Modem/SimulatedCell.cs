namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The cell the modem camps on. For <see cref="RadioTech.Nr5gSa"/> <see cref="Earfcn"/> is the NR-ARFCN,
/// <see cref="Tac"/> has 24 bits and <see cref="CellId"/> 36 (the NCI); otherwise 16 and 28 bits (E-UTRAN).
/// For <see cref="RadioTech.Nr5gNsa"/> the fields describe the LTE anchor and <see cref="Nr"/> the NR leg.
/// Levels are in the units the modules print: RSRP/RSSI dBm, RSRQ dB, SINR as the module's raw integer.
/// </summary>
public sealed record SimulatedCell(RadioTech Tech, int Mcc, int Mnc, int MncDigits, long Tac, long CellId, int Pci, int Earfcn, int Band, int Rsrp, int Rsrq, int Rssi, int Sinr)
{
    /// <summary>Long alphanumeric operator name (AT+COPS format 0).</summary>
    public string OperatorName { get; init; } = "Vodafone ES";

    /// <summary>Short alphanumeric operator name (AT+COPS format 1).</summary>
    public string OperatorShortName { get; init; } = "vodafone";

    public bool Tdd { get; init; }

    /// <summary>LTE bandwidth codes (0 = 1.4 MHz ... 5 = 20 MHz); for NR SA the NR DL bandwidth code.</summary>
    public int UlBandwidth { get; init; } = 5;

    public int DlBandwidth { get; init; } = 5;

    /// <summary>NR SA subcarrier spacing code (0 = 15 kHz, 1 = 30 kHz).</summary>
    public int Scs { get; init; }

    /// <summary>Channel quality and transmit power, printed only by the 5G modules' LTE line.</summary>
    public int Cqi { get; init; } = 10;

    public int TxPower { get; init; } = 100;

    /// <summary>Cell-selection RX level; null prints "-" as a module does when it has none.</summary>
    public int? Srxlev { get; init; }

    public NrSecondaryCell? Nr { get; init; }

    /// <summary>MCC and MNC as digits ("21401"): AT+COPS numeric format, and the IMSI prefix of a home SIM.</summary>
    public string Plmn => $"{Mcc:D3}{MncText}";

    internal string MncText => Mnc.ToString(MncDigits == 3 ? "D3" : "D2");

    public static SimulatedCell ExampleLte { get; } = new(RadioTech.Lte, 214, 1, 2, 0x1A2B, 0x1A2B3C4, 123, 1850, 3, -95, -10, -65, 12);

    public static SimulatedCell ExampleEmtc { get; } = new(RadioTech.Emtc, 214, 1, 2, 0x1A2B, 0x1A2B3C4, 123, 6300, 20, -98, -11, -68, 9) { UlBandwidth = 3, DlBandwidth = 3 };

    public static SimulatedCell ExampleNr5gNsa { get; } = ExampleLte with { Tech = RadioTech.Nr5gNsa, Nr = new NrSecondaryCell(501, 627264, 78, -88, 18, -11, 12, 1) };

    public static SimulatedCell ExampleNr5gSa { get; } = new(RadioTech.Nr5gSa, 214, 7, 2, 0x3C1A, 0x2F6E8B00C, 501, 627264, 78, -88, -11, -65, 18)
    {
        OperatorName = "Movistar", OperatorShortName = "Movistar", Tdd = true, DlBandwidth = 12, Scs = 0,
    };

    public static SimulatedCell ExampleFor(RadioTech tech) => tech switch
    {
        RadioTech.Lte => ExampleLte,
        RadioTech.Emtc => ExampleEmtc,
        RadioTech.Nr5gNsa => ExampleNr5gNsa,
        RadioTech.Nr5gSa => ExampleNr5gSa,
        _ => throw new ArgumentOutOfRangeException(nameof(tech), tech, "no such radio technology"),
    };

    /// <exception cref="ArgumentException">A field is outside what the air interface can carry.</exception>
    public void Validate()
    {
        var nr = Tech == RadioTech.Nr5gSa;
        InRange(Mcc, 0, 999, nameof(Mcc));
        if (MncDigits is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(MncDigits), MncDigits, "an MNC has 2 or 3 digits");
        InRange(Mnc, 0, MncDigits == 3 ? 999 : 99, nameof(Mnc));
        InRange(Tac, 0, nr ? 0xFFFFFF : 0xFFFF, nameof(Tac));
        InRange(CellId, 0, nr ? (1L << 36) - 1 : (1L << 28) - 1, nameof(CellId));
        InRange(Pci, 0, nr ? 1007 : 503, nameof(Pci));
        InRange(Earfcn, 0, nr ? 3279165 : 262143, nameof(Earfcn));
        InRange(Band, 1, 512, nameof(Band));
        foreach (var (name, text) in new[] { (nameof(OperatorName), OperatorName), (nameof(OperatorShortName), OperatorShortName) })
            if (string.IsNullOrEmpty(text) || text.Any(c => c is '"' or < ' ' or > '~'))
                throw new ArgumentException($"{name} must be printable ASCII without quotes, not '{text}'", name);
        if ((Tech == RadioTech.Nr5gNsa) != (Nr is not null))
            throw new ArgumentException($"a {Tech} cell {(Nr is null ? "needs" : "cannot have")} an NR secondary cell", nameof(Nr));
        Nr?.Validate();
    }

    private static void InRange(long value, long min, long max, string name)
    {
        if (value < min || value > max) throw new ArgumentOutOfRangeException(name, value, $"{name} must be {min}..{max}");
    }
}

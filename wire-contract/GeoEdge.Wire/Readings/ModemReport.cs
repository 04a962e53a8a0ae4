namespace GeoEdge.Wire.Readings;

/// <summary>
/// The LTE/NR modem and its SIM as the agent read them this cycle (AT commands): identities for the
/// host composition, SIM state, and the serving cell for the Geolocation service. The agent reports;
/// the bridge decides what a change means.
/// </summary>
public sealed record ModemReport
{
    /// <summary>The modem's IMEI (15 digits, Luhn-checked by the agent); null when it could not be read.</summary>
    public string? Imei { get; init; }

    /// <summary>The SIM's IMSI (6-15 digits); null without a ready SIM.</summary>
    public string? Imsi { get; init; }

    /// <summary>The SIM's ICCID (18-20 digits); null without a ready SIM.</summary>
    public string? Iccid { get; init; }

    /// <summary>SIM state from +CPIN (<see cref="SimStates"/>).</summary>
    public required string Sim { get; init; }

    /// <summary>The SIM-detect line, where one is wired: true inserted, false removed.</summary>
    public bool? SimDetect { get; init; }

    /// <summary>The registered network as MCC+MNC digits (e.g. "21401"); null when not registered.</summary>
    public string? Operator { get; init; }

    /// <summary>The serving cell; null without service.</summary>
    public CellReport? Cell { get; init; }
}

/// <summary>A serving cell: the keys of a cell database (radio, MCC, MNC, area, cell id) and what was measured.</summary>
public sealed record CellReport
{
    /// <summary><see cref="CellRadios"/>: gsm, umts, lte, lte-m, nr.</summary>
    public required string Radio { get; init; }

    public required int Mcc { get; init; }
    public required int Mnc { get; init; }

    /// <summary>Tracking (LTE/NR) or location (GSM/UMTS) area code.</summary>
    public long? Area { get; init; }

    /// <summary>The cell identity as the network broadcasts it (28-bit ECI for LTE, 36-bit NCI for NR).</summary>
    public required long CellId { get; init; }

    public int? Pci { get; init; }
    public int? Earfcn { get; init; }

    /// <summary>Reference signal received power, dBm.</summary>
    public int? Rsrp { get; init; }
}

/// <summary>SIM states as the wire names them.</summary>
public static class SimStates
{
    public const string Ready = "ready";
    public const string PinRequired = "pin-required";
    public const string PukRequired = "puk-required";
    public const string NotInserted = "not-inserted";
    public const string NotReady = "not-ready";
    public const string Error = "error";

    public static bool IsKnown(string value) => value is Ready or PinRequired or PukRequired or NotInserted or NotReady or Error;
}

/// <summary>Radio technologies as the wire names them.</summary>
public static class CellRadios
{
    public const string Gsm = "gsm";
    public const string Umts = "umts";
    public const string Lte = "lte";
    public const string LteM = "lte-m";
    public const string Nr = "nr";

    public static bool IsKnown(string value) => value is Gsm or Umts or Lte or LteM or Nr;
}

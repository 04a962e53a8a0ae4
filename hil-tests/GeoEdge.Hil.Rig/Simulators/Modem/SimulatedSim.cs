namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// A SIM card: ICCID (18 to 20 digits, ITU-T E.118) and IMSI (6 to 15 digits, MCC + MNC + MSIN). With a
/// <see cref="Pin"/> it starts locked: AT+CPIN? says SIM PIN and AT+CIMI fails until AT+CPIN="pin".
/// </summary>
public sealed record SimulatedSim(string Iccid, string Imsi)
{
    public string? Pin { get; init; }

    public static SimulatedSim Example { get; } = new("8934011234567890123", "214011234567890");

    /// <exception cref="ArgumentException">A field is not what a SIM could hold.</exception>
    public void Validate()
    {
        RequireDigits(Iccid, 18, 20, nameof(Iccid));
        RequireDigits(Imsi, 6, 15, nameof(Imsi));
        if (Pin is not null) RequireDigits(Pin, 4, 8, nameof(Pin));
    }

    internal static void RequireDigits(string? value, int min, int max, string name)
    {
        if (value is null || value.Length < min || value.Length > max || !value.All(char.IsAsciiDigit))
            throw new ArgumentException($"{name} must be {min} to {max} decimal digits, not '{value}'", name);
    }
}

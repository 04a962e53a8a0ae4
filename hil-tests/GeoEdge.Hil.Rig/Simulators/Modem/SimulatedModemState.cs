namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>What the module and its surroundings are: its IMEI, the SIM in the slot (null: none) and the cell it camps on (null: no coverage).</summary>
public sealed record SimulatedModemState(string Imei, SimulatedSim? Sim, SimulatedCell? Cell)
{
    /// <summary>A Luhn-valid IMEI (TAC 86796204).</summary>
    public const string ExampleImei = "867962041234561";

    /// <summary>The example SIM on the example cell of the profile's default technology.</summary>
    public static SimulatedModemState ExampleFor(ModemProfile profile) =>
        new(ExampleImei, SimulatedSim.Example, SimulatedCell.ExampleFor(profile.DefaultTech));

    /// <exception cref="ArgumentException">The IMEI is not 15 digits with a valid Luhn check digit, or the SIM or cell is invalid.</exception>
    public void Validate()
    {
        SimulatedSim.RequireDigits(Imei, 15, 15, nameof(Imei));
        if (!LuhnValid(Imei)) throw new ArgumentException($"IMEI {Imei} fails its Luhn check digit", nameof(Imei));
        Sim?.Validate();
        Cell?.Validate();
    }

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[^(i + 1)] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}

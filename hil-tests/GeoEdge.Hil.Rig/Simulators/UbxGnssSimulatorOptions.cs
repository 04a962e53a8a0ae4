namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>Fixed settings of a <see cref="UbxGnssSimulator"/>; what changes while it runs has setters on the simulator.</summary>
public sealed record UbxGnssSimulatorOptions
{
    /// <summary>1 = real time (one 2-second page slot every 2 s); tests run at 20 or more.</summary>
    public double SpeedFactor { get; init; } = 1;

    /// <summary>At the end of the scenario start again from its first slot (same GST: time goes back), or stop.</summary>
    public bool Loop { get; init; }

    /// <summary>Also write NMEA GGA and RMC for the same position each slot, as a receiver with both protocols on does.</summary>
    public bool EmitNmea { get; init; }

    /// <summary>GPS satellites NAV-SAT lists as used alongside the Galileo ones (a receiver never navigates on Galileo alone).</summary>
    public IReadOnlyList<int> GpsSvids { get; init; } = [];

    public int BaudRate { get; init; } = 115200;

    /// <summary>
    /// Date the fix (NAV-PVT, NMEA) with the host's clock instead of the recorded sky's GST, as a lab simulator
    /// replaying an archived sky does so that the host under test sees a current fix. The pages keep their GST.
    /// </summary>
    public bool FixTimeFromHostClock { get; init; }

    internal TimeSpan SlotInterval => TimeSpan.FromSeconds(2 / SpeedFactor);

    internal void Validate()
    {
        if (!double.IsFinite(SpeedFactor) || SpeedFactor <= 0 || SpeedFactor > 1000)
            throw new ArgumentOutOfRangeException(nameof(SpeedFactor), SpeedFactor, "speed factor is 0 < x <= 1000");
        foreach (var svid in GpsSvids)
            if (svid is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(GpsSvids), svid, "GPS PRNs are 1..32");
    }
}

using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>A named demo scenario: how the rig is set up and what it does to the system.</summary>
public sealed record DemoScenario(string Name, string Description, RigOptions Options, bool ForgeReadings)
{
    /// <summary>Lyon: about 1,000 km from the Madrid fence.</summary>
    private const double LyonLatitude = 45.764043, LyonLongitude = 4.835659;

    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        new("nominal", "the host is in central Madrid, inside its 5 km fence", new RigOptions(), false),
        new("outside-fence", "the host reports Lyon, far outside its Madrid fence",
            new RigOptions { Latitude = LyonLatitude, Longitude = LyonLongitude }, false),
        new("forged-reading", "an attacker on the broker republishes each reading with a moved position and the original quote",
            new RigOptions(), true),
    ];

    public static DemoScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}

using GeoEdge.Drivers.Osnma.State;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Warm and hot starts through <see cref="FileOsnmaStateStore"/>; damaged or forged state is never trusted.</summary>
public sealed class StateStoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("osnma-state-").FullName;
    private static readonly OsnmaScenario Scenario = OsnmaScenario.Named("configuration_2");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string StatePath => Path.Combine(_directory, "osnma.state");

    private IReadOnlyList<Gnss.Galileo.GalileoPage> FirstMinutes(int minutes) =>
        Scenario.Pages.Where(p => p.Start - Scenario.Pages[0].Start < minutes * 60).ToList();

    /// <summary>A cold run long enough to get the key from DSM-PKR and the KROOT, saving to the store.</summary>
    private byte[] SaveColdState()
    {
        var events = new List<OsnmaEvent>();
        var receiver = Scenario.Receiver(Scenario.Anchors(withPublicKey: false), events, new FileOsnmaStateStore(StatePath));
        OsnmaScenario.Feed(receiver, FirstMinutes(15));
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.StateSaved);
        var saves = events.Count(e => e.Kind == OsnmaEventKinds.StateSaved);
        output.WriteLine($"{saves} saves in 15 minutes");
        foreach (var e in events.Where(e => e.Kind is OsnmaEventKinds.StateSaved or OsnmaEventKinds.KrootVerified)) output.WriteLine($"{e.At} {e.Kind} {e.Message}");
        Assert.InRange(saves, 1, 5); // only when the material changes, not per page or subframe
        return File.ReadAllBytes(StatePath);
    }

    [Fact]
    public void Hot_start_from_the_stored_state_with_only_the_Merkle_root_given()
    {
        SaveColdState();
        var events = new List<OsnmaEvent>();
        var receiver = Scenario.Receiver(Scenario.Anchors(withPublicKey: false), events, new FileOsnmaStateStore(StatePath));
        Assert.Equal(OsnmaStartMode.Hot, receiver.Status.StartMode);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.StateLoaded);
        OsnmaScenario.Feed(receiver, FirstMinutes(10));
        var c = receiver.Counters;
        output.WriteLine($"hot from store: {c}");
        Assert.InRange(c.FirstAuthenticated!.Value - c.FirstPage!.Value, 0, 180);
        Assert.Equal(0, c.TagsFailed);
    }

    [Fact]
    public void Warm_start_from_a_state_holding_only_the_public_key()
    {
        var original = SaveColdState();
        var state = OsnmaStateCodec.Decode(original);
        File.WriteAllBytes(StatePath, OsnmaStateCodec.Encode(state with { Kroots = [], Tesla = null }));
        var receiver = Scenario.Receiver(Scenario.Anchors(withPublicKey: false), store: new FileOsnmaStateStore(StatePath));
        Assert.Equal(OsnmaStartMode.Warm, receiver.Status.StartMode);
        Assert.Equal(new[] { 2 }, receiver.Status.VerifiedPublicKeyIds);
    }

    [Fact]
    public void A_damaged_state_file_is_rejected_and_the_receiver_starts_cold()
    {
        var bytes = SaveColdState();
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(StatePath, bytes);
        AssertRejectedThenCold("checksum");
    }

    [Fact]
    public void A_truncated_or_foreign_state_file_is_rejected()
    {
        File.WriteAllBytes(StatePath, "not an OSNMA state at all, just some text that is long enough"u8.ToArray());
        AssertRejectedThenCold("checksum");
        File.WriteAllBytes(StatePath, [1, 2, 3]);
        AssertRejectedThenCold("too short");
    }

    [Fact]
    public void A_forged_KROOT_with_a_valid_checksum_is_rejected()
    {
        var state = OsnmaStateCodec.Decode(SaveColdState());
        var dsm = state.Kroots[0].Dsm.ToArray();
        dsm[20] ^= 0x01; // inside the KROOT: the signature no longer covers it
        File.WriteAllBytes(StatePath, OsnmaStateCodec.Encode(state with { Kroots = [state.Kroots[0] with { Dsm = dsm }] }));
        AssertRejectedThenCold("DSM-KROOT");
    }

    [Fact]
    public void A_public_key_without_proof_is_rejected()
    {
        var state = OsnmaStateCodec.Decode(SaveColdState());
        File.WriteAllBytes(StatePath, OsnmaStateCodec.Encode(state with { Keys = [state.Keys[0] with { DsmPkr = null }] }));
        AssertRejectedThenCold("neither the given anchor nor proven");
    }

    [Fact]
    public void A_TESLA_key_not_on_the_chain_is_rejected()
    {
        var state = OsnmaStateCodec.Decode(SaveColdState());
        var key = state.Tesla!.Key.ToArray();
        key[0] ^= 0x80;
        File.WriteAllBytes(StatePath, OsnmaStateCodec.Encode(state with { Tesla = state.Tesla with { Key = key } }));
        AssertRejectedThenCold("TESLA key");
    }

    [Fact]
    public void The_state_file_is_replaced_atomically()
    {
        var store = new FileOsnmaStateStore(StatePath);
        store.Save([1, 2, 3]);
        store.Save([4, 5]);
        Assert.Equal(new byte[] { 4, 5 }, store.Load());
        Assert.Equal(new[] { "osnma.state" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.Null(new FileOsnmaStateStore(Path.Combine(_directory, "absent")).Load());
    }

    private void AssertRejectedThenCold(string reason)
    {
        var events = new List<OsnmaEvent>();
        var receiver = Scenario.Receiver(Scenario.Anchors(withPublicKey: false), events, new FileOsnmaStateStore(StatePath));
        var rejected = Assert.Single(events, e => e.Kind == OsnmaEventKinds.StateRejected);
        output.WriteLine(rejected.Message);
        Assert.Contains(reason, rejected.Message, StringComparison.Ordinal);
        Assert.Equal(OsnmaStartMode.Cold, receiver.Status.StartMode);
        Assert.Empty(receiver.Status.VerifiedPublicKeyIds);
        Assert.Empty(receiver.Status.KnownChainIds);
    }
}

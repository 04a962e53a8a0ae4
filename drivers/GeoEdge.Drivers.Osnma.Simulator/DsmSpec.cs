namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>Which DSM a slot of the HKROOT rotation sends; equality is by the chain/key/tree objects.</summary>
internal abstract record DsmSpec;

/// <summary>A DSM-KROOT of <paramref name="Chain"/> signed by <paramref name="Signer"/>.</summary>
internal sealed record KrootSpec(TeslaChain Chain, OsnmaKeyPair Signer) : DsmSpec;

/// <summary>A DSM-PKR for leaf <paramref name="Leaf"/> of <paramref name="Tree"/>.</summary>
internal sealed record PkrSpec(OsnmaMerkleTree Tree, int Leaf) : DsmSpec;

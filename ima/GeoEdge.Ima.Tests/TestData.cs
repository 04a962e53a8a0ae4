using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Ima.Tests;

/// <summary>Real TPM data in ../shared/testdata/tpm beside the repository root.</summary>
internal static class TestData
{
    public static string Tpm(string relative) => Path.Combine(RepoPaths.SharedTestData, "tpm", relative);
}

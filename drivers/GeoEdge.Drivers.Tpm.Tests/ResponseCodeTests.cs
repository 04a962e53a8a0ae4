namespace GeoEdge.Drivers.Tpm.Tests;

/// <summary>Decoding of TSS2_RC values into layer and TPM_RC name (no TPM needed).</summary>
public sealed class ResponseCodeTests
{
    [Theory]
    [InlineData(0x0000018bu, "TPM", TpmResponseCodes.Handle, "TPM_RC_HANDLE", "handle 1")]
    [InlineData(0x0000099du, "TPM", TpmResponseCodes.PolicyFail, "TPM_RC_POLICY_FAIL", "session 1")]
    [InlineData(0x000001dfu, "TPM", TpmResponseCodes.Integrity, "TPM_RC_INTEGRITY", "parameter 1")]
    [InlineData(0x0000014au, "TPM", TpmResponseCodes.NvUninitialized, "TPM_RC_NV_UNINITIALIZED", "")]
    [InlineData(0x00000902u, "TPM", TpmResponseCodes.ObjectMemory, "TPM_RC_OBJECT_MEMORY", "")]
    public void Tpm_codes_are_named_with_their_location(uint rc, string layer, uint baseCode, string name, string location)
    {
        var error = new TpmException(rc, "Esys_Test");

        Assert.Equal(layer, error.Layer);
        Assert.Equal(baseCode, error.TpmBaseCode);
        Assert.Equal(name, error.TpmCodeName);
        Assert.True(error.Is(baseCode));
        Assert.Contains(name, error.Message);
        Assert.Contains(location, error.Message);
        Assert.StartsWith("Esys_Test failed with 0x", error.Message);
    }

    [Theory]
    [InlineData(0x000a000au, "TCTI")]   // TSS2_TCTI_RC_IO_ERROR
    [InlineData(0x00070005u, "ESAPI")]  // TSS2_ESYS_RC_BAD_REFERENCE
    [InlineData(0x00090006u, "MU")]     // TSS2_MU_RC_INSUFFICIENT_BUFFER
    public void Tss_layer_codes_have_no_tpm_name(uint rc, string layer)
    {
        var error = new TpmException(rc, "op");

        Assert.Equal(layer, error.Layer);
        Assert.Null(error.TpmBaseCode);
        Assert.Null(error.TpmCodeName);
        Assert.False(error.Is(TpmResponseCodes.Handle));
    }

    [Fact]
    public void Unknown_tcti_fails_to_open_with_a_tcti_loader_error()
    {
        var error = Assert.Throws<TpmException>(() => TpmDevice.Open("nosuchtcti:foo"));
        Assert.Contains("Tss2_TctiLdr_Initialize", error.Operation);
        Assert.Null(error.TpmBaseCode);
    }

    [Fact]
    public void Nothing_listening_fails_to_open_instead_of_hanging()
    {
        var port = GeoEdge.Hil.Rig.Processes.FreePort.Next();
        Assert.Throws<TpmException>(() => TpmDevice.Open($"swtpm:host=127.0.0.1,port={port}"));
    }
}

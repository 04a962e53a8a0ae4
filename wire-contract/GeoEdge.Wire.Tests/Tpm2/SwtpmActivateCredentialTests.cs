using System.Security.Cryptography;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>
/// The real check of MakeCredential: a software TPM (swtpm, on a free loopback port) creates the EK
/// and AK with tpm2-tools, the managed MakeCredential protects a secret, and the TPM's own
/// TPM2_ActivateCredential must recover it, and must refuse a tampered blob.
/// </summary>
public sealed class SwtpmActivateCredentialTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("rsa", "rsassa")]
    [InlineData("ecc", "ecdsa")]
    public async Task TpmActivatesTheManagedCredential(string keyType, string akScheme)
    {
        using var rig = new RigDirectory("tpm2-activate");
        var port = FreePort.NextPair();
        using var swtpm = RigProcess.Start("swtpm", "swtpm",
            ["socket", "--tpm2", "--tpmstate", $"dir={rig.Sub("state")}",
             "--server", $"type=tcp,port={port},bindaddr=127.0.0.1",
             "--ctrl", $"type=tcp,port={port + 1},bindaddr=127.0.0.1",
             "--flags", "not-need-init,startup-clear"], rig.Path);
        await FreePort.WaitListeningAsync(port, TimeSpan.FromSeconds(10), () => !swtpm.HasExited);
        var tools = new Tpm2Tools(rig, $"swtpm:host=127.0.0.1,port={port}");

        await tools.Run("tpm2_createek", "-c", "ek.ctx", "-G", keyType, "-u", "ek.pub");
        await tools.Run("tpm2_createak", "-C", "ek.ctx", "-c", "ak.ctx", "-G", keyType, "-g", "sha256", "-s", akScheme,
            "-u", "ak.pub", "-n", "ak.name");
        await tools.Run("tpm2_flushcontext", "-t"); // swtpm has no resource manager

        var ek = TpmPublic.Parse(File.ReadAllBytes(rig.File("ek.pub")));
        var akName = TpmPublic.Parse(File.ReadAllBytes(rig.File("ak.pub"))).ComputeName();
        Assert.Equal(File.ReadAllBytes(rig.File("ak.name")), akName); // the TPM's own Name for the AK
        var credential = RandomNumberGenerator.GetBytes(32);
        var made = MakeCredential.Create(ek, akName, credential);

        File.WriteAllBytes(rig.File("cred.blob"), Tpm2ToolsCredentialFile(made.CredentialBlob, made.Secret));
        Assert.Equal(0, await tools.Activate("cred.blob", "secret.out"));
        Assert.Equal(credential, File.ReadAllBytes(rig.File("secret.out")));

        var tampered = (byte[])made.CredentialBlob.Clone();
        tampered[^1] ^= 1;
        File.WriteAllBytes(rig.File("tampered.blob"), Tpm2ToolsCredentialFile(tampered, made.Secret));
        Assert.NotEqual(0, await tools.Activate("tampered.blob", "tampered.out"));
        Assert.False(File.Exists(rig.File("tampered.out")) && File.ReadAllBytes(rig.File("tampered.out")).SequenceEqual(credential));
    }

    /// <summary>tpm2-tools' credential file: magic 0xBADCC0DE, version 1, TPM2B_ID_OBJECT, TPM2B_ENCRYPTED_SECRET.</summary>
    private static byte[] Tpm2ToolsCredentialFile(byte[] credentialBlob, byte[] secret) =>
        new TpmWriter().U32(0xBADCC0DE).U32(1).Bytes(credentialBlob).Bytes(secret).ToArray();

    private sealed class Tpm2Tools(RigDirectory rig, string tcti)
    {
        private int _step;

        public async Task Run(string tool, params string[] arguments)
        {
            var exit = await TryRun(tool, arguments);
            if (exit.Code != 0) throw new RigException($"{tool} exited {exit.Code}: {exit.Tail}");
        }

        /// <summary>
        /// TPM2_ActivateCredential with the EK's PolicySecret(endorsement) session, as the EK's
        /// policy demands; returns the tool's exit code. Every transient object is flushed after.
        /// </summary>
        public async Task<int> Activate(string blob, string output)
        {
            await Run("tpm2_startauthsession", "--policy-session", "-S", "session.ctx");
            await Run("tpm2_policysecret", "-S", "session.ctx", "-c", "e");
            var exit = await TryRun("tpm2_activatecredential", ["-c", "ak.ctx", "-C", "ek.ctx", "-i", blob, "-o", output, "-P", "session:session.ctx"]);
            await TryRun("tpm2_flushcontext", ["session.ctx"]); // already gone when activation succeeded
            await Run("tpm2_flushcontext", "-t");
            return exit.Code;
        }

        private async Task<(int Code, string Tail)> TryRun(string tool, string[] arguments)
        {
            using var process = RigProcess.Start($"{++_step:00}-{tool}", tool, arguments, rig.Path,
                new Dictionary<string, string> { ["TPM2TOOLS_TCTI"] = tcti });
            var code = await process.WaitForExitAsync(ToolTimeout);
            return (code, process.Tail());
        }
    }
}

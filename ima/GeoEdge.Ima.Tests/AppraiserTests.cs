using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GeoEdge.Ima.Tests;

/// <summary>Keylime's outcomes (test/test_ima_verification.py and expected.json) reproduced entry by entry.</summary>
public sealed class AppraiserTests
{
    private static RuntimePolicy Inline => RuntimePolicy.Parse(Expected.Bytes("ima/keylime/runtime_policy_test_inline.json"));

    private static ImaVerificationKeys RsaKey => ImaVerificationKeys.FromPem(Expected.Text("ima/keylime/rsa2048pub.pem"));

    private static ImaVerificationKeys EcKey => ImaVerificationKeys.FromPem(Expected.Text("ima/keylime/secp256k1.pem"));

    private static List<ImaEntryVerdict> Appraise(string list, ImaAppraiser appraiser) =>
        Expected.Entries(list).Select(appraiser.Appraise).ToList();

    [Fact]
    public void Measurements_pass_with_the_inline_policy_fail_with_an_empty_one_and_pass_with_none()
    {
        Assert.All(Appraise("ima/keylime/measurements.txt", new ImaAppraiser(Inline)), v => Assert.Equal((true, ImaFindingCodes.Ok), (v.Passed, v.Code)));
        var empty = Appraise("ima/keylime/measurements.txt", new ImaAppraiser(RuntimePolicy.Empty));
        Assert.All(empty, v => Assert.Equal((false, ImaFindingCodes.PathNotInPolicy), (v.Passed, v.Code)));
        Assert.Contains("not in the policy's digests", empty[1].Detail, StringComparison.Ordinal);
        Assert.All(Appraise("ima/keylime/measurements.txt", new ImaAppraiser(null)), v => Assert.True(v.Passed));
    }

    [Fact]
    public void A_digest_not_listed_for_its_path_fails_naming_what_was_listed()
    {
        var policy = RuntimePolicy.Parse("""{"meta":{"version":1},"digests":{"boot_aggregate":["00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"]}}"""u8);
        var verdict = new ImaAppraiser(policy).Appraise(Expected.Entries("ima/keylime/measurements.txt")[0]);
        Assert.Equal((false, ImaFindingCodes.DigestNotInPolicy), (verdict.Passed, verdict.Code));
        Assert.Contains("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_entries_without_a_policy_pass_only_with_the_key_that_signed_them()
    {
        var rsa = Appraise("ima/keylime/signatures.txt", new ImaAppraiser(null, RsaKey));
        Assert.Equal([true, false], rsa.Select(v => v.Passed));
        Assert.Equal(ImaFindingCodes.SignatureInvalid, rsa[1].Code);
        var ec = Appraise("ima/keylime/signatures.txt", new ImaAppraiser(null, EcKey));
        Assert.Equal([false, true], ec.Select(v => v.Passed));
        Assert.All(Appraise("ima/keylime/signatures.txt", new ImaAppraiser(null, RsaKey.With(EcKey))), v => Assert.True(v.Passed, v.Detail));
        Assert.All(Appraise("ima/keylime/signatures.txt", new ImaAppraiser(null, ImaVerificationKeys.Empty)), v => Assert.False(v.Passed));
        Assert.All(Appraise("ima/keylime/signatures.txt", new ImaAppraiser(null)), v => Assert.True(v.Passed));
    }

    [Fact]
    public void A_valid_signature_passes_a_file_the_policy_does_not_list_and_the_policy_passes_what_the_keys_cannot()
    {
        Assert.All(Appraise("ima/keylime/signatures.txt", new ImaAppraiser(RuntimePolicy.Empty, RsaKey.With(EcKey))), v => Assert.True(v.Passed, v.Detail));
        var fallback = Appraise("ima/keylime/signatures.txt", new ImaAppraiser(Inline, ImaVerificationKeys.Empty));
        Assert.All(fallback, v => Assert.Equal((true, ImaFindingCodes.Ok), (v.Passed, v.Code)));
        var neither = Appraise("ima/keylime/signatures.txt", new ImaAppraiser(RuntimePolicy.Empty, RsaKey));
        Assert.Equal([true, false], neither.Select(v => v.Passed));
        Assert.Contains("signature: no key with keyid 0x531f4025", neither[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verification_keys_in_the_policy_verify_signatures()
    {
        using var ec = ECDsa.Create();
        ec.ImportFromPem(Expected.Text("ima/keylime/secp256k1.pem"));
        var keys = $$"""{"pubkeys":["{{Convert.ToBase64String(ec.ExportSubjectPublicKeyInfo())}}"]}""".Replace("\"", "\\\"");
        var policy = RuntimePolicy.Parse(Encoding.UTF8.GetBytes($$"""{"meta":{"version":1},"verification-keys":"{{keys}}"}"""));
        Assert.Equal([false, true], Appraise("ima/keylime/signatures.txt", new ImaAppraiser(policy)).Select(v => v.Passed));
    }

    [Fact]
    public void The_bad_signature_list_fails_on_its_template_hash_whatever_the_keys_and_policy()
    {
        foreach (var appraiser in new[] { new ImaAppraiser(Inline, RsaKey.With(EcKey)), new ImaAppraiser(null), new ImaAppraiser(Inline) })
        {
            var verdict = Appraise("ima/keylime/bad_signatures.txt", appraiser).Single();
            Assert.Equal((false, ImaFindingCodes.TemplateHashMismatch), (verdict.Passed, verdict.Code));
        }
        // Even with its template hash made right, the malformed signature does not verify.
        var bad = Expected.Entries("ima/keylime/bad_signatures.txt").Single();
        var rehashed = bad with { TemplateHash = SHA1.HashData(bad.TemplateData) };
        var again = new ImaAppraiser(null, EcKey).Appraise(rehashed);
        Assert.Equal((false, ImaFindingCodes.SignatureInvalid), (again.Passed, again.Code));
        Assert.Contains("0x4800", again.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_loaded_onto_the_ima_keyring_must_be_listed_under_keyrings_unless_the_keyring_is_ignored()
    {
        var listed = Appraise("ima/keylime/keyrings.txt", new ImaAppraiser(Inline)).Single();
        Assert.Equal((true, ImaFindingCodes.Ok), (listed.Passed, listed.Code));
        var unlisted = Appraise("ima/keylime/keyrings.txt", new ImaAppraiser(RuntimePolicy.Empty)).Single();
        Assert.Equal((false, ImaFindingCodes.KeyringNotInPolicy), (unlisted.Passed, unlisted.Code));
        var ignoring = RuntimePolicy.Parse("""{"meta":{"version":1},"ima":{"ignored_keyrings":[".ima"]}}"""u8);
        Assert.Equal((true, ImaFindingCodes.Excluded), Appraise("ima/keylime/keyrings.txt", new ImaAppraiser(ignoring)).Select(v => (v.Passed, v.Code)).Single());
        var all = RuntimePolicy.Parse("""{"meta":{"version":1},"ima":{"ignored_keyrings":["*"]}}"""u8);
        Assert.True(Appraise("ima/keylime/keyrings.txt", new ImaAppraiser(all)).Single().Passed);
    }

    [Fact]
    public void An_accepted_keyring_key_verifies_later_signatures_as_the_kernel_would_use_it()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ima test key", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(Convert.FromHexString("00112233445566778899aabbccddeeff0a0b0c0d"), false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var der = certificate.Export(X509ContentType.Cert);
        var bufDigest = new ImaDigest("sha256", SHA256.HashData(der));
        var keyEntry = ImaEntry.Build(0, "ima-buf", bufDigest, ".ima", buffer: der);

        var file = new ImaDigest("sha256", SHA256.HashData("a program"u8));
        var signature = key.SignHash(file.Value, DSASignatureFormat.Rfc3279DerSequence);
        var header = new byte[] { 3, 2, 4, 0x0a, 0x0b, 0x0c, 0x0d, 0, (byte)signature.Length };
        var signed = ImaEntry.Build(1, "ima-sig", file, "/usr/bin/program", header.Concat(signature).ToArray());

        var policy = RuntimePolicy.Parse(Encoding.UTF8.GetBytes($$$"""{"meta":{"version":1},"keyrings":{".ima":["{{{Convert.ToHexStringLower(bufDigest.Value)}}}"]}}"""));
        var appraiser = new ImaAppraiser(policy, ImaVerificationKeys.Empty);
        var before = new ImaAppraiser(policy, ImaVerificationKeys.Empty).Appraise(signed);
        Assert.Equal((false, ImaFindingCodes.PathNotInPolicy), (before.Passed, before.Code));
        Assert.True(appraiser.Appraise(keyEntry).Passed);
        Assert.Contains(0x0a0b0c0du, appraiser.Keys.KeyIds);
        var after = appraiser.Appraise(signed);
        Assert.True(after.Passed, after.Detail);
        Assert.Contains("signature verified with key 0x0a0b0c0d", after.Detail, StringComparison.Ordinal);
        // Without keys to check signatures with, Keylime learns nothing either.
        var noKeys = new ImaAppraiser(policy);
        Assert.True(noKeys.Appraise(keyEntry).Passed);
        Assert.False(noKeys.Appraise(signed).Passed);
    }

    [Fact]
    public void Other_buffers_must_be_listed_under_ima_buf()
    {
        var cmdline = Encoding.ASCII.GetBytes("root=/dev/sda1 ro");
        var digest = new ImaDigest("sha256", SHA256.HashData(cmdline));
        var entry = ImaEntry.Build(0, "ima-buf", digest, "kexec-cmdline", buffer: cmdline);
        var verdict = new ImaAppraiser(Inline).Appraise(entry);
        Assert.Equal((false, ImaFindingCodes.ImaBufNotInPolicy), (verdict.Passed, verdict.Code));
        var listing = RuntimePolicy.Parse(Encoding.UTF8.GetBytes($$$"""{"meta":{"version":1},"ima-buf":{"kexec-cmdline":["{{{Convert.ToHexStringLower(digest.Value)}}}"]}}"""));
        Assert.True(new ImaAppraiser(listing).Appraise(entry).Passed);
    }

    [Fact]
    public void The_violation_in_the_sha1_list_passes_as_Keylime_by_default_and_fails_when_asked()
    {
        var verdicts = Appraise("ima/keylime/ima-log-sha1", new ImaAppraiser(null));
        Assert.Equal([ImaFindingCodes.Violation, ImaFindingCodes.Ok], verdicts.Select(v => v.Code));
        Assert.All(verdicts, v => Assert.True(v.Passed));
        var strict = Appraise("ima/keylime/ima-log-sha1", new ImaAppraiser(null, failViolations: true));
        Assert.Equal([false, true], strict.Select(v => v.Passed));
    }

    [Fact]
    public void Excluded_paths_pass_whatever_their_digest_or_signature()
    {
        var excludeAll = RuntimePolicy.Parse("""{"meta":{"version":1},"excludes":["boot_aggregate","/lib/modules/.*","/usr/bin/.*"]}"""u8);
        Assert.All(Appraise("ima/keylime/measurements.txt", new ImaAppraiser(excludeAll)), v => Assert.Equal(ImaFindingCodes.Excluded, v.Code));
        Assert.All(Appraise("ima/keylime/signatures.txt", new ImaAppraiser(excludeAll, ImaVerificationKeys.Empty)), v => Assert.Equal(ImaFindingCodes.Excluded, v.Code));
    }

    [Fact]
    public void An_entry_recorded_for_another_PCR_fails()
    {
        var entry = Expected.Entries("ima/keylime/measurements.txt")[1] with { Pcr = 11 };
        var verdict = new ImaAppraiser(null).Appraise(entry);
        Assert.Equal((false, ImaFindingCodes.WrongPcr), (verdict.Passed, verdict.Code));
    }

    [Fact]
    public void An_unusable_key_on_a_keyring_fails_as_unsupported()
    {
        using var dsa = DSA.Create(1024);
        var request = new CertificateRequest(new X500DistinguishedName("CN=dsa"), new PublicKey(dsa), HashAlgorithmName.SHA256);
        // A DSA certificate signed by a throwaway RSA issuer (CertificateRequest cannot self-sign DSA).
        using var issuerKey = RSA.Create(2048);
        var signer = X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(new X500DistinguishedName("CN=issuer"), signer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3]);
        var der = certificate.Export(X509ContentType.Cert);
        var entry = ImaEntry.Build(0, "ima-buf", new ImaDigest("sha256", SHA256.HashData(der)), ".ima", buffer: der);
        var verdict = new ImaAppraiser(Inline).Appraise(entry);
        Assert.Equal((false, ImaFindingCodes.KeyUnsupported), (verdict.Passed, verdict.Code));
    }
}

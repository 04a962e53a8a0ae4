namespace GeoEdge.Hil.Rig.Timestamping;

/// <summary>
/// The openssl.cnf of the rig TSA (openssl-ts(1), "CONFIGURATION FILE OPTIONS"). Two sections: the TSA
/// as it serves, and one that accepts only SHA-512 imprints, so that a scripted rejection is openssl's own
/// (status rejection, failInfo badAlg) rather than a hand-made answer.
/// </summary>
internal static class OpensslTsConfig
{
    public const string ServingSection = "tsa_serving";
    public const string RejectingSection = "tsa_rejecting";

    /// <summary>The TSA policy OID the rig's tokens carry (an arbitrary private arc).</summary>
    public const string PolicyOid = "1.3.6.1.4.1.99999.3161.1";

    public static string Write(string directory, TsaCertificates.Files pki)
    {
        var serial = Path.Combine(directory, "tsaserial");
        File.WriteAllText(serial, "01\n");
        var path = Path.Combine(directory, "openssl-tsa.cnf");
        File.WriteAllText(path, $"""
            [ tsa ]
            default_tsa = {ServingSection}

            [ {ServingSection} ]
            {Common(serial, pki)}
            digests = sha256, sha384, sha512

            [ {RejectingSection} ]
            {Common(serial, pki)}
            digests = sha512

            """);
        return path;
    }

    private static string Common(string serial, TsaCertificates.Files pki) => $"""
        serial = {serial}
        crypto_device = builtin
        signer_cert = {pki.TsaCertificate}
        certs = {pki.CaCertificate}
        signer_key = {pki.TsaKey}
        signer_digest = sha256
        default_policy = {PolicyOid}
        accuracy = secs:1, millisecs:0, microsecs:0
        clock_precision_digits = 0
        ordering = no
        tsa_name = yes
        ess_cert_id_chain = no
        ess_cert_id_alg = sha256
        """;
}

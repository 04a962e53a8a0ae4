using System.Buffers;
using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// Serialises an <see cref="Ear"/> to its JSON claims-set with <see cref="Utf8JsonWriter"/>, always in
/// the same order (fixed claims first, then maps in ordinal key order), so equal EARs give equal bytes.
/// Only the draft-03 names are written.
/// </summary>
public static class EarClaimsWriter
{
    public static byte[] Write(Ear ear)
    {
        ArgumentNullException.ThrowIfNull(ear);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(EarClaimNames.Profile, ear.Profile);
            writer.WriteNumber(EarClaimNames.IssuedAt, ear.IssuedAt.ToUnixTimeSeconds());
            if (ear.ExpiresAt is { } exp) writer.WriteNumber(EarClaimNames.ExpiresAt, exp.ToUnixTimeSeconds());
            if (ear.NotBefore is { } nbf) writer.WriteNumber(EarClaimNames.NotBefore, nbf.ToUnixTimeSeconds());
            if (ear.Nonce is { } nonce) writer.WriteString(EarClaimNames.Nonce, nonce);
            writer.WriteString(EarClaimNames.Status, ear.OverallStatus.ToClaimValue());

            writer.WriteStartObject(EarClaimNames.VerifierId);
            writer.WriteString(EarClaimNames.Developer, ear.VerifierId.Developer);
            writer.WriteString(EarClaimNames.Build, ear.VerifierId.Build);
            writer.WriteEndObject();

            writer.WriteStartObject(EarClaimNames.Submods);
            foreach (var (label, submodule) in ear.Submodules)
            {
                writer.WritePropertyName(label);
                WriteSubmodule(writer, submodule);
            }
            writer.WriteEndObject();

            WriteBag(writer, ear.ExtraClaims);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSubmodule(Utf8JsonWriter writer, EarSubmodule submodule)
    {
        writer.WriteStartObject();
        writer.WriteString(EarClaimNames.Status, submodule.Status.ToClaimValue());
        if (!submodule.TrustVector.IsEmpty)
        {
            writer.WriteStartObject(EarClaimNames.TrustVector);
            foreach (var (category, value) in submodule.TrustVector.Claims)
                writer.WriteNumber(category.ToClaimName(), value);
            writer.WriteEndObject();
        }
        if (submodule.AppraisalPolicyIds.Count > 0)
        {
            writer.WriteStartArray(EarClaimNames.AppraisalPolicyIds);
            foreach (var id in submodule.AppraisalPolicyIds) writer.WriteStringValue(id);
            writer.WriteEndArray();
        }
        WriteBag(writer, submodule.Extensions);
        writer.WriteEndObject();
    }

    private static void WriteBag(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> bag)
    {
        foreach (var (name, value) in bag)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}

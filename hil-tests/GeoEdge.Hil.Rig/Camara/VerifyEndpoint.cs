using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// <c>POST /location-verification/v3/verify</c>. Checks run in the order a CAMARA gateway runs
/// them: x-correlator, scripted failure, bearer token (401), scope (403), media type (415), body
/// schema (400), device identification (422), area restrictions (422), subscriber (404),
/// locatability and freshness (422), then the verdict.
/// </summary>
internal sealed class VerifyEndpoint(CamaraServerOptions options, AccessTokens tokens, DeviceRegistry devices, ScriptedFaults faults)
{
    public const string Path = "/location-verification/v3/verify";

    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            if (Correlator.Echo(context) is { } correlatorError) throw correlatorError;
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.Headers.Allow = "POST";
                throw new CamaraError(405, "METHOD_NOT_ALLOWED", $"{context.Request.Method} is not allowed on {Path}");
            }
            var latency = faults.Latency;
            if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);
            if (faults.TryTake(out var scripted)) throw scripted;
            var token = Authenticate(context.Request);
            if (!CamaraHttp.HasMediaType(context.Request, "application/json"))
                throw new CamaraError(415, "UNSUPPORTED_MEDIA_TYPE", "the request body must be application/json");
            var request = VerifyRequestParser.Parse(await CamaraHttp.ReadBodyAsync(context, options.MaxRequestBodyBytes));
            var phoneNumber = IdentifyDevice(token, request.Device);
            CheckArea(request);
            var (fix, fixTime) = Locate(phoneNumber, request.MaxAgeSeconds);
            var distance = CircleOverlap.DistanceMeters(fix.Latitude, fix.Longitude, request.Latitude, request.Longitude);
            var (result, matchRate) = CircleOverlap.Classify(distance, request.RadiusMeters, fix.AccuracyMeters);
            devices.CountVerdict(phoneNumber);
            await CamaraHttp.WriteJsonAsync(context, 200, writer =>
            {
                writer.WriteString("lastLocationTime", fixTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("verificationResult", result switch
                {
                    VerificationResult.True => "TRUE",
                    VerificationResult.False => "FALSE",
                    _ => "PARTIAL",
                });
                if (matchRate is { } rate) writer.WriteNumber("matchRate", rate);
                // DeviceResponse: the one identifier used, returned when the client sent several.
                if (request.Device is { IdentifierCount: > 1 })
                {
                    writer.WriteStartObject("device");
                    writer.WriteString("phoneNumber", phoneNumber);
                    writer.WriteEndObject();
                }
            });
        }
        catch (CamaraError error)
        {
            await CamaraHttp.WriteErrorAsync(context, error);
        }
    }

    private IssuedToken Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count == 0) throw CamaraError.Unauthenticated("the request carries no Authorization header");
        if (header.Count > 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw CamaraError.Unauthenticated("the Authorization header must be one Bearer token");
        if (!tokens.TryValidate(value["Bearer ".Length..].Trim(), out var token))
            throw CamaraError.Unauthenticated("the access token is invalid or expired; a new authentication is required");
        if (!token.Scopes.Contains(CamaraServerOptions.VerifyScope))
            throw CamaraError.PermissionDenied($"the access token lacks the {CamaraServerOptions.VerifyScope} scope");
        return token;
    }

    /// <summary>
    /// A three-legged token names the device and a body device is then UNNECESSARY_IDENTIFIER; a
    /// two-legged one names none, so the body must (MISSING_IDENTIFIER). This operator resolves
    /// devices by phoneNumber only, as an implementation may (Device NOTE1); a device without one
    /// is UNSUPPORTED_IDENTIFIER.
    /// </summary>
    private static string IdentifyDevice(IssuedToken token, RequestedDevice? device)
    {
        if (token.PhoneNumber is { } fromToken)
        {
            if (device is not null)
                throw CamaraError.Unprocessable("UNNECESSARY_IDENTIFIER", "the device is already identified by the access token");
            return fromToken;
        }
        if (device is null)
            throw CamaraError.Unprocessable("MISSING_IDENTIFIER", "the device cannot be identified: no device in the request and none in the access token");
        return device.PhoneNumber
            ?? throw CamaraError.Unprocessable("UNSUPPORTED_IDENTIFIER", "this operator identifies devices by phoneNumber only");
    }

    private void CheckArea(VerifyRequest request)
    {
        if (request.RadiusMeters < options.MinimumRadiusMeters)
            throw CamaraError.Unprocessable("LOCATION_VERIFICATION.INVALID_AREA",
                $"the requested area is too small: this operator's minimum radius is {options.MinimumRadiusMeters} m");
        if (request.RadiusMeters > options.MaximumRadiusMeters)
            throw CamaraError.Unprocessable("LOCATION_VERIFICATION.INVALID_AREA",
                $"the requested area is too large: this operator's maximum radius is {options.MaximumRadiusMeters} m");
        if (options.Coverage is { } coverage
            && CircleOverlap.DistanceMeters(coverage.Latitude, coverage.Longitude, request.Latitude, request.Longitude) > coverage.RadiusMeters)
            throw CamaraError.Unprocessable("LOCATION_VERIFICATION.AREA_NOT_COVERED", "unable to cover the requested area");
    }

    private (DeviceFix Fix, DateTimeOffset Time) Locate(string phoneNumber, long? maxAgeSeconds)
    {
        if (!devices.TryFind(phoneNumber, out var fix))
            throw new CamaraError(404, "IDENTIFIER_NOT_FOUND", "device identifier not found");
        if (fix is null)
            throw CamaraError.Unprocessable("LOCATION_VERIFICATION.UNABLE_TO_LOCATE", "the network is unable to locate the device");
        var now = options.Clock.GetUtcNow();
        var time = fix.At ?? now;
        if (maxAgeSeconds is { } maxAge && now - time > TimeSpan.FromSeconds(maxAge))
            throw CamaraError.Unprocessable("LOCATION_VERIFICATION.UNABLE_TO_FULFILL_MAX_AGE",
                $"unable to provide a location fresher than {maxAge} s; the last one is from {time:O}");
        return (fix, time);
    }
}

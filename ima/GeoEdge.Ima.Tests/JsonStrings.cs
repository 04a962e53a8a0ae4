using System.Text.Json.Serialization;

namespace GeoEdge.Ima.Tests;

/// <summary>Source-generated JSON for the one string the tests encode.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JsonStrings : JsonSerializerContext;

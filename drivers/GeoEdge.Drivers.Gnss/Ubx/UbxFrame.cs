namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>One checksum-verified UBX frame: message class, message id and the raw payload.</summary>
public sealed record UbxFrame(byte Class, byte Id, byte[] Payload);

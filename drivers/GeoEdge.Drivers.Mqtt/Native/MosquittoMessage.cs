using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Mqtt.Native;

/// <summary>
/// <c>struct mosquitto_message</c> from mosquitto.h: { int mid; char *topic; void *payload;
/// int payloadlen; int qos; bool retain; }. Valid only during the message callback; the library
/// frees it afterwards, so everything is copied out before the callback returns.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MosquittoMessage
{
    public int Mid;
    public byte* Topic;
    public byte* Payload;
    public int PayloadLength;
    public int Qos;
    public byte Retain;
}

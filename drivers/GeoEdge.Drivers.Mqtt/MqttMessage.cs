namespace GeoEdge.Drivers.Mqtt;

/// <summary>A message the broker delivered. <see cref="Payload"/> is a private copy owned by the receiver.</summary>
public sealed record MqttMessage(string Topic, byte[] Payload, MqttQos Qos, bool Retain);

namespace GeoEdge.Drivers.Mqtt;

/// <summary>MQTT quality of service levels (the numbers are the wire values).</summary>
public enum MqttQos
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}

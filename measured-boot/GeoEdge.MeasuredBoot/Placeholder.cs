namespace GeoEdge.MeasuredBoot;

internal static class Placeholder;

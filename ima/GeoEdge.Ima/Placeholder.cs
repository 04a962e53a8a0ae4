namespace GeoEdge.Ima;

internal static class Placeholder;

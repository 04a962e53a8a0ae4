namespace GeoEdge.Geolocation;

/// <summary>
/// How much the composite location can be trusted (GRADES.md has the full rules):
/// A = OSNMA-authenticated GNSS, consistent with the serving cell, and the network says TRUE;
/// B = authenticated GNSS and one of cell / network agreeing;
/// C = two or more sources agree, without the authenticated GNSS that A and B need;
/// D = one source only; F = unusable: sources contradict, or there is no position at all.
/// No grade is given when any source disagrees: a contradiction always makes F.
/// </summary>
public enum LocationGrade
{
    A,
    B,
    C,
    D,
    F,
}

namespace RoleGraph.Core.Model;

/// <summary>Property keys the API exposes as first-class fields.</summary>
public static class WellKnownProperties
{
    /// <summary>A role's primary focus, as the source describes it.</summary>
    public const string PrimaryFocus = "primaryFocus";
}

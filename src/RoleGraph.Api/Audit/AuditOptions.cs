namespace RoleGraph.Api.Audit;

/// <summary>The audit trail of writes (section RoleGraph:Audit).</summary>
internal sealed class AuditOptions
{
    public const string SectionName = "RoleGraph:Audit";

    /// <summary>
    /// Also append each write's event as one JSON line to this file (relative to the working directory); empty: the
    /// events go to the log only, under the category RoleGraph.Audit.
    /// </summary>
    public string? File { get; set; }

    /// <summary>Ids listed per event; the counts always cover the whole write.</summary>
    public int MaxIds { get; set; } = 50;
}

namespace RoleGraph.Core.Taxonomy;

/// <summary>Where a taxonomy comes from and under which terms it may be used.</summary>
public sealed record TaxonomyHeader(string Name, string? Version = null, string? Source = null, string? License = null);

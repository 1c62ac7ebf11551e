namespace RoleGraph.Importing.Onet;

/// <summary>What to import from the O*NET database.</summary>
/// <param name="Occupations">
/// The O*NET-SOC codes of the occupations to keep (for example <c>15-2051.00</c>), or null for all of them. Only what
/// the kept occupations reach (their skills, tools, tasks and the categories above those) is imported.
/// </param>
public sealed record OnetImportOptions(IReadOnlySet<string>? Occupations = null);

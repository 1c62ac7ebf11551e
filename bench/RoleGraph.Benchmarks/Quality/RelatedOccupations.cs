namespace RoleGraph.Benchmarks.Quality;

/// <summary>
/// O*NET's Related Occupations list (or a half of it): per occupation code, the related codes of one tier in the
/// list's order. Tab-separated with a header row naming the columns, as O*NET publishes it.
/// </summary>
public static class RelatedOccupations
{
    public static IReadOnlyDictionary<string, List<string>> Read(string path, string tier)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.")).Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column '{name}'.");
        int code = Column("O*NET-SOC Code"), related = Column("Related O*NET-SOC Code"), tierColumn = Column("Relatedness Tier"), index = Column("Index");
        var rows = new List<(string Code, string Related, int Index)>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var fields = line.Split('\t');
            if (fields.Length > tierColumn && fields[tierColumn] == tier)
            {
                rows.Add((fields[code], fields[related], int.Parse(fields[index], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Index)
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Related).ToList(), StringComparer.Ordinal);
    }
}

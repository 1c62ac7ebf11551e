namespace RoleGraph.Core.Queries;

/// <summary>Statistics of a number over a set of links: how many have it, its least, greatest and mean value.</summary>
public sealed record NumberStats(int Count, double Min, double Max, double Average)
{
    /// <summary>The statistics of the values given, or null when there are none.</summary>
    public static NumberStats? Of(int count, double min, double max, double sum) =>
        count == 0 ? null : new NumberStats(count, min, max, sum / count);
}

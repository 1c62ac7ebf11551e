namespace RoleGraph.Core.Queries;

/// <summary>
/// Relay-style cursor paging, with cursors already decoded to offsets in the filtered, ordered list.
/// </summary>
public sealed record PageRequest(int? First = null, int? AfterOffset = null, int? Last = null, int? BeforeOffset = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public void Validate()
    {
        if (First is { } first && (first < 0 || first > MaxPageSize))
        {
            throw GraphInputException.OutOfRange("first", first, 0, MaxPageSize);
        }

        if (Last is { } last && (last < 0 || last > MaxPageSize))
        {
            throw GraphInputException.OutOfRange("last", last, 0, MaxPageSize);
        }
    }

    /// <summary>
    /// The window [start, end) of a list of <paramref name="total"/> items, following the Relay connection
    /// specification's algorithm: after/before bound the range, then first takes from its start and last from its end.
    /// </summary>
    public (int Start, int End) Resolve(int total)
    {
        var start = AfterOffset is { } after ? Math.Clamp(after + 1, 0, total) : 0;
        var end = BeforeOffset is { } before ? Math.Clamp(before, 0, total) : total;
        end = Math.Max(start, end);

        if (First is null && Last is null)
        {
            end = Math.Min(end, start + DefaultPageSize);
        }

        if (First is { } first)
        {
            end = Math.Min(end, start + first);
        }

        if (Last is { } last)
        {
            start = Math.Max(start, end - last);
        }

        return (start, end);
    }
}

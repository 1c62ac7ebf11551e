using RoleGraph.Core.Model;

namespace RoleGraph.Importing.Onet;

/// <summary>
/// Hands out node ids for one import, following the policy documented on <see cref="OnetReader"/>: the slug itself
/// when it is free or names a node of the same kind already in the store (the O*NET node merges into it); otherwise
/// <c>slug-qualifier</c>, then <c>slug-qualifier-2</c>, <c>-3</c>, ... An id once handed out in this import is never
/// handed out again. Callers allocate in a fixed order, so the ids depend only on the input.
/// </summary>
internal sealed class OnetIdAllocator(Func<string, NodeKind?> existingKind, int capacity)
{
    private readonly HashSet<string> _taken = new(capacity, StringComparer.Ordinal);

    public string Allocate(NodeKind kind, string slug, string qualifier)
    {
        var stem = slug.Length == 0 ? qualifier : slug;
        if (TryTake(stem, kind))
        {
            return stem;
        }

        var qualified = slug.Length == 0 ? qualifier : $"{slug}-{qualifier}";
        if (TryTake(qualified, kind))
        {
            return qualified;
        }

        for (var n = 2; ; n++)
        {
            var numbered = $"{qualified}-{n}";
            if (TryTake(numbered, kind))
            {
                return numbered;
            }
        }
    }

    private bool TryTake(string id, NodeKind kind)
    {
        if (_taken.Contains(id))
        {
            return false;
        }

        var existing = existingKind(id);
        if (existing is not null && existing != kind)
        {
            return false;
        }

        _taken.Add(id);
        return true;
    }
}

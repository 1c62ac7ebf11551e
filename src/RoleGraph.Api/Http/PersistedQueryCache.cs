using System.Collections.Concurrent;

namespace RoleGraph.Api.Http;

/// <summary>
/// The query texts of automatic persisted queries by their SHA-256 (lower-case hex), bounded in memory. Like
/// <see cref="ValidatedDocumentCache"/> it starts a new table when one is full, but keeps the last one as a second
/// generation: a hash found there moves into the current table, so the queries a frontend keeps sending survive
/// every turn and only those unused for a whole generation are dropped (least recently used, roughly, at the cost
/// of one dictionary look-up). Reads take no lock; additions, rare once the frontends' queries are known, take one.
/// </summary>
internal sealed class PersistedQueryCache
{
    /// <summary>Longer documents are run but not kept, so that no entry holds more than 32 KiB.</summary>
    public const int MaxQueryLength = 16_384;

    private readonly Lock _gate = new();
    private readonly int _generationCapacity;
    private volatile ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    private volatile ConcurrentDictionary<string, string> _previous = new(StringComparer.Ordinal);
    private int _currentCount;

    /// <param name="capacity">The most entries held at once (both generations); at least 2.</param>
    public PersistedQueryCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationCapacity = capacity / 2;
    }

    /// <summary>The most entries held at once.</summary>
    public int Capacity => _generationCapacity * 2;

    public string? Get(string hash)
    {
        if (_current.TryGetValue(hash, out var query))
        {
            return query;
        }

        if (_previous.TryGetValue(hash, out query))
        {
            Add(hash, query);
            return query;
        }

        return null;
    }

    /// <summary>Keeps a query whose hash was verified; a query too long to keep is left out.</summary>
    public void Add(string hash, string query)
    {
        if (query.Length > MaxQueryLength)
        {
            return;
        }

        lock (_gate)
        {
            if (_current.ContainsKey(hash))
            {
                return;
            }

            if (_currentCount >= _generationCapacity)
            {
                _previous = _current;
                _current = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
                _currentCount = 0;
            }

            _current[hash] = query;
            _currentCount++;
        }
    }
}

namespace RoleGraph.Tests.Onet;

/// <summary>
/// A copy of the committed excerpt in a fresh temp directory, for tests that need a damaged or altered database;
/// deleted with everything in it on dispose.
/// </summary>
internal sealed class OnetExcerptCopy : IDisposable
{
    public OnetExcerptCopy()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rolegraph-onet-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(OnetData.ExcerptDirectory, "*.txt"))
        {
            File.Copy(file, Combine(System.IO.Path.GetFileName(file)));
        }
    }

    public string Directory { get; }

    public string Combine(string name) => System.IO.Path.Combine(Directory, name);

    public string[] Lines(string file) => File.ReadAllText(Combine(file)).Split('\n');

    /// <summary>Rewrites one line of a file (1-based, the header is line 1).</summary>
    public void ChangeLine(string file, int lineNumber, Func<string, string> change)
    {
        var lines = Lines(file);
        lines[lineNumber - 1] = change(lines[lineNumber - 1]);
        File.WriteAllText(Combine(file), string.Join('\n', lines));
    }

    /// <summary>Rewrites the first line that starts with <paramref name="prefix"/> and contains all of <paramref name="parts"/>; returns its number.</summary>
    public int ChangeRow(string file, string prefix, string[] parts, Func<string, string> change)
    {
        var lines = Lines(file);
        var index = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal) && parts.All(p => l.Contains(p, StringComparison.Ordinal)));
        Assert.True(index >= 0, $"No row of {file} starts with {prefix} and contains {string.Join(", ", parts)}.");
        ChangeLine(file, index + 1, change);
        return index + 1;
    }

    /// <summary>Replaces one tab-separated field of a row.</summary>
    public static string WithField(string line, int column, string value)
    {
        var fields = line.Split('\t');
        fields[column] = value;
        return string.Join('\t', fields);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Core.Embedded;

/// <summary>
/// The embedded store's file on disk, in the taxonomy JSON format. Writes go to a temporary file in the same
/// directory, are flushed to the device, then renamed over the old file: a crash leaves either the old file or
/// the new one, never half of one.
/// </summary>
public sealed class GraphDataFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public bool Exists => File.Exists(Path);

    public TaxonomyDocument Read() => TaxonomyReader.ReadFiles([Path]);

    public async Task WriteAsync(TaxonomyDocument document, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                var header = document.Sources.Count > 0 ? document.Sources[0] : new TaxonomyHeader("RoleGraph");
                await TaxonomyWriter.WriteJsonAsync(stream, TaxonomyWriter.ToFile(document, header), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

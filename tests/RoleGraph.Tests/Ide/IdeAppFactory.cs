using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RoleGraph.Tests.Ide;

/// <summary>
/// The real API (<see cref="Program"/>) with its embedded store in a fresh temporary directory, so tests neither
/// read nor write a developer's data/ folder and never see each other's data.
/// </summary>
public sealed class IdeAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rolegraph-ide-tests-").FullName;
    private readonly Dictionary<string, string> _settings;

    public IdeAppFactory(IDictionary<string, string>? settings = null)
    {
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["RoleGraph:Embedded:DataFile"] = Path.Combine(_dataDirectory, "rolegraph.json"),
        };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting rather than ConfigureAppConfiguration: with minimal hosting only settings given this way are
        // visible while Program.cs still runs its builder code.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; failing the test run over it is not.
            }
        }
    }
}

using System.Globalization;

namespace RoleGraph.Tests.Infrastructure;

/// <summary>A process's memory mappings as the kernel lists them in <c>/proc/PID/smaps</c>: each range with its VmFlags.</summary>
public static class KernelMappings
{
    public static IEnumerable<(ulong Start, ulong End, string[] Flags)> Of(int processId) => Parse(File.ReadLines($"/proc/{processId}/smaps"));

    public static IEnumerable<(ulong Start, ulong End, string[] Flags)> Parse(IEnumerable<string> smaps)
    {
        ulong start = 0, end = 0;
        foreach (var line in smaps)
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash
                && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var to))
            {
                (start, end) = (from, to);
            }
            else if (line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                yield return (start, end, line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
    }
}

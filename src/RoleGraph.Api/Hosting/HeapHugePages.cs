using System.Globalization;
using System.Runtime.InteropServices;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Asks Linux to back the garbage-collected heap with transparent huge pages (2 MiB instead of 4 KiB) where the system
/// leaves that choice to each program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c>, the
/// default of most distributions). The start of a large store writes over 100 MB of fresh heap, and every first write to a
/// 4 KiB page is a page fault: on the O*NET store 32,000 of them, about half of the start's CPU on a virtual machine
/// (docs/benchmarks.md, "Round 10"). With huge pages the same start takes ~8,600.
/// </summary>
/// <remarks>
/// .NET's collector has no setting for this (its <c>GCLargePages</c> needs pages reserved in hugetlbfs and a hard heap
/// limit), so the service advises the collector's reserved range itself, once, at the top of Main: the address range
/// around an object on the heap, as <c>/proc/self/maps</c> lists it. Memory the collector later gives back to the system
/// may come back on small pages (a decommit remaps the range); what matters here is the start. The setting
/// <c>RoleGraph:Memory:TransparentHugePages=false</c> turns it off.
/// </remarks>
internal static partial class HeapHugePages
{
    public const string SettingKey = "RoleGraph:Memory:TransparentHugePages";

    /// <summary>Where Linux says which programs get transparent huge pages.</summary>
    internal const string SystemSetting = "/sys/kernel/mm/transparent_hugepage/enabled";

    private const int MadviseHugePage = 14; // MADV_HUGEPAGE in <sys/mman.h> on every Linux architecture

    /// <summary>Advises the heap's range unless <paramref name="settings"/> turn it off; says what it did.</summary>
    public static HugePageAdvice Advise(IConfiguration settings)
    {
        if (!settings.GetValue(SettingKey, defaultValue: true))
        {
            return new HugePageAdvice(HugePageOutcome.TurnedOff, 0, $"{SettingKey} is false");
        }

        if (!OperatingSystem.IsLinux() || !File.Exists(SystemSetting))
        {
            return new HugePageAdvice(HugePageOutcome.NotAvailable, 0, "not a Linux system with transparent huge pages");
        }

        try
        {
            return AdviseHeap();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // A sandbox that hides /proc or /sys, a C library without madvise: the service starts as it would without.
            return new HugePageAdvice(HugePageOutcome.Failed, 0, e.Message);
        }
    }

    private static HugePageAdvice AdviseHeap()
    {
        var mode = SelectedMode(File.ReadAllText(SystemSetting));
        if (mode != "madvise")
        {
            return new HugePageAdvice(mode == "always" ? HugePageOutcome.SystemDecides : HugePageOutcome.NotAvailable, 0, $"{SystemSetting} is [{mode}]");
        }

        // An array on the pinned heap stays where it is, so its address says where the collector's range lies.
        var probe = GC.AllocateArray<byte>(1, pinned: true);
        var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(probe, 0);
        if (RangeAround(address, File.ReadLines("/proc/self/maps")) is not var (start, end))
        {
            return new HugePageAdvice(HugePageOutcome.Failed, 0, "the heap's range is not in /proc/self/maps");
        }

        return Madvise((nint)start, (nuint)(end - start), MadviseHugePage) == 0
            ? new HugePageAdvice(HugePageOutcome.Advised, (long)(end - start), $"{SystemSetting} is [madvise]")
            : new HugePageAdvice(HugePageOutcome.Failed, 0, $"madvise failed with error {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The bracketed choice in the system setting's text ("always [madvise] never" gives "madvise").</summary>
    internal static string SelectedMode(string systemSetting)
    {
        var open = systemSetting.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : systemSetting.IndexOf(']', open);
        return close < 0 ? "unknown" : systemSetting[(open + 1)..close];
    }

    /// <summary>
    /// The run of adjacent anonymous mappings holding <paramref name="address"/>: the collector reserves its range in
    /// one mapping, and committing parts of it splits that into neighbours with different permissions.
    /// </summary>
    /// <param name="maps">Lines as <c>/proc/self/maps</c> gives them, in address order:
    /// <c>start-end perms offset device inode [path]</c>, anonymous when the inode is 0 and there is no path.</param>
    internal static (ulong Start, ulong End)? RangeAround(ulong address, IEnumerable<string> maps)
    {
        ulong runStart = 0, runEnd = 0;
        var found = false;
        foreach (var line in maps)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var dash = fields.Length < 5 ? -1 : fields[0].IndexOf('-', StringComparison.Ordinal);
            if (dash < 0
                || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
            {
                continue;
            }

            var anonymous = fields[4] == "0" && fields.Length == 5;
            var continues = anonymous && runEnd != 0 && start == runEnd;
            if (!continues)
            {
                if (found)
                {
                    break;
                }

                (runStart, runEnd) = anonymous ? (start, end) : (0UL, 0UL);
            }
            else
            {
                runEnd = end;
            }

            found |= anonymous && start <= address && address < end;
        }

        return found ? (runStart, runEnd) : null;
    }

    public static void Log(ILogger logger, HugePageAdvice advice) => LogAdvice(logger, advice.Outcome, advice.AdvisedBytes >> 30, advice.Reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transparent huge pages for the heap: {Outcome}, {AdvisedGiB} GiB of address range advised ({Reason})")]
    private static partial void LogAdvice(ILogger logger, HugePageOutcome outcome, long advisedGiB, string reason);

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}

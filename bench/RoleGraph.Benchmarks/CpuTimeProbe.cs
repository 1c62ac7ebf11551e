using System.Diagnostics;
using System.Globalization;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Median CPU time per call of each <see cref="QueryPowerBenchmarks"/> case, beside wall time: on a machine shared with
/// other work (load far above its cores) wall time mostly measures waiting for a core, while the process's CPU time
/// per call still measures the work. Single-threaded calls in a loop, so the process's CPU time is the call's.
/// </summary>
public static class CpuTimeProbe
{
    private const int Rounds = 7;

    public static void Run(IEnumerable<string> datasets, bool quick)
    {
        var calls = quick ? 200 : 2000;
        Console.WriteLine($"{"case",-22} {"dataset",-8} {"CPU µs/call",12} {"wall µs/call",13}   (median of {Rounds} rounds of {calls} calls)");
        foreach (var dataset in datasets)
        {
            var bench = new QueryPowerBenchmarks { Dataset = dataset };
            bench.Setup();
            (string Name, Func<int> Call)[] cases =
            [
                (nameof(bench.RolesRequiringBoth), bench.RolesRequiringBoth),
                (nameof(bench.TopSkillsOfEngineers), bench.TopSkillsOfEngineers),
                (nameof(bench.ToolUsersFirstPage), bench.ToolUsersFirstPage),
                (nameof(bench.ToolUsersNextPage), bench.ToolUsersNextPage),
            ];
            foreach (var (name, call) in cases)
            {
                for (var i = 0; i < calls / 4; i++)
                {
                    call();
                }

                var cpu = new double[Rounds];
                var wall = new double[Rounds];
                using var process = Process.GetCurrentProcess();
                for (var r = 0; r < Rounds; r++)
                {
                    process.Refresh();
                    var cpuStart = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < calls; i++)
                    {
                        call();
                    }

                    clock.Stop();
                    process.Refresh();
                    cpu[r] = (process.TotalProcessorTime - cpuStart).TotalMicroseconds / calls;
                    wall[r] = clock.Elapsed.TotalMicroseconds / calls;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {dataset,-8} {Median(cpu),12:F1} {Median(wall),13:F1}"));
            }
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

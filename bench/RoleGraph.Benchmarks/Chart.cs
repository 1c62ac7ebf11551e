using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Turns a run's results into figures: the growth charts (PNG, log-log: latency against links in the graph, one line
/// per operation) and a Markdown summary of medians, both from the BenchmarkDotNet JSON reports and the memory
/// probe's file, so that docs/benchmarks.md can be remade from any run.
/// </summary>
public static class Chart
{
    public sealed record Point(string Operation, string Dataset, long Links, double MedianNs, double? AllocatedBytes);

    public static int Run(string artifacts, string outputDirectory)
    {
        var datasets = ReadDatasets(artifacts);
        var queries = ReadReport(artifacts, "QueryBenchmarks", datasets);
        var loads = ReadReport(artifacts, "LoadBenchmarks", datasets);
        if (queries.Count == 0)
        {
            Console.Error.WriteLine($"No QueryBenchmarks results under {artifacts}/results; run the benchmarks first.");
            return 1;
        }

        Directory.CreateDirectory(outputDirectory);
        var queryChart = Path.Combine(outputDirectory, "benchmarks-queries.png");
        Plot(queries, "RoleGraph in process: median latency per operation against graph size", "median latency (µs)", 1e-3, queryChart);
        Console.WriteLine($"chart: {queryChart}");
        if (loads.Count > 0)
        {
            var loadChart = Path.Combine(outputDirectory, "benchmarks-load.png");
            Plot(loads, "RoleGraph import and startup (open data file to first answer) against graph size", "median time (ms)", 1e-6, loadChart);
            Console.WriteLine($"chart: {loadChart}");
        }

        var summary = Summary(queries, loads, datasets, artifacts);
        var summaryPath = Path.Combine(artifacts, "summary.md");
        File.WriteAllText(summaryPath, summary);
        Console.WriteLine(summary);
        Console.WriteLine($"summary: {summaryPath}");
        return 0;
    }

    /// <summary>Dataset sizes, written by the run (datasets.json).</summary>
    public static Dictionary<string, (int Nodes, int Links)> ReadDatasets(string artifacts)
    {
        var path = Path.Combine(artifacts, "datasets.json");
        if (!File.Exists(path))
        {
            return [];
        }

        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return node.ToDictionary(kv => kv.Key, kv => ((int)kv.Value!["nodes"]!, (int)kv.Value!["links"]!));
    }

    public static void WriteDatasets(string artifacts, IEnumerable<string> names)
    {
        var path = Path.Combine(artifacts, "datasets.json");
        var existing = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        foreach (var name in names)
        {
            var data = Datasets.Get(name);
            existing[name] = new JsonObject { ["nodes"] = data.Nodes, ["links"] = data.Links };
        }

        Directory.CreateDirectory(artifacts);
        File.WriteAllText(path, existing.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static List<Point> ReadReport(string artifacts, string type, Dictionary<string, (int Nodes, int Links)> datasets)
    {
        var path = Path.Combine(artifacts, "results", $"RoleGraph.Benchmarks.{type}-report-brief.json");
        if (!File.Exists(path))
        {
            return [];
        }

        var points = new List<Point>();
        foreach (var benchmark in JsonNode.Parse(File.ReadAllText(path))!["Benchmarks"]!.AsArray())
        {
            var dataset = ((string)benchmark!["Parameters"]!).Replace("Dataset=", "", StringComparison.Ordinal);
            var median = benchmark["Statistics"]?["Median"];
            if (median is null || !datasets.TryGetValue(dataset, out var size))
            {
                continue;
            }

            var allocated = benchmark["Memory"]?["BytesAllocatedPerOperation"];
            points.Add(new Point((string)benchmark["Method"]!, dataset, size.Links, (double)median, allocated is null ? null : (double)allocated));
        }

        return points;
    }

    private static void Plot(List<Point> points, string title, string yLabel, double scale, string path)
    {
        var plot = new ScottPlot.Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var group in points.GroupBy(p => p.Operation))
        {
            var ordered = group.Where(p => p.Dataset != "onet").OrderBy(p => p.Links).ToArray();
            var color = palette.GetColor(i++);
            if (ordered.Length > 0)
            {
                var line = plot.Add.Scatter(ordered.Select(p => Math.Log10(p.Links)).ToArray(), ordered.Select(p => Math.Log10(p.MedianNs * scale)).ToArray());
                line.LegendText = group.Key;
                line.Color = color;
                line.LineWidth = 2;
                line.MarkerSize = 7;
            }

            // O*NET is real data, not part of the generated series: a star at its size, in the operation's colour.
            foreach (var onet in group.Where(p => p.Dataset == "onet"))
            {
                var marker = plot.Add.Marker(Math.Log10(onet.Links), Math.Log10(onet.MedianNs * scale));
                marker.Color = color;
                marker.Shape = ScottPlot.MarkerShape.FilledDiamond;
                marker.Size = 12;
            }
        }

        plot.Title(title, size: 14);
        plot.XLabel("links in the graph (seed, generated 1k..1M; diamonds: O*NET 29.3)");
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(path, 1100, 700);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = v => Format(Math.Pow(10, v)),
    };

    private static string Format(double value) => value switch
    {
        >= 1e6 => $"{value / 1e6:0.#}M",
        >= 1e3 => $"{value / 1e3:0.#}k",
        >= 1 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Summary(List<Point> queries, List<Point> loads, Dictionary<string, (int Nodes, int Links)> datasets, string artifacts)
    {
        var text = new StringBuilder();
        void Table(List<Point> points, string unit, double scale, bool allocation)
        {
            var columns = points.Select(p => p.Dataset).Distinct().OrderBy(d => datasets.TryGetValue(d, out var s) ? s.Links : 0).ToArray();
            text.AppendLine(CultureInfo.InvariantCulture, $"| operation (median {unit}{(allocation ? ", allocated" : "")}) | {string.Join(" | ", columns.Select(c => $"{c} ({datasets[c].Links:N0} links)"))} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| --- |{string.Concat(columns.Select(_ => " ---: |"))}");
            foreach (var group in points.GroupBy(p => p.Operation))
            {
                var cells = columns.Select(c => group.FirstOrDefault(p => p.Dataset == c) is { } p
                    ? $"{Significant(p.MedianNs * scale)}{(allocation && p.AllocatedBytes is { } b ? $" ({Bytes(b)})" : "")}"
                    : "–");
                text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {string.Join(" | ", cells)} |");
            }

            text.AppendLine();
        }

        Table(queries, "µs", 1e-3, allocation: true);
        if (loads.Count > 0)
        {
            Table(loads, "ms", 1e-6, allocation: false);
        }

        var memory = Path.Combine(artifacts, "memory.json");
        if (File.Exists(memory))
        {
            text.AppendLine("| dataset | nodes | links | data file | cold process: open + first answer | managed heap after load | RSS after load | peak RSS |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var m in JsonSerializer.Deserialize<List<MemoryProbe.Result>>(File.ReadAllText(memory))!)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Dataset} | {m.Nodes:N0} | {m.Links:N0} | {MemoryProbe.Mb(m.DataFileBytes)} | {m.ColdOpenMs:N0} ms | {MemoryProbe.Mb(m.HeapBytes)} | {MemoryProbe.Mb(m.RssBytes)} | {MemoryProbe.Mb(m.PeakRssBytes)} |");
            }
        }

        return text.ToString();
    }

    private static string Significant(double value) => value switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("N1", CultureInfo.InvariantCulture),
        _ => value.ToString("N2", CultureInfo.InvariantCulture),
    };

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 20 => $"{bytes / (1 << 20):N1} MB",
        >= 1 << 10 => $"{bytes / (1 << 10):N1} KB",
        _ => $"{bytes:N0} B",
    };
}

using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using RoleGraph.Api.Hosting;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>
/// The service asks Linux for transparent huge pages over the collector's heap (<see cref="HeapHugePages"/>): the
/// range is found in a purpose-built <c>/proc/self/maps</c>, and on this process the kernel's own account
/// (<c>/proc/self/smaps</c>) must show the heap's mapping flagged for huge pages afterwards.
/// </summary>
public sealed class HeapHugePagesTests
{
    // Anonymous runs: the collector's reservation split by a commit (3 lines), then a file, then [heap], then a lone
    // anonymous mapping that does not touch the run before it.
    private static readonly string[] Maps =
    [
        "7f0000000000-7f0000200000 ---p 00000000 00:00 0 ",
        "7f0000200000-7f0000600000 rw-p 00000000 00:00 0",
        "7f0000600000-7f4000000000 ---p 00000000 00:00 0",
        "7f4000000000-7f4000001000 r--p 00000000 08:01 1234                       /usr/lib/libc.so.6",
        "7f4000001000-7f4000002000 rw-p 00000000 00:00 0                          [heap]",
        "7f4000003000-7f4000004000 rw-p 00000000 00:00 0",
        "not a mapping line",
    ];

    [Theory]
    [InlineData("always [madvise] never", "madvise")]
    [InlineData("[always] madvise never\n", "always")]
    [InlineData("always madvise [never]", "never")]
    [InlineData("", "unknown")]
    public void The_system_setting_is_read_as_the_bracketed_choice(string text, string mode) =>
        Assert.Equal(mode, HeapHugePages.SelectedMode(text));

    [Theory]
    [InlineData(0x7f0000000000UL)]
    [InlineData(0x7f0000300000UL)]
    [InlineData(0x7f3fffffffffUL)]
    public void The_range_is_the_whole_run_of_adjacent_anonymous_mappings_around_the_address(ulong address) =>
        Assert.Equal((0x7f0000000000UL, 0x7f4000000000UL), HeapHugePages.RangeAround(address, Maps));

    [Fact]
    public void A_mapping_that_touches_no_other_is_a_run_of_its_own() =>
        Assert.Equal((0x7f4000003000UL, 0x7f4000004000UL), HeapHugePages.RangeAround(0x7f4000003800UL, Maps));

    [Theory]
    [InlineData(0x7f4000000800UL)] // a file's mapping
    [InlineData(0x7f4000001800UL)] // [heap]: named, so not the collector's
    [InlineData(0x7f4000002800UL)] // between mappings
    [InlineData(0x1000UL)]
    public void An_address_outside_any_anonymous_mapping_has_no_range(ulong address) =>
        Assert.Null(HeapHugePages.RangeAround(address, Maps));

    [Fact]
    public void The_setting_turns_it_off_from_the_command_line()
    {
        var advice = HeapHugePages.Advise(DataFileReadAhead.SettingsBeforeHost([$"--{HeapHugePages.SettingKey}=false"]));

        Assert.Equal(HugePageOutcome.TurnedOff, advice.Outcome);
        Assert.Equal(0, advice.AdvisedBytes);
    }

    [Fact]
    public void On_a_system_that_leaves_it_to_programs_the_heap_is_flagged_for_huge_pages()
    {
        var mode = File.Exists(HeapHugePages.SystemSetting) ? HeapHugePages.SelectedMode(File.ReadAllText(HeapHugePages.SystemSetting)) : null;
        var advice = HeapHugePages.Advise(new ConfigurationBuilder().Build());
        if (mode != "madvise")
        {
            Assert.Equal(mode == "always" ? HugePageOutcome.SystemDecides : HugePageOutcome.NotAvailable, advice.Outcome);
            Assert.Skip($"{HeapHugePages.SystemSetting} is [{mode ?? "absent"}], not [madvise]: there is nothing for the service to ask here.");
        }

        Assert.Equal(HugePageOutcome.Advised, advice.Outcome);
        Assert.True(advice.AdvisedBytes >= 1L << 30, $"{advice.AdvisedBytes} bytes advised: less than the collector reserves");
        var heapObject = GC.AllocateArray<byte>(1, pinned: true);
        var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(heapObject, 0);
        var mapping = Assert.Single(KernelMappings.Of(Environment.ProcessId), m => m.Start <= address && address < m.End);
        Assert.Contains("hg", mapping.Flags);
    }
}

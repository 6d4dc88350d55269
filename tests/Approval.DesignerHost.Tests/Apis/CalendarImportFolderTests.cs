using System.Net;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>An administrator can also drop a later year's notice as a CSV file into the import folder; it loads at start-up.</summary>
public sealed class CalendarImportFolderTests
{
    [Fact]
    public async Task CsvInTheImportFolder_IsLoadedAtStartUp_AndABadFileIsSkipped()
    {
        var folder = Directory.CreateTempSubdirectory("approval-calendar-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "cn-holidays-2032.csv"), "date,kind,name\n2032-01-01,holiday,元旦\n2032-01-02,holiday,元旦\n2032-01-03,holiday,元旦\n2032-01-04,workday,元旦\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.csv"), "date,kind,name\n2033-01-03,workday,元旦\n");
        await using var host = new ApprovalHostFactory(new Dictionary<string, string?> { ["Approval:Calendar:ImportFolder"] = folder });
        var clerk = await host.ClientForAsync("clerk");

        // 01-01..01-03 are off and Sunday 01-04 is a swapped working day.
        var next = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/calendar/add-working-days?from=2032-01-01&days=1"));
        Assert.Equal("2032-01-04", next["date"].Text());
        Assert.False(next["estimated"]!.GetValue<bool>());

        // The broken file (a Monday "workday") left 2033 without data rather than half-loaded.
        await HttpAssert.ProblemAsync(await clerk.GetAsync("/api/calendar/years/2033"), HttpStatusCode.NotFound);
        var years = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/calendar/years"));
        Assert.Contains(years["years"]!.AsArray(), y => y!["year"]!.GetValue<int>() == 2032 && y["source"].Text().StartsWith("file:cn-holidays-2032.csv", StringComparison.Ordinal));
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Engine.Clocks;
using Approval.Engine.Documents;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>A whole case on a real database: receipt, review, licence and archive, the case file read back from the document store.</summary>
public abstract class CaseFlowTests
{
    private const string CaseNumber = "GD4419-20261127-0001";

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Start → AcceptOnReceipt → review task → IssueLicence → Archive → End.</summary>
    internal static string Flow(string id) => new FlowBuilder(id)
        .Activity("start", "Start")
        .Activity("receive", "AcceptOnReceipt")
        .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
        .Activity("licence", "IssueLicence", ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validUntil", "2031-11-26"))
        .Activity("archive", "Archive")
        .Activity("refused", "End")
        .Activity("end", "End")
        .Connect("start", "receive")
        .Connect("receive", "review", "Accepted")
        .Connect("receive", "refused", "Refused")
        .Connect("review", "licence", "Approve")
        .Connect("review", "refused", "Reject")
        .Connect("licence", "archive")
        .Connect("archive", "end")
        .ToJson();

    /// <summary>The 食品经营许可 case of Approval.Activities.Tests' CaseSamples, with every material submitted.</summary>
    internal static JsonObject CaseInput() => JsonNode.Parse("""
        {
          "guide": {
            "matterCode": "11441900007330913X4442072024000",
            "matterName": "食品经营许可（新办）",
            "department": "东莞市市场监督管理局",
            "statutoryLimitDays": 20,
            "committedLimitDays": 10,
            "allowsDeficiencyTolerance": true,
            "legalBasis": "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
            "materials": [
              { "code": "M01", "name": "营业执照", "required": true, "requirement": "复印件加盖公章" },
              { "code": "M02", "name": "经营场所平面图", "required": true, "tolerable": true, "requirement": "标明设备布局和工艺流程" },
              { "code": "M03", "name": "从业人员健康证明", "required": true, "exemptWithELicence": true, "requirement": "有效期内" },
              { "code": "M04", "name": "食品安全管理制度", "required": true, "alternatives": ["M04A"], "requirement": "加盖公章" },
              { "code": "M05", "name": "其他说明材料", "required": false }
            ]
          },
          "application": {
            "caseNumber": "GD4419-20261127-0001",
            "applicant": {
              "name": "东莞市某某餐饮有限公司",
              "idType": "统一社会信用代码",
              "idNumber": "91441900MA4XXXXX0X",
              "contact": "李明",
              "phone": "0769-22000000"
            },
            "materials": [
              { "code": "M01", "copies": 1, "form": "复印件" },
              { "code": "M02", "copies": 1, "form": "复印件" },
              { "code": "M03", "copies": 1, "form": "复印件" },
              { "code": "M04", "copies": 1, "form": "复印件" }
            ],
            "eLicences": []
          },
          "office": { "name": "东莞市市场监督管理局", "shortName": "东市监", "sealText": "东莞市市场监督管理局行政审批专用章", "phone": "0769-12345" },
          "handler": { "name": "王芳", "phone": "0769-22111111" }
        }
        """)!.AsObject();

    private static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>Publishes the flow, starts the case (the receipt is issued, the review task opens) and approves it; returns the instance id.</summary>
    private static async Task<Guid> RunTheCaseAsync(EngineHost host, string definitionId)
    {
        await host.PublishAsync(Flow(definitionId));
        var started = await host.StartAsync(definitionId, new StartOptions { Input = CaseInput(), CorrelationId = CaseNumber });
        Assert.Equal(WorkflowStatus.Suspended, started.Instance.Status);
        var review = Assert.Single(started.CreatedWorkItems);

        var done = await host.CompleteAsync(review.Id, "Approve", actor: "李科长");

        Assert.True(done.Instance.Status == WorkflowStatus.Completed, $"the case did not complete: {done.Instance.Status} {done.Instance.Incident?.Error}");
        return started.Instance.Id;
    }

    [Fact]
    public async Task WholeCase_DocumentsStoredWithTheirHashes_ManifestListsThem_ClockStopped()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider));
        var id = await RunTheCaseAsync(host, "case-flow");
        var documents = host.Services.GetRequiredService<IDocumentStore>();

        var listed = await documents.ListForInstanceAsync(id, CancellationToken.None);
        Assert.Equal(3, listed.Count);
        Assert.Equal("AcceptanceReceipt", listed[0].Kind);
        Assert.Equal(["ApprovalDecision", "CaseFileManifest"], listed.Skip(1).Select(d => d.Kind).Order(StringComparer.Ordinal));

        var stored = new Dictionary<string, InstanceDocument>();
        foreach (var entry in listed)
        {
            var document = await documents.FindAsync(entry.Id, CancellationToken.None);
            Assert.NotNull(document);
            Assert.Equal(id, document.InstanceId);
            Assert.Equal(entry.Sha256, document.Sha256);
            Assert.Equal(Sha256Of(document.Content), document.Sha256);
            stored[document.Kind] = document;
        }

        var (receipt, decision, manifest) = (stored["AcceptanceReceipt"], stored["ApprovalDecision"], stored["CaseFileManifest"]);
        Assert.Contains("东莞市某某餐饮有限公司", receipt.Content);
        Assert.StartsWith("东市监受〔", receipt.Number);
        Assert.EndsWith("〕GD4419-20261127-0001号", receipt.Number);
        Assert.Contains("JY14419000012345", decision.Content);
        Assert.True(receipt.CreatedAt < decision.CreatedAt, "the receipt was issued before the decision");
        Assert.Equal(decision.CreatedAt, manifest.CreatedAt); // issued in the same step

        // The manifest lists the receipt (read from the store) and the decision (issued in its own step), in that order.
        var receiptRow = manifest.Content.IndexOf($"<td class=\"hash\">{receipt.Sha256}</td>", StringComparison.Ordinal);
        var decisionRow = manifest.Content.IndexOf($"<td class=\"hash\">{decision.Sha256}</td>", StringComparison.Ordinal);
        Assert.True(receiptRow > 0, "the manifest does not list the receipt's SHA-256");
        Assert.True(decisionRow > receiptRow, "the manifest does not list the decision's SHA-256 after the receipt's");
        Assert.Contains("卷内文书 2 份", manifest.Content);
        var chain = Sha256Of($"{receipt.Id:N} {receipt.Sha256}\n{decision.Id:N} {decision.Sha256}");
        Assert.Contains(chain, manifest.Content);

        var instance = (await host.Store.FindInstanceAsync(id, CancellationToken.None))!;
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(2, instance.Variables["archive"]!["documents"]!.GetValue<int>());
        Assert.Equal(manifest.Id.ToString(), instance.Variables["archive"]!["manifestDocumentId"]!.GetValue<string>());
        Assert.Equal(decision.Id.ToString(), instance.Variables["result"]!["decisionDocumentId"]!.GetValue<string>());

        var clock = await host.Services.GetRequiredService<IClockStore>().FindAsync(id, LegalClock.CaseClockName, CancellationToken.None);
        Assert.NotNull(clock);
        Assert.Equal(ClockStatus.Stopped, clock.Status);
        Assert.Equal(CaseNumber, clock.CorrelationId);
    }

    [Fact]
    public async Task WholeCase_DocumentsListedInTheOrderTheyWereIssued()
    {
        for (var run = 0; run < 4; run++)
        {
            await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider));
            var id = await RunTheCaseAsync(host, $"case-order-{run}");

            var listed = await host.Services.GetRequiredService<IDocumentStore>().ListForInstanceAsync(id, CancellationToken.None);

            Assert.Equal(["AcceptanceReceipt", "ApprovalDecision", "CaseFileManifest"], listed.Select(d => d.Kind));
        }
    }
}

public sealed class SqliteCaseFlowTests : CaseFlowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresCaseFlowTests : CaseFlowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Documents;
using Approval.Engine.Execution;

namespace Approval.Activities.Results;

/// <summary>归档: closes the case file — every document the case issued, in order, each with its SHA-256 — with a manifest.</summary>
/// <remarks>
/// The case file opens with the first document (the receipt) and grows with each one, each stored immutably. Closing it
/// issues the manifest (卷内目录): the list of documents with their hashes and one hash over the whole list, so a later
/// change to any document, or a missing one, shows.
/// </remarks>
public sealed class ArchiveActivity(IDocumentStore? store = null) : Activity
{
    public const string ArchiveVariable = "archive";
    public const string ManifestKind = CaseFileVerifier.ManifestKind;

    public override ActivityDescriptor Descriptor { get; } = new(
        "Archive", ActivityCategories.Results, new("归档", "Archive"),
        new("办结归档：生成卷内目录，逐份记录文书及其SHA-256，案卷关闭。", "Closes the case file with a manifest listing every document and its SHA-256."),
        [.. CaseData.Inputs],
        ["Done"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var earlier = store is null ? [] : await store.ListForInstanceAsync(context.Instance.Id, context.CancellationToken);
        var documents = earlier.Concat(context.DocumentsIssuedNow).Where(d => d.Kind != ManifestKind).ToList();
        var chain = InstanceDocument.HashOf(string.Join("\n", documents.Select(d => $"{d.Id:N} {d.Sha256}")));
        var manifest = Render(data, documents, chain, context.Now);
        var issued = context.IssueDocument(ManifestKind, "卷内目录", manifest, data.DocumentNumber(ManifestKind, context.Now));
        context.SetVariable(ArchiveVariable, new JsonObject
        {
            ["closedAt"] = context.Now.ToString("O"),
            ["documents"] = documents.Count,
            ["contentHash"] = chain,
            ["manifestDocumentId"] = issued.Id.ToString(),
            ["manifestSha256"] = issued.Sha256,
        });
        return ActivityResult.Done;
    }

    private static string Render(CaseData data, IReadOnlyList<InstanceDocument> documents, string chain, DateTimeOffset now)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var rows = new StringBuilder();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{E(d.Title)}</td><td>{E(d.Number)}</td><td>{d.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}</td><td class=\"hash\">{d.Sha256}</td></tr>");
        }

        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>卷内目录 {E(data.CaseNumber)}</title>
            <style>@page {"{"} size: A4; margin: 20mm; {"}"} body {"{"} font-family: "Noto Serif CJK SC","SimSun",serif; font-size: 11pt; {"}"} table {"{"} width: 100%; border-collapse: collapse; {"}"} td, th {"{"} border: 1px solid #000; padding: 4px; {"}"} .hash {"{"} font-family: monospace; font-size: 7pt; word-break: break-all; {"}"}</style>
            </head><body>
            <h1 style="text-align:center">卷内目录</h1>
            <p>办件编号：{E(data.CaseNumber)}　事项：{E(data.MatterName)}　归档时间：{now.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}</p>
            <table><thead><tr><th>序号</th><th>文书</th><th>文书编号</th><th>形成时间</th><th>SHA-256</th></tr></thead><tbody>{rows}</tbody></table>
            <p>卷内文书 {documents.Count} 份；目录校验值（SHA-256）：<span class="hash">{chain}</span></p>
            </body></html>
            """;
    }
}

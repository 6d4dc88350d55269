using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Execution;

namespace Approval.Activities.Cases;

/// <summary>The case facts the government-service activities share: the matter's guide, the application, the office and the handler.</summary>
/// <remarks>
/// Each comes from the activity's input of the same name when the definition sets it, else from the instance's input
/// (how the application service starts a case), so a definition need not wire them into every step.
/// </remarks>
internal sealed class CaseData
{
    private CaseData(JsonObject guide, JsonObject application, JsonObject office, JsonObject handler, string caseNumber)
    {
        Guide = guide;
        Application = application;
        Office = office;
        Handler = handler;
        CaseNumber = caseNumber;
    }

    /// <summary>The inputs every case activity accepts.</summary>
    public static IReadOnlyList<InputDescriptor> Inputs { get; } =
    [
        new("guide", "Object", new("办事指南", "Guide")),
        new("application", "Object", new("申请", "Application")),
        new("office", "Object", new("受理机关", "Office")),
        new("handler", "Object", new("承办人", "Handler")),
    ];

    public JsonObject Guide { get; }

    public JsonObject Application { get; }

    public JsonObject Office { get; }

    public JsonObject Handler { get; }

    public string CaseNumber { get; }

    /// <summary>The matter's code: the catalogue's guide says <c>code</c>, a hand-written one may say <c>matterCode</c>.</summary>
    public string? MatterCode => Text(Guide["matterCode"]) ?? Text(Guide["code"]);

    public string MatterName => Text(Guide["matterName"]) ?? Text(Guide["name"]) ?? MatterCode ?? "";

    public string? Department => Text(Guide["department"]);

    public int CommittedLimitDays => Int(Guide["committedLimitDays"]) ?? Int(Guide["statutoryLimitDays"]) ?? 20;

    public int? StatutoryLimitDays => Int(Guide["statutoryLimitDays"]);

    /// <exception cref="FormatException">The guide or the application is missing.</exception>
    public static CaseData Read(ActivityExecutionContext context)
    {
        var guide = Find(context, "guide") ?? throw new FormatException("The matter's guide is missing: set the activity's 'guide' input or start the case with input.guide.");
        var application = Find(context, "application") ?? throw new FormatException("The application is missing: set the activity's 'application' input or start the case with input.application.");
        var caseNumber = Text(application["caseNumber"]) ?? context.Instance.CorrelationId ?? context.Instance.Id.ToString("N")[..12].ToUpperInvariant();
        return new CaseData(guide, application, Find(context, "office") ?? [], Find(context, "handler") ?? [], caseNumber);
    }

    /// <summary>The model every document starts from: numbers, dates, office, applicant, matter and handler.</summary>
    public JsonObject DocumentModel(string kind, DateTimeOffset now, int? sequence = null) => new()
    {
        ["caseNumber"] = CaseNumber,
        ["documentNumber"] = DocumentNumber(kind, now, sequence),
        ["issuedOn"] = ChinaTime.DateOf(now).ToString("yyyy-MM-dd"),
        ["office"] = Office.DeepClone(),
        ["applicant"] = Application["applicant"]?.DeepClone() ?? new JsonObject(),
        ["matter"] = new JsonObject { ["name"] = MatterName, ["code"] = MatterCode, ["department"] = Department },
        ["handler"] = Handler.DeepClone(),
        ["legalBasis"] = Guide["legalBasis"]?.DeepClone(),
        ["receivedAt"] = ReceivedAt(now).ToString("yyyy-MM-dd HH:mm"),
        ["receivedOn"] = ChinaTime.DateOf(ReceivedAt(now)).ToString("yyyy-MM-dd"),
        ["queryCode"] = CaseNumber,
    };

    /// <summary>When the application was received: the application's own record, else the step's time.</summary>
    /// <remarks>A time written without an offset is Beijing time, as everywhere in the product.</remarks>
    /// <exception cref="FormatException">The application's <c>receivedAt</c> is not a date and time.</exception>
    public DateTimeOffset ReceivedAt(DateTimeOffset now) =>
        ChinaTime.ToLocal(InputConversions.ToInstant(Application["receivedAt"], "application.receivedAt") ?? now);

    /// <summary>文书编号: the office's short name, the document's mark, the year and the case number — unique per case and kind.</summary>
    /// <remarks>
    /// Notices a case can receive more than once (one per special procedure, the two of a hearing) carry the step's
    /// sequence in the case as well, so no two documents share a number.
    /// </remarks>
    public string DocumentNumber(string kind, DateTimeOffset now, int? sequence = null) =>
        $"{Text(Office["shortName"]) ?? "东莞"}{DocumentMarks.Of(kind)}〔{ChinaTime.DateOf(now).Year}〕{CaseNumber}{(sequence is { } n ? $"-{n}" : "")}号";

    public static string? Text(JsonNode? node) => JsonValues.StringOf(node);

    public static int? Int(JsonNode? node) => JsonValues.Int32Of(node);

    private static JsonObject? Find(ActivityExecutionContext context, string name) =>
        context.GetObject(name) ?? context.Instance.Input[name] as JsonObject;
}

/// <summary>The mark each kind of document carries in its number (受, 补, 不受, …).</summary>
internal static class DocumentMarks
{
    public static string Of(string kind) => kind switch
    {
        "AcceptanceReceipt" => "受",
        "CorrectionNotice" => "补",
        "RefusalOfAcceptanceNotice" => "不受",
        "DeficiencyCommitmentLetter" => "容承",
        "DeficiencyAcceptanceNotice" => "容受",
        "TerminationNotice" => "终",
        "InformedCommitmentLetter" => "承",
        "SpecialProcedureNotice" => "特",
        "HearingNotice" => "听",
        "ExtensionNotice" => "延",
        "ApprovalDecision" => "准",
        "RejectionDecision" => "不准",
        _ => "文",
    };
}

using Approval.DesignerHost.Http;
using Approval.DesignerHost.Ui;
using Approval.Engine.Clocks;

namespace Approval.DesignerHost.Components.Pages.Inbox;

/// <summary>The words of the inbox and the task page: outcomes, kinds of step, the css class of a warning level, refusals.</summary>
public static class TaskWords
{
    public static string Outcome(UiText text, string outcome) => outcome switch
    {
        "Approve" => text.T("同意", "Approve"),
        "Approved" => text.T("准予", "Approved"),
        "Reject" => text.T("不同意", "Reject"),
        "Rejected" => text.T("不予", "Rejected"),
        "Return" => text.T("退回", "Return"),
        "Passed" => text.T("核查通过", "Passed"),
        "Failed" => text.T("核查不通过", "Failed"),
        "Waived" => text.T("放弃听证", "Hearing waived"),
        "Held" => text.T("已举行听证", "Hearing held"),
        "Verified" => text.T("核查属实", "Verified"),
        "CorrectionRequired" => text.T("需补正", "Correction required"),
        _ => outcome,
    };

    public static string Operation(UiText text, string operation) => operation switch
    {
        "Claim" => text.T("认领", "Claim"),
        "Release" => text.T("释放", "Release"),
        "Transfer" => text.T("转办", "Transfer"),
        "Delegate" => text.T("委派", "Delegate"),
        "Resolve" => text.T("委派回复", "Resolve"),
        "Urge" => text.T("催办", "Urge"),
        "CarbonCopy" => text.T("抄送", "Carbon copy"),
        _ => operation,
    };

    public static string ActivityType(UiText text, string? type) => type switch
    {
        "ApprovalTask" => text.T("审批", "Approval"),
        "SpecialProcedure" => text.T("特别程序", "Special procedure"),
        "Hearing" => text.T("听证", "Hearing"),
        "OnTheSpotHandling" => text.T("即办", "On the spot"),
        "CommitmentVerification" => text.T("承诺核查", "Commitment check"),
        "HumanTask" => text.T("人工任务", "Task"),
        null or "" => "",
        _ => type,
    };

    /// <summary>A refusal in the user's words, with the system's own explanation after it.</summary>
    public static string Refused(UiText text, Refusal refusal) => refusal.StatusCode switch
    {
        StatusCodes.Status403Forbidden => text.T("无权执行此操作：", "Not allowed: "),
        StatusCodes.Status404NotFound => text.T("未找到：", "Not found: "),
        StatusCodes.Status409Conflict => text.T("操作未完成，办件状态已变化：", "Not done, the case has moved on: "),
        _ => text.T("请求有误：", "Bad request: "),
    } + refusal.Detail;

    /// <summary>An exception caught on a page: the engine's refusals in words, anything else as an unexpected fault.</summary>
    public static string Failed(UiText text, Exception exception) =>
        Refusal.From(exception) is { } refusal ? Refused(text, refusal) : text.T("系统错误，请稍后重试：", "Unexpected error, try again later: ") + exception.Message;
}

using System.Text.Json.Nodes;

namespace Approval.Workflows.Applications;

/// <summary>What a window clerk submits: the matter, the applicant, the materials received, the form.</summary>
public sealed record SubmitApplication(string? MatterCode, string? PackageCode, ApplicantInfo? Applicant, IReadOnlyList<MaterialReceived>? Materials, JsonObject? Form, IReadOnlyList<string>? ELicences);

public sealed record ApplicantInfo(string? Name, string? IdType, string? IdNumber, string? Phone, string? Contact = null, string? Address = null);

/// <summary>One material handed in: its code in the guide, how many copies, in what form.</summary>
public sealed record MaterialReceived(string? Code, int? Copies = null, string? Form = null);

/// <summary>The officer who receives the application (首问负责): their name and department make the handler and the office.</summary>
public sealed record ReceivingOfficer(string UserName, string DisplayName, string? Department);

/// <summary>An application that cannot be received as given; every problem is listed.</summary>
public sealed class InvalidApplicationException(IReadOnlyList<string> problems)
    : Exception(problems.Count == 1 ? problems[0] : $"{problems.Count} problems: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

namespace Approval.DesignerHost.Apis;

// The bodies of /api/auth, kept beside each other because they only make sense together.

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Roles,
    string UserName,
    string DisplayName,
    string Department,
    string TokenType = "Bearer");

public sealed record CurrentUser(string UserName, string? Department, IReadOnlyList<string> Roles);

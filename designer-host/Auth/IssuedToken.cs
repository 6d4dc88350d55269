namespace Approval.DesignerHost.Auth;

/// <summary>An access token and what the client needs to know about it.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles);

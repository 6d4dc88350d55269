namespace Approval.DesignerHost.Options;

/// <summary>How the host issues and checks bearer tokens; bound from <c>Approval:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Approval:Auth";

    /// <value>The HS256 signing key, at least 32 bytes of UTF-8 text; none by default.</value>
    /// <remarks>
    /// When unset, a random key is generated once and kept in <c>&lt;database&gt;.signing-key</c> beside the SQLite file
    /// (in the working folder for PostgreSQL), so tokens survive a restart. Hosts that share one database must share this
    /// key, so set it explicitly for more than one host.
    /// </remarks>
    public string? SigningKey { get; set; }

    /// <value>The issuer and audience written into tokens; <c>approval</c> by default.</value>
    public string Issuer { get; set; } = "approval";

    /// <value>How long a token is valid; eight hours (a working day) by default.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}

using Approval.DesignerHost.Options;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Approval.DesignerHost.Auth;

/// <summary>Issues HS256 JWTs carrying the user's name, department and roles.</summary>
public sealed class TokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string DepartmentClaim = "department";

    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(DirectoryUser user)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.UserName,
                [NameClaim] = user.UserName,
                [DepartmentClaim] = user.Department,
                [RoleClaim] = user.Roles.ToArray(),
            },
        });
        return new IssuedToken(token, expiresAt, user.Roles);
    }

    /// <summary>How the bearer handler checks what <see cref="Issue"/> wrote.</summary>
    public static TokenValidationParameters ValidationParameters(SigningKey key, AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Issuer,
        IssuerSigningKey = key.SecurityKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}

using Approval.DesignerHost.Options;
using Approval.DesignerHost.Seeding;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Approval.DesignerHost.Auth;

public static class AuthHostExtensions
{
    /// <summary>JWT bearer authentication with the host's own key, the role policies, and ProblemDetails for 401 and 403.</summary>
    /// <param name="keyFile">Where a generated signing key is kept when none is configured.</param>
    public static IServiceCollection AddApprovalAuth(this IServiceCollection services, string keyFile)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton(sp => SigningKey.Resolve(sp.GetRequiredService<IOptions<AuthOptions>>().Value, keyFile));
        // Sign-in runs on real time even when the business runs on simulated time: a token's lifetime is a security
        // matter, and the bearer handler checks it against the real clock, so a simulated jump neither logs people
        // out nor issues tokens that are "not yet valid".
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SigningKey>(), sp.GetRequiredService<IOptions<AuthOptions>>(), TimeProvider.System));
        services.AddSingleton(sp =>
        {
            var directory = new UserDirectory();
            if (sp.GetRequiredService<IOptions<ApprovalOptions>>().Value.SeedDemoData)
            {
                DemoUsers.AddTo(directory);
            }

            return directory;
        });

        services.AddApprovalSchemes().AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<AuthOptions>>((bearer, key, auth) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = TokenIssuer.ValidationParameters(key, auth.Value);
                bearer.Events = new JwtBearerEvents { OnChallenge = WriteChallengeAsync };
            });
        services.AddAuthorizationBuilder().AddApprovalPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var detail = context.AuthenticateFailure switch
        {
            null => "This needs a bearer token: get one from POST /api/auth/token and send it as 'Authorization: Bearer <token>'.",
            SecurityTokenExpiredException => "The token has expired; get a new one from POST /api/auth/token.",
            _ => "The token is not valid here (wrong signature, issuer or format); get a new one from POST /api/auth/token.",
        };
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }
}

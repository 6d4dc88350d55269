using System.Security.Claims;
using Approval.DesignerHost.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Approval.DesignerHost.Auth;

/// <summary>Cookie sign-in for the browser UI, beside the bearer tokens of the API.</summary>
/// <remarks>
/// The API accepts bearer tokens only, so a page on another site cannot ride a signed-in user's cookie into it; the UI
/// pages, the Hangfire dashboard and the account endpoints use the cookie. One policy scheme picks by path.
/// </remarks>
public static class CookieSignIn
{
    public const string Scheme = "Approval";

    public static AuthenticationBuilder AddApprovalSchemes(this IServiceCollection services)
    {
        var builder = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer for /api, cookie elsewhere", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/access-denied";
                o.Cookie.Name = "approval-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
        services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The claims a cookie carries: the same names a bearer token carries, so every check reads both alike.</summary>
    public static ClaimsPrincipal PrincipalFor(DirectoryUser user)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.UserName),
            new(TokenIssuer.NameClaim, user.UserName),
            new(TokenIssuer.DepartmentClaim, user.Department),
            new("display_name", user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(TokenIssuer.RoleClaim, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, TokenIssuer.NameClaim, TokenIssuer.RoleClaim));
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/logout", async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });
        account.MapGet("/language", (HttpContext context, string? lang, string? returnUrl) =>
        {
            context.Response.Cookies.Append(UiText.CookieName, UiText.LanguageFromCookie(lang), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                IsEssential = true,
            });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Only paths on this site, so a crafted link cannot bounce a user elsewhere after sign-in.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/auth").WithTags("Auth");
        api.MapPost("/token", IssueToken)
            .AllowAnonymous()
            .WithSummary("Signs a user in and returns a bearer token.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me", GetCurrentUser).WithSummary("Who the bearer token says you are.");
        return app;
    }

    public static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(TokenRequest request, UserDirectory users, TokenIssuer issuer)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("Send both userName and password.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        if (users.Verify(request.UserName.Trim(), request.Password) is not { } user)
        {
            return TypedResults.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var token = issuer.Issue(user);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, token.ExpiresAt, token.Roles, user.UserName, user.DisplayName, user.Department));
    }

    public static Ok<CurrentUser> GetCurrentUser(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(user.Actor(), user.Department(), user.Roles()));
}

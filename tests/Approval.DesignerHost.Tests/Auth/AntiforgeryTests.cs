using System.Net;
using System.Text.RegularExpressions;
using Approval.DesignerHost.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.DesignerHost.Tests.Auth;

/// <summary>The UI's forms carry an antiforgery token: a form posted from another site, without it, signs no one in or out.</summary>
[Collection(HostCollection.Name)]
public sealed partial class AntiforgeryTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Sign_in_posted_without_the_pages_token_is_refused_and_with_it_succeeds()
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var credentials = new Dictionary<string, string> { ["_handler"] = "login", ["Input.UserName"] = "clerk", ["Input.Password"] = "clerk" };

        var forged = await browser.PostAsync("/login", new FormUrlEncodedContent(credentials));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/cases")).StatusCode);

        var page = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        var token = TokenField().Match(page);
        Assert.True(token.Success, "the sign-in page carries an antiforgery token");
        credentials["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);

        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(credentials));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_posted_without_a_token_is_refused()
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

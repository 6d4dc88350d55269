using System.Text;
using Approval.DesignerHost.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Approval.DesignerHost.Http;

/// <summary>Keeps request bodies within <see cref="ApiOptions.MaxRequestBodyBytes"/>; a larger one is a 413 ProblemDetails.</summary>
public static class RequestBodyLimits
{
    /// <summary>Refuses a declared length over the limit at once and caps the server's own counter for streamed bodies.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                throw TooLarge(limit);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            else
            {
                // A server without the feature (the test server, some proxies' in-process hosts) counts nothing itself.
                context.Request.Body = new LimitedRequestStream(context.Request.Body, limit, TooLarge);
            }

            await next(context);
        });
    }

    /// <summary>Reads the body as UTF-8 text, up to the limit whatever the server enforces (the test server enforces none).</summary>
    public static async Task<string> ReadTextAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    internal static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the {limit / 1024} KB this API accepts.", StatusCodes.Status413PayloadTooLarge);
}

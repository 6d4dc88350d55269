using Approval.Engine.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

public static class ActivityTypesApi
{
    public static IEndpointRouteBuilder MapActivityTypesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/activity-types", GetActivityTypes)
            .WithTags("Activity types")
            .WithSummary("The designer's toolbox: every activity type with its inputs and outcomes, in Chinese and English.");
        return app;
    }

    public static Ok<List<ActivityDescriptor>> GetActivityTypes(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors.ToList());
}

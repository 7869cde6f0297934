using Bpm.Engine.Errors;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Refuses a person outside the group an endpoint needs (403, naming the user, the action and the group), before the
/// endpoint runs. A machine (an API key alone) passes: keys are handed only to trusted clients.
/// </summary>
public static class GroupRequirement
{
    public static TBuilder RequireOperators<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireGroup(groups => groups.Operators, action);

    public static TBuilder RequireAnalysts<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireGroup(groups => groups.Analysts, action);

    private static TBuilder RequireGroup<TBuilder>(this TBuilder builder, Func<PermissionGroups, string> group, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (CallingUser.Of(http) is { } user)
            {
                var needed = group(http.RequestServices.GetRequiredService<BpmHostOptions>().Auth.Groups);
                if (!user.Groups.Contains(needed, StringComparer.Ordinal))
                    throw new EngineException(EngineErrorKind.Forbidden, $"User '{user.Id}' may not {action}: that needs the group '{needed}'");
            }
            return await next(context);
        });
}

using Bpm.Designer.Components;
using Bpm.Designer.Engine;
using Bpm.Designer.People;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bpm.Designer;

/// <summary>One registration and one mapping, for the engine host and for the stand-alone designer host alike.</summary>
public static class DesignerExtensions
{
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>Where an engine serves its REST API.</summary>
    public const string EngineRestPath = "/engine-rest";

    /// <summary>
    /// Registers the designer: its pages with interactive server rendering, and the engine client that carries
    /// <c>Bpm:Designer:ApiKey</c> to <c>Bpm:Designer:EngineUrl</c> (this same server when empty).
    /// </summary>
    public static WebApplicationBuilder AddBpmDesigner(this WebApplicationBuilder builder, Action<DesignerOptions>? configure = null)
    {
        // Serves this library's static files (its bundle included) from a build output, not only from a published app.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddOptions<DesignerOptions>().Bind(builder.Configuration.GetSection("Bpm:Designer")).Configure(o => configure?.Invoke(o))
            .Validate(o => string.IsNullOrEmpty(o.EngineUrl) || Uri.TryCreate(o.EngineUrl, UriKind.Absolute, out _), "Bpm:Designer:EngineUrl must be an absolute URL")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "Bpm:Designer:ApiKey is required: the engine accepts no call without a key")
            .ValidateOnStart();
        services.AddSingleton<IEngineAddress>(sp =>
        {
            var url = sp.GetRequiredService<IOptions<DesignerOptions>>().Value.EngineUrl;
            return string.IsNullOrEmpty(url)
                ? new ServerEngineAddress(sp.GetRequiredService<IServer>())
                : new ConfiguredEngineAddress(new Uri(url.TrimEnd('/') + "/"));
        });
        services.AddHttpClient<EngineClient>((sp, http) =>
        {
            http.BaseAddress = new Uri(sp.GetRequiredService<IEngineAddress>().BaseAddress, EngineRestPath[1..] + "/");
            http.DefaultRequestHeaders.Add(ApiKeyHeader, sp.GetRequiredService<IOptions<DesignerOptions>>().Value.ApiKey);
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddScoped<CurrentUser>();
        services.AddScoped<ITaskFeed, EngineTaskFeed>();
        services.AddSingleton<DesignerUsers>();
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "bpm.designer";
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // The scheme is registered before the options exist as a service: the same settings, the same delegate.
        var settings = builder.Configuration.GetSection("Bpm:Designer").Get<DesignerOptions>() ?? new DesignerOptions();
        configure?.Invoke(settings);
        if (settings.Oidc.Enabled) authentication.AddDesignerOpenIdConnect(settings.Oidc);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    /// <summary>
    /// The marks <c>UseAuthentication</c> and <c>UseAuthorization</c> leave on the pipeline they are added to; a web
    /// application adds each at the head of its pipeline unless its own carries the mark.
    /// </summary>
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";
    private const string AuthorizationMiddlewareSet = "__AuthorizationMiddlewareSet";

    /// <summary>Maps the pages (<c>/</c>, <c>/login</c>, <c>/modeler</c>, <c>/tasks</c>, <c>/cockpit</c>), sign-in, Blazor's endpoints and the static assets.</summary>
    public static WebApplication MapBpmDesigner(this WebApplication app)
    {
        // Sign-in is the pages': an engine's REST API on the same server checks its own keys, and is spared the cookie.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(EngineRestPath), pages =>
        {
            pages.UseAuthentication();
            pages.UseAuthorization();
            pages.UseAntiforgery();
        });
        // Left unmarked, the host would add both again at the head of the pipeline, for the API's calls too.
        var pipeline = ((IApplicationBuilder)app).Properties;
        pipeline[AuthenticationMiddlewareSet] = true;
        pipeline[AuthorizationMiddlewareSet] = true;
        app.MapAccountEndpoints(app.Services.GetRequiredService<IOptions<DesignerOptions>>().Value.Oidc);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

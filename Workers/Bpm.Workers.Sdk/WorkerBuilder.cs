using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Workers.Sdk;

/// <summary>Registers handlers: <c>builder.AddHandler&lt;SyncUsersHandler&gt;(o =&gt; o.MaxConcurrency = 2)</c>.</summary>
public sealed class WorkerBuilder(IServiceCollection services, WorkerOptions options)
{
    public IServiceCollection Services { get; } = services;
    public WorkerOptions Options { get; } = options;

    public WorkerBuilder AddHandler<THandler>(Action<HandlerOptions>? configure = null)
        where THandler : class, ITaskHandler, IActivity
    {
        var handlerOptions = new HandlerOptions();
        configure?.Invoke(handlerOptions);
        if (handlerOptions.MaxConcurrency < 1)
            throw new ArgumentOutOfRangeException(nameof(configure), $"MaxConcurrency of {typeof(THandler).Name} must be at least 1");
        Services.AddScoped<THandler>();
        var activity = handlerOptions.TaskType is { } taskType ? THandler.Activity with { TaskType = taskType } : THandler.Activity;
        Services.AddSingleton(new HandlerRegistration(
            activity, typeof(THandler), handlerOptions.MaxConcurrency, handlerOptions.LockDuration ?? Options.LockDuration));
        return this;
    }
}

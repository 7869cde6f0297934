using Bpm.Contracts.Workers;
using MassTransit;

namespace Bpm.Engine.Host.Transports.MassTransit;

/// <summary>Consumes workers' answers from the engine's queue (<c>bpm-task-results</c>) and applies them.</summary>
public sealed class TaskResultConsumer(TaskResultApplier applier) :
    IConsumer<TaskCompleted>,
    IConsumer<TaskFailed>,
    IConsumer<TaskBpmnErrorThrown>,
    IConsumer<TaskLockExtended>,
    IConsumer<TaskReleased>
{
    public Task Consume(ConsumeContext<TaskCompleted> context) => applier.ApplyAsync(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<TaskFailed> context) => applier.ApplyAsync(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<TaskBpmnErrorThrown> context) => applier.ApplyAsync(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<TaskLockExtended> context) => applier.ApplyAsync(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<TaskReleased> context) => applier.ApplyAsync(context.Message, context.CancellationToken);
}

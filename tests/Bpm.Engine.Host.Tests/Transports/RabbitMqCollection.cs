namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>Tests that restart the shared RabbitMQ broker run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ";
}

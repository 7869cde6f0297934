namespace Bpm.Workers.Sdk;

public enum WorkerTransportKind
{
    /// <summary>Camunda's fetch-and-lock over the engine's REST API.</summary>
    Http,
    /// <summary>Tasks from the Kafka topic of each task type, results to the results topic.</summary>
    Kafka,
    /// <summary>Tasks from a queue per task type, results to the engine's queue (RabbitMQ, or in-memory).</summary>
    MassTransit,
}

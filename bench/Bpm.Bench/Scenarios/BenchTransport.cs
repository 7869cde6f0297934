namespace Bpm.Bench.Scenarios;

public enum BenchTransport
{
    Kafka,
    MassTransit,
}

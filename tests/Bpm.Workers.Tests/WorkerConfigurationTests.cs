using Bpm.Workers.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Workers.Tests;

public sealed class WorkerConfigurationTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void Should_refuse_a_MassTransit_send_timeout_that_is_not_positive(string timeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bpm:Worker:Transport"] = "MassTransit",
            ["Bpm:Worker:RabbitMq:SendTimeout"] = timeout,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLogging().AddBpmWorkers(configuration));

        Assert.Equal($"Bpm:Worker:RabbitMq:SendTimeout must be positive, was '{TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture)}'", refused.Message);
    }
}

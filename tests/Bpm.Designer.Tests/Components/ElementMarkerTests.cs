using Bpm.Contracts.Rest;
using Bpm.Designer.Components.Cockpit;

namespace Bpm.Designer.Tests.Components;

public sealed class ElementMarkerTests
{
    private static ActivityInstanceDto Node(string id, string activityId, params ActivityInstanceDto[] children) =>
        new(id, null, activityId, "task", "i", "d", [.. children], [], [id]);

    [Fact]
    public void Should_count_tokens_per_activity_through_the_tree_and_incidents_per_activity()
    {
        var tree = Node("i", "d", Node("s1", "sub", Node("a1", "review"), Node("a2", "review")), Node("a3", "charge"));
        var incidents = new[] { new IncidentDto("n1", DateTimeOffset.UnixEpoch, "failedExternalTask", ActivityId: "charge") };

        var markers = ElementMarker.From(tree, incidents);

        Assert.Equal(
            [new ElementMarker("charge", 1, 1), new ElementMarker("review", 2, 0), new ElementMarker("sub", 1, 0)],
            markers);
    }
}

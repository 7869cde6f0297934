using Bpm.Contracts.Rest;
using Bpm.Designer.Components.Tasks;
using Bunit;

namespace Bpm.Designer.Tests.Components;

public sealed class TaskListTests : BunitContext
{
    private static readonly TaskDto[] Tasks =
    [
        new("t1", new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), "Old", ProcessDefinitionId: "pay:1:a", Due: new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)),
        new("t2", new DateTimeOffset(2026, 1, 3, 9, 0, 0, TimeSpan.Zero), "New", Assignee: "ann", ProcessDefinitionId: "hire:1:b"),
        new("t3", new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero), "Middle", ProcessDefinitionId: "pay:1:a", Due: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    private IRenderedComponent<TaskList> RenderList() => Render<TaskList>(p => p
        .Add(c => c.Tasks, Tasks)
        .Add(c => c.UserId, "ann")
        .Add(c => c.ProcessKeys, new Dictionary<string, string> { ["pay:1:a"] = "pay", ["hire:1:b"] = "hire" }));

    private static string[] Names(IRenderedComponent<TaskList> list) =>
        list.FindAll("#task-list tbody tr td:first-child").Select(td => td.TextContent).ToArray();

    [Fact]
    public void Should_show_newest_first_and_sort_by_due_date_or_process()
    {
        var list = RenderList();
        Assert.Equal(["New", "Middle", "Old"], Names(list));

        list.Find("#task-sort").Change(nameof(TaskSort.Due));
        Assert.Equal(["Middle", "Old", "New"], Names(list));

        list.Find("#task-sort").Change(nameof(TaskSort.Process));
        Assert.Equal(["New", "Middle", "Old"], Names(list));
    }

    [Fact]
    public void Should_filter_by_process_and_by_whose_task_it_is()
    {
        var list = RenderList();

        list.Find("#task-process").Change("pay");
        Assert.Equal(["Middle", "Old"], Names(list));

        list.Find("#task-process").Change("");
        list.Find("#task-scope").Change(nameof(TaskScope.Mine));
        Assert.Equal(["New"], Names(list));
    }

    [Fact]
    public void Should_offer_claim_for_open_tasks_and_unclaim_for_own()
    {
        TaskDto? claimed = null;
        var list = Render<TaskList>(p => p.Add(c => c.Tasks, Tasks).Add(c => c.UserId, "ann").Add(c => c.OnClaim, t => claimed = t));

        Assert.Equal(2, list.FindAll(".bpm-claim").Count);
        Assert.Single(list.FindAll(".bpm-unclaim"));
        list.Find("tr[data-task-id='t1'] .bpm-claim").Click();
        Assert.Equal("t1", claimed?.Id);
    }
}

using System.Net;
using System.Security.Cryptography;
using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Testing;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>
/// In production people sign in at an identity provider: the engine checks its access tokens against the keys it
/// publishes, and takes the user and groups from their claims.
/// </summary>
public sealed class OidcBearerTests(EngineWithIssuer fixture) : IClassFixture<EngineWithIssuer>
{
    private TestIssuer Issuer => fixture.Issuer;

    /// <summary>An instance whose first task is offered to the approvers alone.</summary>
    private async Task<(string Key, string Instance, string TaskId)> StartApprovalAsync()
    {
        var machine = fixture.Machine();
        var (key, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks",
            xml => xml.Replace("camunda:candidateGroups=\"managers, finance\" camunda:candidateUsers=\"carol\"", "camunda:candidateGroups=\"approvers\""));
        var instance = await machine.StartAsync(key, ReviewFixture.Variables);
        var task = Assert.Single((await machine.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;
        return (key, instance, task["id"]!.GetValue<string>());
    }

    private static async Task<string> MessageOf(HttpResponseMessage response) => (await EngineClient.Json(response))["message"]!.GetValue<string>();

    [Fact]
    public async Task Should_show_the_task_to_a_token_of_the_approvers_and_let_them_claim_it()
    {
        var (_, instance, taskId) = await StartApprovalAsync();
        var arthur = fixture.WithToken(Issuer.Token("arthur", ["approvers"]));

        Assert.Single((await arthur.GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
        Assert.Equal(HttpStatusCode.NoContent, (await arthur.PostAsync($"task/{taskId}/claim", """{"userId": "arthur"}""")).StatusCode);
        Assert.Equal("arthur", (await fixture.Machine().GetJsonAsync($"task/{taskId}"))["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_the_task_to_a_token_of_other_groups()
    {
        var (_, instance, taskId) = await StartApprovalAsync();
        var mallory = fixture.WithToken(Issuer.Token("mallory", ["sales"]));

        Assert.Empty((await mallory.GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.Http.GetAsync($"task/{taskId}")).StatusCode);
        var claim = await mallory.PostAsync($"task/{taskId}/claim", """{"userId": "mallory"}""");
        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Contains("'mallory' is neither the assignee nor a candidate", await MessageOf(claim));
    }

    [Fact]
    public async Task Should_answer_401_to_an_expired_token_a_foreign_signature_another_audience_and_garbage()
    {
        using var stranger = RSA.Create(2048);

        var expired = await fixture.WithToken(Issuer.Token("arthur", ["approvers"], expiresIn: TimeSpan.FromMinutes(-10))).Http.GetAsync("task");
        var forged = await fixture.WithToken(Issuer.Token("arthur", ["approvers"], signedBy: stranger)).Http.GetAsync("task");
        var elsewhere = await fixture.WithToken(Issuer.Token("arthur", ["approvers"], audience: "another-api")).Http.GetAsync("task");
        var garbage = await fixture.WithToken("not-a-token").Http.GetAsync("task");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("The bearer token has expired", await MessageOf(expired));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("signature", await MessageOf(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Contains("audience", await MessageOf(elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task Should_take_operator_calls_only_from_the_configured_operators_group()
    {
        var (_, instance, _) = await StartApprovalAsync();

        var byDefaultName = await fixture.WithToken(Issuer.Token("olga", ["operators"])).Http.DeleteAsync($"process-instance/{instance}");
        var byConfiguredName = await fixture.WithToken(Issuer.Token("olga", [EngineWithIssuer.OperatorsGroup])).Http.DeleteAsync($"process-instance/{instance}");

        Assert.Equal(HttpStatusCode.Forbidden, byDefaultName.StatusCode);
        Assert.Equal($"User 'olga' may not cancel process instances: that needs the group '{EngineWithIssuer.OperatorsGroup}'", await MessageOf(byDefaultName));
        Assert.Equal(HttpStatusCode.NoContent, byConfiguredName.StatusCode);
    }

    [Fact]
    public async Task Should_let_a_keyed_client_act_for_a_provider_user_with_the_groups_it_names()
    {
        var (_, instance, _) = await StartApprovalAsync();

        var asApprover = fixture.Machine();
        asApprover.Http.DefaultRequestHeaders.Add("x-bpm-user", "arthur");
        asApprover.Http.DefaultRequestHeaders.Add("x-bpm-groups", "staff, approvers");
        var asSales = fixture.Machine();
        asSales.Http.DefaultRequestHeaders.Add("x-bpm-user", "mallory");
        asSales.Http.DefaultRequestHeaders.Add("x-bpm-groups", "sales");

        Assert.Single((await asApprover.GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
        Assert.Empty((await asSales.GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
    }

    [Fact]
    public async Task Should_tell_a_live_tasklist_signed_in_with_a_token()
    {
        var token = Issuer.Token("arthur", ["approvers"]);
        await using var feed = await TaskFeed.ConnectAsync(fixture.Engine.BaseAddress, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));

        var (key, instance, taskId) = await StartApprovalAsync();

        var told = await feed.NextAsync(key);
        Assert.Equal(("created", instance, taskId), (told.Kind, told.ProcessInstanceId, told.TaskId));
    }
}

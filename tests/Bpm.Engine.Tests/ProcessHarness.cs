using System.Text.Json.Nodes;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Scripting;

namespace Bpm.Engine.Tests;

/// <summary>Runs one process instance in memory and records every effect, so tests can assert the token path.</summary>
internal sealed class ProcessHarness
{
    private readonly ProcessRuntime _runtime;
    private readonly ProcessDefinition _definition;
    private readonly List<RuntimeEffect> _effects = [];
    private int _ids;

    private ProcessHarness(ProcessDefinition definition, ScriptOptions? scripts)
    {
        _definition = definition;
        _runtime = new ProcessRuntime(Clock, () => $"id{++_ids}", scripts);
        Instance = null!;
    }

    public static readonly DateTimeOffset Epoch = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    public ManualClock Clock { get; } = new(Epoch);

    public ProcessInstance Instance { get; private set; }
    public IReadOnlyList<RuntimeEffect> Effects => _effects;

    public static ProcessHarness Start(string fixture, string? variablesJson = null, Func<string, string>? edit = null, ScriptOptions? scripts = null)
    {
        var harness = new ProcessHarness(Fixture.Definition(fixture, edit), scripts);
        harness.Apply(harness._runtime.Start(harness._definition, "def:1", "order-42", Json(variablesJson)));
        return harness;
    }

    /// <summary>Starts at a given start event (a timer or message start), as the engine does when it fires.</summary>
    public static ProcessHarness StartAt(string fixture, string startEventId, string? variablesJson = null)
    {
        var harness = new ProcessHarness(Fixture.Definition(fixture), null);
        harness.Apply(harness._runtime.StartAt(harness._definition, "def:1", startEventId, "order-42", Json(variablesJson)));
        return harness;
    }

    public Bpm.Engine.Model.ProcessDefinition Definition => _definition;

    /// <summary>The variables a worker or approver of the waiting task at <paramref name="activityId"/> sees.</summary>
    public System.Text.Json.Nodes.JsonObject TaskVariables(string activityId) =>
        ProcessVariables.Visible(Instance, Instance.Tokens.First(t => t.NodeId == activityId && t.State == TokenState.Waiting && !t.IsMultiInstanceBody));

    /// <summary>Completes the waiting task at <paramref name="activityId"/> whose variables satisfy <paramref name="which"/>.</summary>
    public ProcessHarness CompleteWhere(string activityId, Func<System.Text.Json.Nodes.JsonObject, bool> which, string? variablesJson = null)
    {
        var token = Instance.Tokens.First(t => t.NodeId == activityId && t.State == TokenState.Waiting && !t.IsMultiInstanceBody && which(ProcessVariables.Visible(Instance, t)));
        Apply(_runtime.CompleteTask(_definition, Instance, token.Id, Json(variablesJson)));
        return this;
    }

    public ProcessHarness CorrelateKey(string messageName, string correlationKey, string? variablesJson = null)
    {
        var subscription = Instance.Messages.First(m => m.MessageName == messageName && m.CorrelationKey == correlationKey);
        Apply(_runtime.CorrelateMessage(_definition, Instance, subscription.Id, Json(variablesJson)));
        return this;
    }

    /// <summary>Activity ids in the order tokens entered them.</summary>
    public IReadOnlyList<string> Path => _effects.OfType<ActivityStarted>().Select(s => s.ActivityId).ToList();

    /// <summary>Activity ids where tokens now rest, sorted.</summary>
    public IReadOnlyList<string> Waiting => Instance.Tokens.Where(t => t.State == TokenState.Waiting && !t.IsMultiInstanceBody).Select(t => t.NodeId).Order().ToList();

    public IReadOnlyList<IncidentRaised> Incidents => _effects.OfType<IncidentRaised>().ToList();

    public JsonNode? Variable(string name) => Instance.Variables[name];

    public ProcessHarness Complete(string activityId, string? variablesJson = null)
    {
        var token = Instance.Tokens.First(t => t.NodeId == activityId && t.State == TokenState.Waiting && !t.IsMultiInstanceBody);
        Apply(_runtime.CompleteTask(_definition, Instance, token.Id, Json(variablesJson)));
        return this;
    }

    /// <summary>Moves the clock and fires every timer that falls due on the way, in due order.</summary>
    public ProcessHarness Advance(TimeSpan by)
    {
        var until = Clock.GetUtcNow() + by;
        while (Instance.Timers.Where(t => t.DueAt <= until).OrderBy(t => t.DueAt).FirstOrDefault() is { } due)
        {
            if (due.DueAt > Clock.GetUtcNow()) Clock.Advance(due.DueAt - Clock.GetUtcNow());
            Apply(_runtime.FireTimer(_definition, Instance, due.Id));
        }
        if (until > Clock.GetUtcNow()) Clock.Advance(until - Clock.GetUtcNow());
        return this;
    }

    public ProcessHarness ThrowError(string activityId, string code, string? message = null)
    {
        var token = Instance.Tokens.Single(t => t.NodeId == activityId && t.State == TokenState.Waiting);
        Apply(_runtime.ThrowBpmnError(_definition, Instance, token.Id, code, message, null));
        return this;
    }

    public ProcessHarness Correlate(string messageName, string? variablesJson = null)
    {
        var subscription = Instance.Messages.First(m => m.MessageName == messageName);
        Apply(_runtime.CorrelateMessage(_definition, Instance, subscription.Id, Json(variablesJson)));
        return this;
    }

    /// <summary>Runs the job of one pending asynchronous continuation, as the job executor would.</summary>
    public ProcessHarness ContinueOnce()
    {
        var token = Instance.Tokens.First(t => t.PendingContinuation is not null);
        Apply(_runtime.Continue(_definition, Instance, token.Id));
        return this;
    }

    public ProcessHarness Suspend(bool suspended = true)
    {
        Apply(_runtime.SetSuspended(_definition, Instance, suspended));
        return this;
    }

    public ProcessHarness Cancel()
    {
        Apply(_runtime.Cancel(_definition, Instance));
        return this;
    }

    public ProcessHarness Retry(string activityId)
    {
        var token = Instance.Tokens.Single(t => t.NodeId == activityId && t.State == TokenState.Failed);
        Apply(_runtime.Retry(_definition, Instance, token.Id));
        return this;
    }

    public ProcessHarness SetVariable(string name, string json)
    {
        Instance.Variables[name] = JsonNode.Parse(json);
        return this;
    }

    private void Apply(CommandResult result)
    {
        Instance = result.Instance;
        _effects.AddRange(result.Effects);
    }

    private static JsonObject? Json(string? json) => json is null ? null : JsonNode.Parse(json)!.AsObject();
}

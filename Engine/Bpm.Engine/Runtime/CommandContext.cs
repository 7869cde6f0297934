using System.Text.Json.Nodes;
using Bpm.Engine.Expressions;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Runtime;

/// <summary>
/// The working state of one command: the instance it changes, the queue of steps still to run, and the
/// effects recorded so far. Behaviors act only through it.
/// </summary>
internal sealed class CommandContext(ProcessDefinition definition, ProcessInstance instance, RuntimeServices services)
{
    private readonly Queue<Step> _steps = new();
    private readonly List<RuntimeEffect> _effects = [];

    public ProcessDefinition Definition { get; } = definition;
    public ProcessInstance Instance { get; } = instance;
    public RuntimeServices Services { get; } = services;
    public DateTimeOffset Now { get; } = services.Time.GetUtcNow();
    public IReadOnlyList<RuntimeEffect> Effects => _effects;

    public void Record(RuntimeEffect effect) => _effects.Add(effect);

    public bool TryDequeue(out Step step) => _steps.TryDequeue(out step!);

    public void Schedule(Step step) => _steps.Enqueue(step);

    /// <summary>
    /// Places a new token on <paramref name="nodeId"/> and schedules its activation, or, for an event that has
    /// already occurred (<paramref name="triggered"/>), its completion.
    /// </summary>
    public Token Enter(string nodeId, string? scopeTokenId, string? arrivedBy, JsonObject? variables = null, bool triggered = false, string? compensationThrowerId = null)
    {
        var node = Definition.Node(nodeId);
        var token = new Token
        {
            Id = Services.NewId(),
            NodeId = nodeId,
            ScopeTokenId = scopeTokenId,
            ArrivedBy = arrivedBy,
            State = TokenState.Running,
            Variables = variables,
            StartTime = Now,
            CompensationThrowerId = compensationThrowerId,
        };
        Instance.Tokens.Add(token);
        Record(new ActivityStarted(token.Id, scopeTokenId ?? Instance.Id, node.Id, node.Name, node.ActivityType, Now));
        Schedule(triggered ? new Step.Complete(token) : new Step.Activate(token));
        return token;
    }

    /// <summary>Ends <paramref name="token"/> and places a new token on the target of each flow.</summary>
    public void Leave(Token token, IEnumerable<SequenceFlow> flows)
    {
        if (token.CompensationThrowerId is not null)
        {
            Behaviors.Compensation.HandlerDone(this, token);
            return;
        }
        Behaviors.Compensation.Remember(this, token);
        End(token, canceled: false);
        var any = false;
        foreach (var flow in flows)
        {
            any = true;
            Enter(flow.TargetId, token.ScopeTokenId, flow.Id);
        }
        if (!any) CompleteScopeIfEmpty(token.ScopeTokenId);
    }

    /// <summary>Removes a token from the instance and closes its activity instance.</summary>
    public void End(Token token, bool canceled)
    {
        Instance.Tokens.Remove(token);
        Behaviors.TimerScheduling.CancelAll(this, token);
        Behaviors.MessageSubscribing.CancelAll(this, token);
        if (canceled && token.CalledInstanceId is not null) Record(new ChildInstanceCancelled(token.CalledInstanceId));
        var node = Definition.Node(token.NodeId);
        if (node is ServiceTask or UserTask)
            RecordWaitEnded(token, canceled);
        if (token.IncidentId is not null)
        {
            Record(new IncidentResolved(token.IncidentId, Now));
            token.IncidentId = null;
        }
        Record(new ActivityEnded(token.Id, Now, canceled));
    }

    /// <summary>Records that the external task or user task <paramref name="token"/> waits at is gone.</summary>
    public void RecordWaitEnded(Token token, bool canceled)
    {
        var node = Definition.Node(token.NodeId);
        Record(new WaitEnded(token.Id, token.ScopeTokenId ?? Instance.Id, node.Id, node.Name, node.ActivityType, token.StartTime, canceled, Now));
    }

    /// <summary>Cancels every token inside a scope, innermost first.</summary>
    public void CancelScope(string? scopeTokenId)
    {
        foreach (var child in Instance.Tokens.Where(t => t.ScopeTokenId == scopeTokenId).ToList())
        {
            if (!Instance.Tokens.Contains(child)) continue;
            CancelScope(child.Id);
            End(child, canceled: true);
        }
    }

    /// <summary>When no token is left in a scope, the scope completes: the sub-process leaves, or the process ends.</summary>
    public void CompleteScopeIfEmpty(string? scopeTokenId)
    {
        if (Instance.Tokens.Any(t => t.ScopeTokenId == scopeTokenId)) return;
        var scope = scopeTokenId is null ? null : Instance.FindToken(scopeTokenId);
        if (scope is not null && Definition.Node(scope.NodeId) is SubProcess) Behaviors.Compensation.ScopeCompleted(this, scope);
        Instance.Compensations.RemoveAll(r => r.ScopeTokenId == scopeTokenId);
        if (scopeTokenId is null)
        {
            if (Instance.IsEnded) return;
            Behaviors.EventSubProcesses.CloseProcessScope(this);
            Instance.State = InstanceState.Completed;
            Instance.EndTime = Now;
            Record(new InstanceEnded(InstanceState.Completed, Now));
            return;
        }
        if (scope is not null && scope.State == TokenState.Waiting)
        {
            scope.State = TokenState.Running;
            Schedule(new Step.Complete(scope));
        }
    }

    /// <summary>Stops a token where it is and raises an incident naming what the model got wrong.</summary>
    public void Fail(Token token, string incidentType, string message)
    {
        if (token.State == TokenState.Failed) return;
        token.State = TokenState.Failed;
        token.IncidentId = Services.NewId();
        Record(new IncidentRaised(token.IncidentId, incidentType, token.NodeId, token.Id, message, Now));
    }

    public JsonObject VisibleVariables(Token token) => ProcessVariables.Visible(Instance, token);

    public IVariableLookup VariablesOf(Token? token, JsonObject? overlay = null) =>
        new TokenVariableLookup(Instance, token, overlay);

    public ExpressionResult Evaluate(string expression, Token token, JsonObject? overlay = null)
    {
        Expression parsed;
        try
        {
            parsed = Services.Expressions.Get(expression);
        }
        catch (ExpressionSyntaxException e)
        {
            return ExpressionResult.Fail(e.Message);
        }
        return parsed.Evaluate(VariablesOf(token, overlay));
    }

    /// <summary>
    /// Sets a variable as Camunda's <c>setVariable</c> does: in the nearest enclosing scope that already
    /// holds it, otherwise on the process instance.
    /// </summary>
    public void SetVariable(string? scopeTokenId, string name, JsonNode? value)
    {
        for (var scope = scopeTokenId is null ? null : Instance.FindToken(scopeTokenId);
             scope is not null;
             scope = scope.ScopeTokenId is null ? null : Instance.FindToken(scope.ScopeTokenId))
        {
            if (scope.Variables is not null && scope.Variables.ContainsKey(name))
            {
                scope.Variables[name] = value?.DeepClone();
                return;
            }
        }
        Instance.Variables[name] = value?.DeepClone();
    }

    public void SetVariables(string? scopeTokenId, JsonObject? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables) SetVariable(scopeTokenId, name, value);
    }
}

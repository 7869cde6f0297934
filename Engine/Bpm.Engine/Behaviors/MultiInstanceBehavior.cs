using System.Text.Json.Nodes;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Runs a multi-instance activity. The token that arrives becomes the body: it keeps <c>nrOfInstances</c>,
/// <c>nrOfCompletedInstances</c>, <c>nrOfActiveInstances</c> and the output collection, and starts inner
/// instances (each with <c>loopCounter</c> and its element) all at once or one after another. When all are done,
/// or the completion condition holds, the remaining inner instances are cancelled and the body leaves.
/// </summary>
internal static class MultiInstanceBehavior
{
    public static bool IsInner(CommandContext context, Token token) =>
        token.ScopeTokenId is { } scope && context.Instance.FindToken(scope) is { IsMultiInstanceBody: true } body && body.NodeId == token.NodeId;

    /// <summary>The arriving token becomes the body: evaluates the collection and starts the first inner instances.</summary>
    public static void Begin(CommandContext context, Token body)
    {
        var node = context.Definition.Node(body.NodeId);
        var loop = node.Loop!;
        JsonArray? items = null;
        int count;
        if (loop.Collection is not null)
        {
            var value = context.Evaluate(loop.Collection, body);
            if (!value.IsSuccess || value.Value is not JsonArray array)
            {
                context.Fail(body, IncidentTypes.FailedExpression,
                    $"The input collection of multi-instance '{node.Id}' did not evaluate to a list: {value.Error ?? value.Value?.ToJsonString() ?? "null"}");
                return;
            }
            items = array;
            count = array.Count;
        }
        else
        {
            var value = context.Evaluate(loop.Cardinality!, body);
            if (!value.IsSuccess || !WholeNumber(value.Value, out var cardinality))
            {
                context.Fail(body, IncidentTypes.FailedExpression,
                    $"The loop cardinality of multi-instance '{node.Id}' is not a whole number: {value.Error ?? value.Value?.ToJsonString() ?? "null"}");
                return;
            }
            count = (int)cardinality;
        }
        body.IsMultiInstanceBody = true;
        body.State = TokenState.Waiting;
        body.Variables ??= [];
        body.Variables["nrOfInstances"] = count;
        body.Variables["nrOfCompletedInstances"] = 0;
        body.Variables["nrOfActiveInstances"] = 0;
        if (items is not null) body.Variables["__items"] = items.DeepClone();
        if (loop.OutputCollection is not null) body.Variables[loop.OutputCollection] = new JsonArray(Enumerable.Range(0, count).Select(_ => (JsonNode?)null).ToArray());
        if (count == 0)
        {
            Finish(context, body);
            return;
        }
        for (var i = 0; i < (loop.Sequential ? 1 : count); i++) StartInner(context, body, i);
    }

    /// <summary>A cardinality: a JSON number, or literal text such as <c>3</c>.</summary>
    private static bool WholeNumber(JsonNode? value, out decimal number)
    {
        number = 0;
        var ok = value is JsonValue json && (Expressions.JsonValues.TryGetNumber(json, out number)
            || (json.TryGetValue<string>(out var text) && decimal.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out number)));
        return ok && number >= 0 && number == Math.Floor(number);
    }

    /// <summary>An inner instance is done: collect its output, then start the next or finish the body.</summary>
    public static void CompleteInner(CommandContext context, Token inner)
    {
        var body = context.Instance.FindToken(inner.ScopeTokenId!)!;
        var loop = context.Definition.Node(body.NodeId).Loop!;
        var index = inner.Variables?["loopCounter"]?.GetValue<int>() ?? 0;
        if (loop.OutputCollection is not null && loop.OutputElement is not null)
        {
            var output = context.Evaluate(loop.OutputElement, inner);
            if (!output.IsSuccess)
            {
                context.Fail(inner, IncidentTypes.FailedExpression, $"The output element of multi-instance '{body.NodeId}' failed: {output.Error}");
                return;
            }
            body.Variables![loop.OutputCollection]![index] = output.Value?.DeepClone();
        }
        context.End(inner, canceled: false);
        var completed = body.Variables!["nrOfCompletedInstances"]!.GetValue<int>() + 1;
        body.Variables["nrOfCompletedInstances"] = completed;
        body.Variables["nrOfActiveInstances"] = body.Variables["nrOfActiveInstances"]!.GetValue<int>() - 1;
        var total = body.Variables["nrOfInstances"]!.GetValue<int>();

        if (loop.CompletionCondition is not null)
        {
            var condition = context.Evaluate(loop.CompletionCondition, body);
            if (!condition.IsSuccess || condition.Value is not JsonValue flag || !flag.TryGetValue<bool>(out var done))
            {
                context.Fail(body, IncidentTypes.FailedExpression,
                    $"The completion condition of multi-instance '{body.NodeId}' did not evaluate to a boolean: {condition.Error ?? condition.Value?.ToJsonString() ?? "null"}");
                return;
            }
            if (done)
            {
                context.CancelScope(body.Id);
                Finish(context, body);
                return;
            }
        }
        if (completed >= total) Finish(context, body);
        else if (loop.Sequential) StartInner(context, body, completed);
    }

    private static void StartInner(CommandContext context, Token body, int index)
    {
        var loop = context.Definition.Node(body.NodeId).Loop!;
        var local = new JsonObject { ["loopCounter"] = index };
        if (body.Variables!["__items"] is JsonArray items && loop.ElementVariable is not null) local[loop.ElementVariable] = items[index]?.DeepClone();
        body.Variables["nrOfActiveInstances"] = body.Variables["nrOfActiveInstances"]!.GetValue<int>() + 1;
        context.Enter(body.NodeId, body.Id, arrivedBy: null, local);
    }

    /// <summary>The body leaves: the output collection goes to the enclosing scope.</summary>
    private static void Finish(CommandContext context, Token body)
    {
        var loop = context.Definition.Node(body.NodeId).Loop!;
        if (loop.OutputCollection is not null) context.SetVariable(body.ScopeTokenId, loop.OutputCollection, body.Variables![loop.OutputCollection]);
        body.State = TokenState.Running;
        context.Schedule(new Step.Complete(body));
    }
}

using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Bpm.Engine.Scripting;

/// <summary>
/// Runs a script task's JavaScript in a fresh Jint engine with no access to the host (no CLR types, no
/// modules, no I/O), bounded in time, memory, statements and recursion. Variables come in as JSON values;
/// the script's last value and the variables it set with <c>execution.setVariable</c> come out as JSON.
/// </summary>
public sealed class ScriptRunner(ScriptOptions options)
{
    private const string Prelude = """
        var execution = (function (vars, set, key) {
          return {
            getVariable: function (name) { return vars[name]; },
            setVariable: function (name, value) { vars[name] = value; set[name] = value; },
            hasVariable: function (name) { return Object.prototype.hasOwnProperty.call(vars, name); },
            getBusinessKey: function () { return key; },
            getProcessBusinessKey: function () { return key; }
          };
        })(__vars, __set, __businessKey);
        """;

    public ScriptOutcome Run(string script, JsonObject variables, string? businessKey)
    {
        var engine = new Jint.Engine(o => o
            .Strict()
            .TimeoutInterval(options.TimeLimit)
            .LimitMemory(options.MemoryLimitBytes)
            .MaxStatements(options.MaxStatements)
            .LimitRecursion(options.MaxRecursionDepth)
            .CatchClrExceptions(_ => false));
        try
        {
            var parser = new JsonParser(engine);
            var vars = parser.Parse(variables.ToJsonString());
            engine.SetValue("__vars", vars);
            engine.SetValue("__set", engine.Intrinsics.Object.Construct(Arguments.Empty));
            engine.SetValue("__businessKey", businessKey is null ? JsValue.Null : new JsString(businessKey));
            foreach (var (name, _) in variables)
            {
                if (IsIdentifier(name)) engine.SetValue(name, vars.AsObject().Get(name));
            }
            engine.Execute(Prelude);
            var result = engine.Evaluate(script);
            var serializer = new JsonSerializer(engine);
            var set = JsonNode.Parse(serializer.Serialize(engine.GetValue("__set")).AsString())!.AsObject();
            return new ScriptOutcome(ToJson(serializer, result), set, null);
        }
        catch (JavaScriptException e)
        {
            return ScriptOutcome.Fail($"Script error at line {e.Location.Start.Line}: {e.Error}");
        }
        catch (TimeoutException)
        {
            return ScriptOutcome.Fail($"Script exceeded its time limit of {options.TimeLimit.TotalMilliseconds:0} ms");
        }
        catch (MemoryLimitExceededException)
        {
            return ScriptOutcome.Fail($"Script exceeded its memory limit of {options.MemoryLimitBytes} bytes");
        }
        catch (StatementsCountOverflowException)
        {
            return ScriptOutcome.Fail($"Script exceeded its limit of {options.MaxStatements} statements");
        }
        catch (RecursionDepthOverflowException)
        {
            return ScriptOutcome.Fail($"Script exceeded its recursion limit of {options.MaxRecursionDepth}");
        }
        catch (Exception e) when (e is JintException or Acornima.ParseErrorException)
        {
            return ScriptOutcome.Fail($"Script error: {e.Message}");
        }
    }

    private static JsonNode? ToJson(JsonSerializer serializer, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        var text = serializer.Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}

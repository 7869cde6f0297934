using Bpm.Engine.Expressions;
using Bpm.Engine.Scripting;

namespace Bpm.Engine.Runtime;

/// <summary>What every command needs besides the instance: the clock, ids, parsed expressions, the script sandbox.</summary>
internal sealed class RuntimeServices(TimeProvider time, Func<string> newId, ExpressionCache expressions, ScriptRunner scripts)
{
    public TimeProvider Time { get; } = time;
    public ExpressionCache Expressions { get; } = expressions;
    public ScriptRunner Scripts { get; } = scripts;
    public string NewId() => newId();
}

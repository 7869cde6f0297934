namespace Bpm.Engine.Expressions;

/// <summary>Bounds that keep hostile expression text from exhausting the stack or the CPU.</summary>
internal static class ExpressionLimits
{
    public const int MaxTextLength = 10_000;
    public const int MaxDepth = 200;
}

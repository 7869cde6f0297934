namespace Bpm.Engine.Storage;

/// <summary>What the engine remembers of the activities a token has passed (<c>Bpm:History:Level</c>).</summary>
public enum HistoryLevel
{
    /// <summary>
    /// Every activity instance is kept, from its start to its end: the history API lists them, and an answer to an
    /// external task that ended already is told apart from an answer to an unknown task.
    /// </summary>
    Activity,

    /// <summary>
    /// No activity instance is written. Running instances, their tasks and their activity instance tree are the same,
    /// and an ended instance keeps its row (state, start and end), but the history API lists no activity instances and
    /// an answer to an ended external task reads as an answer to an unknown one. Each instance costs a few row writes
    /// less.
    /// </summary>
    None,
}

using System.Text.Json.Nodes;
using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Storage;

/// <summary>A task handed to a worker: its row after locking and the variables the worker asked for.</summary>
public sealed record LockedTask(ExternalTaskRow Task, JsonObject Variables);

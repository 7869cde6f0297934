using Bpm.Engine.Behaviors.Containers;
using Bpm.Engine.Behaviors.Events;
using Bpm.Engine.Behaviors.Gateways;
using Bpm.Engine.Behaviors.Tasks;
using Bpm.Engine.Model;

namespace Bpm.Engine.Behaviors;

/// <summary>The one behavior of each kind of node.</summary>
internal sealed class BehaviorRegistry
{
    private readonly StartEventBehavior _start = new();
    private readonly EndEventBehavior _end = new();
    private readonly IntermediateThrowEventBehavior _throw = new();
    private readonly IntermediateCatchEventBehavior _catch = new();
    private readonly BoundaryEventBehavior _boundary = new();
    private readonly ExclusiveGatewayBehavior _exclusive = new();
    private readonly ParallelGatewayBehavior _parallel = new();
    private readonly InclusiveGatewayBehavior _inclusive = new();
    private readonly EventBasedGatewayBehavior _eventBased = new();
    private readonly ServiceTaskBehavior _service = new();
    private readonly UserTaskBehavior _user = new();
    private readonly ScriptTaskBehavior _script = new();
    private readonly PlainTaskBehavior _plain = new();
    private readonly SubProcessBehavior _subProcess = new();
    private readonly ReceiveTaskBehavior _receive = new();
    private readonly CallActivityBehavior _call = new();
    private readonly EventSubProcessBehavior _eventSubProcess = new();

    public INodeBehavior For(FlowNode node) => node switch
    {
        StartEvent => _start,
        EndEvent => _end,
        IntermediateThrowEvent => _throw,
        IntermediateCatchEvent => _catch,
        BoundaryEvent => _boundary,
        ExclusiveGateway => _exclusive,
        ParallelGateway => _parallel,
        InclusiveGateway => _inclusive,
        EventBasedGateway => _eventBased,
        ServiceTask => _service,
        UserTask => _user,
        ScriptTask => _script,
        PlainTask => _plain,
        SubProcess => _subProcess,
        ReceiveTask => _receive,
        CallActivity => _call,
        EventSubProcess => _eventSubProcess,
        _ => throw new InvalidOperationException($"No behavior for {node.GetType().Name}"),
    };
}

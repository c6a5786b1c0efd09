import AutopilotCore
import Foundation

/// The pure stepper of flows: `(definition version, run, input, now) -> (run', effects)`. No clock, store or network.
///
/// Rules: delays count from the trigger's time and from timers' due times, never from when a worker ran; a run whose
/// first action is already more than `staleAfter` overdue when it starts is skipped with reason `stale`; exit
/// conditions are checked on every event; finished runs and stale timers change nothing.
public enum FlowInterpreter {
    /// How late a run's first action may be before the run is skipped instead of executed.
    public static let staleAfter: TimeInterval = 3600

    public static func step(definition: FlowDefinition, run: FlowRun, input: FlowInput, now: Date) -> (FlowRun, [FlowEffect]) {
        // A run only moves on the definition version it is pinned to; anything else is the caller's mistake and a no-op.
        guard !run.status.isFinished, definition.id == run.flowID, run.status == .pending || definition.version == run.flowVersion else {
            return (run, [])
        }
        switch input {
        case .start(let start):
            guard run.status == .pending else { return (run, []) }
            return begin(definition, run, start, now: now)
        case .timer(let dueAt):
            guard run.status == .waiting, let wakeAt = run.wakeAt, wakeAt == dueAt, dueAt <= now, let position = run.position else {
                return (run, [])
            }
            var execution = FlowExecution(definition: definition, run: run, now: now, base: wakeAt)
            execution.run.wakeAt = nil
            let waitState = run.waitingFor
            execution.run.waitingFor = nil
            execution.run.status = .active
            if case .event = waitState {
                execution.resume(at: execution.firstStep(of: .onTimeout, in: position))
            } else {
                execution.resume(at: execution.next(after: position))
            }
            return execution.result
        case .event(let event):
            return receive(definition, run, event, now: now)
        case .approval(let approval):
            guard run.status == .waiting, run.waitingFor == .approval, let position = run.position else { return (run, []) }
            var execution = FlowExecution(definition: definition, run: run, now: now, base: max(now, run.clock ?? now))
            execution.run.waitingFor = nil
            execution.run.status = .active
            execution.run.context["approval"] = ["approved": .bool(approval.approved), "by": .string(approval.by)]
            guard approval.approved else {
                execution.finish(.exited(reason: "rejected"))
                return execution.result
            }
            execution.resume(at: execution.next(after: position))
            return execution.result
        }
    }

    private static func begin(_ definition: FlowDefinition, _ run: FlowRun, _ start: FlowStart, now: Date) -> (FlowRun, [FlowEffect]) {
        var run = run
        var context: JSONObject = ["trigger": .object(start.trigger), "contact": .object(start.contact)]
        for (name, value) in start.entities { context[name] = value }
        context["settings"] = .object(
            JSONObject(definition.settings.map { ($0.name, JSONValue.double($0.value(override: start.settings[$0.name]))) }))
        run.context = context
        let contactZone = start.contact["timezone"]?.stringValue.flatMap { TimeZone(identifier: $0) != nil ? $0 : nil }
        run.timeZone = contactZone ?? (TimeZone(identifier: start.tenantTimeZone) != nil ? start.tenantTimeZone : "UTC")
        run.triggeredAt = start.occurredAt
        run.flowVersion = definition.version
        if let path = definition.reentry.objectPath {
            switch ConditionEvaluator.lookup(path, in: context) {
            case .string(let text): run.triggerObjectID = text
            case .number(let number): run.triggerObjectID = ConditionValue.formatNumber(number)
            default: run.triggerObjectID = nil
            }
        }
        run.status = .active
        if !definition.isTransactional, definition.holdout != nil || start.experiment.tenantHoldoutPercent > 0 {
            let heldOut =
                FlowAssignment.isHeldOut(flowID: definition.id, contactID: run.contactID, percent: definition.holdout?.percent ?? 0)
                || FlowAssignment.isInTenantHoldout(contactID: run.contactID, percent: start.experiment.tenantHoldoutPercent)
            run.group = heldOut ? .holdout : .treatment
        }
        run.winner = start.experiment.winner
        var execution = FlowExecution(definition: definition, run: run, now: now, base: start.occurredAt)
        execution.checksStaleness = true
        execution.resume(at: definition.steps.isEmpty ? nil : .start)
        return execution.result
    }

    private static func receive(_ definition: FlowDefinition, _ run: FlowRun, _ event: FlowEvent, now: Date) -> (FlowRun, [FlowEffect]) {
        guard run.status == .active || run.status == .waiting else { return (run, []) }
        if let triggeredAt = run.triggeredAt, event.occurredAt < triggeredAt { return (run, []) }
        var scope = run.context
        scope["event"] = .object(event.properties)
        if let exit = definition.exits.first(where: { $0.eventType == event.type && ($0.condition?.holds(in: scope) ?? true) }) {
            var execution = FlowExecution(definition: definition, run: run, now: now, base: event.occurredAt)
            execution.finish(.exited(reason: exit.reason))
            execution.effects.append(.cancelQueuedMessages(reason: exit.reason))
            return execution.result
        }
        guard run.status == .waiting, case .event(let type) = run.waitingFor, type == event.type, let position = run.position,
            case .waitFor(let waitFor) = definition.step(at: position), let deadline = run.wakeAt, event.occurredAt <= deadline,
            waitFor.condition?.holds(in: scope) ?? true
        else { return (run, []) }
        var execution = FlowExecution(definition: definition, run: run, now: now, base: max(event.occurredAt, run.clock ?? event.occurredAt))
        if let binding = waitFor.binding { execution.run.context[binding] = .object(event.properties) }
        execution.run.wakeAt = nil
        execution.run.waitingFor = nil
        execution.run.status = .active
        execution.resume(at: execution.next(after: position))
        return execution.result
    }
}

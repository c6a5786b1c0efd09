import AutopilotCore
import Foundation

/// One pass of the interpreter over a run: executes steps from a position until the run waits or finishes.
struct FlowExecution {
    let definition: FlowDefinition
    var run: FlowRun
    let now: Date
    /// The logical time of the step being executed.
    var base: Date
    var effects: [FlowEffect] = []
    /// Set on start: the first action is checked for staleness.
    var checksStaleness = false

    init(definition: FlowDefinition, run: FlowRun, now: Date, base: Date) {
        self.definition = definition
        self.run = run
        self.now = now
        self.base = base
    }

    var result: (FlowRun, [FlowEffect]) { (run, effects) }

    private var calendar: LocalCalendar { LocalCalendar(timeZoneIdentifier: run.timeZone) }

    mutating func finish(_ status: FlowRunStatus) {
        run.status = status
        run.wakeAt = nil
        run.waitingFor = nil
        run.clock = base
        switch status {
        case .completed: effects.append(.complete)
        case .exited(let reason): effects.append(.exit(reason: reason))
        case .skipped(let reason): effects.append(.skip(reason: reason))
        default: break
        }
    }

    /// Runs steps from `start` (nil: the end of the flow).
    mutating func resume(at start: FlowStepPath?) {
        var position = start
        // Definitions have no loops, so a pass visits each step at most once; the bound only guards against a bug.
        for _ in 0..<10_000 {
            guard let path = position, let step = definition.step(at: path) else {
                finish(.completed)
                return
            }
            run.position = path
            run.clock = base
            switch execute(step, at: path) {
            case .next: position = next(after: path)
            case .jump(let target): position = target
            case .stop: return
            }
        }
        finish(.exited(reason: "step_limit"))
    }

    enum Outcome {
        case next
        case jump(FlowStepPath?)
        case stop
    }

    private mutating func execute(_ step: FlowStep, at path: FlowStepPath) -> Outcome {
        let key = "\(run.id)/\(path)"
        switch step {
        case .wait(.duration(let duration)):
            return pause(until: calendar.advance(base, by: duration))
        case .wait(.days(let expression)):
            guard case .number(let days) = expression.value(in: run.context), days >= 0 else {
                finish(.exited(reason: "missing_value"))
                return .stop
            }
            return pause(until: calendar.advance(base, by: .days(Int(min(days, 3650).rounded(.down)))))
        case .waitUntil(let until):
            return pause(until: calendar.nextMatch(atOrAfter: base, time: until.time, weekdays: until.weekdays))
        case .branch(let condition, _, _):
            return .jump(firstStep(of: condition.holds(in: run.context) ? .then : .else, in: path))
        case .exit(let reason):
            finish(.exited(reason: reason))
            return .stop
        case .split(let split):
            return .jump(enter(split, at: path))
        default:
            break
        }
        if isStale() { return .stop }
        // A held-out run walks the flow like the others (waits, exits, staleness) but does nothing that reaches anyone.
        if run.group == .holdout {
            switch step {
            case .send, .notify, .webhook, .call, .task, .approve: return .next
            default: break
            }
        }
        switch step {
        case .send(let send):
            effects.append(
                .sendMessage(
                    FlowMessage(
                        channel: send.channel, template: send.template, idempotencyKey: key, step: path, coupon: send.coupon,
                        transactional: send.transactional, personalise: send.personalise, conversation: send.conversation,
                        optimalSendTime: send.optimalSendTime, scheduledAt: base, whatsappTemplate: send.whatsappTemplate)))
        case .updateContact(let update):
            apply(update)
            effects.append(.updateContact(update, idempotencyKey: key))
        case .notify(let notify):
            effects.append(.notify(channel: notify.channel, message: notify.message, idempotencyKey: key))
        case .webhook(let webhook):
            effects.append(.callWebhook(url: webhook.url, body: webhook.body, idempotencyKey: key))
        case .call(let call):
            effects.append(.placeCall(purpose: call.purpose, idempotencyKey: key))
        case .task(let task):
            effects.append(
                .createTask(
                    FlowTask(title: task.title, assignee: task.assignee, dueAt: task.due.map { calendar.advance(base, by: $0) }, idempotencyKey: key))
            )
        case .approve(let prompt):
            run.status = .waiting
            run.waitingFor = .approval
            effects.append(.requestApproval(prompt: prompt, idempotencyKey: key))
            return .stop
        case .waitFor(let waitFor):
            let deadline = calendar.advance(base, by: waitFor.timeout)
            run.status = .waiting
            run.waitingFor = .event(type: waitFor.eventType)
            run.wakeAt = deadline
            effects.append(.scheduleTimer(at: deadline))
            return .stop
        default:
            break
        }
        return .next
    }

    /// The first step of the run's variant: the recorded winner, else the contact's own assignment (kept in the run).
    private mutating func enter(_ split: SplitStep, at path: FlowStepPath) -> FlowStepPath? {
        let chosen =
            run.variant.flatMap(split.variant) ?? run.winner.flatMap(split.variant)
            ?? FlowAssignment.variant(of: split, flowID: definition.id, contactID: run.contactID)
        guard let chosen else { return next(after: path) }
        run.variant = chosen.id
        return firstStep(of: .variant(chosen.id), in: path)
    }

    /// A wait: continues at once when the moment has passed (catching up on a late timer), else sleeps until it.
    private mutating func pause(until moment: Date) -> Outcome {
        guard moment > now else {
            base = max(base, moment)
            return .next
        }
        checksStaleness = false
        run.status = .waiting
        run.waitingFor = .timer
        run.wakeAt = moment
        effects.append(.scheduleTimer(at: moment))
        return .stop
    }

    /// On start, the first action more than an hour overdue skips the run.
    private mutating func isStale() -> Bool {
        guard checksStaleness else { return false }
        checksStaleness = false
        guard now.timeIntervalSince(base) > FlowInterpreter.staleAfter else { return false }
        finish(.skipped(reason: "stale"))
        return true
    }

    private mutating func apply(_ update: ContactUpdate) {
        var contact = run.context["contact"]?.objectValue ?? [:]
        var tags = contact["tags"]?.arrayValue ?? []
        switch update {
        case .addTag(let tag):
            if !tags.contains(.string(tag)) { tags.append(.string(tag)) }
            contact["tags"] = .array(tags)
        case .removeTag(let tag):
            contact["tags"] = .array(tags.filter { $0 != .string(tag) })
        case .setAttribute(let name, let value):
            var attributes = contact["attributes"]?.objectValue ?? [:]
            attributes[name] = value
            contact["attributes"] = .object(attributes)
        }
        run.context["contact"] = .object(contact)
    }

    /// The step after `path`: its next sibling, or the step after the step holding its list.
    func next(after path: FlowStepPath) -> FlowStepPath? {
        var candidate = path.nextSibling
        while definition.step(at: candidate) == nil {
            guard let parent = candidate.parent else { return nil }
            candidate = parent.nextSibling
        }
        return candidate
    }

    /// The first step of a nested list of the step at `path`, or the step after it when the list is empty.
    func firstStep(of list: FlowStepPath.Component, in path: FlowStepPath) -> FlowStepPath? {
        let child = path.child(list)
        return definition.step(at: child) != nil ? child : next(after: path)
    }
}

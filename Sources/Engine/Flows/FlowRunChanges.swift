import AutopilotCore
import Flows
import Foundation
import Storage

/// Turns interpreter results into store records: the run's row, its queued messages and its actions. Pure.
public struct FlowRunChanges {
    let tenantID: String
    let now: Date
    public var changes = FlowChanges()

    public init(tenantID: String, now: Date) {
        self.tenantID = tenantID
        self.now = now
    }

    /// Records a run after a step and every effect the step produced.
    public mutating func record(_ run: FlowRun, effects: [FlowEffect], startedAt: Date) {
        changes.runs.append(Self.record(run, tenantID: tenantID, startedAt: startedAt, now: now))
        let at = run.clock ?? now
        for effect in effects {
            switch effect {
            case .sendMessage(let message):
                // What the template reads at dispatch: the run's values as of this step (the contact is re-read then).
                var options = MessageOptions(
                    coupon: message.coupon.map(Self.coupon), personalise: message.personalise, context: run.context,
                    conversation: message.conversation, whatsappTemplate: message.whatsappTemplate)
                options.optimalSendTime = message.optimalSendTime
                changes.messages.append(
                    OutboxRecord(
                        id: Self.messageID(tenantID: tenantID, key: message.idempotencyKey), tenantID: tenantID,
                        idempotencyKey: message.idempotencyKey,
                        contactID: run.contactID, runID: run.id, flowID: run.flowID, step: message.step.description, channel: message.channel,
                        template: message.template, purpose: message.transactional ? .transactional : .marketing,
                        options: options, scheduledAt: message.scheduledAt, nextAttemptAt: message.scheduledAt,
                        createdAt: now, updatedAt: now))
            case .updateContact(let update, let key):
                action(run, key: key, kind: .updateContact, payload: Self.payload(update), status: .pending, due: at)
            case .notify(let channel, let message, let key):
                let text = FlowText.render(message, context: run.context)
                action(
                    run, key: key, kind: .notify, payload: ["channel": .string(channel.rawValue), "message": .string(text)], status: .pending, due: at
                )
            case .callWebhook(let url, let body, let key):
                action(
                    run, key: key, kind: .webhook, payload: ["url": .string(url), "body": FlowText.render(body, context: run.context)],
                    status: .pending, due: at)
            case .placeCall(let purpose, let key):
                action(run, key: key, kind: .call, payload: ["purpose": .string(FlowText.render(purpose, context: run.context))], status: .pending, due: at)
            case .createTask(let task):
                var payload: JSONObject = ["title": .string(FlowText.render(task.title, context: run.context)), "assignee": .string(task.assignee)]
                payload["due_at"] = task.dueAt.map { .string(Timestamp.format($0)) }
                action(run, key: task.idempotencyKey, kind: .task, payload: payload, status: .open, due: nil)
            case .requestApproval(let prompt, let key):
                action(
                    run, key: key, kind: .approval, payload: ["prompt": prompt.map { .string(FlowText.render($0, context: run.context)) } ?? .null],
                    status: .open, due: nil)
            case .cancelQueuedMessages(let reason):
                changes.cancelledRuns.append(RunCancellation(tenantID: tenantID, runID: run.id, reason: reason, at: now))
            case .scheduleTimer, .exit, .complete, .skip:
                break
            }
        }
    }

    private mutating func action(_ run: FlowRun, key: String, kind: FlowActionKind, payload: JSONObject, status: FlowActionStatus, due: Date?) {
        changes.actions.append(
            FlowActionRecord(
                id: Self.messageID(tenantID: tenantID, key: key).replacingOccurrences(of: "msg_", with: "act_"), tenantID: tenantID,
                idempotencyKey: key, runID: run.id, flowID: run.flowID, contactID: run.contactID, kind: kind,
                payload: JSONValue.object(payload).jsonString, status: status, nextAttemptAt: due, createdAt: now, updatedAt: now))
    }

    static func record(_ run: FlowRun, tenantID: String, startedAt: Date, now: Date) -> FlowRunRecord {
        FlowRunRecord(
            id: run.id, tenantID: tenantID, flowID: run.flowID, flowVersion: run.flowVersion, contactID: run.contactID,
            triggerObjectID: run.triggerObjectID, status: run.status.phase, reason: run.status.reason, wakeAt: run.wakeAt,
            startedAt: run.triggeredAt ?? startedAt, finishedAt: run.status.isFinished ? (run.clock ?? now) : nil, updatedAt: now,
            state: JSONValue.object(run.persisted).jsonString)
    }

    /// A run read back from its record; nil when its state is missing or unreadable.
    static func run(_ record: FlowRunRecord) -> FlowRun? {
        guard !record.state.isEmpty, let object = (try? JSONParser.parse(record.state))?.objectValue else { return nil }
        return FlowRun(persisted: object)
    }

    /// A stable id per tenant and idempotency key: a message queued twice is the same message.
    static func messageID(tenantID: String, key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(tenantID)\u{1F}\(key)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "msg_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func coupon(_ request: CouponRequest) -> CouponOptions {
        var options = CouponOptions(
            kind: request.kind == .referral ? .referral : .unique, validitySeconds: Double(request.validity.days * 86_400 + request.validity.seconds))
        switch request.discount {
        case .percent(let value): options.percent = value
        case .amount(let value): options.amount = value
        case .freeShipping: options.freeShipping = true
        }
        options.minimumOrder = request.minimumOrder
        return options
    }

    static func payload(_ update: ContactUpdate) -> JSONObject {
        switch update {
        case .setAttribute(let name, let value): ["set_attribute": .string(name), "value": value]
        case .addTag(let tag): ["add_tag": .string(tag)]
        case .removeTag(let tag): ["remove_tag": .string(tag)]
        }
    }
}

import AutopilotCore
import Foundation

extension FlowRun {
    /// The run as a JSON object with explicit, stable field names and raw values, for the store.
    /// Times are ISO 8601 with milliseconds (`Timestamp.format`); timers match their run within a millisecond.
    public var persisted: JSONObject {
        var object: JSONObject = [
            "id": .string(id), "flow_id": .string(flowID), "flow_version": .int(Int64(flowVersion)), "contact_id": .string(contactID),
            "status": .string(status.rawValue), "context": .object(context), "time_zone": .string(timeZone),
        ]
        if let triggerObjectID { object["trigger_object_id"] = .string(triggerObjectID) }
        if let position { object["position"] = .string(position.description) }
        if let reason = status.reason { object["reason"] = .string(reason) }
        if let wakeAt { object["wake_at"] = .string(Timestamp.format(wakeAt)) }
        if let waitingFor { object["waiting_for"] = .string(waitingFor.rawValue) }
        if case .event(let type) = waitingFor { object["waiting_for_event"] = .string(type) }
        if let triggeredAt { object["triggered_at"] = .string(Timestamp.format(triggeredAt)) }
        if let clock { object["clock"] = .string(Timestamp.format(clock)) }
        if let group { object["group"] = .string(group.rawValue) }
        if let variant { object["variant"] = .string(variant) }
        if let winner { object["winner"] = .string(winner) }
        return object
    }

    /// A run read back from `persisted`; nil when a field is missing or malformed.
    public init?(persisted object: JSONObject) {
        guard let id = object["id"]?.stringValue, let flowID = object["flow_id"]?.stringValue,
            let version = object["flow_version"]?.intValue, let contactID = object["contact_id"]?.stringValue,
            let statusName = object["status"]?.stringValue,
            let status = FlowRunStatus(rawValue: statusName, reason: object["reason"]?.stringValue),
            let context = object["context"]?.objectValue, let timeZone = object["time_zone"]?.stringValue,
            let flowVersion = Int(exactly: version)
        else { return nil }
        self.init(id: id, flowID: flowID, flowVersion: flowVersion, contactID: contactID)
        self.status = status
        self.context = context
        self.timeZone = timeZone
        triggerObjectID = object["trigger_object_id"]?.stringValue
        if let name = object["group"]?.stringValue {
            guard let group = FlowRunGroup(rawValue: name) else { return nil }
            self.group = group
        }
        variant = object["variant"]?.stringValue
        winner = object["winner"]?.stringValue
        func date(_ key: String) -> Date?? {
            guard let value = object[key] else { return .some(nil) }
            guard let text = value.stringValue, let date = Timestamp.parse(text) else { return nil }
            return .some(date)
        }
        guard let wakeAt = date("wake_at"), let triggeredAt = date("triggered_at"), let clock = date("clock") else { return nil }
        self.wakeAt = wakeAt
        self.triggeredAt = triggeredAt
        self.clock = clock
        if let text = object["position"]?.stringValue {
            guard let position = FlowStepPath.parse(text) else { return nil }
            self.position = position
        }
        if let name = object["waiting_for"]?.stringValue {
            guard let waiting = FlowWaitState(rawValue: name, eventType: object["waiting_for_event"]?.stringValue) else { return nil }
            waitingFor = waiting
        }
    }
}

extension FlowRunStatus {
    /// A status from its persisted name and reason (exited and skipped need a reason).
    public init?(rawValue: String, reason: String?) {
        switch (FlowRunPhase(rawValue: rawValue), reason) {
        case (.pending, _): self = .pending
        case (.active, _): self = .active
        case (.waiting, _): self = .waiting
        case (.completed, _): self = .completed
        case (.exited, let reason?): self = .exited(reason: reason)
        case (.skipped, let reason?): self = .skipped(reason: reason)
        case (.exited, nil), (.skipped, nil), (nil, _): return nil
        }
    }
}

extension FlowWaitState {
    /// Persisted name: timer, event, approval.
    public var rawValue: String {
        switch self {
        case .timer: "timer"
        case .event: "event"
        case .approval: "approval"
        }
    }

    public init?(rawValue: String, eventType: String?) {
        switch (rawValue, eventType) {
        case ("timer", _): self = .timer
        case ("event", let type?): self = .event(type: type)
        case ("approval", _): self = .approval
        default: return nil
        }
    }
}

import AutopilotCore

extension FlowDefinition {
    /// Whether an event starts a run of this flow: the trigger's event type matches and its condition holds over
    /// `event.*`/`trigger.*` (the event's properties), `contact.*`, the entities and the settings.
    public func isTriggered(by event: FlowEvent, contact: JSONObject, entities: JSONObject = [:], settings: [String: Double] = [:]) -> Bool {
        guard case .event(let type, let condition) = trigger, type == event.type else { return false }
        guard let condition else { return true }
        var scope = entities
        scope["event"] = .object(event.properties)
        scope["trigger"] = .object(event.properties)
        scope["contact"] = .object(contact)
        scope["settings"] = .object(JSONObject(self.settings.map { ($0.name, JSONValue.double($0.value(override: settings[$0.name]))) }))
        return condition.holds(in: scope)
    }

    /// Whether a scheduled trigger applies to a contact (no condition: every contact).
    public func isScheduled(for contact: JSONObject) -> Bool {
        guard case .schedule(_, let condition) = trigger else { return false }
        return condition?.holds(in: ["contact": .object(contact)]) ?? true
    }

    /// The trigger object id a start would have (for the re-entry check before a run is created).
    public func triggerObjectID(for start: FlowStart) -> String? {
        guard let path = reentry.objectPath else { return nil }
        var scope = start.entities
        scope["trigger"] = .object(start.trigger)
        scope["contact"] = .object(start.contact)
        switch ConditionEvaluator.lookup(path, in: scope) {
        case .string(let text): return text
        case .number(let number): return ConditionValue.formatNumber(number)
        default: return nil
        }
    }
}

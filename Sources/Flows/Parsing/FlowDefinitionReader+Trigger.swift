import AutopilotCore

extension FlowDefinitionReader {
    mutating func readTrigger(_ value: JSONValue?, settings: FieldSchema) -> FlowTrigger? {
        guard let value else {
            fail("trigger", "is required")
            return nil
        }
        if value.stringValue == "manual" { return .manual }
        guard let spec = object(value, "trigger", expected: "\"manual\" or a mapping with event, date, schedule or recommendation") else {
            return nil
        }
        let kinds = ["event", "date", "schedule", "manual", "recommendation"].filter { spec[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            fail(
                "trigger",
                kinds.isEmpty ? "needs one of event, date, schedule, manual, recommendation" : "has both \(kinds.joined(separator: " and "))")
            return nil
        }
        let base = ConditionSchema(roots: ["contact": FlowVocabulary.contact, "settings": settings])
        switch kind {
        case "event":
            allowOnly(spec, ["event", "where"], "trigger")
            guard let type = eventType(spec, "event", "trigger") else { return nil }
            let eventSchema = FlowVocabulary.eventSchema(type) ?? .open
            var schema = base.with("event", eventSchema).with("trigger", eventSchema)
            if let entity = FlowVocabulary.entityRoot(forTrigger: type) { schema = schema.with(entity.name, entity.schema) }
            let condition = condition(spec, "where", "trigger", schema: schema)
            if spec["where"] != nil, spec["where"] != .null, condition == nil { return nil }
            return .event(type: type, condition: condition)
        case "date":
            allowOnly(spec, ["date", "offset_days", "at", "yearly"], "trigger")
            guard let property = string(spec, "date", "trigger", required: true) else { return nil }
            let isAttribute = property.hasPrefix("attributes.") && Self.isName(String(property.dropFirst("attributes.".count)))
            guard FlowVocabulary.contactDateFields.contains(property) || isAttribute else {
                fail("trigger.date", "\"\(property)\" is not a contact date (birthdate, first_order_at, last_order_at, created_at, attributes.NAME)")
                return nil
            }
            var offset = 0
            if let raw = spec["offset_days"] {
                guard let value = raw.intValue, abs(value) <= 3650 else {
                    fail("trigger.offset_days", "\(Self.show(raw)) is not a whole number of days")
                    return nil
                }
                offset = Int(value)
            }
            guard let atText = string(spec, "at", "trigger", required: true) else { return nil }
            guard let at = TimeOfDay.parse(atText) else {
                fail("trigger.at", "\"\(atText)\" is not a time of day (HH:MM)")
                return nil
            }
            let yearly = bool(spec, "yearly", "trigger") ?? (property == "birthdate")
            return .date(DateTrigger(property: property, offsetDays: offset, at: at, yearly: yearly))
        case "schedule":
            allowOnly(spec, ["schedule", "where"], "trigger")
            guard let text = string(spec, "schedule", "trigger", required: true) else { return nil }
            guard let schedule = FlowSchedule.parse(text) else {
                fail("trigger.schedule", "\"\(text)\" is not a schedule (every day 09:00, every monday 09:00)")
                return nil
            }
            let condition = condition(spec, "where", "trigger", schema: base)
            if spec["where"] != nil, spec["where"] != .null, condition == nil { return nil }
            return .schedule(schedule, condition: condition)
        case "recommendation":
            allowOnly(spec, ["recommendation"], "trigger")
            guard let rule = string(spec, "recommendation", "trigger", required: true) else { return nil }
            guard FlowVocabulary.recommendationRules.contains(rule) else {
                fail(
                    "trigger.recommendation",
                    "\"\(rule)\" is not a recommendation rule (\(FlowVocabulary.recommendationRules.joined(separator: ", ")))")
                return nil
            }
            return .recommendation(rule: rule)
        default:
            allowOnly(spec, ["manual"], "trigger")
            guard spec["manual"] == .bool(true) else {
                fail("trigger.manual", "must be true")
                return nil
            }
            return .manual
        }
    }
}

import AutopilotCore

/// Turns a flow document into a `FlowDefinition`, collecting every problem instead of stopping at the first.
struct FlowDefinitionReader {
    var issues: [ValidationIssue] = []
    /// Where split steps were read (a flow may have one).
    var splitPaths: [String] = []

    mutating func read(_ document: JSONValue) -> FlowDefinition? {
        guard let root = object(document, "") else { return nil }
        allowOnly(root, ["id", "name", "description", "version", "trigger", "reentry", "exits", "settings", "steps", "holdout", "conversion_window"], "")
        let id = string(root, "id", "", required: true)
        if let id, !Self.isIdentifier(id) {
            fail("id", "\"\(id)\" is not a flow id (lower-case letters, digits and dashes, such as abandoned-cart)")
        }
        let name = string(root, "name", "", required: true)
        let description = string(root, "description", "", required: false) ?? ""
        var version = 1
        if let raw = root["version"] {
            if let value = raw.intValue, value >= 1, value <= Int64(Int32.max) {
                version = Int(value)
            } else {
                fail("version", "\(Self.show(raw)) is not a version number (1 or more)")
            }
        }
        let settings = readSettings(root["settings"])
        let settingsSchema = FieldSchema.object(Dictionary(uniqueKeysWithValues: settings.map { ($0.name, FieldSchema.value(.number)) }))
        let trigger = readTrigger(root["trigger"], settings: settingsSchema)
        let schema =
            trigger.map { Self.baseSchema(for: $0, settings: settingsSchema) }
            ?? ConditionSchema(roots: ["contact": FlowVocabulary.contact, "trigger": .open, "settings": settingsSchema])
        let reentry = readReentry(root["reentry"], schema: schema)
        let exits = readExits(root["exits"], schema: schema)
        var steps: [FlowStep] = []
        if let rawSteps = root["steps"] {
            steps = readSteps(rawSteps, path: "steps", schema: schema)
            if steps.isEmpty, rawSteps.arrayValue?.isEmpty == true { fail("steps", "a flow needs at least one step") }
        } else {
            fail("steps", "is required")
        }
        let holdout = readHoldout(root["holdout"])
        let conversionWindow = readConversionWindow(root["conversion_window"])
        guard let id, let name, let trigger, let reentry else { return nil }
        let definition = FlowDefinition(
            id: id, name: name, description: description, version: version, trigger: trigger, reentry: reentry, exits: exits,
            settings: settings, steps: steps, holdout: holdout, conversionWindow: conversionWindow)
        checkExperiments(definition)
        return issues.isEmpty ? definition : nil
    }

    /// The paths conditions may read in a flow with this trigger (`event` is added where an event is at hand).
    static func baseSchema(for trigger: FlowTrigger, settings: FieldSchema) -> ConditionSchema {
        var roots: [String: FieldSchema] = ["contact": FlowVocabulary.contact, "settings": settings]
        switch trigger {
        case .event(let type, _):
            roots["trigger"] = FlowVocabulary.eventSchema(type) ?? .open
            if let entity = FlowVocabulary.entityRoot(forTrigger: type) { roots[entity.name] = entity.schema }
        case .date: roots["trigger"] = .object(["date": .value(.string), "occurrence": .value(.string)])
        case .schedule: roots["trigger"] = .object(["scheduled_at": .value(.string)])
        case .manual: roots["trigger"] = .open
        case .recommendation: roots["trigger"] = FlowVocabulary.recommendationTrigger
        }
        return ConditionSchema(roots: roots)
    }

    // MARK: - Settings, reentry, exits

    private mutating func readSettings(_ value: JSONValue?) -> [FlowSetting] {
        guard let value else { return [] }
        guard let settings = object(value, "settings") else { return [] }
        var result: [FlowSetting] = []
        for (name, raw) in settings {
            let path = "settings.\(name)"
            guard Self.isName(name) else {
                fail(path, "\"\(name)\" is not a setting name (letters, digits and _)")
                continue
            }
            if let number = raw.doubleValue {
                result.append(FlowSetting(name: name, defaultValue: number))
                continue
            }
            guard let spec = object(raw, path) else { continue }
            allowOnly(spec, ["default", "min", "max"], path)
            guard let defaultValue = number(spec, "default", path, required: true) else { continue }
            let minimum = number(spec, "min", path, required: false)
            let maximum = number(spec, "max", path, required: false)
            if let minimum, let maximum, minimum > maximum { fail(path, "min \(minimum) is above max \(maximum)") }
            if let minimum, defaultValue < minimum { fail("\(path).default", "is below min") }
            if let maximum, defaultValue > maximum { fail("\(path).default", "is above max") }
            result.append(FlowSetting(name: name, defaultValue: defaultValue, minimum: minimum, maximum: maximum))
        }
        return result
    }

    private mutating func readReentry(_ value: JSONValue?, schema: ConditionSchema) -> FlowReentry? {
        guard let value else { return .onceEver }
        if value.stringValue == "once" { return .onceEver }
        guard let spec = object(value, "reentry", expected: "\"once\" or a mapping with once_per or at_most_every") else { return nil }
        allowOnly(spec, ["once_per", "at_most_every", "per"], "reentry")
        let objectPath: [String]? =
            if let text = string(spec, spec["once_per"] != nil ? "once_per" : "per", "reentry", required: false) {
                objectPath(text, "reentry.\(spec["once_per"] != nil ? "once_per" : "per")", schema: schema)
            } else { nil }
        if let everyText = string(spec, "at_most_every", "reentry", required: false) {
            guard let duration = FlowDuration.parse(everyText), duration.seconds == 0, duration.days > 0 else {
                fail("reentry.at_most_every", "\"\(everyText)\" is not a number of days or weeks (7d, 2w)")
                return nil
            }
            if spec["once_per"] != nil { fail("reentry", "use per with at_most_every, or once_per alone") }
            return .atMostEvery(days: duration.days, path: objectPath)
        }
        if spec["per"] != nil { fail("reentry.per", "needs at_most_every") }
        guard let objectPath else {
            if spec["once_per"] == nil { fail("reentry", "needs once_per or at_most_every") }
            return nil
        }
        return .oncePerObject(path: objectPath)
    }

    private mutating func objectPath(_ text: String, _ path: String, schema: ConditionSchema) -> [String]? {
        guard case .success(let condition) = Condition.parse(text), case .path(let components, _) = condition.expression else {
            fail(path, "\"\(text)\" is not a field path such as trigger.cart_id")
            return nil
        }
        switch schema.type(of: components) {
        case .success(.string), .success(.number), .success(.any): return components
        case .success(let type): fail(path, "\"\(text)\" is a \(type); an object id must be a string or a number")
        case .failure(let reason): fail(path, reason.message)
        }
        return nil
    }

    private mutating func readExits(_ value: JSONValue?, schema: ConditionSchema) -> [FlowExitCondition] {
        guard let value else { return [] }
        guard let list = value.arrayValue else {
            fail("exits", "must be a list of {event, where, reason}")
            return []
        }
        var exits: [FlowExitCondition] = []
        for (index, raw) in list.enumerated() {
            let path = "exits[\(index)]"
            guard let spec = object(raw, path) else { continue }
            allowOnly(spec, ["event", "where", "reason"], path)
            guard let type = eventType(spec, "event", path) else { continue }
            let condition = condition(spec, "where", path, schema: schema.with("event", FlowVocabulary.eventSchema(type) ?? .open))
            let reason = string(spec, "reason", path, required: false)
            if let reason, !Self.isName(reason) { fail("\(path).reason", "\"\(reason)\" is not a reason code (letters, digits and _)") }
            exits.append(FlowExitCondition(eventType: type, condition: condition, reason: reason))
        }
        return exits
    }
}

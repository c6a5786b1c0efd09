import AutopilotCore

extension FlowDefinitionReader {
    /// `split: {variants: [{id, weight, steps}], winner?: {metric, min_per_variant, confidence}}`.
    mutating func readSplit(_ body: JSONValue, _ path: String, schema: ConditionSchema) -> SplitStep? {
        guard let spec = object(body, path) else { return nil }
        allowOnly(spec, ["variants", "winner"], path)
        splitPaths.append(path)
        guard let rawVariants = spec["variants"] else {
            fail("\(path).variants", "is required")
            return nil
        }
        guard let list = rawVariants.arrayValue else {
            fail("\(path).variants", "is \(rawVariants.kindName), expected a list of {id, weight, steps}")
            return nil
        }
        if list.count < 2 { fail("\(path).variants", "a split needs at least two variants") }
        var variants: [FlowVariant] = []
        var seen: Set<String> = []
        for (index, raw) in list.enumerated() {
            let variantPath = "\(path).variants[\(index)]"
            guard let item = object(raw, variantPath, expected: "a variant {id, weight, steps}") else { continue }
            allowOnly(item, ["id", "weight", "steps"], variantPath)
            let id = string(item, "id", variantPath, required: true)
            if let id {
                if !FlowVariant.isVariantID(id) {
                    fail(
                        "\(variantPath).id",
                        "\"\(id)\" is not a variant id (lower-case letters, digits, - and _, at most 40; not steps, then, else or on_timeout)")
                } else if !seen.insert(id).inserted {
                    fail("\(variantPath).id", "\"\(id)\" is already the id of another variant")
                }
            }
            let weight = number(item, "weight", variantPath, required: true)
            if let weight, !(weight > 0 && weight <= 1_000_000) { fail("\(variantPath).weight", "must be above 0") }
            let steps = item["steps"].map { readSteps($0, path: "\(variantPath).steps", schema: schema) } ?? []
            if let id, let weight { variants.append(FlowVariant(id: id, weight: weight, steps: steps)) }
        }
        var winner: SplitWinnerRule?
        if let rawWinner = spec["winner"], rawWinner != .null {
            winner = readWinner(rawWinner, "\(path).winner")
            if winner == nil { return nil }
        }
        guard variants.count == list.count, list.count >= 2 else { return nil }
        return SplitStep(variants: variants, winner: winner)
    }

    private mutating func readWinner(_ value: JSONValue, _ path: String) -> SplitWinnerRule? {
        guard let spec = object(value, path, expected: "a mapping {metric, min_per_variant, confidence}") else { return nil }
        allowOnly(spec, ["metric", "min_per_variant", "confidence"], path)
        let metricText = string(spec, "metric", path, required: true)
        let metric = metricText.flatMap(SplitWinnerRule.Metric.init(rawValue:))
        if let metricText, metric == nil { fail("\(path).metric", "\"\(metricText)\" is not conversion, click or revenue") }
        var minimum = 100
        if let raw = spec["min_per_variant"] {
            if let value = raw.intValue, value >= 1, value <= 10_000_000 {
                minimum = Int(value)
            } else {
                fail("\(path).min_per_variant", "\(Self.show(raw)) is not a whole number of contacts (1 or more)")
            }
        }
        let confidence = number(spec, "confidence", path, required: false) ?? 0.95
        if !(confidence >= 0.5 && confidence < 1) { fail("\(path).confidence", "must be at least 0.5 and below 1 (such as 0.95)") }
        guard let metric, confidence >= 0.5, confidence < 1 else { return nil }
        return SplitWinnerRule(metric: metric, minPerVariant: minimum, confidence: confidence)
    }

    /// `holdout: {percent: 10}` at the flow level.
    mutating func readHoldout(_ value: JSONValue?) -> FlowHoldout? {
        guard let value, value != .null else { return nil }
        guard let spec = object(value, "holdout", expected: "a mapping {percent}") else { return nil }
        allowOnly(spec, ["percent"], "holdout")
        guard let percent = number(spec, "percent", "holdout", required: true) else { return nil }
        guard percent > 0, percent <= 50 else {
            fail("holdout.percent", "must be above 0 and at most 50")
            return nil
        }
        return FlowHoldout(percent: percent)
    }

    /// `conversion_window: 5d`: whole days, 1 to 90.
    mutating func readConversionWindow(_ value: JSONValue?) -> FlowDuration {
        guard let value, value != .null else { return .days(5) }
        guard let text = value.stringValue, let window = FlowDuration.parse(text) else {
            fail("conversion_window", "\(Self.show(value)) is not a duration (such as 5d, 1w)")
            return .days(5)
        }
        let seconds = window.days * 86_400 + window.seconds
        guard seconds >= 3600, seconds <= 90 * 86_400 else {
            fail("conversion_window", "must be between 1h and 90d")
            return .days(5)
        }
        return window
    }

    /// The checks that need the whole flow: one split at most, no holdout on a flow whose messages are all transactional.
    mutating func checkExperiments(_ definition: FlowDefinition) {
        for extra in splitPaths.dropFirst() {
            fail(extra, "a flow has at most one split step (the first is at \(splitPaths[0]))")
        }
        if definition.holdout != nil, definition.isTransactional {
            fail("holdout", "a flow whose messages are all transactional cannot hold anyone out")
        }
    }
}

/// One version of a flow: what starts it, when it stops, and the steps it runs. Flows are data (DESIGN.md principle 4).
public struct FlowDefinition: Sendable, Hashable {
    /// Stable id, e.g. `abandoned-cart`. Lower-case letters, digits and dashes.
    public var id: String
    public var name: String
    public var description: String
    /// Increases with every edit; runs finish on the version they started with.
    public var version: Int
    public var trigger: FlowTrigger
    public var reentry: FlowReentry
    /// Checked on every incoming event while a run is active.
    public var exits: [FlowExitCondition]
    /// Numeric settings a tenant may override within bounds (`settings.delay_days` in conditions and dynamic waits).
    public var settings: [FlowSetting]
    public var steps: [FlowStep]
    /// A share of entrants held out (sent nothing) to measure what the flow brings; nil for none.
    public var holdout: FlowHoldout?
    /// How long after entering an order counts as a conversion, for holdout and A/B comparisons (5 days by default).
    public var conversionWindow: FlowDuration

    public init(
        id: String, name: String, description: String = "", version: Int = 1, trigger: FlowTrigger, reentry: FlowReentry = .onceEver,
        exits: [FlowExitCondition] = [], settings: [FlowSetting] = [], steps: [FlowStep], holdout: FlowHoldout? = nil,
        conversionWindow: FlowDuration = .days(5)
    ) {
        self.holdout = holdout
        self.conversionWindow = conversionWindow
        self.id = id
        self.name = name
        self.description = description
        self.version = version
        self.trigger = trigger
        self.reentry = reentry
        self.exits = exits
        self.settings = settings
        self.steps = steps
    }

    /// The step at a path, or nil when the path leads nowhere in this version.
    public func step(at path: FlowStepPath) -> FlowStep? {
        path.resolve(in: steps)
    }
}

/// A numeric setting of a flow with its default and bounds; tenants' overrides are clamped into the bounds.
public struct FlowSetting: Sendable, Hashable {
    public var name: String
    public var defaultValue: Double
    public var minimum: Double?
    public var maximum: Double?

    public init(name: String, defaultValue: Double, minimum: Double? = nil, maximum: Double? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The value in effect for an override (nil or non-finite: the default), clamped into the bounds.
    public func value(override: Double?) -> Double {
        var value = override.flatMap { $0.isFinite ? $0 : nil } ?? defaultValue
        if let minimum { value = max(value, minimum) }
        if let maximum { value = min(value, maximum) }
        return value
    }
}

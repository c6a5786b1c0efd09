/// An A/B test inside a flow: each contact takes one variant, always the same one for the same flow (`FlowAssignment`).
public struct SplitStep: Sendable, Hashable {
    public var variants: [FlowVariant]
    /// When set, the test ends by itself once one variant is ahead with enough contacts and confidence.
    public var winner: SplitWinnerRule?

    public init(variants: [FlowVariant], winner: SplitWinnerRule? = nil) {
        self.variants = variants
        self.winner = winner
    }

    /// The variant with this id, if the split has it.
    public func variant(_ id: String) -> FlowVariant? { variants.first { $0.id == id } }
}

/// One arm of a split: an id (`a`, `short-subject`), a relative weight and its steps.
public struct FlowVariant: Sendable, Hashable {
    public var id: String
    /// Relative share of contacts (weights need not add up to 100).
    public var weight: Double
    public var steps: [FlowStep]

    public init(id: String, weight: Double, steps: [FlowStep]) {
        self.id = id
        self.weight = weight
        self.steps = steps
    }
}

/// How a split decides its winner by itself.
public struct SplitWinnerRule: Sendable, Hashable {
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        /// Share of entrants who ordered within the conversion window (two-proportion z-test).
        case conversion
        /// Share of entrants who clicked a message (two-proportion z-test).
        case click
        /// Revenue per entrant within the conversion window (Welch's t-test).
        case revenue
    }

    public var metric: Metric
    /// Entrants every variant needs before a decision.
    public var minPerVariant: Int
    /// 0.95: the leader must beat every other variant with a two-sided p-value below 0.05.
    public var confidence: Double

    public init(metric: Metric, minPerVariant: Int = 100, confidence: Double = 0.95) {
        self.metric = metric
        self.minPerVariant = minPerVariant
        self.confidence = confidence
    }
}

/// A share of the contacts entering a flow who are held out: recorded as entrants, sent nothing, compared with the rest.
public struct FlowHoldout: Sendable, Hashable {
    /// 0 < percent < 100.
    public var percent: Double

    public init(percent: Double) {
        self.percent = percent
    }
}

extension FlowVariant {
    /// Lower-case letters, digits, `-` and `_`, at most 40 characters, not a reserved list name (`then`, `else`, …).
    public static func isVariantID(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 40, !FlowStepPath.reservedListNames.contains(text),
            let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

extension FlowDefinition {
    /// The flow's split step and its path (a flow has at most one).
    public var split: (path: FlowStepPath, step: SplitStep)? {
        func find(_ steps: [FlowStep], _ prefix: [FlowStepPath.Component]) -> (FlowStepPath, SplitStep)? {
            for (index, step) in steps.enumerated() {
                let here = prefix + [.index(index)]
                switch step {
                case .split(let split): return (FlowStepPath(here), split)
                case .branch(_, let then, let otherwise):
                    if let found = find(then, here + [.then]) ?? find(otherwise, here + [.else]) { return found }
                case .waitFor(let wait):
                    if let found = find(wait.onTimeout, here + [.onTimeout]) { return found }
                default: break
                }
            }
            return nil
        }
        return find(steps, []).map { (path: $0.0, step: $0.1) }
    }

    /// Every send step, nested ones included.
    public var sends: [SendStep] {
        func collect(_ steps: [FlowStep]) -> [SendStep] {
            steps.flatMap { step -> [SendStep] in
                switch step {
                case .send(let send): [send]
                case .branch(_, let then, let otherwise): collect(then) + collect(otherwise)
                case .waitFor(let wait): collect(wait.onTimeout)
                case .split(let split): split.variants.flatMap { collect($0.steps) }
                default: []
                }
            }
        }
        return collect(steps)
    }

    /// A flow whose messages are all transactional (order confirmation, shipping): never held out.
    public var isTransactional: Bool {
        let sends = sends
        return !sends.isEmpty && sends.allSatisfy(\.transactional)
    }
}

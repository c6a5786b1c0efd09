import Foundation

/// Analytics of one flow for a period: its runs, its messages (in total and per step) and the orders attributed to it.
/// See docs/flows.md, "Analytics", for what each number counts and the attribution rule.
public struct FlowStats: Sendable, Codable, Equatable {
    /// Runs that started in the period, by what became of them.
    public struct Runs: Sendable, Codable, Equatable {
        /// Every run that started, skipped ones excluded (they never executed).
        public var started = 0
        /// Pending, active or waiting now.
        public var active = 0
        public var completed = 0
        public var exited = 0
        /// Exits by reason (`order_placed`, `unsubscribed`, `no_review`, …).
        public var exitedByReason: [String: Int] = [:]
        /// Recorded but never executed (`stale`: history imported after the fact).
        public var skipped = 0
        public var skippedByReason: [String: Int] = [:]

        public init() {}

        enum CodingKeys: String, CodingKey {
            case started, active, completed, exited, skipped
            case exitedByReason = "exited_by_reason"
            case skippedByReason = "skipped_by_reason"
        }
    }

    /// Messages queued in the period and what became of them.
    public struct Messages: Sendable, Codable, Equatable {
        /// Every message queued (one outbox row each).
        public var queued = 0
        /// Still in the outbox, waiting to go (queued, or held with a later attempt).
        public var waiting = 0
        public var sent = 0
        public var failed = 0
        public var skipped = 0
        /// Held back at least once or stopped, with a recorded reason; a message deferred and then sent counts here and in `sent`.
        public var blocked = 0
        /// By the last recorded reason: `frequency_cap`, `quiet_hours`, `no_consent`, `run_exited:order_placed`, ….
        public var blockedByReason: [String: Int] = [:]
        /// Of `blocked`, the messages that waited and then went (counted in `sent` too): deferred, not held.
        public var sentAfterHold = 0
        /// `sentAfterHold` by the last reason they waited for (`quiet_hours`, `frequency_cap`, …).
        public var sentAfterHoldByReason: [String: Int] = [:]
        public var delivered = 0
        /// Opened or clicked (a click implies an open).
        public var opened = 0
        public var clicked = 0
        public var replied = 0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case queued, waiting, sent, failed, skipped, blocked, delivered, opened, clicked, replied
            case blockedByReason = "blocked_by_reason"
            case sentAfterHold = "sent_after_hold"
            case sentAfterHoldByReason = "sent_after_hold_by_reason"
        }
    }

    /// Orders attributed to the flow's messages (within 5 days of a click or 24 hours of an open), each counted once.
    public struct Attribution: Sendable, Codable, Equatable {
        public var orders = 0
        /// Order totals by currency (ISO 4217; "" when the orders carry none).
        public var revenue: [String: Double] = [:]

        public init() {}
    }

    /// Runs (started in the period) at one step: waiting there now, or stopped there.
    public struct StepRuns: Sendable, Codable, Equatable {
        /// Pending, active or waiting at this step now.
        public var active = 0
        /// Exited while at this step, in total and by reason.
        public var exited = 0
        public var exitedByReason: [String: Int] = [:]

        public init() {}

        enum CodingKeys: String, CodingKey {
            case active, exited
            case exitedByReason = "exited_by_reason"
        }
    }

    /// One step of the flow where messages were queued or runs wait or stopped, in document order.
    public struct Step: Sendable, Codable, Equatable {
        /// Its path, `steps[3]` or `steps[1].then[0]`.
        public var step: String
        /// The kind of step in the flow's current version (`send`, `wait`, …), when the step is still there.
        public var kind: String?
        /// `send` details from the flow's current version.
        public var channel: String?
        public var template: String?
        public var runs = StepRuns()
        public var messages = Messages()
        public var attributed = Attribution()

        public init(step: String) {
            self.step = step
        }
    }

    public var flow: String
    public var name: String?
    /// The period, ISO 8601; nil for an open end.
    public var from: String?
    public var until: String?
    public var runs = Runs()
    public var messages = Messages()
    public var attributed = Attribution()
    public var steps: [Step] = []
    /// Holdout, lift and split variants (one flow's stats only; nil in the overview of every flow).
    public var experiment: FlowExperimentStats?

    public init(flow: String, name: String?, from: String?, until: String?) {
        self.flow = flow
        self.name = name
        self.from = from
        self.until = until
    }
}

extension FlowStats {
    enum CodingKeys: String, CodingKey {
        case flow, name, from, until, runs, messages, attributed, steps
        case conversionWindowDays = "conversion_window_days"
        case holdout, treatment, lift, variants, winner, sentence
    }

    /// The experiment's keys sit at the top level, `null` where the flow has no holdout or split.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(flow, forKey: .flow)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encodeIfPresent(until, forKey: .until)
        try container.encode(runs, forKey: .runs)
        try container.encode(messages, forKey: .messages)
        try container.encode(attributed, forKey: .attributed)
        try container.encode(steps, forKey: .steps)
        guard let experiment else { return }
        try container.encode(experiment.conversionWindowDays, forKey: .conversionWindowDays)
        try container.encode(experiment.holdout, forKey: .holdout)
        try container.encode(experiment.treatment, forKey: .treatment)
        try container.encode(experiment.lift, forKey: .lift)
        try container.encode(experiment.variants, forKey: .variants)
        try container.encode(experiment.winner, forKey: .winner)
        try container.encode(experiment.sentence, forKey: .sentence)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            flow: try container.decode(String.self, forKey: .flow), name: try container.decodeIfPresent(String.self, forKey: .name),
            from: try container.decodeIfPresent(String.self, forKey: .from), until: try container.decodeIfPresent(String.self, forKey: .until))
        runs = try container.decode(Runs.self, forKey: .runs)
        messages = try container.decode(Messages.self, forKey: .messages)
        attributed = try container.decode(Attribution.self, forKey: .attributed)
        steps = try container.decode([Step].self, forKey: .steps)
        if let window = try container.decodeIfPresent(Double.self, forKey: .conversionWindowDays) {
            var experiment = FlowExperimentStats(conversionWindowDays: window)
            experiment.holdout = try container.decodeIfPresent(FlowExperimentStats.Group.self, forKey: .holdout)
            experiment.treatment = try container.decodeIfPresent(FlowExperimentStats.Group.self, forKey: .treatment)
            experiment.lift = try container.decodeIfPresent(FlowExperimentStats.Lift.self, forKey: .lift)
            experiment.variants = try container.decodeIfPresent([FlowExperimentStats.Group].self, forKey: .variants)
            experiment.winner = try container.decodeIfPresent(FlowExperimentStats.Winner.self, forKey: .winner)
            experiment.sentence = try container.decodeIfPresent(FlowExperimentStats.Sentence.self, forKey: .sentence)
            self.experiment = experiment
        }
    }
}

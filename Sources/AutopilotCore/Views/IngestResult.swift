/// What happened to each event of an ingestion request.
public struct IngestResult: Sendable, Codable, Equatable {
    public struct Accepted: Sendable, Codable, Equatable {
        public var index: Int
        public var id: String

        public init(index: Int, id: String) {
            self.index = index
            self.id = id
        }
    }

    public struct Duplicate: Sendable, Codable, Equatable {
        public var index: Int
        public var id: String
        public var idempotencyKey: String?

        public init(index: Int, id: String, idempotencyKey: String?) {
            self.index = index
            self.id = id
            self.idempotencyKey = idempotencyKey
        }

        enum CodingKeys: String, CodingKey {
            case index, id
            case idempotencyKey = "idempotency_key"
        }
    }

    public var accepted: [Accepted] = []
    public var duplicates: [Duplicate] = []

    public init() {}

    public init(plan: IngestPlan, events: [IncomingEvent]) {
        for (index, outcome) in plan.outcomes.enumerated() {
            switch outcome {
            case .accepted(let id): accepted.append(Accepted(index: index, id: id))
            case .duplicate(let id): duplicates.append(Duplicate(index: index, id: id, idempotencyKey: events[index].idempotencyKey))
            }
        }
    }
}

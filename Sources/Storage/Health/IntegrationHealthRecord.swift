import Foundation

/// What one integration did: counts since the instance started recording, and its latest success and failure.
public struct IntegrationHealthRecord: Sendable, Equatable {
    /// `smtp`, `twilio`, `omnisend`, `whatsapp_cloud`, `llm:openai`, `slack`…
    public var name: String
    public var kind: IntegrationKind
    public var successes: Int
    public var failures: Int
    public var lastSuccessAt: Date?
    public var lastErrorAt: Date?
    public var lastError: String?

    public init(
        name: String, kind: IntegrationKind, successes: Int = 0, failures: Int = 0, lastSuccessAt: Date? = nil, lastErrorAt: Date? = nil,
        lastError: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.successes = successes
        self.failures = failures
        self.lastSuccessAt = lastSuccessAt
        self.lastErrorAt = lastErrorAt
        self.lastError = lastError
    }
}

/// Outcomes gathered over a batch, one entry per integration, to be added to `integration_health` in one write.
public struct IntegrationTally: Sendable {
    public private(set) var records: [String: IntegrationHealthRecord] = [:]

    public init() {}

    public mutating func success(_ name: String, kind: IntegrationKind, at date: Date) {
        var record = records[name] ?? IntegrationHealthRecord(name: name, kind: kind)
        record.successes += 1
        record.lastSuccessAt = max(record.lastSuccessAt ?? date, date)
        records[name] = record
    }

    public mutating func failure(_ name: String, kind: IntegrationKind, at date: Date, error: String) {
        var record = records[name] ?? IntegrationHealthRecord(name: name, kind: kind)
        record.failures += 1
        if record.lastErrorAt.map({ date >= $0 }) ?? true {
            record.lastErrorAt = date
            record.lastError = String(error.prefix(500))
        }
        records[name] = record
    }

    public var isEmpty: Bool { records.isEmpty }
}

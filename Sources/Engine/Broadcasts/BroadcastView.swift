import AutopilotCore
import Foundation
import Storage

/// A broadcast as the API and the CLI show it: its document, where it stands and its report.
public struct BroadcastView: Sendable, Encodable, Equatable {
    public var id: String
    public var name: String
    public var segment: String
    public var channel: String
    public var template: String
    public var status: String
    public var phase: String
    public var definition: JSONValue
    /// Messages in the outbox for it (one per contact at most).
    public var queued: Int
    public var testEndsAt: String?
    public var winner: String?
    public var decision: JSONValue?
    public var decidedAt: String?
    public var report: BroadcastReport
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, segment, channel, template, status, phase, definition, queued, winner, decision, report
        case testEndsAt = "test_ends_at"
        case decidedAt = "decided_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    init(_ record: BroadcastRecord, report: BroadcastReport) {
        id = record.id
        name = record.name
        segment = record.segmentID
        channel = record.channel.rawValue
        template = record.template
        status = record.status.rawValue
        phase = record.phase.rawValue
        definition = .object(record.document)
        queued = report.total.queued
        testEndsAt = record.testEndsAt.map(Timestamp.format)
        winner = record.winner
        decision = record.decision.map(JSONValue.object)
        decidedAt = record.decidedAt.map(Timestamp.format)
        self.report = report
        createdAt = Timestamp.format(record.createdAt)
        updatedAt = Timestamp.format(record.updatedAt)
    }
}

/// What became of a broadcast's messages: in all, per test variant and for the rest, and why some were held back.
public struct BroadcastReport: Sendable, Encodable, Equatable {
    public typealias Figures = BroadcastFigures

    public struct Variant: Sendable, Encodable, Equatable {
        public var id: String
        public var figures: Figures
    }

    public var total = Figures()
    /// The test's variants (empty without a test).
    public var variants: [Variant] = []
    /// The rest of the segment, after the test (or everyone, without a test).
    public var rest = Figures()
    public var blockedReasons: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case total, variants, rest
        case blockedReasons = "blocked_reasons"
    }
}

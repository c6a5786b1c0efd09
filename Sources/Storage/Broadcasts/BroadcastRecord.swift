import AutopilotCore
import Foundation

/// Where a broadcast stands. Raw values are persisted.
public enum BroadcastStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case scheduled, testing, sending, paused, cancelled, completed

    public init(stored text: String?) {
        self = text.flatMap(Self.init(rawValue:)) ?? .paused
    }
}

/// Which members a broadcast is queueing: the test group, the rest, or nobody any more. Raw values are persisted.
public enum BroadcastPhase: String, Sendable, Hashable, Codable {
    case test, rest, done

    public init(stored text: String?) {
        self = text.flatMap(Self.init(rawValue:)) ?? .done
    }
}

/// A broadcast as stored: its document (the definition as JSON) and its progress.
public struct BroadcastRecord: Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    public var segmentID: String
    public var channel: Channel
    public var template: String
    public var document: JSONObject
    public var status: BroadcastStatus
    public var pausedFrom: BroadcastStatus?
    public var phase: BroadcastPhase
    public var enqueueAfter: String?
    public var nextSlot: Date?
    public var testEndsAt: Date?
    public var winner: String?
    public var decision: JSONObject?
    public var decidedAt: Date?
    public var queued: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        tenantID: String, id: String, name: String, segmentID: String, channel: Channel, template: String, document: JSONObject,
        status: BroadcastStatus, phase: BroadcastPhase, createdAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.segmentID = segmentID
        self.channel = channel
        self.template = template
        self.document = document
        self.status = status
        self.phase = phase
        queued = 0
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    static let columns = [
        "tenant_id", "id", "name", "segment_id", "channel", "template", "document", "status", "paused_from", "phase", "enqueue_after", "next_slot",
        "test_ends_at", "winner", "decision", "decided_at", "queued", "created_at", "updated_at",
    ]

    var values: [SQLValue] {
        [
            .text(tenantID), .text(id), .text(name), .text(segmentID), .text(channel.rawValue), .text(template), .json(document), .text(status.rawValue),
            .text(pausedFrom?.rawValue), .text(phase.rawValue), .text(enqueueAfter), .date(nextSlot), .date(testEndsAt), .text(winner),
            decision.map { .json($0) } ?? .text(nil), .date(decidedAt), .integer(queued), .date(createdAt), .date(updatedAt),
        ]
    }

    init(row: SQLRow) {
        tenantID = row.text(0) ?? ""
        id = row.text(1) ?? ""
        name = row.text(2) ?? ""
        segmentID = row.text(3) ?? ""
        channel = Channel(rawValue: row.text(4) ?? "") ?? .email
        template = row.text(5) ?? ""
        document = row.json(6)
        status = BroadcastStatus(stored: row.text(7))
        pausedFrom = row.text(8).flatMap(BroadcastStatus.init(rawValue:))
        phase = BroadcastPhase(stored: row.text(9))
        enqueueAfter = row.text(10)
        nextSlot = row.date(11)
        testEndsAt = row.date(12)
        winner = row.text(13)
        decision = row.text(14) == nil ? nil : row.json(14)
        decidedAt = row.date(15)
        queued = Int(row.int(16) ?? 0)
        createdAt = row.date(17) ?? Date(timeIntervalSince1970: 0)
        updatedAt = row.date(18) ?? createdAt
    }

    /// The outbox steps of its messages: `broadcast:ID` and one per variant.
    public func steps(variants: [String]) -> [String] {
        ["broadcast:" + id] + variants.map { "broadcast:\(id)/\($0)" }
    }
}

/// A member to write to, with the time zone the local schedule reads.
public struct BroadcastRecipientRow: Sendable, Equatable {
    public var contactID: String
    public var timeZone: String?

    public init(contactID: String, timeZone: String?) {
        self.contactID = contactID
        self.timeZone = timeZone
    }
}

/// A message a broadcast queues.
public struct BroadcastMessage: Sendable, Equatable {
    /// The outbox id, derived from the key (the same key gives the same id).
    public var id: String
    /// `broadcast:ID:CONTACT`: one message per contact and broadcast, whatever happens.
    public var idempotencyKey: String
    public var contactID: String
    public var step: String
    public var template: String
    public var scheduledAt: Date
    public var options: MessageOptions

    public init(id: String, idempotencyKey: String, contactID: String, step: String, template: String, scheduledAt: Date, options: MessageOptions) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.contactID = contactID
        self.step = step
        self.template = template
        self.scheduledAt = scheduledAt
        self.options = options
    }
}

/// What became of some of a broadcast's messages: where they stand, what their recipients did, and the orders they brought.
public struct BroadcastFigures: Sendable, Encodable, Equatable {
    public var queued = 0
    public var waiting = 0
    public var sent = 0
    public var blocked = 0
    public var skipped = 0
    public var failed = 0
    public var delivered = 0
    public var opened = 0
    public var clicked = 0
    public var replied = 0
    public var bounced = 0
    /// Orders attributed to these messages, each counted once: placed within the window of a touch (an email opened or
    /// clicked, a text clicked or delivered), credited to the latest such touch, as for flows.
    public var orders = 0
    /// Those orders' totals by currency (ISO 4217; "" when the orders carry none).
    public var revenue: [String: Double] = [:]

    public init() {}

    public mutating func add(_ other: BroadcastFigures) {
        queued += other.queued
        waiting += other.waiting
        sent += other.sent
        blocked += other.blocked
        skipped += other.skipped
        failed += other.failed
        delivered += other.delivered
        opened += other.opened
        clicked += other.clicked
        replied += other.replied
        bounced += other.bounced
        orders += other.orders
        revenue.merge(other.revenue, uniquingKeysWith: +)
    }
}

/// The figures of one outbox step of a broadcast (the whole broadcast, or one variant).
public struct BroadcastStepFigures: Sendable, Equatable {
    public var step: String
    public var figures = BroadcastFigures()

    public init(step: String) {
        self.step = step
    }
}

import AutopilotCore
import Foundation

/// One language-model call attempt as accounting keeps it (`llm_calls`).
public struct LLMCallRecord: Sendable, Hashable {
    /// The tenant paying; empty for calls made outside a tenant (the CLI without `--tenant`).
    public var tenantID: String
    /// The feature asking: `template_draft`, `personalised_copy`, `weekly_report`…
    public var feature: String
    public var provider: String
    public var model: String
    public var inputTokens: Int
    public var outputTokens: Int
    /// US dollars, from the gateway's price table.
    public var costUSD: Double
    public var latencyMilliseconds: Double
    /// `ok`, or the gateway's error code (`rate_limited`, `timeout`…).
    public var outcome: String
    public var httpStatus: Int?
    public var calledAt: Date

    public init(
        tenantID: String, feature: String, provider: String, model: String, inputTokens: Int, outputTokens: Int, costUSD: Double,
        latencyMilliseconds: Double, outcome: String, httpStatus: Int?, calledAt: Date
    ) {
        self.tenantID = tenantID
        self.feature = feature
        self.provider = provider
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.latencyMilliseconds = latencyMilliseconds
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.calledAt = calledAt
    }

    static let columns = [
        "tenant_id", "feature", "provider", "model", "input_tokens", "output_tokens", "cost_usd", "latency_ms", "outcome", "http_status",
        "called_at",
    ]

    /// Values that satisfy the table's CHECKs whatever a provider reported (negative or non-finite numbers become 0).
    var values: [SQLValue] {
        [
            .text(tenantID), .text(feature), .text(provider), .text(model), .integer(max(0, inputTokens)), .integer(max(0, outputTokens)),
            .double(Self.nonNegative(costUSD)), .double(Self.nonNegative(latencyMilliseconds)), .text(outcome.isEmpty ? "unknown" : outcome),
            .integer(httpStatus), .date(calledAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            tenantID: row.text(0) ?? "", feature: row.text(1) ?? "", provider: row.text(2) ?? "", model: row.text(3) ?? "",
            inputTokens: Int(row.int(4) ?? 0), outputTokens: Int(row.int(5) ?? 0), costUSD: row.double(6) ?? 0,
            latencyMilliseconds: row.double(7) ?? 0, outcome: row.text(8) ?? "", httpStatus: row.int(9).map { Int($0) },
            calledAt: row.date(10) ?? .distantPast)
    }

    private static func nonNegative(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }
}

/// Which provider and model wrote a generated text, and from what request (`generated_texts`).
public struct GeneratedTextRecord: Sendable, Hashable {
    public var tenantID: String
    /// What was written: `template:NAME@VERSION`, `message:ID`.
    public var subject: String
    public var feature: String
    public var provider: String
    public var model: String
    /// The person's request, or what the text was written from.
    public var prompt: String
    /// Feature details as JSON (unknown variables, offline reason…).
    public var details: JSONObject
    public var createdAt: Date

    public init(
        tenantID: String, subject: String, feature: String, provider: String, model: String, prompt: String, details: JSONObject,
        createdAt: Date
    ) {
        self.tenantID = tenantID
        self.subject = subject
        self.feature = feature
        self.provider = provider
        self.model = model
        self.prompt = prompt
        self.details = details
        self.createdAt = createdAt
    }

    static let columns = ["tenant_id", "subject", "feature", "provider", "model", "prompt", "details", "created_at"]

    var values: [SQLValue] {
        [.text(tenantID), .text(subject), .text(feature), .text(provider), .text(model), .text(prompt), .json(details), .date(createdAt)]
    }

    init(row: SQLRow) {
        self.init(
            tenantID: row.text(0) ?? "", subject: row.text(1) ?? "", feature: row.text(2) ?? "", provider: row.text(3) ?? "",
            model: row.text(4) ?? "", prompt: row.text(5) ?? "", details: row.json(6), createdAt: row.date(7) ?? .distantPast)
    }
}

import AutopilotCore
import Foundation
import Scoring

/// `POST /v1/leads/qualify` and `autopilot qualify`: the offline BANT rules on a text, refined by a language model when
/// one is configured (the rules keep what they read from explicit text; each field's evidence names its source).
public struct LeadQualificationService: Sendable {
    public let clock: any Clock
    /// The gateway for the refinement; nil or without providers: the rules alone.
    public let ai: AIServices?
    public let tenantID: String

    public init(clock: any Clock, ai: AIServices? = nil, tenantID: String = "") {
        self.clock = clock
        self.ai = ai
        self.tenantID = tenantID
    }

    public func qualify(text: String) async throws -> LeadQualification {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(code: "invalid_request", field: "text", message: "must not be empty")
        }
        guard text.count <= 20_000 else { throw ValidationError(code: "invalid_request", field: "text", message: "is longer than 20000 characters") }
        let qualifier = LeadQualifier(now: clock.now())
        guard let ai, !ai.providerNames.isEmpty else { return qualifier.qualify(text) }
        return await qualifier.qualify(text, refiner: ModelLeadRefiner(gateway: ai.gateway, tenantID: tenantID))
    }
}

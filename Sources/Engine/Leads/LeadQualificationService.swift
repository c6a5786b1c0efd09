import AutopilotCore
import Foundation
import Scoring

/// `POST /v1/leads/qualify` and `autopilot qualify`: the offline BANT rules on a text.
public struct LeadQualificationService: Sendable {
    public let clock: any Clock

    public init(clock: any Clock) {
        self.clock = clock
    }

    public func qualify(text: String) throws -> LeadQualification {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(code: "invalid_request", field: "text", message: "must not be empty")
        }
        guard text.count <= 20_000 else { throw ValidationError(code: "invalid_request", field: "text", message: "is longer than 20000 characters") }
        return LeadQualifier(now: clock.now()).qualify(text)
    }
}

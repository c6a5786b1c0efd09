import AutopilotCore
import Foundation
import Scoring
import Storage

/// What a person does to a lead from the dashboard: qualify it again (with the language model when one is configured),
/// mark it won or lost, add a note. Each change is scoped to the tenant; an unknown or foreign lead is a not-found error.
public struct LeadDesk: Sendable {
    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// The text a lead is qualified from: its company and message, as on ingest.
    public static func qualificationText(company: String?, message: String?) -> String {
        [company, message].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: ". ")
    }

    /// Qualifies the lead again and stores the result on it. `qualifiedBy` says who wrote it: `model:<providers>` when
    /// the model supplied at least one field, `rules` otherwise (no model configured, or it added nothing).
    @discardableResult
    public func requalify(leadID: String) async throws -> StoredLeadQualification {
        guard let file = try await dependencies.store.leadFile(id: leadID, tenantID: tenantID) else { throw NotFoundError(what: "lead \(leadID)") }
        let text = Self.qualificationText(company: file.row.company, message: file.message)
        guard !text.isEmpty else { throw ValidationError(code: "invalid_request", field: "message", message: "the lead has no text to qualify") }
        let service = LeadQualificationService(clock: dependencies.clock, ai: dependencies.ai, tenantID: tenantID)
        let qualification = try await service.qualify(text: text)
        let providers = dependencies.ai.providerNames
        let byModel = !qualification.evidence.fieldsFromModel.isEmpty && !providers.isEmpty
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(qualification), as: UTF8.self)
        let stored = StoredLeadQualification(
            score: qualification.score, tier: qualification.tier.rawValue, json: json,
            qualifiedBy: byModel ? "model:" + providers.joined(separator: ",") : "rules", qualifiedAt: dependencies.clock.now())
        guard try await dependencies.store.saveLeadQualification(stored, leadID: leadID, tenantID: tenantID) else {
            throw NotFoundError(what: "lead \(leadID)")
        }
        return stored
    }

    /// Marks the lead won, lost or open again, by `user` (an email).
    public func setStatus(_ status: LeadStatus, leadID: String, by user: String) async throws {
        guard try await dependencies.store.setLeadStatus(leadID: leadID, status: status, at: dependencies.clock.now(), by: user, tenantID: tenantID)
        else { throw NotFoundError(what: "lead \(leadID)") }
    }

    /// Adds a note (1 to 5,000 characters once trimmed) by a user.
    @discardableResult
    public func addNote(leadID: String, text: String, authorID: String, authorEmail: String) async throws -> LeadNote {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError(code: "invalid_request", field: "text", message: "the note is empty") }
        guard trimmed.unicodeScalars.count <= LeadNote.maximumLength else {
            throw ValidationError(code: "invalid_request", field: "text", message: "the note is longer than \(LeadNote.maximumLength) characters")
        }
        let note = LeadNote(
            id: dependencies.ids.make("ln"), leadID: leadID, authorID: authorID, authorEmail: authorEmail, text: trimmed,
            createdAt: dependencies.clock.now())
        guard try await dependencies.store.addLeadNote(note, tenantID: tenantID) else { throw NotFoundError(what: "lead \(leadID)") }
        return note
    }
}

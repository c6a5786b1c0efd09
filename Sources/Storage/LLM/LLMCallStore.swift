import AutopilotCore
import Foundation

/// Language-model accounting and the provenance of generated texts. Each operation is one transaction.
public protocol LLMCallStore: Sendable {
    /// Records one call attempt.
    func recordLLMCall(_ call: LLMCallRecord) async throws
    /// The dollars `tenantID` spent on calls made in `from..<to`.
    func llmSpend(tenantID: String, from: Date, to: Date) async throws -> Double
    /// The tenant's calls made in `from..<to`, oldest first.
    func llmCalls(tenantID: String, from: Date, to: Date) async throws -> [LLMCallRecord]
    /// Records (or replaces) which provider and model wrote `record.subject`.
    func recordGeneratedText(_ record: GeneratedTextRecord) async throws
    /// Who wrote `subject`, when it was generated.
    func generatedText(subject: String, tenantID: String) async throws -> GeneratedTextRecord?
}

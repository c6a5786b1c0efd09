import AutopilotCore
import Decisions
import Foundation
import LLM
import Scoring
import Storage

/// Churn analysis (seed 001): for a customer whose churn risk is above 0.5, one or two sentences suggesting how to keep
/// them, written from the signals behind the risk. The gateway writes it (offline: a suggestion chosen from the main
/// signal), once per customer and day; the text and who wrote it are kept in `generated_texts`.
public struct RetentionAdvisor: Sendable {
    public static let feature = "retention_suggestion"
    /// Customers at or below this risk get no suggestion.
    public static let threshold = 0.5
    /// Suggestions written per listing (the most urgent recommendations first), at most `concurrency` at a time.
    public static let writtenPerListing = 24
    public static let concurrency = 6

    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// The suggestion for `churn`, from today's cache or newly written; nil at or below the threshold. With `write: false`
    /// a suggestion not written yet today is the offline one, neither asked of the model nor kept (a later request
    /// writes it): a long list never waits on dozens of model calls.
    public func suggestion(
        contactID: String, firstName: String?, churn: ChurnRisk, recommendation: Recommendation?, now: Date, write: Bool = true
    ) async throws -> RetentionSuggestion? {
        guard churn.score > Self.threshold else { return nil }
        let subject = "retention:\(contactID):\(Timestamp.format(now).prefix(10))"
        if let cached = try await dependencies.store.generatedText(subject: subject, tenantID: tenantID),
            let text = cached.details["text"]?.stringValue
        {
            return RetentionSuggestion(text: text, provider: cached.provider, model: cached.model)
        }
        let prompt = Self.prompt(firstName: firstName, churn: churn, recommendation: recommendation)
        guard write else { return RetentionSuggestion(text: RetentionOffline.text(for: prompt), provider: "offline", model: "rules") }
        let response = try await dependencies.ai.gateway.complete(
            LLMRequest(
                system: Self.system, messages: [.user(prompt.jsonString)], temperature: 0.3, maxTokens: 200, timeout: .seconds(15),
                deadline: .seconds(30), feature: Self.feature, tenant: tenantID))
        var text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var provider = response.provider, model = response.model
        if text.isEmpty || text.count > 600 {
            text = RetentionOffline.text(for: prompt)
            provider = "offline"
            model = "rules"
        }
        try await dependencies.store.recordGeneratedText(
            GeneratedTextRecord(
                tenantID: tenantID, subject: subject, feature: Self.feature, provider: provider, model: model, prompt: prompt.jsonString,
                details: ["text": .string(text), "churn_score": .double(churn.score)], createdAt: now))
        return RetentionSuggestion(text: text, provider: provider, model: model)
    }

    static func prompt(firstName: String?, churn: ChurnRisk, recommendation: Recommendation?) -> JSONValue {
        var prompt: JSONObject = [
            "locale": .string(churn.locale == .french ? "fr" : "en"), "churn_score": .double((churn.score * 100).rounded() / 100),
            "band": .string(churn.band.rawValue),
            "signals": .array(churn.factors.prefix(4).map { ["kind": .string($0.kind.rawValue), "text": .string($0.text(in: churn.locale))] }),
        ]
        prompt["first_name"] = firstName.map(JSONValue.string) ?? .null
        prompt["recommended_action"] = recommendation.map { .string($0.action.rawValue) } ?? .null
        return .object(prompt)
    }

    static let system = """
        You advise a small online shop's owner on keeping a customer who may stop buying. From the JSON (churn score, \
        the signals behind it, in order of weight), write one or two short sentences in the given locale (fr or en): \
        what is happening and one concrete action (channel, tone, whether an offer is worth it). Plain text, no \
        greeting, no invented facts or amounts.
        """
}

/// A retention suggestion and who wrote it.
public struct RetentionSuggestion: Sendable, Hashable, Encodable {
    public var text: String
    public var provider: String
    public var model: String
}

import AutopilotCore
import Content
import Foundation
import LLM
import Storage

/// Writes blog articles (seed 001's blog generator) through the gateway: a draft in the request's framework and
/// language, then in agentic mode a critique → refinement loop of at most `maximumCycles` refinements that stops as soon
/// as a refinement does not raise the critique's score (the better article is kept, every critique too). Who wrote the
/// article is recorded (`generated_texts`, subject `blog:ID`).
public struct BlogGenerator: Sendable {
    /// Feature labels in accounting (`llm_calls`) and offline templates.
    public static let articleFeature = "blog_article"
    public static let critiqueFeature = "blog_critique"
    public static let refinementFeature = "blog_refine"
    /// Most refinements in agentic mode.
    public static let maximumCycles = 3

    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// Writes the article (and in agentic mode critiques and refines it); `AIFeatureError` when no usable article came back.
    public func generate(_ request: BlogRequest) async throws -> BlogResult {
        let draft = try await complete(Self.articleFeature, system: BlogPrompts.article(request), document: request.promptDocument)
        guard let article = BlogArticle(answer: draft.value, language: request.language) else {
            throw AIFeatureError(
                code: "blog_unavailable", message: "the writer (\(draft.response.provider)) gave no article with two sections; try again")
        }
        var result = BlogResult(
            id: dependencies.ids.make("blog"), request: request, article: article, provider: draft.response.provider, model: draft.response.model,
            offlineReason: draft.response.offlineReason)
        if request.agentic { try await refine(&result) }
        try await record(result)
        return result
    }

    /// The critique → refinement loop: keeps a refinement only when its critique scores higher than the best so far.
    private func refine(_ result: inout BlogResult) async throws {
        let request = result.request
        guard var best = try await critique(result.article, request: request, cycle: 0) else {
            result.stopReason = "critique_unusable"
            return
        }
        result.critiques = [best]
        result.stopReason = "maximum_cycles"
        for cycle in 1...Self.maximumCycles {
            if best.total >= 30 {
                result.stopReason = "perfect_score"
                return
            }
            let document: JSONValue = ["request": request.promptDocument, "article": result.article.answerValue, "critique": best.answerValue]
            let answer = try await complete(Self.refinementFeature, system: BlogPrompts.refinement(request), document: document)
            result.refinements = cycle
            guard let refined = BlogArticle(answer: answer.value, language: request.language) else {
                result.stopReason = "refinement_unusable"
                return
            }
            guard let next = try await critique(refined, request: request, cycle: cycle) else {
                result.stopReason = "critique_unusable"
                return
            }
            result.critiques.append(next)
            guard next.total > best.total else {
                result.stopReason = "score_stopped_improving"
                return
            }
            best = next
            result.article = refined
            result.provider = answer.response.provider
            result.model = answer.response.model
            result.offlineReason = answer.response.offlineReason
        }
    }

    private func critique(_ article: BlogArticle, request: BlogRequest, cycle: Int) async throws -> BlogCritique? {
        let document: JSONValue = ["request": request.promptDocument, "article": article.answerValue]
        let answer = try await complete(Self.critiqueFeature, system: BlogPrompts.critique(request), document: document)
        guard let value = answer.value, value["relevance"] != nil else { return nil }
        return BlogCritique(answer: value, cycle: cycle, provider: answer.response.provider, model: answer.response.model)
    }

    private func complete(_ feature: String, system: String, document: JSONValue) async throws -> (response: LLMResponse, value: JSONValue?) {
        let schema = feature == Self.critiqueFeature ? BlogCritique.answerSchema : BlogArticle.answerSchema
        let response = try await dependencies.ai.gateway.complete(
            LLMRequest(
                system: system, messages: [.user(document.jsonString)],
                structuredOutput: StructuredOutput(name: feature, schema: schema, strict: true),
                temperature: feature == Self.critiqueFeature ? 0.2 : 0.6, maxTokens: 4_000, feature: feature, tenant: tenantID))
        return (response, response.json ?? (try? JSONValue.parseAnswer(response.text)))
    }

    /// Records (again) who wrote the article, with where it was published (`publications`): `generated_texts`, subject
    /// `blog:ID`. Provenance belongs to a tenant: without one (the CLI on a database with several or no tenants) only
    /// `llm_calls` keeps the calls.
    public func record(_ result: BlogResult) async throws {
        guard !tenantID.isEmpty else { return }
        var details: JSONObject = [
            "title": .string(result.article.title), "language": .string(result.request.language.rawValue),
            "framework": .string(result.request.framework.rawValue), "agentic": .bool(result.request.agentic),
            "refinements": .int(Int64(result.refinements)), "scores": .array(result.critiques.map { .int(Int64($0.total)) }),
        ]
        details["offline_reason"] = result.offlineReason.map(JSONValue.string)
        if !result.publications.isEmpty { details["publications"] = .array(result.publications.map(\.jsonValue)) }
        try await dependencies.store.recordGeneratedText(
            GeneratedTextRecord(
                tenantID: tenantID, subject: "blog:\(result.id)", feature: Self.articleFeature, provider: result.provider, model: result.model,
                prompt: result.request.topic, details: details, createdAt: dependencies.clock.now()))
    }
}

import AutopilotCore
import Foundation
import Integrations

/// A written article, who wrote it, and in agentic mode every critique and why the loop stopped.
public struct BlogResult: Sendable, Hashable {
    /// `blog_…`: the subject `blog:ID` of its `generated_texts` row.
    public var id: String
    public var request: BlogRequest
    /// The best article: the draft, or the refinement that scored highest.
    public var article: BlogArticle
    /// Who wrote that article: `openai`, `anthropic`… or `offline`, and the model.
    public var provider: String
    public var model: String
    /// Why the offline provider wrote it, when it did.
    public var offlineReason: String?
    /// Agentic mode: the critique of the draft (cycle 0), then of each refinement, in order.
    public var critiques: [BlogCritique] = []
    /// Agentic mode: refinements asked for (at most `BlogGenerator.maximumCycles`).
    public var refinements = 0
    /// Agentic mode: `score_stopped_improving`, `maximum_cycles`, `perfect_score`, `refinement_unusable`, `critique_unusable`.
    public var stopReason: String?
    /// What `--publish` / `--distribute` did, platform by platform.
    public var publications: [PublicationOutcome] = []

    public init(id: String, request: BlogRequest, article: BlogArticle, provider: String, model: String, offlineReason: String?) {
        self.id = id
        self.request = request
        self.article = article
        self.provider = provider
        self.model = model
        self.offlineReason = offlineReason
    }

    /// The stable JSON answer (docs/content.md): `id`, `title`, `meta_description`, `markdown`, `html`, `language`,
    /// `framework`, `keywords`, `provider`, `model`, `offline_reason`, `agentic`; in agentic mode `critiques`,
    /// `refinements`, `stop_reason`; `publications` when publishing was asked for.
    public var jsonObject: JSONObject {
        var object: JSONObject = [
            "id": .string(id), "title": .string(article.title), "meta_description": .string(article.metaDescription),
            "markdown": .string(article.markdown), "html": .string(article.html), "language": .string(request.language.rawValue),
            "framework": .string(request.framework.rawValue), "keywords": .array(request.keywords.map(JSONValue.string)),
            "sections": .array(article.sections.map { .string($0.heading) }), "call_to_action": .string(article.callToAction),
            "provider": .string(provider), "model": .string(model),
        ]
        object["offline_reason"] = offlineReason.map(JSONValue.string) ?? .null
        object["agentic"] = .bool(request.agentic)
        if request.agentic {
            object["critiques"] = .array(critiques.map(\.jsonValue))
            object["refinements"] = .int(Int64(refinements))
            object["stop_reason"] = stopReason.map(JSONValue.string) ?? .null
        }
        if !publications.isEmpty { object["publications"] = .array(publications.map(\.jsonValue)) }
        return object
    }
}

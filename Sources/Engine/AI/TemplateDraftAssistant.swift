import AutopilotCore
import Flows
import Foundation
import LLM
import Storage

/// Drafts a message template from a person's request (seed 004 phase 1.6–1.7): the gateway writes it, the variables it
/// uses are checked against `TemplateVocabulary`, and it is saved through `TemplateService` as a draft written by the
/// assistant — never active until a person activates it. Who wrote it is recorded (`generated_texts`).
public struct TemplateDraftAssistant: Sendable {
    /// The feature label in accounting and offline templates.
    public static let feature = "template_draft"

    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// Writes, checks and saves a draft.
    public func draft(_ request: TemplateDraftRequest) async throws -> TemplateDraftResult {
        let response = try await dependencies.ai.gateway.complete(
            LLMRequest(
                system: Self.systemPrompt(for: request), messages: [.user(request.promptDocument.jsonString)],
                structuredOutput: StructuredOutput(name: "template_draft", schema: Self.answerSchema, strict: true), temperature: 0.4,
                maxTokens: 1_500, feature: Self.feature, tenant: tenantID))
        let answer = try Self.answer(from: response)
        let service = TemplateService(dependencies: dependencies, tenantID: tenantID)
        let name = try await availableName(Self.templateName(answer.name, channel: request.channel), channel: request.channel, service: service)
        var body = answer.body
        body = TemplateDraftMentions.adding(to: body, channel: request.channel, language: request.language)
        var variant: JSONObject = ["body": .string(body)]
        if request.channel == .email { variant["subject"] = .string(answer.subject.isEmpty ? name : answer.subject) }
        let document: JSONObject = [
            "name": .string(name), "channel": .string(request.channel.rawValue), "purpose": .string(MessagePurpose.marketing.rawValue),
            "description": .string(String(answer.description.prefix(200))), "generated_by": "assistant",
            "variants": .object([request.locale: .object(variant)]),
        ]
        let view = try await service.create(document)
        let texts = [variant["subject"]?.stringValue ?? "", body]
        let variables = TemplateVocabulary.variables(in: texts.joined(separator: "\n"))
        let unknown = variables.filter { !TemplateVocabulary.isKnown($0) }
        var details: JSONObject = [
            "channel": .string(request.channel.rawValue), "locale": .string(request.locale),
            "unknown_variables": .array(unknown.map(JSONValue.string)),
        ]
        details["offline_reason"] = response.offlineReason.map(JSONValue.string)
        try await dependencies.store.recordGeneratedText(
            GeneratedTextRecord(
                tenantID: tenantID, subject: "template:\(view.id)", feature: Self.feature, provider: response.provider, model: response.model,
                prompt: request.request, details: details, createdAt: dependencies.clock.now()))
        return TemplateDraftResult(
            template: view, provider: response.provider, model: response.model, offlineReason: response.offlineReason, variables: variables,
            unknownVariables: unknown, problems: TemplateCheck.problems(in: view.template))
    }

    /// Flows send a name on one channel: a name the library or the tenant uses on another channel gets the channel appended.
    private func availableName(_ name: String, channel: Channel, service: TemplateService) async throws -> String {
        let versions = try await dependencies.store.templateVersions(name: name, tenantID: tenantID)
        let existing = service.builtIn[name]?.channel.rawValue ?? versions.last?.channel
        guard let existing, existing != channel.rawValue else { return name }
        return "\(name)-\(channel.rawValue)"
    }

    struct Answer {
        var name: String
        var description: String
        var subject: String
        var body: String
    }

    static func answer(from response: LLMResponse) throws -> Answer {
        let value = response.json ?? (try? JSONValue.parseAnswer(response.text))
        guard let value, let body = value["body"]?.stringValue, !body.allSatisfy(\.isWhitespace) else {
            throw AIFeatureError(code: "draft_unavailable", message: "the assistant (\(response.provider)) gave no template text; try again")
        }
        return Answer(
            name: value["name"]?.stringValue ?? "", description: value["description"]?.stringValue ?? "",
            subject: value["subject"]?.stringValue ?? "", body: body)
    }

    /// A template name from the model's suggestion: lower-case ASCII letters, digits and dashes, starting with a letter.
    static func templateName(_ suggestion: String, channel: Channel) -> String {
        let folded = suggestion.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(50))
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.first?.isLetter != true { slug = "draft-\(channel.rawValue)" + (slug.isEmpty ? "" : "-\(slug)") }
        return slug
    }
}

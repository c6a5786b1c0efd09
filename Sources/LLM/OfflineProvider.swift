import AutopilotCore
import Foundation

/// What a feature's offline template produced.
public enum OfflineContent: Sendable, Hashable {
    case text(String)
    case json(JSONValue)
}

/// A feature's own offline output, registered by feature label; return nil to let the generic template answer.
public struct OfflineResponder: Sendable {
    public let respond: @Sendable (LLMRequest) -> OfflineContent?

    public init(_ respond: @escaping @Sendable (LLMRequest) -> OfflineContent?) {
        self.respond = respond
    }
}

/// The provider that needs no network: deterministic answers from templates and rules. It never fails.
///
/// For a structured-output request it returns a value satisfying the schema (a feature's responder first, when its
/// value is valid; else `OfflineValueGenerator`); for plain text, the feature's text or a clearly marked template.
public struct OfflineProvider: Sendable {
    /// The provider name in responses and accounting.
    public static let name = "offline"
    /// The model name in responses and accounting.
    public static let model = "offline-templates-v1"

    private var responders: [String: OfflineResponder]

    public init(responders: [String: OfflineResponder] = [:]) {
        self.responders = responders
    }

    /// A copy with `responder` answering requests whose `feature` is `feature`.
    public func registering(feature: String, _ responder: OfflineResponder) -> OfflineProvider {
        var copy = self
        copy.responders[feature] = responder
        return copy
    }

    /// The features with a registered responder.
    public var features: [String] { responders.keys.sorted() }

    /// The offline answer to `request`; `reason` says why the offline provider answered.
    public func respond(to request: LLMRequest, reason: String) -> LLMResponse {
        let custom = responders[request.feature]?.respond(request)
        var text: String
        var json: JSONValue?
        if let output = request.structuredOutput {
            // Not `? $0 : nil` in a closure: JSONValue is ExpressibleByNilLiteral, so that `nil` would be `.null`.
            let value = Self.customValue(custom).flatMap { JSONSchemaValidator.isValid($0, against: output.schema) ? Optional($0) : Optional.none }
            let chosen = value ?? OfflineValueGenerator(prompt: request.lastUserText).value(for: output.schema)
            json = chosen
            text = chosen.jsonString
        } else if case .text(let custom) = custom {
            text = custom
        } else if case .json(let value) = custom {
            text = value.jsonString
        } else {
            text = Self.templatedText(request, reason: reason)
        }
        let inputCharacters = (request.system?.count ?? 0) + request.messages.reduce(0) { $0 + $1.content.count }
        return LLMResponse(
            text: text, json: json,
            usage: TokenUsage(input: (inputCharacters + 3) / 4, output: (text.count + 3) / 4),
            provider: Self.name, model: Self.model, finishReason: .stop, offlineReason: reason
        )
    }

    static func customValue(_ content: OfflineContent?) -> JSONValue? {
        switch content {
        case .json(let value): return value
        case .text(let text): return try? JSONValue.parseAnswer(text)
        case nil: return nil
        }
    }

    static func templatedText(_ request: LLMRequest, reason: String) -> String {
        let prompt = request.lastUserText.trimmingCharacters(in: .whitespacesAndNewlines)
        var lines = ["[offline] This answer was written from a template, without a language model (\(reason))."]
        if !prompt.isEmpty {
            let excerpt = prompt.count > 400 ? String(prompt.prefix(400)) + "…" : prompt
            lines.append("Request: \(excerpt)")
        }
        return lines.joined(separator: "\n")
    }
}

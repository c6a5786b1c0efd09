import AutopilotCore
import Flows
import Foundation

/// What a person asks the assistant for: `{"request": "un email de relance pour les leads froids", "channel": "email",
/// "locale": "fr"}` (`POST /v1/templates/draft-from-chat`, the `create_template_draft` tool).
public struct TemplateDraftRequest: Sendable, Hashable {
    /// Longest request accepted, in characters.
    public static let maximumLength = 2_000

    public var request: String
    public var channel: Channel
    /// The language of the draft: `fr`, `en`, optionally with a region (`fr-CA`).
    public var locale: String

    public init(request: String, channel: Channel, locale: String) {
        self.request = request
        self.channel = channel
        self.locale = locale
    }

    /// Reads and checks a request document; `ValidationError` (code `invalid_draft_request`) names the field and reason.
    public init(document: JSONObject) throws {
        func fail(_ field: String, _ message: String) -> ValidationError {
            ValidationError(code: "invalid_draft_request", field: field, message: message)
        }
        for key in document.keys where !["request", "channel", "locale"].contains(key) {
            throw fail(key, "unknown field (expected request, channel, locale)")
        }
        guard let request = document["request"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !request.isEmpty else {
            throw fail("request", "is required: a sentence saying what the message is for")
        }
        guard request.count <= Self.maximumLength else {
            throw fail("request", "is \(request.count) characters long (\(Self.maximumLength) at most)")
        }
        for key in ["channel", "locale"] where document[key] != nil && document[key]?.stringValue == nil {
            throw fail(key, "must be a string")
        }
        let channelText = document["channel"]?.stringValue ?? "email"
        guard let channel = Channel(rawValue: channelText) else { throw fail("channel", "\"\(channelText)\" is not email, sms or whatsapp") }
        let locale = document["locale"]?.stringValue ?? "fr"
        guard Self.isLocale(locale) else { throw fail("locale", "\"\(locale)\" is not a locale (such as fr, en or fr-CA)") }
        self.init(request: request, channel: channel, locale: locale)
    }

    /// The language part of the locale (`fr` for `fr-CA`).
    public var language: String { String(locale.prefix { $0 != "-" }) }

    private static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The request as the model reads it (and the offline template parses it back).
    var promptDocument: JSONValue {
        ["request": .string(request), "channel": .string(channel.rawValue), "locale": .string(locale)]
    }
}

/// The saved draft and what the assistant reports about it.
public struct TemplateDraftResult: Sendable, Hashable {
    /// The stored draft (status `draft`, `generated_by` `assistant`).
    public var template: TemplateView
    /// Who wrote it: `openai`, `anthropic`… or `offline`, and the model.
    public var provider: String
    public var model: String
    /// Why the offline provider wrote it, when it did.
    public var offlineReason: String?
    /// Every variable the texts use, in order of first use.
    public var variables: [String]
    /// The variables templates do not know (kept in the draft, which cannot be activated until they are fixed).
    public var unknownVariables: [String]
    /// What keeps the draft from being activated now (`TemplateCheck`); empty when it may be.
    public var problems: [ValidationIssue]

    /// The API answer: `template` and `assistant` (provider, model, offline_reason, variables, unknown_variables, problems).
    public var jsonObject: JSONObject {
        let problems: [JSONValue] = problems.map { ["field": .string($0.path), "message": .string($0.message)] }
        var assistant: JSONObject = ["provider": .string(provider), "model": .string(model)]
        assistant["offline_reason"] = offlineReason.map(JSONValue.string) ?? .null
        assistant["variables"] = .array(variables.map(JSONValue.string))
        assistant["unknown_variables"] = .array(unknownVariables.map(JSONValue.string))
        assistant["problems"] = .array(problems)
        return ["template": .object(template.jsonObject), "assistant": .object(assistant)]
    }
}

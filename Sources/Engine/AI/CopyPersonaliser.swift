import AutopilotCore
import Flows
import Foundation
import LLM

/// Rewrites a rendered message for its contact (a flow `send` step with `personalise: true`) inside `CopyGuardRails`.
/// On any failure — no provider, an error, a broken rule, an email with its own HTML — the plain template is sent and
/// the reason kept. `CopyPersonalisation.note` keeps who wrote the text that was sent.
public struct CopyPersonaliser: Sendable {
    /// The feature label in accounting.
    public static let feature = "personalised_copy"

    public let gateway: LLMGateway
    public let guardRails: CopyGuardRails

    public init(gateway: LLMGateway, guardRails: CopyGuardRails = CopyGuardRails()) {
        self.gateway = gateway
        self.guardRails = guardRails
    }

    /// What the model may know of the contact.
    public struct Recipient: Sendable, Hashable {
        public var firstName: String?
        public var facts: [String: String]

        public init(firstName: String?, facts: [String: String] = [:]) {
            self.firstName = firstName
            self.facts = facts
        }
    }

    /// The message to send: the rewritten text when it keeps every rule, else `rendered` unchanged with the reason.
    public func personalise(_ rendered: RenderedMessage, for recipient: Recipient, tenantID: String) async -> CopyPersonalisation {
        if gateway.providerNames(for: tenantID).isEmpty {
            // Offline, the template is the deterministic text: no call, no cost.
            return .template(rendered, reason: "offline: no_provider_configured")
        }
        if let html = rendered.html, html != TemplateHTML.fromText(rendered.text) {
            return .template(rendered, reason: "custom_html: the template has its own HTML, which a rewrite of the text would not match")
        }
        let request = LLMRequest(
            system: Self.systemPrompt(rendered, guardRails: guardRails), messages: [.user(Self.userPrompt(rendered, recipient: recipient))],
            temperature: 0.5, maxTokens: max(256, rendered.text.count), timeout: .seconds(20), deadline: .seconds(40),
            feature: Self.feature, tenant: tenantID)
        let response: LLMResponse
        do {
            response = try await gateway.complete(request)
        } catch {
            return .template(rendered, reason: "gateway_error: \(error)")
        }
        if response.provider == OfflineProvider.name {
            return .template(rendered, reason: "offline: \(response.offlineReason ?? "no provider answered")")
        }
        let text = Self.cleaned(response.text)
        if let violation = guardRails.violation(original: rendered.text, rewritten: text, language: rendered.locale) {
            return .template(rendered, reason: "guard_rail: \(violation)", provider: response.provider, model: response.model)
        }
        var message = rendered
        message.text = text
        if rendered.html != nil { message.html = TemplateHTML.fromText(text) }
        return CopyPersonalisation(message: message, personalised: true, provider: response.provider, model: response.model, reason: nil)
    }

    static func systemPrompt(_ rendered: RenderedMessage, guardRails: CopyGuardRails) -> String {
        let limit = Int((Double(rendered.text.count) * guardRails.maximumLengthRatio).rounded(.down))
        return """
            You rewrite a shop's message so that it reads as written for this one customer. Rules: keep every link exactly as \
            written and add none; keep the offer exactly (no new or changed discount, percentage, price, amount or code, nothing \
            free that was not); make no claim the message does not make; write in the same language as the message \
            ("\(rendered.locale)"); at most \(limit) characters. Answer with the rewritten message only.
            """
    }

    static func userPrompt(_ rendered: RenderedMessage, recipient: Recipient) -> String {
        var lines = ["Customer:"]
        if let name = recipient.firstName, !name.isEmpty { lines.append("- first name: \(name)") }
        for key in recipient.facts.keys.sorted() { lines.append("- \(key): \(recipient.facts[key] ?? "")") }
        lines.append("Message:")
        lines.append(rendered.text)
        return lines.joined(separator: "\n")
    }

    /// The answer without a code fence or surrounding quotes.
    static func cleaned(_ answer: String) -> String {
        var text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            text = String(text.drop { $0 != "\n" }.dropFirst())
            if text.hasSuffix("```") { text = String(text.dropLast(3)) }
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count >= 2, let first = text.first, let last = text.last, (first, last) == ("\"", "\"") || (first, last) == ("«", "»") {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}

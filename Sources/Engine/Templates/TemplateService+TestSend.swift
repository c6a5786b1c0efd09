import AutopilotCore
import Channels
import Flows
import Foundation

/// What a test send did: the sender used (`log` writes the message to the server's log instead of delivering it) and
/// whether the sender accepted it.
public struct TemplateTestSend: Sendable, Equatable {
    public var sender: String
    /// True when the sender only writes to the log (nothing leaves the machine).
    public var logged: Bool
    public var accepted: Bool
    /// Why the sender refused it, in its words.
    public var failure: String?
}

extension TemplateService {
    /// Sends one email template, rendered with sample data in `locale`, to `address` (the person testing it) through the
    /// tenant's email sender — its own settings, else the process default, else the log. Nothing is queued or recorded:
    /// the message reaches no contact and counts in no statistic.
    public func sendTest(id: String, locale: String, to address: String, senders: SenderDirectory) async throws -> TemplateTestSend {
        let view = try await template(id: id)
        guard view.template.channel == .email else {
            throw ValidationError(code: "invalid_request", field: "id", message: "only email templates can be sent as a test")
        }
        let rendered = try TemplateRenderer.render(view.template, locale: locale, context: TemplateSampleData.context(locale: locale))
        let resolved = try await senders.resolve(tenantIDs: [tenantID], store: dependencies.store)
        let sender = resolved.sender(for: .email, tenantID: tenantID)
        let id = dependencies.ids.make("test")
        let message = OutboundMessage(
            id: id, tenantID: tenantID, idempotencyKey: "template-test:" + id, channel: .email, recipient: address,
            subject: "[Test] " + (rendered.subject ?? view.template.name), text: rendered.text, html: rendered.html)
        switch await sender.send(message) {
        case .sent: return TemplateTestSend(sender: sender.name, logged: sender.name == "log", accepted: true, failure: nil)
        case .failed(let failure):
            return TemplateTestSend(sender: sender.name, logged: sender.name == "log", accepted: false, failure: failure.reason)
        }
    }

    /// The name of the email sender a test send goes through now (`log`: written to the server's log, delivered to no one).
    public func testSenderName(senders: SenderDirectory) async throws -> String {
        try await senders.resolve(tenantIDs: [tenantID], store: dependencies.store).sender(for: .email, tenantID: tenantID).name
    }
}

import AutopilotCore
import Chat
import Engine
import Storage

extension DashboardHarness {
    /// A visitor's conversation through the chat agent (a widget key of the tenant, the visitor's `messages` in turn);
    /// returns its id.
    func conversation(tenantID: String, visitorID: String = "v-visitor1", messages: [String], language: String = "fr") async throws -> String {
        let widget = try await WidgetKeyService(dependencies: dependencies).create(
            tenantID: tenantID, origins: ["https://shop.example"], qualifiesLeads: false)
        let service = ConversationService(dependencies: dependencies)
        let started = try await service.start(widget: widget, visitorID: visitorID, language: language)
        for text in messages {
            _ = try await service.post(
                conversationID: started.conversationID, widget: widget, visitorID: visitorID, text: text, clientMessageID: nil)
        }
        return started.conversationID
    }
}

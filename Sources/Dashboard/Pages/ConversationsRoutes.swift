import AutopilotCore
import Chat
import Engine
import Foundation
import Hummingbird

extension DashboardApp {
    func registerConversations<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/conversations") { request, _ in
            await self.page(request) { viewer, pageRequest in try await ConversationsPage(app: self, viewer: viewer).view(pageRequest) }
        }
        router.get("/conversations/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.page(request) { viewer, _ in try await ConversationPage(app: self, viewer: viewer).view(conversationID: id) }
        }
        router.post("/conversations/{id}/replies") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, form, _ in
                let text = form["text"] ?? ""
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw DashboardFailure.invalid(viewer.strings["conversation_reply_empty"])
                }
                guard text.count <= ConversationPage.maximumReplyLength else {
                    throw DashboardFailure.invalid(viewer.strings["conversation_reply_too_long"])
                }
                let view = try await ConversationService(dependencies: self.dependencies).reply(
                    conversationID: id, tenantID: viewer.tenantID, text: text, author: viewer.user.email,
                    clientMessageID: form.text("client_message_id"))
                return ActionResult("/conversations/\(id)", notice: view.replayed ? nil : "conversation_replied")
            }
        }
        router.post("/conversations/{id}/close") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, _, _ in
                _ = try await ConversationService(dependencies: self.dependencies).close(conversationID: id, tenantID: viewer.tenantID)
                return ActionResult("/conversations/\(id)", notice: "conversation_closed")
            }
        }
        router.post("/conversations/{id}/reopen") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, _, _ in
                _ = try await ConversationService(dependencies: self.dependencies).reopen(conversationID: id, tenantID: viewer.tenantID)
                return ActionResult("/conversations/\(id)", notice: "conversation_reopened")
            }
        }
    }
}

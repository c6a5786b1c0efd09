import Assistant
import AutopilotCore
import Engine
import Foundation
import Hummingbird

extension DashboardApp {
    /// MAX's service, on the dashboard's dependencies and the server's tool settings.
    var assistant: AssistantService { AssistantService(dependencies: dependencies, settings: configuration.toolSettings, registry: configuration.toolRegistry) }

    func registerAssistant<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/assistant") { request, _ in
            await self.page(request) { viewer, _ in try await AssistantPage(app: self, viewer: viewer).view(conversationID: nil) }
        }
        router.get("/assistant/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.page(request) { viewer, _ in try await AssistantPage(app: self, viewer: viewer).view(conversationID: id) }
        }
        router.post("/assistant/messages") { request, _ in
            await self.action(request, viewersMay: true) { viewer, form, _ in
                let input: AssistantMessageInput
                do {
                    input = try AssistantMessageInput(
                        conversationID: form.text("conversation_id"), text: form["text"] ?? "", clientMessageID: form.text("client_message_id"))
                } catch {
                    throw DashboardFailure.invalid(viewer.strings["assistant_bad_text"])
                }
                let reply = try await self.assistant.send(input, caller: viewer.assistantCaller)
                return ActionResult("/assistant/\(reply.conversationID)#latest")
            }
        }
        router.post("/assistant/{id}/drafts/{call}/confirm") { request, context in
            let id = context.parameters.get("id") ?? "", call = context.parameters.get("call") ?? ""
            return await self.action(request) { viewer, _, _ in
                _ = try await self.assistant.confirm(conversationID: id, callID: call, caller: viewer.assistantCaller)
                return ActionResult("/assistant/\(id)", notice: "assistant_confirmed")
            }
        }
        router.post("/assistant/{id}/drafts/{call}/decline") { request, context in
            let id = context.parameters.get("id") ?? "", call = context.parameters.get("call") ?? ""
            return await self.action(request) { viewer, _, _ in
                _ = try await self.assistant.decline(conversationID: id, callID: call, caller: viewer.assistantCaller)
                return ActionResult("/assistant/\(id)", notice: "assistant_declined")
            }
        }
    }
}

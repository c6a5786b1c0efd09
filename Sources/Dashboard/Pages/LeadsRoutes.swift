import AutopilotCore
import Engine
import Foundation
import Hummingbird
import Storage

extension DashboardApp {
    func registerLeads<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/leads") { request, _ in
            await self.page(request) { viewer, pageRequest in try await LeadsPage(app: self, viewer: viewer).view(pageRequest) }
        }
        router.get("/leads/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.page(request) { viewer, _ in try await LeadPage(app: self, viewer: viewer).view(leadID: id) }
        }
        router.post("/leads/{id}/requalify") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, _, _ in
                try await LeadDesk(dependencies: self.dependencies, tenantID: viewer.tenantID).requalify(leadID: id)
                return ActionResult("/leads/\(id)", notice: "lead_requalified")
            }
        }
        router.post("/leads/{id}/status") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, form, _ in
                guard let status = form["status"].flatMap(LeadStatus.init(rawValue:)) else {
                    throw DashboardFailure.invalid(viewer.strings["lead_bad_status"])
                }
                try await LeadDesk(dependencies: self.dependencies, tenantID: viewer.tenantID).setStatus(status, leadID: id, by: viewer.user.email)
                return ActionResult("/leads/\(id)", notice: "lead_status_\(status.rawValue)")
            }
        }
        router.post("/leads/{id}/notes") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, form, _ in
                let text = form["text"] ?? ""
                guard text.unicodeScalars.count <= LeadNote.maximumLength else {
                    throw DashboardFailure.invalid(viewer.strings["lead_note_too_long"])
                }
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw DashboardFailure.invalid(viewer.strings["lead_note_empty"])
                }
                try await LeadDesk(dependencies: self.dependencies, tenantID: viewer.tenantID).addNote(
                    leadID: id, text: text, authorID: viewer.user.id, authorEmail: viewer.user.email)
                return ActionResult("/leads/\(id)", notice: "lead_note_added")
            }
        }
    }
}

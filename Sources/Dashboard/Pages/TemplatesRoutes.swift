import AutopilotCore
import Content
import Engine
import Flows
import Foundation
import Hummingbird
import Logging

extension DashboardApp {
    func registerTemplates<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/templates") { request, _ in
            await self.page(request) { viewer, pageRequest in try await TemplatesPage(app: self, viewer: viewer).view(pageRequest) }
        }
        router.get("/templates/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.page(request) { viewer, _ in try await TemplateEditorPage(app: self, viewer: viewer).view(id: id) }
        }
        router.post("/templates/:id/preview") { request, context in
            let id = context.parameters.get("id") ?? ""
            let pageRequest = PageRequest(request)
            return await self.fragment(request) { viewer, form in
                let editor = TemplateEditorPage(app: self, viewer: viewer)
                // Without JavaScript the preview button posts the form: the whole editor comes back, previewing the unsaved texts.
                guard form["full"] == nil else { return self.render(try await editor.view(id: id, form: form), viewer: viewer, request: pageRequest) }
                return try await editor.previewFragment(id: id, form: form)
            }
        }
        for change in ["save", "activate", "archive", "test-send"] {
            router.post("/templates/:id/\(change)") { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.action(request) { viewer, form, _ in try await self.changeTemplate(id, change, viewer: viewer, form: form) }
            }
        }
    }

    /// Saves the editor's texts as a draft, activates or archives a version, or sends a test to the signed-in person.
    func changeTemplate(_ id: String, _ change: String, viewer: Viewer, form: FormBody) async throws -> ActionResult {
        let service = TemplateService(dependencies: dependencies, tenantID: viewer.tenantID)
        switch change {
        case "save":
            let current = try await service.template(id: id)
            let saved = try await service.update(id: id, patch: TemplateForm.patch(current.template, form: form))
            return ActionResult(Self.templatePath(saved.id), notice: "template_saved")
        case "activate":
            let active = try await service.activate(id: id)
            return ActionResult(Self.templatePath(active.id), notice: "template_activated")
        case "archive":
            let archived = try await service.archive(id: id)
            return ActionResult(Self.templatePath(archived.id), notice: "template_archived")
        default:
            let result = try await service.sendTest(
                id: id, locale: viewer.language.rawValue, to: viewer.user.email, senders: configuration.senders)
            let notice = !result.accepted ? "template_test_failed" : (result.logged ? "template_test_logged" : "template_test_sent")
            if let failure = result.failure { logger.warning("dashboard: template test send failed: \(failure)") }
            return ActionResult(Self.templatePath(id), notice: notice)
        }
    }

    static func templatePath(_ id: String) -> String {
        "/templates/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_@"))) ?? id)
    }

    /// A form post answered with an HTML fragment (the editor's live preview): the same session, CSRF and role checks as
    /// `action`, and failures as a short fragment with the right status.
    func fragment(_ request: Request, _ render: (Viewer, FormBody) async throws -> String) async -> Response {
        do {
            guard let viewer = try await viewer(request) else { return HTMLResponse.html("", status: .unauthorized) }
            do {
                let form = try await checkedForm(request, viewer: viewer)
                return HTMLResponse.html(try await render(viewer, form))
            } catch {
                let (status, title, message) = describe(error, strings: viewer.strings)
                return HTMLResponse.html("<p class=\"error\"><strong>\(MarkdownHTML.escape(title))</strong> \(MarkdownHTML.escape(message))</p>", status: status)
            }
        } catch {
            logger.error("dashboard: session lookup failed: \(error)")
            return HTMLResponse.html("", status: .internalServerError)
        }
    }
}

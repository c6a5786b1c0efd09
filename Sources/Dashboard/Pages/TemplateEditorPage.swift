import AutopilotCore
import Content
import Engine
import Flows
import Foundation

/// One template: the editor (subject and text per language, the variables), a preview with sample data in French and
/// English (the rendered text shown escaped, never as markup), the SMS count, a test send, activate and archive, and
/// its versions.
struct TemplateEditorPage {
    let app: DashboardApp
    let viewer: Viewer

    /// The editor of template `id`; with `form`, showing and previewing the form's unsaved texts.
    func view(id: String, form: FormBody? = nil) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let service = TemplateService(dependencies: app.dependencies, tenantID: viewer.tenantID)
        let view = try await service.template(id: id)
        let template = form.map { TemplateForm.apply(view.template, form: $0) } ?? view.template
        let versions = try await service.list().filter { $0.template.name == template.name }.map { version -> [String: Any] in
            [
                "href": DashboardApp.templatePath(version.id), "current": version.id == view.id,
                "label": version.source == .builtIn
                    ? strings["templates_source_builtin"] : strings.format("automation_version", "\(version.template.version)"),
                "status": strings["templates_status_\(version.template.status.rawValue)"],
                "created": version.createdAt.map { strings.format("templates_created", format.dateTime($0)) } ?? "",
                "changed": version.updatedAt.map { strings.format("templates_changed", format.dateTime($0)) } ?? "",
            ].withoutBlanks
        }
        let isEmail = template.channel == .email
        var sender = ""
        if isEmail && viewer.canEdit { sender = try await service.testSenderName(senders: app.configuration.senders) }
        let path = DashboardApp.templatePath(view.id)
        let model: [String: Any] = [
            "id": view.id, "name": template.name, "path": path,
            "description": BuiltinWords.templateDescription(id: view.id, description: template.description, language: viewer.language),
            "channel": strings["channel_\(template.channel.rawValue)"], "isEmail": isEmail,
            "status": strings["templates_status_\(template.status.rawValue)"], "inUse": view.inUse,
            "source": strings["templates_source_\(view.source.rawValue)"], "isBuiltIn": view.source == .builtIn,
            "byAssistant": template.generatedBy == "assistant",
            "variants": template.variants.map { variant -> [String: Any] in
                [
                    "locale": variant.locale, "language": languageName(variant.locale), "subject": variant.subject ?? "", "body": variant.body,
                    "isEmail": isEmail,
                ].withoutBlanks
            },
            "variables": TemplateVocabulary.variables.map { "{{" + $0 + "}}" },
            "preview": preview(template),
            "canActivate": view.source == .builtIn ? !view.inUse : template.status != .active,
            "canArchive": view.source == .tenant && template.status != .archived,
            "testHint": strings.format("templates_test_send_hint", viewer.user.email),
            "testLogged": sender == "log" ? strings["notice_template_test_logged"] : "",
            "versions": versions,
        ].withoutBlanks
        return PageView(template: "template", title: template.name, section: "templates", model: model)
    }

    /// The live preview of the editor's unsaved texts, as an HTML fragment for app.js.
    func previewFragment(id: String, form: FormBody) async throws -> String {
        let view = try await TemplateService(dependencies: app.dependencies, tenantID: viewer.tenantID).template(id: id)
        let context: [String: Any] = ["t": viewer.strings.table, "preview": preview(TemplateForm.apply(view.template, form: form))]
        return app.renderer.render("template_preview", context)
    }

    /// The template rendered with sample data in French and in English (the variant each language falls back to).
    func preview(_ template: MessageTemplate) -> [[String: Any]] {
        let strings = viewer.strings
        return [("fr", TemplateSampleData.french), ("en", TemplateSampleData.english)].map { locale, context -> [String: Any] in
            var values: [String: Any] = ["language": languageName(locale)]
            do {
                let rendered = try TemplateRenderer.render(template, locale: locale, context: context)
                values["subject"] = rendered.subject ?? ""
                values["text"] = rendered.text
                if template.channel == .sms {
                    let count = SMSSegments(rendered.text)
                    values["segments"] = strings.format(
                        "templates_sms_segments", viewer.format.number(count.length), viewer.format.number(count.segments),
                        strings["templates_sms_\(count.encoding.rawValue)"])
                }
            } catch {
                values["error"] = strings.format("templates_preview_error", (error as? TemplateRenderError)?.message ?? "\(error)")
            }
            return values.withoutBlanks
        }
    }

    func languageName(_ locale: String) -> String {
        let language = locale.split(separator: "-").first.map { $0.lowercased() } ?? locale
        return ["fr", "en"].contains(language)
            ? viewer.strings["templates_language_\(language)"] : viewer.strings.format("templates_language_other", locale)
    }
}
